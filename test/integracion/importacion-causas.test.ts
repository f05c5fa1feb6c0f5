import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completarCurp } from '../../src/domain/curp.ts';
import { describirResultado } from '../../src/modules/importacion/describir-resultado.ts';
import { DISPOSICION } from '../../src/modules/importacion/disposicion.ts';
import { columnaParecida } from '../../src/modules/importacion/hojas-del-libro.ts';
import { importarCartera } from '../../src/modules/importacion/importar-cartera.ts';
import { leerLibro } from '../../src/modules/importacion/leer-libro.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

/**
 * One cause, one error: a repeated credit number, a header that does not read, a CURP that does
 * not read are reported once, with a line saying what they left unchecked, instead of one error
 * on every row of other sheets that names the credit or the person.
 */

const reloj = new RelojManual('2026-03-10T18:00:00Z');
const ctx = { reloj, ip: '127.0.0.1', actor: null };

const JOSE = completarCurp('NUPA900417HSRXXN0');
const GUADALUPE = completarCurp('IABG681102MSRBRD0');
const JESUS = completarCurp('VAAJ700305HSRLCS0');

type Hoja = string[][];
type Libro = Record<string, Hoja>;

/** Three credits, each with 2 ministraciones, 24 amortizaciones and 1 payment: 27 rows. */
function libroValido(): Libro {
  const creditos: Hoja = [
    ['numero', 'producto', 'oficina', 'curp_acreditado', 'fecha_inicio_interes'],
  ];
  const ministraciones: Hoja = [
    [
      'numero_credito',
      'numero',
      'fecha',
      'monto',
      'periodo_escolar',
      'pagare',
      'vencimiento_pagare',
    ],
  ];
  const amortizaciones: Hoja = [['numero_credito', 'numero', 'fecha', 'capital']];
  const movimientos: Hoja = [['numero_credito', 'clave', 'tipo', 'fecha', 'monto']];
  [JOSE, GUADALUPE, JESUS].forEach((curp, i) => {
    const numero = `IBC-2019-011${3 + i}`;
    creditos.push([numero, 'CE-6', 'HMO', curp, '2020-07-01']);
    ministraciones.push(
      [numero, '1', '2019-08-15', '12000', '2019-2', `PG-${numero}-1`, '2022-07-01'],
      [numero, '2', '2020-01-15', '12000', '2020-1', `PG-${numero}-2`, '2022-07-01'],
    );
    for (let n = 1; n <= 24; n++) {
      const mes = 7 + n; // from 2020-08
      const fecha = `${2020 + Math.floor((mes - 1) / 12)}-${String(((mes - 1) % 12) + 1).padStart(2, '0')}-01`;
      amortizaciones.push([numero, String(n), fecha, '1000']);
    }
    movimientos.push([numero, `P-${i + 1}`, 'pago', '2020-09-01', '1500']);
  });
  return {
    productos: [
      ['clave', 'nombre', 'vigente_desde', 'tasa_ordinaria_anual', 'tasa_moratoria_anual'],
      ['CE-6', 'Crédito educativo', '2010-01-01', '0.06', '0.12'],
    ],
    personas: [
      ['curp', 'nombres', 'primer_apellido', 'fecha_nacimiento'],
      [JOSE, 'José Ángel', 'Núñez', '1990-04-17'],
      [GUADALUPE, 'María Guadalupe', 'Ibáñez', '1968-11-02'],
      [JESUS, 'Jesús', 'Valenzuela', '1970-03-05'],
    ],
    creditos,
    ministraciones,
    amortizaciones,
    movimientos,
  };
}

const csvDe = (hoja: Hoja) => `${hoja.map((f) => f.join(',')).join('\r\n')}\r\n`;

const FORMATOS = {
  csv: (libro: Libro) =>
    leerLibro(
      Object.entries(libro).map(([h, filas]) => ({
        nombre: `${h}.csv`,
        contenido: new TextEncoder().encode(csvDe(filas)),
      })),
    ),
  xlsx: async (libro: Libro) => {
    const wb = new ExcelJS.Workbook();
    for (const [h, filas] of Object.entries(libro)) wb.addWorksheet(h).addRows(filas);
    const contenido = new Uint8Array(await wb.xlsx.writeBuffer());
    return leerLibro([{ nombre: 'cartera.xlsx', contenido }]);
  },
} as const;

