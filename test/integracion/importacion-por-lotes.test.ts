import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completarCurp } from '../../src/domain/curp.ts';
import { importarCartera } from '../../src/modules/importacion/importar-cartera.ts';
import { leerLibro } from '../../src/modules/importacion/leer-libro.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

/**
 * A big book is checked and written a batch of credits at a time (importarCartera,
 * FilasPorCredito). Whatever the batch, the answer is the one of the book read whole: the same
 * errors at the same rows, the same counts, the same rows written. Here every batch is one
 * credit, and each credit's rows are scattered through its sheets.
 */

const reloj = new RelojManual('2026-03-10T18:00:00Z');
const ctx = { reloj, ip: '127.0.0.1', actor: null };

type Hoja = string[][];
type Libro = Record<string, Hoja>;

const CURPS = [
  'NUPA900417HSRXXN0',
  'IABG681102MSRBRD0',
  'VAAJ700305HSRLCS0',
  'LOMA850612MSRPRN0',
].map(completarCurp);
const numero = (i: number) => `IBC-2019-0${100 + i}`;

/** Interleaves rows as people paste them: the last credit's rows first, one of each in turn. */
function revolver(filas: string[][][]): string[][] {
  const fuera: string[][] = [];
  for (let i = 0; filas.some((f) => i < f.length); i++)
    for (const f of [...filas].reverse()) {
      const fila = f[i];
      if (fila) fuera.push(fila);
    }
  return fuera;
}

/** Five credits (2 ministraciones, 12 amortizaciones, 2 payments and a cancelación each). */
function libroValido(): Libro {
  const creditos: Hoja = [
    ['numero', 'producto', 'oficina', 'curp_acreditado', 'fecha_inicio_interes'],
  ];
  const mins: string[][][] = [];
  const amos: string[][][] = [];
  const movs: string[][][] = [];
  [...CURPS, CURPS[0] ?? ''].forEach((curp, i) => {
    const n = numero(i);
    creditos.push([n, 'CE-6', 'HMO', curp, '2020-07-01']);
    mins.push([
      [n, '1', '2019-08-15', '6000', '2019-2', `PG-${n}-1`, '2022-07-01'],
      [n, '2', '2020-01-15', '6000', '2020-1', `PG-${n}-2`, '2022-07-01'],
    ]);
    amos.push(
      Array.from({ length: 12 }, (_, k) => [
        n,
        String(k + 1),
        `${2020 + Math.floor((7 + k) / 12)}-${String(((7 + k) % 12) + 1).padStart(2, '0')}-01`,
        '1000',
      ]),
    );
    movs.push([
      [n, 'P-1', 'pago', '2020-09-01', '1500', '', '', '', '', '', ''],
      [n, 'P-2', 'pago', '2020-10-01', '900', '', '', '', '', '', ''],
      [n, 'X-1', 'cancelacion', '2020-10-02', '', '', '', 'P-2', '', '', 'Pago duplicado'],
    ]);
  });
  return {
    productos: [
      ['clave', 'nombre', 'vigente_desde', 'tasa_ordinaria_anual', 'tasa_moratoria_anual'],
      ['CE-6', 'Crédito educativo', '2010-01-01', '0.06', '0.12'],
    ],
    personas: [
      ['curp', 'nombres', 'primer_apellido', 'fecha_nacimiento'],
      [CURPS[0] ?? '', 'José Ángel', 'Núñez', '1990-04-17'],
      [CURPS[1] ?? '', 'María Guadalupe', 'Ibáñez', '1968-11-02'],
      [CURPS[2] ?? '', 'Jesús', 'Valenzuela', '1970-03-05'],
      [CURPS[3] ?? '', 'Ana', 'López', '1985-06-12'],
    ],
    creditos,
    ministraciones: [
      [
        'numero_credito',
        'numero',
        'fecha',
        'monto',
        'periodo_escolar',
        'pagare',
        'vencimiento_pagare',
      ],
      ...revolver(mins),
    ],
    amortizaciones: [['numero_credito', 'numero', 'fecha', 'capital'], ...revolver(amos)],
    movimientos: [
      [
        'numero_credito',
        'clave',
        'tipo',
        'fecha',
        'monto',
        'excedente',
        'concepto',
        'cancela_clave',
        'canal',
        'referencia',
        'motivo',
      ],
      ...revolver(movs),
    ],
  };
}

/** The same book with faults of every kind that crosses from one credit to another. */
function libroConErrores(): Libro {
  const libro = libroValido();
  const { ministraciones: m, amortizaciones: a, movimientos: v, creditos: c } = libro;
  const fila = (h: Hoja | undefined, pred: (f: string[]) => boolean) => {
    const f = h?.find(pred);
    if (!f) throw new Error('fila no encontrada');
    return f;
  };
  // The second credit's pagaré repeats the fourth's, which is above it in the sheet.
  fila(m, (f) => f[0] === numero(1) && f[1] === '1')[5] = `PG-${numero(3)}-1`;
  // A credit number repeated, and ministraciones of a credit that is in no sheet.
  c?.push([numero(2), 'CE-6', 'OBR', CURPS[2] ?? '', '2020-07-01']);
  m?.push(['IBC-2019-0999', '1', '2019-08-15', '6000', '2019-2', 'PG-X', '2022-07-01']);
  // A schedule that does not add up, a payment in the future, a cancelación of nothing, one
  // above the movement it cancels, and a condonación the engine refuses (on the one credit
  // with no other fault: a faulty credit does not go to the engine).
  fila(a, (f) => f[0] === numero(0) && f[1] === '3')[3] = '1001';
  fila(v, (f) => f[0] === numero(2) && f[1] === 'P-1')[3] = '2026-04-01';
  fila(v, (f) => f[0] === numero(3) && f[1] === 'X-1')[7] = 'P-9';
  v?.splice(1, 0, [
    numero(3),
    'X-0',
    'cancelacion',
    '2020-10-02',
    '',
    '',
    '',
    'P-1',
    '',
    '',
    'Antes',
  ]);
  v?.push([
    numero(4),
    'D-1',
    'condonacion',
    '2021-01-01',
    '90000',
    '',
    'moratorio',
    '',
    '',
    '',
    'Campaña',
  ]);
  return libro;
}

