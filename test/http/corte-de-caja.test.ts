import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conectar } from '../../src/db/conexion.ts';
import { centavosDeSalida } from '../../src/domain/dinero.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

/**
 * The corte de caja adds up (a cancellation is a negative line) and stays closed: after
 * Contabilidad closes a day, a movement dated that day goes to the next open corte.
 */
let t: AppDePrueba;
const s: Record<string, Sesion> = {};
let n = 0;
const llave = () => `corte-${Date.now()}-${n++}`;
type Credito = { id: number; numero: string };
let hmo: Credito;
let obr: Credito;

interface Linea {
  folio: number;
  tipo: string;
  fecha: string;
  credito: string;
  deudor: string;
  canal: string;
  canalNombre: string;
  oficina: string;
  monto: string;
  registradoPor: string;
  estado: string;
  cancela: number | null;
  posterior: boolean;
}
interface Suma {
  clave: string;
  nombre: string;
  movimientos: number;
  monto: string;
}
interface Corte {
  fecha: string;
  cierre: { cerradoPor: string; cerradoEn: string } | null;
  lineas: Linea[];
  pagos: Suma;
  cancelaciones: Suma;
  total: Suma;
  porCanal: Suma[];
  porOficina: Suma[];
  porGestor: Suma[];
}

const USUARIOS = ['gestor', 'gestor.obregon', 'coordinador', 'contabilidad', 'admin'];
async function entrarTodos() {
  for (const u of USUARIOS) s[u] = await t.entrar(u);
}

beforeAll(async () => {
  t = await crearAppDePrueba();
  t.reloj.fijar('2026-12-02T18:00:00Z');
  await entrarTodos();
  const caso = casoPublicado('01-pago-parcial-con-atraso.json');
  hmo = await guardarCaso(t.base.db, caso, {
    oficina: 'HMO',
    nombres: 'Ángel',
    primerApellido: 'Íñiguez',
  });
  obr = await guardarCaso(t.base.db, caso, {
    oficina: 'OBR',
    nombres: 'Lucía',
    primerApellido: 'Moreno',
  });
});
afterAll(() => t.cerrar());

const centavos = (m: string) => centavosDeSalida(m) as number;
const suma = (xs: readonly { monto: string }[]) => xs.reduce((a, x) => a + centavos(x.monto), 0);

