import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generarReferencia } from '../../src/domain/referencia.ts';
import { rutaCaso } from '../soporte/casos.ts';
import { type CasoEntrada, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { PaginaConciliacion } from './paginas/conciliacion.ts';

const CASO = rutaCaso('01-pago-parcial-con-atraso.json');

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: conciliación bancaria', () => {
  let e: Escenario;
  let hermosillo: { id: number; numero: string };
  let obregon: { id: number; numero: string };
  let csv: string;
  const folios = ['BNRT-0001', 'BNRT-0002', 'BNRT-0003'];

  beforeAll(async () => {
    e = await crearEscenario();
    const { caso } = JSON.parse(readFileSync(CASO, 'utf8')) as { caso: CasoEntrada };
    hermosillo = await guardarCaso(e.base.db, caso, { oficina: 'HMO' });
    obregon = await guardarCaso(e.base.db, caso, {
      oficina: 'OBR',
      nombres: 'Ana María',
      primerApellido: 'Félix',
    });
    const hoy = e.reloj.hoy().split('-').reverse().join('/');
    // The bank's layout (docs/estado-de-cuenta-bancario.md): two referenced deposits, one without.
    csv = [
      'fecha,referencia,importe,folio_banco,concepto',
      `${hoy},${generarReferencia(hermosillo.id)},"1,500.00",${folios[0]},DEPOSITO EN EFECTIVO SUC 0712 HERMOSILLO`,
      `${hoy},${generarReferencia(obregon.id)},850.00,${folios[1]},SPEI RECIBIDO BANORTE`,
      `${hoy},,300.00,${folios[2]},SPEI RECIBIDO SIN REFERENCIA`,
      '',
    ].join('\n');
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  const entrarComo = (usuario: string) => e.entrarComo(usuario);

  /** Payments posted from each bank folio: the ledger's own count, not the screen's. */
  async function pagosPorFolio(): Promise<Record<string, number>> {
    const filas = await e.base.db
      .selectFrom('movimientos')
      .select(['clave_externa'])
      .where('tipo', '=', 'pago')
      .where(
        'clave_externa',
        'in',
        folios.map((f) => `banco:${f}`),
      )
      .execute();
    const cuenta: Record<string, number> = {};
    for (const f of filas) {
      const folio = (f.clave_externa ?? '').replace('banco:', '');
      cuenta[folio] = (cuenta[folio] ?? 0) + 1;
    }
    return cuenta;
  }

  it('contabilidad importa el mismo estado de cuenta dos veces y cada depósito se registra una sola vez; el que no trae referencia se asigna a mano', async () => {
    const r = await entrarComo('contabilidad');
    const conciliacion = new PaginaConciliacion(r.page);
    await conciliacion.abrirDesdeLaNavegacion();

    const primera = await conciliacion.importar('estado-marzo.csv', csv);
    expect(primera).toContain('3 depósitos leídos');
    expect(primera).toContain('2 registrados ahora como pago, por $2,350.00');
    expect(primera).toContain('1 quedó pendiente');
    expect(await pagosPorFolio()).toEqual({ [folios[0] ?? '']: 1, [folios[1] ?? '']: 1 });
    await conciliacion.deposito(folios[2] ?? '').waitFor();
    expect(await conciliacion.deposito(folios[2] ?? '').textContent()).toContain(
      'El depósito no trae referencia.',
    );
    expect(
      await r.page.evaluate<number>('document.documentElement.scrollWidth'),
    ).toBeLessThanOrEqual(1366);
    await r.page.screenshot({ path: 'test-results/conciliacion-primera.png', fullPage: true });

    // The same file again: nothing posted twice, nothing added to the pending list.
    const segunda = await conciliacion.importar('estado-marzo.csv', csv);
    expect(segunda).toContain('0 registrados ahora como pago');
    expect(segunda).toContain('2 ya estaban registrados: no se registró otra vez');
    expect(segunda).toContain('1 ya estaba en la lista');
    expect(await pagosPorFolio()).toEqual({ [folios[0] ?? '']: 1, [folios[1] ?? '']: 1 });
    expect(await r.page.locator('.lista-depositos').getByRole('row').count()).toBe(2);
    await r.page.screenshot({ path: 'test-results/conciliacion-segunda.png', fullPage: true });

    // The deposit without a reference: a person assigns it to a credit by its número.
    await conciliacion.asignar(folios[2] ?? '', hermosillo.numero);
    await conciliacion.deposito(folios[2] ?? '').waitFor({ state: 'detached' });
    expect(await pagosPorFolio()).toEqual({
      [folios[0] ?? '']: 1,
      [folios[1] ?? '']: 1,
      [folios[2] ?? '']: 1,
    });

    const tercera = await conciliacion.importar('estado-marzo.csv', csv);
    expect(tercera).toContain('3 ya estaban registrados');
    expect(await pagosPorFolio()).toEqual({
      [folios[0] ?? '']: 1,
      [folios[1] ?? '']: 1,
      [folios[2] ?? '']: 1,
    });
  }, 90_000);
});
