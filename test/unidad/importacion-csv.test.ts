import { describe, expect, it } from 'vitest';
import { csvDeHoja } from '../../src/modules/importacion/generar-plantilla.ts';
import {
  analizarCsv,
  decodificarTexto,
  leerHojaCsv,
} from '../../src/modules/importacion/leer-csv.ts';

describe('analizarCsv (RFC 4180, como lo escriben las hojas de cálculo)', () => {
  it.each<[string, string[][]]>([
    [
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a;b\n1,5;2\n',
      [
        ['a', 'b'],
        ['1,5', '2'],
      ],
    ],
    [
      'a,b\n"Calle 5, int. 3","dijo ""sí"""\n',
      [
        ['a', 'b'],
        ['Calle 5, int. 3', 'dijo "sí"'],
      ],
    ],
    [
      'a,b\n"dos\nlíneas",x\n',
      [
        ['a', 'b'],
        ['dos\nlíneas', 'x'],
      ],
    ],
    [
      'a,b,c\n1,,\n',
      [
        ['a', 'b', 'c'],
        ['1', '', ''],
      ],
    ],
    ['a\n\nb\n', [['a'], [''], ['b']]],
    [
      'a,b\n"",2\n',
      [
        ['a', 'b'],
        ['', '2'],
      ],
    ],
  ])('%j', (texto, esperado) => {
    expect(analizarCsv(texto)).toEqual(esperado);
  });
});

describe('leerHojaCsv', () => {
  it('la fila de cada registro es la que muestra la hoja de cálculo (encabezado = 1), también tras un salto dentro de comillas', () => {
    const hoja = leerHojaCsv(
      'personas.csv',
      new TextEncoder().encode('curp,calle\nA,"Blvd. Kino\n(esquina)"\n\nB,Rosales\n'),
    );
    expect(hoja.encabezados).toEqual(['curp', 'calle']);
    expect([...hoja.filas].map((f) => [f.numero, f.celdas])).toEqual([
      [2, ['A', 'Blvd. Kino\n(esquina)']],
      [3, [null]],
      [4, ['B', 'Rosales']],
    ]);
  });

  it('lee UTF-8 con o sin BOM y el Windows-1252 que Excel guarda como «CSV»', () => {
    const utf8 = new TextEncoder().encode('\uFEFFnombres\nPeñúñuri\n');
    expect([...leerHojaCsv('p.csv', utf8).filas][0]?.celdas).toEqual(['Peñúñuri']);
    // "Núñez" in Windows-1252: ú = 0xFA, ñ = 0xF1.
    const cp1252 = Uint8Array.from([0x4e, 0xfa, 0xf1, 0x65, 0x7a]);
    expect(decodificarTexto(cp1252)).toBe('Núñez');
  });

  it('Windows-1252 de 0x80 a 0x9F son comillas, guiones y €, no caracteres de control', () => {
    // «O’Farrill – Int. 3 “B” … 100 €» as Excel writes it: ’ 0x92, – 0x96, “ 0x93, ” 0x94, … 0x85, € 0x80.
    const bytes = Uint8Array.from([
      0x4f, 0x92, 0x46, 0x61, 0x72, 0x72, 0x69, 0x6c, 0x6c, 0x20, 0x96, 0x20, 0x93, 0x42, 0x94,
      0x20, 0x85, 0x20, 0x80, 0x20, 0x97, 0x91, 0x8a, 0x9f,
    ]);
    expect(decodificarTexto(bytes)).toBe('O’Farrill – “B” … € —‘ŠŸ');
    // Its five undefined bytes stay as control characters, which the cell check refuses.
    expect(decodificarTexto(Uint8Array.from([0x41, 0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe(
      'A\u0081\u008D\u008F\u0090\u009D',
    );
  });

  it('la plantilla CSV se lee de vuelta tal cual', () => {
    const texto = csvDeHoja('personas');
    const hoja = leerHojaCsv('personas.csv', new TextEncoder().encode(texto));
    expect(hoja.encabezados[0]).toBe('curp');
    expect([...hoja.filas][0]?.celdas.slice(1, 4)).toEqual(['José Ángel', 'Núñez', 'Peñúñuri']);
  });
});
