import ExcelJS from 'exceljs';
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

describe('corte de caja', () => {
  it('suma los pagos del día por canal, oficina y quien registró; los cancelados se listan sin sumar; exporta a XLSX', async () => {
    t.reloj.fijar('2024-07-15T18:00:00Z');
    // Two weeks later the sessions have expired: sign in again.
    for (const u of ['gestor', 'coordinador', 'contabilidad']) s[u] = await t.entrar(u);
    const credito = await guardarCaso(t.base.db, casoPublicado('01-pago-parcial-con-atraso.json'));
    await pagar(credito.id, '100.00', 'banco');
    await pagar(credito.id, '250.50', 'caja');
    const cancelado = await pagar(credito.id, '999.00', 'banco');
    await t.pedir('POST', `/api/movimientos/${cancelado.movimiento.id}/cancelacion`, {
      sesion: s.contabilidad,
      cuerpo: { motivo: 'Depósito duplicado' },
      encabezados: { 'idempotency-key': llave() },
    });

    const corte = (
      await t.pedir('GET', '/api/caja/corte?fecha=2024-07-15', { sesion: s.contabilidad })
    ).json();
    expect(corte.total).toEqual({ clave: 'total', pagos: 2, monto: '350.50' });
    expect(corte.porCanal).toEqual([
      { clave: 'banco', pagos: 1, monto: '100.00' },
      { clave: 'caja', pagos: 1, monto: '250.50' },
    ]);
    expect(corte.porGestor).toEqual([
      { clave: 'Sofía Valenzuela Peña', pagos: 2, monto: '350.50' },
    ]);
    expect(corte.pagos).toHaveLength(3);
    expect(corte.pagos[0]).toMatchObject({ creditoId: credito.id, credito: credito.numero });
    expect(corte.pagos.filter((p: { cancelado: boolean }) => p.cancelado)).toHaveLength(1);
    expect(
      (await t.pedir('GET', '/api/caja/corte?fecha=2024-07-15', { sesion: s.gestor })).statusCode,
    ).toBe(403);

    const xlsx = await t.pedir('GET', '/api/caja/corte.xlsx?fecha=2024-07-15', {
      sesion: s.contabilidad,
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(libro.worksheets.map((h) => h.name)).toEqual([
      'Resumen',
      'Por canal',
      'Por oficina',
      'Por gestor',
      'Pagos',
    ]);
    expect(libro.getWorksheet('Resumen')?.getCell('A1').value).toBe('Corte de caja del 15/07/2024');
    expect(libro.getWorksheet('Resumen')?.getCell('B3').value).toBe(350.5);
    expect(libro.getWorksheet('Pagos')?.rowCount).toBe(4);
  });
});
