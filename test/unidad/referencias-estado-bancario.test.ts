import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fecha } from '../../src/domain/fecha.ts';
import { leerFechaBancaria, leerImporte } from '../../src/modules/conciliacion/campos-bancarios.ts';
import { partirLineaCsv } from '../../src/modules/conciliacion/csv.ts';
import {
  type ErrorDeLinea,
  leerEstadoBancario,
  MAXIMO_DEPOSITOS,
} from '../../src/modules/conciliacion/leer-estado-bancario.ts';

const HOY = '2026-03-10' as Fecha;
const ENCABEZADO = 'fecha,referencia,importe,folio_banco,concepto';

describe('una línea CSV', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,c', ['a', '', 'c']],
    ['a,b,', ['a', 'b', '']],
    ['"1,234.56",x', ['1,234.56', 'x']],
    ['"dijo ""hola""",x', ['dijo "hola"', 'x']],
    ['  "con espacios" ,x', ['con espacios', 'x']],
    ['"",x', ['', 'x']],
    ['sola', ['sola']],
  ])('%s', (linea, campos) => {
    expect(partirLineaCsv(linea)).toEqual({ ok: true, campos });
  });

  it.each([
    ['"sin cerrar,x', /comillas sin cerrar/],
    ['"cerrada"basura,x', /debe seguir una coma/],
    ['ab"c,x', /comilla dentro de un campo sin comillas/],
  ])('%s se rechaza', (linea, motivo) => {
    const r = partirLineaCsv(linea);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.motivo).toMatch(motivo);
  });
});

describe('fechas del banco', () => {
  it.each([
    ['05/03/2026', '2026-03-05'],
    ['5/3/2026', '2026-03-05'],
    [' 29/02/2024 ', '2024-02-29'],
    ['2026-03-05', '2026-03-05'],
  ])('%s es %s', (texto, fecha) => {
    expect(leerFechaBancaria(texto)).toEqual({ ok: true, valor: fecha });
  });

  it.each([
    ['29/02/2025', /no es una fecha que exista/],
    ['31/04/2026', /no es una fecha que exista/],
    ['2026-13-01', /no es una fecha que exista/],
    ['03-05-2026', /dd\/mm\/aaaa/],
    ['5 de marzo', /dd\/mm\/aaaa/],
    ['', /dd\/mm\/aaaa/],
  ])('%s se rechaza', (texto, motivo) => {
    const r = leerFechaBancaria(texto);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.motivo).toMatch(motivo);
  });
});

describe('importes', () => {
  it.each([
    ['1234.56', 123_456],
    ['1,234.56', 123_456],
    ['1,234,567.8', 123_456_780],
    ['$1,500.00', 150_000],
    ['$ 99', 9_900],
    ['0.01', 1],
    ['100000000.00', 10_000_000_000],
  ])('%s son %i centavos', (texto, centavos) => {
    expect(leerImporte(texto)).toEqual({ ok: true, valor: centavos });
  });

  it.each([
    ['-500.00', /cargo/],
    ['(500.00)', /cargo/],
    ['0.00', /mayor que cero/],
    ['12,34.56', /importe en pesos/],
    ['1234,56', /importe en pesos/],
    ['1.234,56', /importe en pesos/],
    ['10.005', /importe en pesos/],
    ['1e3', /importe en pesos/],
    ['', /importe en pesos/],
    ['100000000.01', /excede el máximo de \$100,000,000\.00/],
  ])('%s se rechaza', (texto, motivo) => {
    const r = leerImporte(texto);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.motivo).toMatch(motivo);
  });
});

const leer = (...lineas: string[]) => leerEstadoBancario(lineas.join('\r\n'), HOY);
const errores = (...lineas: string[]): ErrorDeLinea[] => {
  const r = leer(...lineas);
  if (r.ok) throw new Error('se esperaban errores');
  return r.errores;
};

