import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Falla,
  type Lectura,
  leerEntero,
  leerFecha,
  leerMonto,
  leerOpcion,
  leerSiNo,
  leerTasa,
  leerTexto,
  revisarTexto,
  textoDeNumero,
} from '../../src/modules/importacion/celdas.ts';
import type { Celda } from '../../src/modules/importacion/libro.ts';

const valor = <T>(r: Lectura<T>) => (r instanceof Falla ? `✗ ${r.motivo}` : r);

describe('leerMonto: pesos con hasta 2 decimales, en centavos exactos', () => {
  it.each<[Celda, number]>([
    [1062.5, 106250],
    ['1062.5', 106250],
    ['1062.50', 106250],
    [1062, 106200],
    ['$1,062.50', 106250],
    ['1,234,567.89', 123456789],
    [' 15000 ', 1500000],
    [0.1 + 0.2, 30],
    // A formula result with binary noise (3.3000000000000003): Excel shows 3.3 (15 digits).
    [1.1 * 3, 330],
    [9500, 950000],
    ['0', 0],
  ])('%j → %i', (celda, esperado) => {
    expect(valor(leerMonto(celda))).toBe(esperado);
  });

  it.each<[Celda, string]>([
    ['1062.555', 'más de 2 decimales'],
    [1062.555, 'más de 2 decimales'],
    ['-5', 'negativo'],
    [-5, 'negativo'],
    ['1,0625', 'no es un monto'],
    ['mil pesos', 'no es un monto'],
    ['1e3', 'no es un monto'],
    [true, 'no es un monto'],
    [{ fecha: '2024-01-31' }, 'no es un monto'],
  ])('%j se rechaza', (celda, motivo) => {
    expect(valor(leerMonto(celda))).toContain(motivo);
  });

  it('cualquier monto en centavos escrito como número de Excel vuelve exacto', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (n) => {
        expect(valor(leerMonto(n / 100))).toBe(n);
      }),
    );
  });
});

describe('leerFecha: la fecha de calendario tal como se ve', () => {
  it.each<[Celda, string]>([
    ['2024-01-31', '2024-01-31'],
    ['31/01/2024', '2024-01-31'],
    ['1/2/2024', '2024-02-01'],
    [' 29/02/2024 ', '2024-02-29'],
    [{ fecha: '2024-01-31' }, '2024-01-31'],
  ])('%j → %s', (celda, esperado) => {
    expect(valor(leerFecha(celda))).toBe(esperado);
  });

  it.each<[Celda, string]>([
    ['2023-02-29', 'no es una fecha que exista'],
    ['30/02/2024', 'no es una fecha que exista'],
    ['2024-13-01', 'no es una fecha que exista'],
    ['31-01-2024', 'no es una fecha (AAAA-MM-DD o dd/mm/aaaa)'],
    ['01/31/2024', 'no es una fecha que exista'],
    // A bare number may be a day count that lost its date format: never guessed.
    [45322, 'no es una fecha'],
    [true, 'no es una fecha'],
  ])('%j se rechaza', (celda, motivo) => {
    expect(valor(leerFecha(celda))).toContain(motivo);
  });
});

describe('leerTasa', () => {
  it.each<[Celda, string]>([
    ['0.06', '0.06'],
    [0.06, '0.06'],
    ['6%', '0.06'],
    ['6.5%', '0.065'],
    ['100%', '1'],
    ['0%', '0'],
    [0.155, '0.155'],
    [0.00000001, '0.00000001'],
  ])('%j → %s', (celda, esperado) => {
    expect(valor(leerTasa(celda))).toBe(esperado);
  });

  it.each<Celda>(['1.5', '-0.06', '0.123456789', 'seis', 6])('%j se rechaza', (celda) => {
    expect(valor(leerTasa(celda))).toContain('no es una tasa');
  });
});

describe('leerSiNo, leerEntero, leerOpcion, leerTexto', () => {
  it.each<[Celda, boolean]>([
    ['si', true],
    ['Sí', true],
    ['SI', true],
    [1, true],
    [true, true],
    ['no', false],
    ['0', false],
    [null, false],
    [false, false],
  ])('leerSiNo(%j) = %s', (celda, esperado) => {
    expect(valor(leerSiNo(celda))).toBe(esperado);
  });

  it('leerSiNo rechaza lo que no es sí ni no', () => {
    expect(valor(leerSiNo('tal vez'))).toContain('no es si ni no');
  });

  it.each<[Celda, number | string]>([
    ['3', 3],
    [12, 12],
    ['0', '✗'],
    ['2.5', '✗'],
    [2.5, '✗'],
    ['40000', '✗'],
  ])('leerEntero(%j)', (celda, esperado) => {
    const r = valor(leerEntero(celda));
    if (typeof esperado === 'number') expect(r).toBe(esperado);
    else expect(String(r)).toMatch(/^✗/);
  });

  it.each<[Celda, string]>([
    ['Condonación', 'condonacion'],
    ['PAGO', 'pago'],
    ['reducir plazo', 'reducir_plazo'],
  ])('leerOpcion(%j) sin importar acentos, mayúsculas ni espacios', (celda, esperado) => {
    expect(valor(leerOpcion(celda, ['pago', 'condonacion', 'reducir_plazo']))).toBe(esperado);
  });

  it('leerOpcion nombra las opciones válidas', () => {
    expect(valor(leerOpcion('abono', ['pago', 'condonacion']))).toBe(
      '✗ «abono» no es uno de: pago, condonacion',
    );
  });

  it('leerTexto recorta y junta espacios; un número se lee como Excel lo muestra', () => {
    expect(valor(leerTexto('  José   Ángel '))).toBe('José Ángel');
    expect(valor(leerTexto(6621234567))).toBe('6621234567');
    expect(valor(leerTexto('   '))).toBeNull();
    expect(textoDeNumero(83000)).toBe('83000');
  });
});