async function pagar(
  credito: Credito,
  monto: string,
  o: { canal?: string; fecha?: string; sesion?: Sesion } = {},
) {
  const r = await t.pedir('POST', `/api/creditos/${credito.id}/pagos`, {
    sesion: o.sesion ?? s.gestor,
    cuerpo: {
      monto,
      canal: o.canal ?? 'banco',
      referencia: `REF-${n}`,
      ...(o.fecha ? { fecha: o.fecha } : {}),
    },
    encabezados: { 'idempotency-key': llave() },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().movimiento.id as number;
}

async function cancelar(folio: number) {
  const r = await t.pedir('POST', `/api/movimientos/${folio}/cancelacion`, {
    sesion: s.contabilidad,
    cuerpo: { motivo: 'Depósito capturado dos veces' },
    encabezados: { 'idempotency-key': llave() },
  });
  expect(r.statusCode, r.body).toBe(201);
}

async function corte(fecha: string, sesion = s.contabilidad): Promise<Corte> {
  const r = await t.pedir('GET', `/api/caja/corte?fecha=${fecha}`, { sesion });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

const cerrar = (fecha: string, clave = llave(), sesion = s.contabilidad) =>
  t.pedir('POST', '/api/caja/corte/cierre', {
    sesion,
    cuerpo: { fecha },
    encabezados: { 'idempotency-key': clave },
  });

async function libroDe(fecha: string): Promise<ExcelJS.Workbook> {
  const r = await t.pedir('GET', `/api/caja/corte.xlsx?fecha=${fecha}`, { sesion: s.contabilidad });
  expect(r.statusCode).toBe(200);
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  return libro;
}

/** Every cell's value of every sheet, to compare two downloads. */
function valores(libro: ExcelJS.Workbook): unknown[][][] {
  return libro.worksheets.map((h) => {
    const filas: unknown[][] = [];
    h.eachRow({ includeEmpty: true }, (fila) => {
      filas.push((fila.values as unknown[]).slice(1));
    });
    return filas;
  });
}

/** A sheet's rows as objects by header (row 1). */
function filasDe(libro: ExcelJS.Workbook, hoja: string): Record<string, unknown>[] {
  const h = libro.getWorksheet(hoja);
  if (!h) throw new Error(`sin hoja ${hoja}`);
  const encabezados = (h.getRow(1).values as unknown[]).slice(1) as string[];
  const filas: Record<string, unknown>[] = [];
  h.eachRow((fila, i) => {
    if (i === 1) return;
    const v = (fila.values as unknown[]).slice(1);
    filas.push(Object.fromEntries(encabezados.map((e, k) => [e, v[k]])));
  });
  return filas;
}

// Pesos in cells → centavos, exactly.
const aCentavos = (x: unknown) => Math.round(Number(x) * 100);

/** The screen's figures add up: lines to totals, per channel, office and registrant. */
function cuadra(c: Corte) {
  expect(suma(c.lineas)).toBe(centavos(c.total.monto));
  expect(c.total.movimientos).toBe(c.lineas.length);
  expect(centavos(c.pagos.monto) + centavos(c.cancelaciones.monto)).toBe(centavos(c.total.monto));
  for (const g of c.porCanal) {
    expect(suma(c.lineas.filter((l) => l.canal === g.clave))).toBe(centavos(g.monto));
  }
  for (const grupos of [c.porCanal, c.porOficina, c.porGestor]) {
    expect(suma(grupos)).toBe(centavos(c.total.monto));
  }
}

/** The XLSX adds up: the Pagos column to Resumen's total, by channel to «Por canal». */
function cuadraElLibro(libro: ExcelJS.Workbook, c: Corte) {
  const pagos = filasDe(libro, 'Pagos');
  expect(pagos).toHaveLength(c.lineas.length);
  const resumen = filasDe(libro, 'Resumen');
  const total = libro.getWorksheet('Resumen')?.getRow(7);
  expect(total?.getCell(1).value).toBe('Total del corte');
  const sumaColumna = pagos.reduce((a, f) => a + aCentavos(f.Importe), 0);
  expect(sumaColumna).toBe(aCentavos(total?.getCell(3).value));
  expect(sumaColumna).toBe(centavos(c.total.monto));
  expect(resumen.length).toBeGreaterThan(0);
  const porCanal = filasDe(libro, 'Por canal');
  const filaTotal = porCanal.at(-1);
  expect(filaTotal?.Canal).toBe('Total del corte');
  const grupos = porCanal.filter((f) => f.Canal !== undefined && f !== filaTotal);
  expect(grupos.reduce((a, f) => a + aCentavos(f.Importe), 0)).toBe(sumaColumna);
  for (const g of grupos) {
    const delCanal = pagos.filter((f) => f.Canal === g.Canal);
    expect(delCanal.reduce((a, f) => a + aCentavos(f.Importe), 0)).toBe(aCentavos(g.Importe));
  }
}

let folioCien = 0;

describe('el corte suma sus columnas', () => {
  it('un pago cancelado es una línea positiva y su cancelación otra negativa; todo cuadra en pantalla y en XLSX', async () => {
    folioCien = await pagar(hmo, '100.00');
    await pagar(hmo, '250.50', { canal: 'caja' });
    const duplicado = await pagar(obr, '999.00', { sesion: s['gestor.obregon'] });
    await cancelar(duplicado);
    // A deposit of the 2nd without a reference: pending until Contabilidad assigns it.
    const estado = await t.pedir('POST', '/api/conciliacion/estados-bancarios', {
      sesion: s.contabilidad,
      cuerpo: [
        'fecha,referencia,importe,folio_banco,concepto',
        '02/12/2026,,60.00,F-900,sin referencia',
      ].join('\r\n'),
      encabezados: {
        'content-type': 'text/csv; charset=utf-8',
        'x-nombre-archivo': 'estado-diciembre.csv',
        'idempotency-key': llave(),
      },
    });
    expect(estado.statusCode, estado.body).toBe(201);

    const c = await corte('2026-12-02');
    expect(c.cierre).toBeNull();
    expect(c.total).toEqual({
      clave: 'total',
      nombre: 'Total del corte',
      movimientos: 4,
      monto: '350.50',
    });
    expect(c.pagos).toMatchObject({ movimientos: 3, monto: '1349.50' });
    expect(c.cancelaciones).toMatchObject({ movimientos: 1, monto: '-999.00' });
    const cancelado = c.lineas.find((l) => l.folio === duplicado);
    expect(cancelado).toMatchObject({ tipo: 'pago', monto: '999.00', estado: 'Cancelado' });
    expect(c.lineas.find((l) => l.cancela === duplicado)).toMatchObject({
      tipo: 'cancelacion',
      monto: '-999.00',
      canal: 'banco',
      canalNombre: 'Depósito bancario',
      estado: 'Cancelación',
      fecha: '2026-12-02',
      registradoPor: expect.any(String),
      posterior: false,
    });
    expect(c.lineas.find((l) => l.folio === folioCien)).toMatchObject({
      fecha: '2026-12-02',
      credito: hmo.numero,
      deudor: expect.stringMatching(/^Ángel Íñiguez/),
      canalNombre: 'Depósito bancario',
      estado: 'Aplicado',
    });
    expect(c.porCanal).toEqual([
      { clave: 'caja', nombre: 'Caja del instituto', movimientos: 1, monto: '250.50' },
      { clave: 'banco', nombre: 'Depósito bancario', movimientos: 3, monto: '100.00' },
    ]);
    cuadra(c);

    const libro = await libroDe('2026-12-02');
    const pagos = filasDe(libro, 'Pagos');
    expect(Object.keys(pagos[0] ?? {})).toEqual(
      expect.arrayContaining(['Fecha', 'Crédito', 'Acreditado', 'Canal', 'Importe', 'Estado']),
    );
    const fila = pagos.find((f) => f.Folio === folioCien);
    expect(fila).toMatchObject({
      Fecha: '02/12/2026',
      Crédito: hmo.numero,
      Canal: 'Depósito bancario',
      Estado: 'Aplicado',
      Importe: 100,
    });
    expect(String(fila?.Acreditado)).toMatch(/^Ángel Íñiguez/);
    expect(pagos.find((f) => f.Tipo === 'Cancelación')?.Importe).toBe(-999);
    // The screen's labels, never the old ones.
    const texto = JSON.stringify(valores(libro));
    expect(texto).not.toMatch(/"Banco"|"Vigente"/);
    cuadraElLibro(libro, c);
  });

  it('leer el corte con nombres de acreditados queda en la bitácora con los créditos', async () => {
    const fila = await t.base.db
      .selectFrom('bitacora')
      .select('detalle')
      .where('accion', '=', 'caja.corte')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(fila.detalle).toMatchObject({
      fecha: '2026-12-02',
      creditoIds: expect.arrayContaining([hmo.id, obr.id]),
    });
  });
});

describe('cerrar el corte', () => {
  let antes: Corte;
  let libroAntes: unknown[][][];

  it('no se cierra un día futuro; contabilidad cierra el de hoy una vez', async () => {
    const futuro = await cerrar('2026-12-03');
    expect(futuro.statusCode).toBe(400);
    expect(futuro.json().error.mensaje).toContain('fecha futura');
    expect((await cerrar('2026-12-02', llave(), s.coordinador)).statusCode).toBe(403);
    expect((await cerrar('2026-12-02', llave(), s.gestor)).statusCode).toBe(403);
    const sinClave = await t.pedir('POST', '/api/caja/corte/cierre', {
      sesion: s.contabilidad,
      cuerpo: { fecha: '2026-12-02' },
    });
    expect(sinClave.statusCode).toBe(400);

    const clave = llave();
    const r = await cerrar('2026-12-02', clave);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ fecha: '2026-12-02', movimientos: 4, total: '350.50' });
    // A retry with the same key gets the first answer back, not a second closing.
    const otraVez = await cerrar('2026-12-02', clave);
    expect(otraVez.statusCode).toBe(201);
    expect(otraVez.body).toBe(r.body);
    expect(otraVez.headers['idempotent-replayed']).toBe('true');
    // Another key is another closing: refused, naming who closed it.
    const doble = await cerrar('2026-12-02');
    expect(doble.statusCode).toBe(409);
    expect(doble.json().error.mensaje).toMatch(/ya está cerrado: lo cerró .+ el 02\/12\/2026/);

    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['objeto_id', 'detalle', 'actor_usuario'])
      .where('accion', '=', 'caja.cerrar_corte')
      .execute();
    expect(bitacora).toEqual([
      {
        objeto_id: '2026-12-02',
        actor_usuario: 'contabilidad',
        detalle: { fecha: '2026-12-02', movimientos: 4, total: '350.50', posteriores: 0 },
      },
    ]);

    antes = await corte('2026-12-02');
    expect(antes.cierre).toMatchObject({ cerradoPor: expect.any(String) });
    libroAntes = valores(await libroDe('2026-12-02'));
    expect(JSON.stringify(libroAntes)).toContain('Cerrado por');
  });

  it('lo que llega después con fecha del día cerrado va al siguiente corte abierto, «posterior al cierre»', async () => {
    // Something later today, dated today: today is closed, so tomorrow's corte gets it.
    const tardeHoy = await pagar(obr, '40.00', { sesion: s['gestor.obregon'] });

    t.reloj.fijar('2026-12-03T18:00:00Z');
    await entrarTodos();
    // Registered on the 3rd, dated the 2nd (a deposit the bank shows on the 2nd).
    const tardio = await pagar(hmo, '75.25', { fecha: '2026-12-02' });
    // Cancelling a payment of the closed day: the reversal is dated today, a line of today.
    await cancelar(folioCien);
    const deHoy = await pagar(hmo, '500.00', { canal: 'caja' });
    // The user's case: a deposit of the 2nd assigned on the 3rd.
    const pendiente = await t.base.db
      .selectFrom('depositos_pendientes')
      .select('id')
      .where('folio_banco', '=', 'F-900')
      .executeTakeFirstOrThrow();
    const asignado = await t.pedir(
      'POST',
      `/api/conciliacion/pendientes/${pendiente.id}/asignacion`,
      {
        sesion: s.contabilidad,
        cuerpo: { creditoId: hmo.id, motivo: 'El acreditado presentó su comprobante' },
        encabezados: { 'idempotency-key': llave() },
      },
    );
    expect(asignado.statusCode, asignado.body).toBe(201);
    const deposito = asignado.json().pago.movimiento.id as number;

    const despues = await corte('2026-12-02');
    expect(despues).toEqual(antes);
    expect(valores(await libroDe('2026-12-02'))).toEqual(libroAntes);

    const siguiente = await corte('2026-12-03');
    expect(siguiente.cierre).toBeNull();
    const porFolio = new Map(siguiente.lineas.map((l) => [l.folio, l]));
    expect(porFolio.get(tardeHoy)).toMatchObject({ fecha: '2026-12-02', posterior: true });
    expect(porFolio.get(tardio)).toMatchObject({
      fecha: '2026-12-02',
      posterior: true,
      monto: '75.25',
    });
    expect(porFolio.get(deHoy)).toMatchObject({ fecha: '2026-12-03', posterior: false });
    expect(porFolio.get(deposito)).toMatchObject({
      fecha: '2026-12-02',
      posterior: true,
      monto: '60.00',
      canalNombre: 'Depósito bancario',
    });
    expect(siguiente.lineas.find((l) => l.cancela === folioCien)).toMatchObject({
      monto: '-100.00',
      fecha: '2026-12-03',
      posterior: false,
    });
    expect(siguiente.total.monto).toBe('575.25');
    cuadra(siguiente);
    const libro = await libroDe('2026-12-03');
    cuadraElLibro(libro, siguiente);
    const posteriores = filasDe(libro, 'Pagos').filter((f) =>
      String(f.Observaciones).includes('Posterior al cierre'),
    );
    expect(posteriores.map((f) => f.Fecha)).toEqual(['02/12/2026', '02/12/2026', '02/12/2026']);

    // The coordinador of Hermosillo reads only his office's lines.
    const hermosillo = await corte('2026-12-03', s.coordinador);
    expect(hermosillo.lineas.every((l) => l.credito === hmo.numero)).toBe(true);
    expect(hermosillo.lineas).toHaveLength(4);
    cuadra(hermosillo);
  });

  it('con dos días seguidos cerrados, lo tardío del primero llega al siguiente abierto', async () => {
    const r = await cerrar('2026-12-03');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ movimientos: 5, total: '575.25' });
    const lineas = await t.base.db
      .selectFrom('cortes_de_caja_lineas')
      .select(['movimiento_id', 'posterior'])
      .where('corte', '=', '2026-12-03')
      .where('posterior', '=', true)
      .execute();
    expect(lineas).toHaveLength(3);

    t.reloj.fijar('2026-12-05T18:00:00Z');
    await entrarTodos();
    const muyTardio = await pagar(obr, '12.00', {
      fecha: '2026-12-02',
      sesion: s['gestor.obregon'],
    });
    // The 4th is open: it is the next open corte after the 2nd and the 3rd.
    const cuarto = await corte('2026-12-04');
    expect(cuarto.lineas.map((l) => [l.folio, l.fecha, l.posterior])).toEqual([
      [muyTardio, '2026-12-02', true],
    ]);
    expect(cuarto.total.monto).toBe('12.00');
    expect((await corte('2026-12-05')).lineas).toEqual([]);
    expect((await corte('2026-12-03')).total.monto).toBe('575.25');
  });

  it('el rol de la aplicación no modifica ni borra un corte cerrado', async () => {
    const app = conectar(t.base.urlApp);
    try {
      await expect(
        app.db
          .updateTable('cortes_de_caja_lineas')
          .set({ monto_centavos: 1 })
          .where('corte', '=', '2026-12-02')
          .execute(),
      ).rejects.toThrow(/permission denied/);
      await expect(
        app.db.deleteFrom('cortes_de_caja').where('fecha', '=', '2026-12-02').execute(),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await app.cerrar();
    }
  });
});