const TABLAS = ['personas', 'productos', 'creditos', 'ministraciones', 'movimientos', 'bitacora'];

describe.each(['csv', 'xlsx'] as const)('causas de errores en %s', (formato) => {
  let base: BaseDePrueba;
  beforeAll(async () => {
    base = await crearBaseDePrueba();
  });
  afterAll(() => base.cerrar());

  /** How sheet `h` is named in the report. */
  const hoja = (h: string) => (formato === 'csv' ? `${h}.csv` : h);

  async function contar(): Promise<number[]> {
    const n: number[] = [];
    for (const t of TABLAS) {
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(*)::int4 AS n FROM ${sql.table(t)}`.execute(base.db);
      n.push(rows[0]?.n ?? -1);
    }
    return n;
  }

  async function importar(libro: Libro) {
    const leido = await FORMATOS[formato](libro);
    return base.db.transaction().execute((trx) => importarCartera(trx, leido, ctx));
  }

  /** Imports a faulty book and checks that nothing was written. */
  async function importarConErrores(libro: Libro) {
    const antes = await contar();
    const r = await importar(libro);
    expect(r.importado).toBe(false);
    expect(await contar()).toEqual(antes);
    return r;
  }

  it('un número de crédito repetido es un error, y las 27 filas del crédito que falta una línea', async () => {
    const libro = libroValido();
    const creditos = libro.creditos ?? [];
    // A copied row whose number was not changed: IBC-2019-0114 is missing.
    (creditos[2] as string[])[0] = 'IBC-2019-0113';
    const r = await importarConErrores(libro);
    expect(r.errores).toEqual([
      {
        hoja: hoja('creditos'),
        fila: 3,
        columna: 'numero',
        mensaje: 'el crédito IBC-2019-0113 ya está en la fila 2',
      },
    ]);
    expect(r.sinRevisar).toEqual([
      {
        hoja: hoja('creditos'),
        fila: 3,
        columna: null,
        mensaje: `27 filas de IBC-2019-0114 no se revisaron: error en ${hoja('creditos')} fila 3`,
      },
    ]);
    expect(r.resumen.errores.total).toBe(1);
    expect(r.resumen.sinRevisar).toEqual({ filas: 27, causas: 1 });
    expect(describirResultado(r)).toContain(
      'no se importó nada; 1 error en el archivo; 27 filas quedaron sin revisar por él.',
    );
    expect(describirResultado(r)).toContain(
      [
        `  ${hoja('creditos')}, fila 3, columna numero: el crédito IBC-2019-0113 ya está en la fila 2`,
        'Sin revisar hasta corregir esos errores (27 filas):',
        `  27 filas de IBC-2019-0114 no se revisaron: error en ${hoja('creditos')} fila 3`,
        'Corrige el archivo y vuelve a importarlo completo.',
      ].join('\n'),
    );
  });

  it('si solo falta un crédito y solo hay un número repetido, son el mismo aunque no se parezcan', async () => {
    const libro = libroValido();
    for (const filas of Object.values(libro))
      for (const f of filas) if (f[0] === 'IBC-2019-0115') f[0] = 'OBR-2020-0777';
    (libro.creditos?.[3] as string[])[0] = 'IBC-2019-0113';
    const r = await importarConErrores(libro);
    expect(r.errores).toEqual([
      {
        hoja: hoja('creditos'),
        fila: 4,
        columna: 'numero',
        mensaje: 'el crédito IBC-2019-0113 ya está en la fila 2',
      },
    ]);
    expect(r.sinRevisar.map((o) => o.mensaje)).toEqual([
      `27 filas de OBR-2020-0777 no se revisaron: error en ${hoja('creditos')} fila 4`,
    ]);
  });

  it('un encabezado «Nombre(s)» es un error de la hoja, con la columna que se esperaba, y no hay CURP falsas', async () => {
    const libro = libroValido();
    (libro.personas?.[0] as string[])[1] = 'Nombre(s)';
    const r = await importarConErrores(libro);
    expect(r.errores).toEqual([
      {
        hoja: hoja('personas'),
        fila: 1,
        columna: null,
        mensaje: 'la hoja personas no se leyó: encabezado «Nombre(s)», se esperaba «nombres»',
      },
    ]);
    expect(r.sinRevisar).toEqual([
      {
        hoja: hoja('personas'),
        fila: 1,
        columna: null,
        mensaje: `no se revisaron 3 filas de ${hoja('personas')} ni 3 filas de ${hoja('creditos')} que dependen de ella: error en ${hoja('personas')} fila 1`,
      },
    ]);
    expect(r.resumen.sinRevisar.filas).toBe(6);
  });

  it('«Fecha de nacimiento» sugiere fecha_nacimiento; un encabezado sin parecido se rechaza sin sugerencia', async () => {
    const libro = libroValido();
    (libro.personas?.[0] as string[])[3] = 'Fecha de nacimiento';
    (libro.productos?.[0] as string[])[4] = 'Moratoria';
    const r = await importarConErrores(libro);
    expect(r.errores).toEqual([
      {
        hoja: hoja('productos'),
        fila: 1,
        columna: 'Moratoria',
        mensaje:
          'columna desconocida (las columnas de esta hoja son: clave, nombre, vigente_desde, tasa_ordinaria_anual, tasa_moratoria_anual, tasa_puntual_anual, base_dias, prelacion)',
      },
      {
        hoja: hoja('productos'),
        fila: 1,
        columna: 'tasa_moratoria_anual',
        mensaje: 'falta la columna obligatoria',
      },
      {
        hoja: hoja('personas'),
        fila: 1,
        columna: 'Fecha de nacimiento',
        mensaje: 'encabezado desconocido, se esperaba «fecha_nacimiento»',
      },
    ]);
    // The products sheet was not read: the credits' product is not reported missing.
    expect(r.sinRevisar.map((o) => o.mensaje)).toEqual([
      `no se revisaron 1 fila de ${hoja('productos')} ni 3 filas de ${hoja('creditos')} que dependen de ella: error en ${hoja('productos')} fila 1`,
    ]);
  });

  it('una CURP que no se lee en personas no se reporta otra vez en el crédito que la cita', async () => {
    const libro = libroValido();
    // Its check digit wrong: the credit names the right one.
    const mala = `${GUADALUPE.slice(0, 17)}${GUADALUPE.endsWith('0') ? '1' : '0'}`;
    (libro.personas?.[2] as string[])[0] = mala;
    // A number that does not read: the rows of IBC-2019-0115 name the right one.
    (libro.creditos?.[3] as string[])[0] = 'IBC 2019 0115';
    const r = await importarConErrores(libro);
    expect(r.errores.map((o) => [o.hoja, o.fila, o.columna])).toEqual([
      [hoja('personas'), 3, 'curp'],
      [hoja('creditos'), 4, 'numero'],
    ]);
    expect(r.sinRevisar.map((o) => o.mensaje)).toEqual([
      `la CURP ${GUADALUPE} no se revisó en 1 fila de ${hoja('creditos')}: error en ${hoja('personas')} fila 3`,
      `27 filas de IBC-2019-0115 no se revisaron: error en ${hoja('creditos')} fila 4`,
    ]);
    expect(r.resumen.sinRevisar).toEqual({ filas: 28, causas: 2 });
  });

  it('un encabezado equivalente (mayúsculas, espacios) se acepta, y el libro corregido se importa', async () => {
    const libro = libroValido();
    (libro.personas?.[0] as string[])[3] = 'Fecha Nacimiento ';
    (libro.personas?.[0] as string[])[2] = ' Primer Apellido';
    const r = await importar(libro);
    expect(r.errores).toEqual([]);
    expect(r.sinRevisar).toEqual([]);
    expect(r).toMatchObject({
      importado: true,
      resumen: { sinRevisar: { filas: 0, causas: 0 } },
      conteos: { creditos: { nuevos: 3 }, personas: { nuevas: 3 }, movimientos: { nuevos: 3 } },
    });
  });
});

describe('el encabezado que se esperaba', () => {
  const personas = DISPOSICION.personas;
  it.each([
    ['Nombre(s)', 'nombres'],
    ['Fecha de nacimiento', 'fecha_nacimiento'],
    ['Apellido paterno', 'primer_apellido'],
    ['C.P.', 'codigo_postal'],
    ['Telefno', 'telefono'],
    ['Ocupación', null],
    ['Notas', null],
  ])('%s → %s', (encabezado, esperada) => {
    expect(columnaParecida(encabezado, personas)?.nombre ?? null).toBe(esperada);
  });
});