describe('leerFecha coincide con fechaDesdeTexto del dominio en cualquier texto AAAA-MM-DD', () => {
  it('para todas las fechas de 1900 a 2100, y los días 0 y 29-32 de cada mes', async () => {
    const { fechaDesdeTexto } = await import('../../src/domain/fecha.ts');
    for (let anio = 1900; anio <= 2100; anio++) {
      for (let mes = 0; mes <= 13; mes++) {
        for (const dia of [0, 1, 15, 28, 29, 30, 31, 32]) {
          const t = `${anio}-${String(mes).padStart(2, '0')}-${String(dia).padStart(2, '0')}`;
          const esperado = fechaDesdeTexto(t);
          const r = leerFecha(t);
          expect(r instanceof Falla ? null : r, t).toBe(esperado);
        }
      }
    }
  });
});

describe('revisarTexto: errores de Excel y caracteres invisibles en cualquier celda de texto', () => {
  const motivo = (t: string) => revisarTexto(t)?.motivo ?? null;
  it.each([
    ['#N/A', 'la celda tiene el error de Excel #N/A: corrige la fórmula o escribe el valor'],
    [' #ref! ', 'la celda tiene el error de Excel #ref!: corrige la fórmula o escribe el valor'],
    ['#DIV/0!', 'la celda tiene el error de Excel #DIV/0!: corrige la fórmula o escribe el valor'],
    [
      '#¿NOMBRE?',
      'la celda tiene el error de Excel #¿NOMBRE?: corrige la fórmula o escribe el valor',
    ],
    ['#N/D', 'la celda tiene el error de Excel #N/D: corrige la fórmula o escribe el valor'],
  ])('%j es un error de Excel', (t, m) => expect(motivo(t)).toBe(m));

  it.each([
    ['O\u0092Farrill', 'U+0092, carácter de control', 'después de «O»'],
    ['\u200BAna', 'U+200B, espacio de ancho cero', 'al principio'],
    ['Ana\u200E', 'U+200E, marca de dirección del texto', 'después de «Ana»'],
    ['Ana\u202ELuis', 'U+202E, control de dirección del texto', 'después de «Ana»'],
    ['Ana\uFEFF', 'U+FEFF, marca de orden de bytes', 'después de «Ana»'],
    ['Ana\u2028Luis', 'U+2028, separador de línea', 'después de «Ana»'],
    ['Peñú\u00ADñuri', 'U+00AD, guion suave', 'después de «Peñú»'],
    ['A\u0000', 'U+0000, carácter de control', 'después de «A»'],
  ])('%j se rechaza', (t, que, donde) =>
    expect(motivo(t)).toBe(
      `tiene un carácter invisible que no se admite (${que}) ${donde}: bórralo y vuelve a escribir esa parte del texto (suele llegar al copiar y pegar)`,
    ),
  );

  it('un tabulador se rechaza; un salto de línea dentro de la celda queda como espacio', () => {
    expect(motivo('Rosales\t45')).toMatch(/^tiene un tabulador/);
    expect(motivo('Blvd. Kino\n(esquina)')).toBeNull();
    expect(valor(leerTexto('Blvd. Kino\r\n(esquina)'))).toBe('Blvd. Kino (esquina)');
  });

  it('el texto normal pasa: acentos, eñes, apóstrofos, guiones y emojis compuestos', () => {
    for (const t of [
      'O’Farrill',
      "D'Angelo",
      'Calle O’Donojú – Int. 3',
      'Ñ#1',
      '#45',
      '👨\u200D👩\u200D👧',
    ])
      expect(motivo(t), t).toBeNull();
  });
});

describe('leerFecha dice qué hacer', () => {
  it.each<[Celda, string]>([
    [
      '02/16/2019',
      '«02/16/2019» no es una fecha que exista: el orden es día/mes/año (¿quisiste decir 16/02/2019?)',
    ],
    ['30/02/2024', '«30/02/2024» no es una fecha que exista'],
    [
      44608,
      '«44608» no es una fecha: parece el número de serie de una fecha de Excel (44608 es el 16/02/2022); da formato de fecha a la columna o escribe la fecha como dd/mm/aaaa',
    ],
    [
      ' 32874 ',
      '« 32874 » no es una fecha: parece el número de serie de una fecha de Excel (32874 es el 01/01/1990); da formato de fecha a la columna o escribe la fecha como dd/mm/aaaa',
    ],
    [123, '«123» no es una fecha (AAAA-MM-DD o dd/mm/aaaa)'],
  ])('%j', (celda, m) => expect(valor(leerFecha(celda))).toBe(`✗ ${m}`));
});
