import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { paginasDePdf, textoDePdf } from '../soporte/pdf.ts';

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
let n = 0;
const llave = () => `docs-${Date.now()}-${n++}`;

beforeAll(async () => {
  t = await crearAppDePrueba();
  t.reloj.fijar('2024-06-30T18:00:00Z');
  for (const u of ['gestor', 'gestor.nogales', 'coordinador', 'contabilidad', 'admin'])
    s[u] = await t.entrar(u);
});
afterAll(() => t.cerrar());

async function pagar(creditoId: number, monto: string, canal = 'banco', referencia = 'REF-1') {
  const r = await t.pedir('POST', `/api/creditos/${creditoId}/pagos`, {
    sesion: s.gestor,
    cuerpo: { monto, canal, referencia },
    encabezados: { 'idempotency-key': llave() },
  });
  expect(r.statusCode).toBe(201);
  return r.json();
}

describe('recibo de pago', () => {
  it('muestra el folio, el importe y cómo lo aplicó el motor; solo lo ve quien alcanza el crédito', async () => {
    const credito = await guardarCaso(t.base.db, casoPublicado('01-pago-parcial-con-atraso.json'));
    const pago = await pagar(credito.id, '1500.00', 'caja', 'CAJA-000451');
    const r = await t.pedir('GET', `/api/movimientos/${pago.movimiento.id}/recibo.pdf`, {
      sesion: s.gestor,
    });
    expect(r.statusCode).toBe(200);
    const texto = textoDePdf(r.rawPayload);
    expect(texto).toContain('Recibo de pago');
    expect(texto).toContain(`Folio ${pago.movimiento.id}`);
    expect(texto).toContain('$1,500.00');
    expect(texto).toContain('CAJA-000451');
    expect(texto).toContain('Cómo se aplicó');
    expect(texto).toContain('no recibe efectivo');
    // One page, no blank one after it, its footer with the four-digit year (issue 14).
    const paginas = paginasDePdf(r.rawPayload);
    expect(paginas).toHaveLength(1);
    expect(paginas[0]).toMatch(
      /Registrado el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} por [\s\S]*Página 1 de 1/,
    );
    expect(
      (
        await t.pedir('GET', `/api/movimientos/${pago.movimiento.id}/recibo.pdf`, {
          sesion: s['gestor.nogales'],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('un pago cancelado se reimprime marcado como CANCELADO', async () => {
    const credito = await guardarCaso(t.base.db, casoPublicado('01-pago-parcial-con-atraso.json'));
    const pago = await pagar(credito.id, '200.00');
    await t.pedir('POST', `/api/movimientos/${pago.movimiento.id}/cancelacion`, {
      sesion: s.coordinador,
      cuerpo: { motivo: 'Referencia equivocada' },
      encabezados: { 'idempotency-key': llave() },
    });
    const texto = textoDePdf(
      (
        await t.pedir('GET', `/api/movimientos/${pago.movimiento.id}/recibo.pdf`, {
          sesion: s.gestor,
        })
      ).rawPayload,
    );
    expect(texto).toContain('CANCELADO el 30/06/2024: Referencia equivocada');
  });
});

describe('carta finiquito', () => {
  it('la emite la coordinación para un crédito liquidado, numerada, una sola vez, y se reimprime', async () => {
    const credito = await guardarCaso(
      t.base.db,
      casoPublicado('02-liquidacion-anticipada-con-saldo-a-favor.json'),
    );
    expect(
      (
        await t.pedir('POST', `/api/creditos/${credito.id}/carta-finiquito`, {
          sesion: s.gestor,
          cuerpo: {},
        })
      ).statusCode,
    ).toBe(403);
    const primera = await t.pedir('POST', `/api/creditos/${credito.id}/carta-finiquito`, {
      sesion: s.coordinador,
      cuerpo: {},
    });
    expect(primera.statusCode).toBe(201);
    expect(primera.json()).toMatchObject({
      folio: expect.any(Number),
      fecha: '2024-06-30',
      nueva: true,
    });
    const segunda = await t.pedir('POST', `/api/creditos/${credito.id}/carta-finiquito`, {
      sesion: s.coordinador,
      cuerpo: {},
    });
    expect(segunda.statusCode).toBe(200);
    expect(segunda.json().folio).toBe(primera.json().folio);
    const texto = textoDePdf(
      (
        await t.pedir('GET', `/api/creditos/${credito.id}/carta-finiquito.pdf`, {
          sesion: s.gestor,
        })
      ).rawPayload,
    );
    expect(texto).toContain('Constancia de no adeudo');
    expect(texto).toContain('José Ángel Núñez Ibáñez');
    expect(texto).toContain(`Folio ${primera.json().folio}`);
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select('accion')
      .where('objeto_id', '=', String(credito.id))
      .execute();
    expect(bitacora.map((b) => b.accion)).toEqual(
      expect.arrayContaining(['carta_finiquito.emitir', 'carta_finiquito.imprimir']),
    );
  });

  it('no se emite para un crédito que aún debe', async () => {
    const credito = await guardarCaso(t.base.db, casoPublicado('01-pago-parcial-con-atraso.json'));
    const r = await t.pedir('POST', `/api/creditos/${credito.id}/carta-finiquito`, {
      sesion: s.coordinador,
      cuerpo: {},
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.mensaje).toMatch(
      /^El crédito no está liquidado: su saldo para liquidar hoy es \d+\.\d{2}\.$/,
    );
    expect(
      (
        await t.pedir('GET', `/api/creditos/${credito.id}/carta-finiquito.pdf`, {
          sesion: s.coordinador,
        })
      ).statusCode,
    ).toBe(404);
  });
});

// The corte de caja: test/http/corte-de-caja.test.ts.