const csvDe = (hoja: Hoja) => `${hoja.map((f) => f.join(',')).join('\r\n')}\r\n`;
const leer = (libro: Libro) =>
  leerLibro(
    Object.entries(libro).map(([h, filas]) => ({
      nombre: `${h}.csv`,
      contenido: new TextEncoder().encode(csvDe(filas)),
    })),
  );

describe('importación por lotes de créditos', () => {
  let base: BaseDePrueba;
  beforeAll(async () => {
    base = await crearBaseDePrueba();
  });
  afterAll(() => base.cerrar());

  const importar = async (libro: Libro, creditosPorLote: number) => {
    const leido = await leer(libro);
    return base.db
      .transaction()
      .execute((trx) => importarCartera(trx, leido, ctx, { creditosPorLote }));
  };
  const contar = async () =>
    (
      await sql<{ n: string }>`
        SELECT (SELECT count(*) FROM creditos) || '/' || (SELECT count(*) FROM ministraciones)
          || '/' || (SELECT count(*) FROM amortizaciones) || '/' || (SELECT count(*) FROM movimientos) AS n`.execute(
        base.db,
      )
    ).rows[0]?.n;

  it('un libro con errores dice lo mismo de crédito en crédito que leído entero, y no escribe nada', async () => {
    const antes = await contar();
    const entero = await importar(libroConErrores(), Number.POSITIVE_INFINITY);
    const porCredito = await importar(libroConErrores(), 1);
    expect(await contar()).toBe(antes);
    expect(entero.importado).toBe(false);
    expect(porCredito).toEqual(entero);
    const mensajes = entero.errores.map((e) => `${e.hoja} ${e.fila} ${e.columna}: ${e.mensaje}`);
    // Each kind of fault is there, once, where the book read whole puts it.
    expect(
      mensajes.filter((m) => m.includes('el pagaré PG-IBC-2019-0103-1 ya está en la fila')),
    ).toHaveLength(1);
    expect(mensajes.some((m) => m.includes('el crédito IBC-2019-0102 ya está en la fila'))).toBe(
      true,
    );
    // The only credit missing and the only repeated number are taken to be the same one.
    expect(entero.sinRevisar.map((o) => o.mensaje)).toEqual([
      '1 fila de IBC-2019-0999 no se revisó: error en creditos.csv fila 7',
    ]);
    expect(mensajes.some((m) => m.includes('no suma lo ministrado'))).toBe(true);
    expect(mensajes.some((m) => m.includes('es posterior a hoy'))).toBe(true);
    expect(mensajes.some((m) => m.includes('no existe el movimiento P-9'))).toBe(true);
    expect(mensajes.some((m) => m.includes('debe ir después del movimiento P-1'))).toBe(true);
    expect(
      mensajes.some((m) => m.includes('movimientos.csv') && m.includes('no se puede calcular')),
    ).toBe(true);
  });

  it('el pagaré repetido se reporta en la fila de abajo aunque su crédito se revise antes', async () => {
    const r = await importar(libroConErrores(), 1);
    const libro = libroConErrores();
    const filaDe = (credito: string, n: string) =>
      (libro.ministraciones?.findIndex((f) => f[0] === credito && f[1] === n) ?? -9) + 1;
    const arriba = filaDe(numero(3), '1');
    const abajo = filaDe(numero(1), '1');
    expect(arriba).toBeLessThan(abajo);
    expect(r.errores).toContainEqual({
      hoja: 'ministraciones.csv',
      fila: abajo,
      columna: 'pagare',
      mensaje: `el pagaré PG-${numero(3)}-1 ya está en la fila ${arriba}`,
    });
  });

  it('un libro válido se escribe igual de crédito en crédito; leído entero después, nada es nuevo', async () => {
    const antes = await contar();
    const r = await importar(libroValido(), 1);
    expect(r.errores).toEqual([]);
    expect(r.importado).toBe(true);
    expect(r.conteos.creditos).toEqual({ nuevos: 5, sinCambios: 0 });
    expect(r.conteos.movimientos).toEqual({ nuevos: 15, existentes: 0 });
    expect(antes).toBe('0/0/0/0');
    expect(await contar()).toBe('5/10/60/15');
    // The cancelación of each credit points at its own P-2.
    const { rows } = await sql<{ n: string }>`
      SELECT count(*)::text AS n FROM movimientos x JOIN movimientos p ON p.id = x.cancela_id
       WHERE x.clave_externa = 'X-1' AND p.clave_externa = 'P-2' AND p.credito_id = x.credito_id`.execute(
      base.db,
    );
    expect(rows[0]?.n).toBe('5');
    for (const lote of [Number.POSITIVE_INFINITY, 1, 3]) {
      const otra = await importar(libroValido(), lote);
      expect(otra.importado).toBe(true);
      expect(otra.conteos.creditos).toEqual({ nuevos: 0, sinCambios: 5 });
      expect(otra.conteos.movimientos).toEqual({ nuevos: 0, existentes: 15 });
    }
    expect(await contar()).toBe('5/10/60/15');
  });
});
