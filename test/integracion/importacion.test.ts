import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completarCurp } from '../../src/domain/curp.ts';
import {
  calcularCaso,
  type EstadoDeCuentaJson,
  estadoDeCuentaAJson,
} from '../../src/domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { calcularEstado } from '../../src/modules/cartera/calcular-estado.ts';
import { cargarCreditos } from '../../src/modules/cartera/cargar-credito.ts';
import { baseVacia } from '../../src/modules/importacion/base-existente.ts';
import { casoDeCredito } from '../../src/modules/importacion/caso-de-credito.ts';
import { HOJAS } from '../../src/modules/importacion/disposicion.ts';
import { csvDeHoja, libroDePlantilla } from '../../src/modules/importacion/generar-plantilla.ts';
import { importarCartera } from '../../src/modules/importacion/importar-cartera.ts';
import { Informe } from '../../src/modules/importacion/informe.ts';
import { leerFilas } from '../../src/modules/importacion/leer-filas.ts';
import { type ArchivoDeEntrada, leerLibro } from '../../src/modules/importacion/leer-libro.ts';
import type { HojasLeidas } from '../../src/modules/importacion/libro.ts';
import { planearImportacion } from '../../src/modules/importacion/planear-importacion.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { rutaCaso } from '../soporte/casos.ts';
import type { CasoEntrada } from '../soporte/fabricas.ts';

let base: BaseDePrueba;
const reloj = new RelojManual('2026-03-10T18:00:00Z');
const HOY = reloj.hoy();
const ctx = { reloj, ip: '127.0.0.1', actor: null };

const TABLAS = [
  'personas',
  'telefonos',
  'correos',
  'domicilios',
  'productos',
  'versiones_producto',
  'creditos',
  'participantes_credito',
  'ministraciones',
  'amortizaciones',
  'movimientos',
  'periodos_sin_moratorio',
  'bitacora',
] as const;

