import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { textoDePdf } from '../soporte/pdf.ts';

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
const oficina: Record<string, number> = {};
let n = 0;

/** A Hermosillo credit held by `gestor` since January, paid $1,500.00 at the cashier today. */
async function creditoPagado(): Promise<void> {
  const c = await guardarCaso(t.base.db, casoPublicado('01-pago-parcial-con-atraso.json'));
  const gestor = await t.base.db
    .selectFrom('usuarios')
    .select('id')
    .where('usuario', '=', 'gestor')
    .executeTakeFirstOrThrow();
  await t.base.db
    .updateTable('creditos')
    .set({ gestor_id: gestor.id })
    .where('id', '=', c.id)
    .execute();
  await t.base.db
    .insertInto('asignaciones')
    .values({ credito_id: c.id, gestor_id: gestor.id, desde: '2026-01-01T00:00:00Z' })
    .execute();
  const r = await t.pedir('POST', `/api/creditos/${c.id}/pagos`, {
    sesion: s.gestor,
    cuerpo: { monto: '1500.00', canal: 'caja', referencia: 'CAJA-000451' },
    encabezados: { 'idempotency-key': `reporte-${n++}` },
  });
  expect(r.statusCode).toBe(201);
}

beforeAll(async () => {
  t = await crearAppDePrueba();
  for (const u of ['gestor', 'coordinador', 'contabilidad', 'admin']) s[u] = await t.entrar(u);
  for (const o of await t.base.db.selectFrom('oficinas').select(['id', 'clave']).execute())
    oficina[o.clave] = o.id;
  await creditoPagado();
});
afterAll(() => t.cerrar());

const pedir = (quien: string, url: string) => t.pedir('GET', url, { sesion: s[quien] });

async function libro(cuerpo: Buffer): Promise<ExcelJS.Workbook> {
  const l = new ExcelJS.Workbook();
  await l.xlsx.load(cuerpo as unknown as ArrayBuffer);
  return l;
}

const TODAS = [
  'Resumen y metas',
  'Recuperación',
  'Cobertura',
  'Turnos',
  'Promesas y convenios',
  'Cartera y rodamiento',
  'Prescripción',
];

