import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rutaCaso } from '../soporte/casos.ts';
import { type CasoEntrada, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import type { PaginaRecupera } from './paginas/recupera.ts';
import { PaginaTurnos } from './paginas/turnos.ts';

const CASO = rutaCaso('01-pago-parcial-con-atraso.json');
const VISITANTE = 'María Guadalupe Soto Valenzuela';
const ACREDITADO = 'José Ángel Núñez Ibáñez';

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: turnos de ventanilla', () => {
  let e: Escenario;

  beforeAll(async () => {
    // crearEscenario starts the live notices (iniciarAvisos on 'turnos'), as `npm start` does.
    e = await crearEscenario();
    const { caso } = JSON.parse(readFileSync(CASO, 'utf8')) as { caso: CasoEntrada };
    await guardarCaso(e.base.db, caso, { oficina: 'HMO' });
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  const entrarComo = (usuario: string) => e.entrarComo(usuario);

  const ancho = (r: PaginaRecupera) =>
    r.page.evaluate<number>('document.documentElement.scrollWidth');

  it('el gestor registra una llegada y la coordinación de la misma oficina la ve sin recargar; el gestor la atiende, la cierra y el día queda al 100 %', async () => {
    const coordinador = await entrarComo('coordinador');
    const turnosCoordinador = new PaginaTurnos(coordinador.page);
    await turnosCoordinador.abrirDesdeLaNavegacion();
    await turnosCoordinador.esperarEnVivo();
    let navegaciones = 0;
    coordinador.page.on('framenavigated', (marco) => {
      if (marco === coordinador.page.mainFrame()) navegaciones++;
    });

    const gestor = await entrarComo('gestor');
    const turnos = new PaginaTurnos(gestor.page);
    await turnos.abrirDesdeLaNavegacion();
    await turnos.esperarEnVivo();

    // Arrival: the gestor registers it; the coordinador's open page shows it by itself.
    await turnos.registrarLlegada(VISITANTE, 'Abono');
    await turnos.enEspera(VISITANTE).waitFor();
    expect(await turnos.enEspera(VISITANTE).textContent()).toContain('H-001');
    await turnosCoordinador.enEspera(VISITANTE).waitFor({ timeout: 10_000 });
    expect(navegaciones).toBe(0);
    expect(await turnosCoordinador.enEspera(VISITANTE).textContent()).toContain('Abono');
    await coordinador.page.screenshot({ path: 'test-results/turnos-coordinador-en-vivo.png' });

    // Attention: the gestor takes it; it leaves everyone's queue.
    await turnos.tomar(VISITANTE);
    await turnos.enAtencion(VISITANTE).waitFor();
    await turnosCoordinador.enEspera(VISITANTE).waitFor({ state: 'detached', timeout: 10_000 });
    await turnos.vincularPersona('H-001', 'nunez', ACREDITADO);
    await turnos.enAtencion(VISITANTE).getByRole('link', { name: ACREDITADO }).waitFor();
    expect(await ancho(gestor)).toBeLessThanOrEqual(1366);
    await gestor.page.screenshot({ path: 'test-results/turnos-gestor-en-atencion.png' });

    // Closing with a result: the day's list says «Atendido» and the day is at 100 %.
    await turnos.cerrar(
      'H-001',
      'Pagó su abono en la caja del instituto; se le entregó el recibo.',
    );
    await turnos.filaDelDia(VISITANTE).filter({ hasText: 'Atendido' }).waitFor();
    const fila = (await turnos.filaDelDia(VISITANTE).textContent()) ?? '';
    expect(fila).toContain('Sofía Valenzuela Peña');
    expect(fila).toContain(ACREDITADO);
    await gestor.page.locator('dl.cifras-turnos').getByText('100 %', { exact: true }).waitFor();
    expect(await turnos.indicador('Tasa de atención')).toBe('100 %');
    expect(await turnos.indicador('Atendidos')).toBe('1');
    expect(await ancho(gestor)).toBeLessThanOrEqual(1366);
    await gestor.page.screenshot({ path: 'test-results/turnos-dia.png', fullPage: true });

    // The coordinador's indicators followed, still without a reload.
    await coordinador.page
      .locator('dl.cifras-turnos')
      .getByText('100 %', { exact: true })
      .waitFor({ timeout: 10_000 });
    expect(navegaciones).toBe(0);
  }, 90_000);
});