async function contar(): Promise<Record<string, number>> {
  const conteo: Record<string, number> = {};
  for (const t of TABLAS) {
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int4 AS n FROM ${sql.table(t)}`.execute(base.db);
    conteo[t] = rows[0]?.n ?? -1;
  }
  return conteo;
}

const importar = (libro: HojasLeidas) =>
  base.db.transaction().execute((trx) => importarCartera(trx, libro, ctx));

const xlsx = async (contenido: Uint8Array, nombre = 'cartera.xlsx') =>
  leerLibro([{ nombre, contenido }]);
const csv = (hojas: Record<string, string>) =>
  leerLibro(
    Object.entries(hojas).map(
      ([h, texto]): ArchivoDeEntrada => ({
        nombre: `${h}.csv`,
        contenido: new TextEncoder().encode(texto),
      }),
    ),
  );
const csvPlantilla = () => csv(Object.fromEntries(HOJAS.map((h) => [h, csvDeHoja(h)])));

/** The statement of each credit computed from the workbook itself, without the database. */
async function estadosDelArchivo(
  libro: HojasLeidas,
  fecha: Fecha,
): Promise<Map<string, EstadoDeCuentaJson>> {
  const informe = new Informe();
  const archivo = await leerFilas(libro, informe);
  const plan = planearImportacion(
    archivo,
    baseVacia(
      new Map([
        ['HMO', 1],
        ['OBR', 2],
        ['NOG', 3],
      ]),
    ),
    fecha,
    null,
    informe,
  );
  const estados = new Map<string, EstadoDeCuentaJson>();
  for (const c of plan.paraMotor) {
    const r = calcularCaso(casoDeCredito(c.datos, fecha));
    if (!r.ok) throw new Error(r.error.mensaje);
    estados.set(c.datos.numero, estadoDeCuentaAJson(r.valor));
  }
  return estados;
}

beforeAll(async () => {
  base = await crearBaseDePrueba();
});
afterAll(() => base.cerrar());

describe('importación de la cartera', () => {
  it('importa el libro XLSX de la plantilla (fechas y montos en celdas de fecha y de número)', async () => {
    const libro = await xlsx(await libroDePlantilla());
    const r = await importar(libro);
    expect(r.errores).toEqual([]);
    expect(r).toMatchObject({
      importado: true,
      conteos: {
        productos: { nuevos: 1, versionesNuevas: 3, versionesExistentes: 0 },
        personas: { nuevas: 4, existentes: 0 },
        creditos: { nuevos: 2, sinCambios: 0 },
        movimientos: { nuevos: 7, existentes: 0 },
      },
    });
    const m = await base.db
      .selectFrom('ministraciones')
      .select(['fecha', 'monto_centavos', 'pagare_numero'])
      .where('pagare_numero', '=', 'PG-2011-000103')
      .executeTakeFirstOrThrow();
    expect(m).toEqual({
      fecha: '2011-08-15',
      monto_centavos: 1020050,
      pagare_numero: 'PG-2011-000103',
    });
    const jose = await base.db
      .selectFrom('personas')
      .selectAll()
      .where('curp', '=', 'NUPA900417HSRXXN08')
      .executeTakeFirstOrThrow();
    expect(jose).toMatchObject({
      nombres: 'José Ángel',
      primer_apellido: 'Núñez',
      segundo_apellido: 'Peñúñuri',
      fecha_nacimiento: '1990-04-17',
    });
    const telefonos = await base.db
      .selectFrom('telefonos')
      .select(['numero', 'tipo', 'consentimiento'])
      .where('persona_id', '=', jose.id)
      .orderBy('numero')
      .execute();
    expect(telefonos).toEqual([
      { numero: '6621234567', tipo: 'movil', consentimiento: true },
      { numero: '6622105533', tipo: 'recados', consentimiento: true },
    ]);
    const cancelacion = await base.db
      .selectFrom('movimientos as x')
      .innerJoin('movimientos as p', 'p.id', 'x.cancela_id')
      .select(['x.clave_externa as x', 'p.clave_externa as p'])
      .where('x.tipo', '=', 'cancelacion')
      .execute();
    expect(cancelacion).toEqual([{ x: 'X-2012-0004', p: 'C-2012-0003' }]);
    const bitacora = await base.db
      .selectFrom('bitacora')
      .select(['accion', 'detalle'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(bitacora).toMatchObject({
      accion: 'cartera.importar',
      detalle: { archivo: 'cartera.xlsx', creditos: { nuevos: 2 } },
    });
  });

  it('el estado de cuenta calculado desde lo guardado es el mismo que desde el archivo', async () => {
    const delArchivo = await estadosDelArchivo(await csvPlantilla(), HOY);
    const creditos = await base.db.selectFrom('creditos').select(['id', 'numero']).execute();
    const guardados = await cargarCreditos(
      base.db,
      creditos.map((c) => c.id),
    );
    // The stored path names movements by ledger id, the workbook by clave: compare through it.
    const claves = new Map(
      (await base.db.selectFrom('movimientos').select(['id', 'clave_externa']).execute()).map(
        (m) => [String(m.id), m.clave_externa],
      ),
    );
    expect(guardados.size).toBe(2);
    for (const credito of guardados.values()) {
      const guardado = estadoDeCuentaAJson(calcularEstado(credito, HOY));
      const esperado = delArchivo.get(credito.credito.numero);
      expect({
        ...guardado,
        aplicaciones: guardado.aplicaciones.map((a) => ({ ...a, id: claves.get(a.id) ?? a.id })),
      }).toEqual(esperado);
    }
    expect(delArchivo.get('CE-2021-000202')?.situacion).toBe('vencido');
  });

  it('importar otra vez el mismo libro, como XLSX o como CSV, no cambia nada más que su fila de bitácora', async () => {
    const antes = await contar();
    for (const libro of [await xlsx(await libroDePlantilla()), await csvPlantilla()]) {
      const r = await importar(libro);
      expect(r).toMatchObject({
        importado: true,
        errores: [],
        conteos: {
          productos: { nuevos: 0, versionesNuevas: 0, versionesExistentes: 3 },
          personas: { nuevas: 0, existentes: 4 },
          creditos: { nuevos: 0, sinCambios: 2 },
          movimientos: { nuevos: 0, existentes: 7 },
        },
      });
    }
    expect(await contar()).toEqual({ ...antes, bitacora: (antes.bitacora ?? 0) + 2 });
  });

  it('un libro con varios errores no escribe nada y dice hoja, fila y columna de cada uno', async () => {
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load((await libroDePlantilla()) as unknown as ExcelJS.Buffer);
    const hoja = (nombre: string) => {
      const h = libro.getWorksheet(nombre);
      if (!h) throw new Error(nombre);
      return h;
    };
    hoja('personas').getCell('A4').value = 'YOIS030214MSRCBFA8';
    hoja('creditos').getCell('B3').value = 'CE-9';
    hoja('creditos').getCell('A4').value = 'CE-2024-000303';
    hoja('ministraciones').getCell('D2').value = 9500.555;
    hoja('ministraciones').getCell('C3').value = '30/02/2011';
    hoja('movimientos').getCell('D2').value = new Date('2031-01-15T00:00:00Z');
    const antes = await contar();
    const r = await importar(
      await xlsx(new Uint8Array(await libro.xlsx.writeBuffer()), 'con-errores.xlsx'),
    );
    expect(r.importado).toBe(false);
    expect(r.errores.map((e) => [e.hoja, e.fila, e.columna, e.mensaje])).toEqual([
      [
        'personas',
        4,
        'curp',
        '«YOIS030214MSRCBFA8» no es una CURP válida: el dígito verificador no corresponde: con los primeros 17 caracteres debe ser 9',
      ],
      [
        'creditos',
        3,
        'producto',
        'no existe el producto «CE-9» (ni en la hoja productos ni registrado)',
      ],
      ['creditos', 4, 'producto', 'falta el valor'],
      ['creditos', 4, 'oficina', 'falta el valor'],
      ['creditos', 4, 'curp_acreditado', 'falta el valor'],
      ['creditos', 4, 'fecha_inicio_interes', 'falta el valor'],
      ['ministraciones', 2, 'monto', '«9500.555» tiene más de 2 decimales'],
      ['ministraciones', 3, 'fecha', '«30/02/2011» no es una fecha que exista'],
      // Already imported (previous test) with its real date: the ledger does not change.
      [
        'movimientos',
        2,
        null,
        'el movimiento B-2012-0001 ya está registrado con otros datos; la importación no cambia movimientos (para corregir uno, registra su cancelación)',
      ],
      ['movimientos', 2, 'fecha', 'es posterior a hoy (10/03/2026)'],
    ]);
    expect(await contar()).toEqual(antes);
  });

  it('anexa los movimientos nuevos de un crédito registrado; un movimiento o un crédito registrados con otros datos son errores', async () => {
    const encabezado =
      'numero_credito,clave,tipo,fecha,monto,excedente,concepto,cancela_clave,canal,referencia,motivo\n';
    const nuevo = 'CE-2021-000202,B-2026-0003,pago,2026-02-17,5000.00,,,,banco,2021000202,\n';
    const r = await importar(
      await csv({
        movimientos: `${encabezado}CE-2021-000202,B-2022-0001,pago,2022-08-17,1327.50,,,,banco,2021000202,\n${nuevo}`,
      }),
    );
    expect(r).toMatchObject({
      importado: true,
      conteos: {
        movimientos: { nuevos: 1, existentes: 1 },
        creditos: { nuevos: 0, sinCambios: 0 },
      },
    });
    const anexado = await base.db
      .selectFrom('movimientos')
      .select(['tipo', 'fecha', 'monto_centavos', 'excedente', 'canal'])
      .where('clave_externa', '=', 'B-2026-0003')
      .executeTakeFirstOrThrow();
    expect(anexado).toEqual({
      tipo: 'pago',
      fecha: '2026-02-17',
      monto_centavos: 500000,
      excedente: 'reducir_plazo',
      canal: 'banco',
    });

    const antes = await contar();
    const cambiado = await importar(
      await csv({
        movimientos: `${encabezado}CE-2021-000202,B-2022-0001,pago,2022-08-17,1300.00,,,,banco,2021000202,\n`,
      }),
    );
    expect(cambiado.errores).toEqual([
      {
        hoja: 'movimientos.csv',
        fila: 2,
        columna: null,
        mensaje: expect.stringContaining(
          'el movimiento B-2022-0001 ya está registrado con otros datos',
        ),
      },
    ]);
    const creditos = csvDeHoja('creditos').replace(
      'CE-2021-000202,CE-6,OBR',
      'CE-2021-000202,CE-6,NOG',
    );
    const otraOficina = await importar(
      await csv({ ...Object.fromEntries(HOJAS.map((h) => [h, csvDeHoja(h)])), creditos }),
    );
    expect(otraOficina.errores).toEqual([
      {
        hoja: 'creditos.csv',
        fila: 3,
        columna: null,
        mensaje:
          'el crédito CE-2021-000202 ya está registrado con otros datos (oficina (registrada: OBR)); la importación no modifica créditos registrados',
      },
    ]);
    // A condonación larger than what is owed, judged by the engine with the stored history.
    const excesiva = await importar(
      await csv({
        movimientos: `${encabezado}CE-2010-000101,D-2026-0001,condonacion,2026-03-01,90000.00,,moratorio,,,,Campaña\n`,
      }),
    );
    expect(excesiva.errores).toEqual([
      {
        hoja: 'movimientos.csv',
        fila: 2,
        columna: null,
        mensaje:
          'el estado de cuenta no se puede calcular: movimiento D-2026-0001: la condonación excede el adeudo de moratorio',
      },
    ]);
    expect(await contar()).toEqual(antes);
  });
});

/** A published R9 example (test/casos/puntualidad) as the rows of a workbook's sheets. */
function hojasDeCaso(caso: CasoEntrada, numero: string, curp: string, motivo: string) {
  const { credito } = caso;
  return {
    personas: `${curp},Valeria,Ruiz,Peñúñuri\n`,
    creditos: `${numero},CE-R9,HMO,${curp},${credito.fecha_inicio_interes},${credito.tasa_puntual_anual ?? ''},${credito.tasa_puntual_anual === undefined ? '' : motivo}\n`,
    ministraciones: credito.ministraciones
      .map(
        (m, i) =>
          `${numero},${i + 1},${m.fecha},${m.monto},2024-2,PG-${numero}-${i + 1},${m.fecha}\n`,
      )
      .join(''),
    amortizaciones: credito.amortizaciones
      .map((a) => `${numero},${a.numero},${a.fecha},${a.capital}\n`)
      .join(''),
    movimientos: (caso.movimientos ?? [])
      .map((m) => `${numero},${m.id},${m.tipo},${m.fecha},${m.monto ?? ''},,,,banco,,\n`)
      .join(''),
  };
}

describe('la tasa por puntualidad (R9) al importar', () => {
  const ejemplos = [
    ['16-pierde-y-recupera-la-tasa-puntual.json', 'CE-R9-016', 'RUPV000101MSRZXL0'],
    ['17-tasa-puntual-del-credito-cero.json', 'CE-R9-017', 'RUPV000202MSRZXL0'],
  ].map(([archivo = '', numero = '', curp = '']) => ({
    numero,
    curp: completarCurp(curp),
    ...(JSON.parse(readFileSync(rutaCaso(`puntualidad/${archivo}`), 'utf8')) as {
      caso: CasoEntrada;
      esperado: EstadoDeCuentaJson;
    }),
  }));
  const PRODUCTOS =
    'clave,nombre,vigente_desde,tasa_ordinaria_anual,tasa_moratoria_anual,tasa_puntual_anual\n';
  const encabezados = {
    personas: 'curp,nombres,primer_apellido,segundo_apellido\n',
    creditos:
      'numero,producto,oficina,curp_acreditado,fecha_inicio_interes,tasa_puntual_anual,tasa_puntual_motivo\n',
    ministraciones: 'numero_credito,numero,fecha,monto,periodo_escolar,pagare,vencimiento_pagare\n',
    amortizaciones: 'numero_credito,numero,fecha,capital\n',
    movimientos:
      'numero_credito,clave,tipo,fecha,monto,excedente,concepto,cancela_clave,canal,referencia,motivo\n',
  };
  const libro = (productos: string) => {
    const hojas: Record<string, string> = { productos: PRODUCTOS + productos, ...encabezados };
    for (const e of ejemplos) {
      const filas = hojasDeCaso(e.caso, e.numero, e.curp, 'Promedio de 90 o más');
      for (const [hoja, texto] of Object.entries(filas)) hojas[hoja] = (hojas[hoja] ?? '') + texto;
    }
    return csv(hojas);
  };

  it('una tasa puntual mayor que la ordinaria (como el caso 19) no se importa', async () => {
    const antes = await contar();
    const r = await importar(await libro('CE-R9,Crédito educativo R9,2000-01-01,6%,9%,7%\n'));
    expect(r.importado).toBe(false);
    expect(r.errores).toContainEqual({
      hoja: 'productos.csv',
      fila: 2,
      columna: 'tasa_puntual_anual',
      mensaje: 'la tasa por puntualidad 0.07 no puede ser mayor que la tasa ordinaria 0.06',
    });
    expect(await contar()).toEqual(antes);
  });

  it('la versión con 3 % y el crédito con su propio 0 % se guardan, y el estado de cuenta desde la base es el publicado', async () => {
    const r = await importar(await libro('CE-R9,Crédito educativo R9,2000-01-01,0.06,0.09,3%\n'));
    expect(r.errores).toEqual([]);
    expect(r.importado).toBe(true);
    const filas = await base.db
      .selectFrom('creditos as c')
      .innerJoin('versiones_producto as v', 'v.id', 'c.version_producto_id')
      .select([
        'c.id',
        'c.numero',
        'v.tasa_puntual_anual as version',
        'c.tasa_puntual_anual as propia',
        'c.tasa_puntual_motivo as motivo',
      ])
      .where('c.numero', 'in', ['CE-R9-016', 'CE-R9-017'])
      .orderBy('c.numero')
      .execute();
    expect(filas.map(({ id: _id, ...f }) => f)).toEqual([
      { numero: 'CE-R9-016', version: '0.03000000', propia: null, motivo: null },
      {
        numero: 'CE-R9-017',
        version: '0.03000000',
        propia: '0.00000000',
        motivo: 'Promedio de 90 o más',
      },
    ]);
    const guardados = await cargarCreditos(
      base.db,
      filas.map((f) => f.id),
    );
    const claves = new Map(
      (await base.db.selectFrom('movimientos').select(['id', 'clave_externa']).execute()).map(
        (m) => [String(m.id), m.clave_externa],
      ),
    );
    for (const e of ejemplos) {
      const credito = [...guardados.values()].find((c) => c.credito.numero === e.numero);
      if (!credito) throw new Error(e.numero);
      const fecha = e.caso.fecha_corte as Fecha;
      const guardado = estadoDeCuentaAJson(calcularEstado(credito, fecha));
      const comoCaso = {
        ...guardado,
        credito: e.caso.credito.id,
        aplicaciones: guardado.aplicaciones.map((a) => ({ ...a, id: claves.get(a.id) ?? a.id })),
      };
      // The engine on the same case, and the published example.
      expect(comoCaso).toEqual(e.esperado);
      const delArchivo = (
        await estadosDelArchivo(await libro('CE-R9,R9,2000-01-01,0.06,0.09,3%\n'), fecha)
      ).get(e.numero);
      expect({ ...delArchivo, credito: e.caso.credito.id }).toEqual(comoCaso);
    }
  });
});