describe('GET /api/indicadores/reporte.xlsx', () => {
  it('el coordinador baja el de su oficina: una hoja por familia, una fila por gestor, el pago del mes', async () => {
    const r = await pedir(
      'coordinador',
      `/api/indicadores/reporte.xlsx?mes=2026-03&oficinaId=${oficina.HMO}`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toBe(
      'attachment; filename="indicadores-HMO-2026-03.xlsx"',
    );
    const l = await libro(r.rawPayload);
    expect(l.worksheets.map((h) => h.name)).toEqual(TODAS);
    const rec = l.getWorksheet('Recuperación') as ExcelJS.Worksheet;
    expect(rec.getRow(1).getCell(1).value).toBe('Gestor');
    const filas: Array<[unknown, unknown, unknown]> = [];
    for (let i = 2; i <= rec.rowCount && rec.getRow(i).getCell(1).value !== null; i++) {
      const f = rec.getRow(i);
      filas.push([f.getCell(1).value, f.getCell(2).value, f.getCell(5).value]);
    }
    // The office first, then its gestores; the payment is the office's and Sofía's.
    expect(filas[0]).toEqual(['Total Oficina Hermosillo', 1500, 1]);
    expect(filas).toContainEqual(['Sofía Valenzuela Peña', 1500, 1]);
    expect(filas.map((f) => f[0])).toContain('Karla Leyva Soto');
    expect(filas.map((f) => f[0])).not.toContain('José Ángel Búrquez Yocupicio');
    expect(rec.getRow(2).getCell(2).numFmt).toBe('"$"#,##0.00');

    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['objeto_tipo', 'objeto_id', 'detalle'])
      .where('accion', '=', 'indicadores.exportar')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(bitacora).toMatchObject({ objeto_tipo: 'oficina', objeto_id: String(oficina.HMO) });
    expect(bitacora.detalle).toMatchObject({
      mes: '2026-03',
      formato: 'xlsx',
      alCorte: '2026-03-10',
    });
  });

  it('el coordinador no baja el de otra oficina ni el del instituto', async () => {
    const otra = await pedir(
      'coordinador',
      `/api/indicadores/reporte.xlsx?mes=2026-03&oficinaId=${oficina.OBR}`,
    );
    expect(otra.statusCode).toBe(403);
    const instituto = await pedir('coordinador', '/api/indicadores/reporte.xlsx?mes=2026-03');
    expect(instituto.statusCode).toBe(403);
  });

  it('contabilidad: cualquier oficina o el instituto, sólo la recuperación', async () => {
    const r = await pedir(
      'contabilidad',
      `/api/indicadores/reporte.xlsx?mes=2026-03&oficinaId=${oficina.OBR}`,
    );
    expect(r.statusCode).toBe(200);
    expect((await libro(r.rawPayload)).worksheets.map((h) => h.name)).toEqual([
      'Resumen y metas',
      'Recuperación',
    ]);
    const inst = await pedir('contabilidad', '/api/indicadores/reporte.xlsx?mes=2026-03');
    expect(inst.statusCode).toBe(200);
    expect(inst.headers['content-disposition']).toContain('indicadores-instituto-2026-03.xlsx');
    const rec = (await libro(inst.rawPayload)).getWorksheet('Recuperación') as ExcelJS.Worksheet;
    // The institute's row, then one per office.
    expect(rec.getRow(1).getCell(1).value).toBe('Oficina');
    expect(rec.getRow(2).getCell(1).value).toBe('Total Instituto');
    expect(rec.getRow(2).getCell(2).value).toBe(1500);
  });

  it('el administrador baja el del instituto con todas las familias', async () => {
    const r = await pedir('admin', '/api/indicadores/reporte.xlsx?mes=2026-03');
    expect(r.statusCode).toBe(200);
    expect((await libro(r.rawPayload)).worksheets.map((h) => h.name)).toEqual(TODAS);
  });

  it('400 que nombra el campo', async () => {
    for (const [url, campo] of [
      ['/api/indicadores/reporte.xlsx', 'mes'],
      ['/api/indicadores/reporte.xlsx?mes=2026-13', 'mes'],
      ['/api/indicadores/reporte.pdf?mes=marzo', 'mes'],
      ['/api/indicadores/reporte.xlsx?mes=2026-03&oficinaId=abc', 'oficinaId'],
      ['/api/indicadores/reporte.xlsx?mes=2026-03&alCorte=2026-02-30', 'alCorte'],
      ['/api/indicadores/reporte.xlsx?mes=2026-03&formato=csv', 'formato'],
    ] as const) {
      const r = await pedir('admin', url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error.campo, url).toBe(campo);
      expect(r.json().error.mensaje, url).toContain(`«${campo}»`);
    }
  });

  it('una oficina que no existe no es un reporte vacío', async () => {
    const r = await pedir('admin', '/api/indicadores/reporte.xlsx?mes=2026-03&oficinaId=99999');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.campo).toBe('oficinaId');
  });
});

describe('GET /api/indicadores/reporte.pdf', () => {
  it('el del coordinador: su oficina, en español, con pesos, fecha y «Página x de N» en cada página', async () => {
    const r = await pedir(
      'coordinador',
      `/api/indicadores/reporte.pdf?mes=2026-03&oficinaId=${oficina.HMO}`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const texto = textoDePdf(r.rawPayload);
    expect(texto).toContain('Reporte de indicadores');
    expect(texto).toContain('marzo de 2026');
    expect(texto).toContain('$1,500.00');
    expect(texto).toContain('Sofía Valenzuela Peña');
    expect(texto).toContain('10/03/2026');
    const paginas = texto.split('\f').slice(0, -1);
    paginas.forEach((p, i) => {
      expect(p).toContain(`Página ${i + 1} de ${paginas.length}`);
    });
  });

  it('el gestor no exporta', async () => {
    const r = await pedir(
      'gestor',
      `/api/indicadores/reporte.pdf?mes=2026-03&oficinaId=${oficina.HMO}`,
    );
    expect(r.statusCode).toBe(403);
  });
});