describe('un estado de cuenta bancario completo', () => {
  it('lee el ejemplo que se entrega en plantillas/', () => {
    const texto = readFileSync(
      join(import.meta.dirname, '..', '..', 'plantillas', 'estado-bancario-ejemplo.csv'),
      'utf8',
    );
    const r = leerEstadoBancario(texto, HOY);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.depositos.length).toBeGreaterThanOrEqual(3);
  });

  it('lee cada depósito, con BOM, columnas en otro orden, líneas en blanco y concepto opcional', () => {
    const r = leerEstadoBancario(
      '\uFEFFFOLIO_BANCO, Importe ,fecha,referencia\n\n778812,"1,500.00",05/03/2026,1001234583\n778813,250,2026-03-06,\n',
      HOY,
    );
    expect(r).toEqual({
      ok: true,
      depositos: [
        {
          linea: 3,
          cruda: '778812,"1,500.00",05/03/2026,1001234583',
          fecha: '2026-03-05',
          referencia: '1001234583',
          importe: 150_000,
          folio: '778812',
          concepto: '',
        },
        {
          linea: 4,
          cruda: '778813,250,2026-03-06,',
          fecha: '2026-03-06',
          referencia: '',
          importe: 25_000,
          folio: '778813',
          concepto: '',
        },
      ],
    });
  });

  it('informa cada línea mala con su número, su columna y el motivo; ninguna se acepta', () => {
    const e = errores(
      ENCABEZADO,
      '05/03/2026,1001234583,1500.00,F-1,Depósito bueno',
      '31/02/2026,1001234583,1500.00,F-2,fecha que no existe',
      '05/03/2026,1001234583,1,500.00,F-3,importe con coma sin comillas',
      '05/03/2026,1001234583,-20.00,,cargo y sin folio',
      '11/03/2026,1001234583,10.00,F-5,fecha futura',
      '05/03/2026,1001234583,10.00,F-1,folio repetido',
      '05/03/2026,1001234583,10.00,F 7,folio con espacio',
      '05/03/2026,"sin cerrar,10.00,F-8,x',
    );
    expect(e.map((x) => [x.linea, x.columna])).toEqual([
      [3, 'fecha'],
      [4, null],
      [5, 'importe'],
      [5, 'folio_banco'],
      [6, 'fecha'],
      [7, 'folio_banco'],
      [8, 'folio_banco'],
      [9, null],
    ]);
    expect(e[5]?.motivo).toBe(
      'el folio F-1 ya apareció en la línea 2: cada depósito lleva un folio propio',
    );
    expect(e[4]?.motivo).toMatch(/posterior a hoy \(10\/03\/2026\)/);
    expect(e[1]?.motivo).toMatch(/6 columnas y el encabezado 5/);
  });

  it.each([
    [['fecha,referencia,importe,concepto'], [1, 'folio_banco', /falta esta columna/]],
    [['fecha,referencia,importe,folio_banco,sucursal'], [1, 'sucursal', /columna desconocida/]],
    [['fecha,fecha,referencia,importe,folio_banco'], [1, 'fecha', /dos veces/]],
    [[''], [1, null, /vacío/]],
    [[ENCABEZADO], [1, null, /solo trae el encabezado/]],
    [
      [ENCABEZADO, '05/03/2026,1,10.00,F-1,Pag\uFFFDo'],
      [2, null, /UTF-8/],
    ],
  ] as const)('encabezado y archivo: %j', (lineas, [linea, columna, motivo]) => {
    const e = errores(...lineas);
    expect(e[0]).toMatchObject({ linea, columna });
    expect(e[0]?.motivo).toMatch(motivo);
  });

  it('un texto demasiado largo se rechaza en su columna', () => {
    const e = errores(ENCABEZADO, `05/03/2026,${'9'.repeat(41)},10.00,F-1,${'x'.repeat(201)}`);
    expect(e.map((x) => x.columna)).toEqual(['referencia', 'concepto']);
  });

  it(`más de ${MAXIMO_DEPOSITOS} depósitos piden dividir el archivo`, () => {
    const lineas = Array.from(
      { length: MAXIMO_DEPOSITOS + 1 },
      (_, i) => `05/03/2026,,10.00,F-${i},x`,
    );
    expect(errores(ENCABEZADO, ...lineas)[0]?.motivo).toMatch(/divídelo/);
  });
});
