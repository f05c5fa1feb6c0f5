import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analizarPlantilla,
  llenarPlantilla,
  PLANTILLAS,
  TEXTOS_POR_OMISION,
  TIPOS_DE_PLANTILLA,
  validarTextos,
  variablesDe,
  variablesUsadas,
} from '../../src/domain/plantillas/index.ts';

const PERMITIDAS = new Set(['acreditado.nombre', 'instituto.razon_social', 'recibo.importe']);

describe('analizarPlantilla', () => {
  it('acepta texto con variables conocidas, con o sin espacios dentro de las llaves', () => {
    expect(
      analizarPlantilla('Hola {{acreditado.nombre}}, pagaste {{ recibo.importe }}.', PERMITIDAS),
    ).toEqual([]);
  });

  it('nombra la variable desconocida y su línea', () => {
    const errores = analizarPlantilla('Primera línea\nHola {{acreditado.nombr}}', PERMITIDAS);
    expect(errores).toEqual([
      {
        linea: 2,
        mensaje:
          'Línea 2: la variable «{{acreditado.nombr}}» no existe en este documento; elige una de la lista de variables.',
      },
    ]);
  });

  it('señala la llave sin cerrar con su línea, aunque se cierre en la siguiente', () => {
    const errores = analizarPlantilla('uno\ndos {{acreditado.nombre\n}}', PERMITIDAS);
    expect(errores.map((e) => e.linea)).toEqual([2, 3]);
    expect(errores[0]?.mensaje).toContain('falta cerrar la llave «{{»');
    expect(errores[1]?.mensaje).toContain('«}}» sin «{{»');
  });

  it.each([
    ['constructor'],
    ['__proto__'],
    ['process.env'],
    ['toString'],
    ['../../etc/passwd'],
    ['/etc/passwd'],
    ['require("fs")'],
    ['acreditado.nombre.constructor'],
  ])('rechaza «{{%s}}»', (nombre) => {
    const errores = analizarPlantilla(`x {{${nombre}}} y`, PERMITIDAS);
    expect(errores).toHaveLength(1);
    expect(errores[0]?.linea).toBe(1);
  });

  it('rechaza llaves vacías y anidadas', () => {
    expect(analizarPlantilla('{{}}', PERMITIDAS)).toHaveLength(1);
    expect(analizarPlantilla('{{ {{acreditado.nombre}} }}', PERMITIDAS).length).toBeGreaterThan(0);
  });

  it('una llave sencilla es texto', () => {
    expect(analizarPlantilla('a {b} c } {', PERMITIDAS)).toEqual([]);
  });
});

describe('llenarPlantilla', () => {
  it('sustituye cada variable por su valor ya formateado', () => {
    expect(
      llenarPlantilla('Recibimos {{recibo.importe}} de {{ acreditado.nombre }}.', {
        'recibo.importe': '$1,234.56',
        'acreditado.nombre': 'Ana López',
      }),
    ).toBe('Recibimos $1,234.56 de Ana López.');
  });

  it('no busca en el prototipo: {{constructor}} sale vacío y {{__proto__}} queda inerte', () => {
    expect(llenarPlantilla('[{{constructor}}][{{__proto__}}][{{to_string}}]', {})).toBe(
      '[][{{__proto__}}][]',
    );
  });

  it('inserta los valores tal cual, con $ y patrones de reemplazo', () => {
    expect(llenarPlantilla('{{a}}', { a: "$& $1 $$ $'" })).toBe("$& $1 $$ $'");
  });
});

describe('propiedades', () => {
  const nombre = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}(\.[a-z][a-z0-9_]{0,8})?$/);
  const trozo = fc.oneof(
    fc.string().map((s) => s.replace(/[{}]/g, '')),
    nombre.map((n) => `{{${n}}}`),
  );
  const plantilla = fc.array(trozo, { maxLength: 12 }).map((t) => t.join(''));
  const valores = fc.dictionary(nombre, fc.string());

  it('llenar nunca lanza, sea cual sea la plantilla', () => {
    fc.assert(
      fc.property(fc.string(), valores, (texto, v) => {
        expect(typeof llenarPlantilla(texto, v)).toBe('string');
      }),
    );
  });

  it('una plantilla válida se llena y ya no contiene marcadores propios', () => {
    fc.assert(
      fc.property(plantilla, valores, (texto, v) => {
        const usadas = new Set(variablesUsadas(texto));
        expect(analizarPlantilla(texto, usadas)).toEqual([]);
        const sinLlaves = Object.fromEntries(
          Object.entries(v).map(([k, x]) => [k, x.replace(/[{}]/g, '')]),
        );
        expect(llenarPlantilla(texto, sinLlaves)).not.toMatch(/\{\{/);
      }),
    );
  });

  it('un texto sin llaves queda igual', () => {
    fc.assert(
      fc.property(
        fc.string().map((s) => s.replace(/[{}]/g, '')),
        valores,
        (texto, v) => {
          expect(llenarPlantilla(texto, v)).toBe(texto);
          expect(analizarPlantilla(texto, new Set())).toEqual([]);
        },
      ),
    );
  });

  it('los valores se insertan literalmente: un valor con {{x}} no se vuelve a expandir', () => {
    fc.assert(
      fc.property(nombre, fc.string(), fc.string(), (n, antes, despues) => {
        const valor = `${antes}{{${n}}}${despues}`;
        expect(llenarPlantilla(`<{{${n}}}>`, { [n]: valor })).toBe(`<${valor}>`);
      }),
    );
  });
});

describe('catálogo y textos por omisión', () => {
  it.each(TIPOS_DE_PLANTILLA)('los textos por omisión de %s son válidos', (tipo) => {
    expect(validarTextos(tipo, TEXTOS_POR_OMISION[tipo])).toEqual([]);
  });

  it('cada variable tiene descripción y no se repite', () => {
    for (const tipo of TIPOS_DE_PLANTILLA) {
      const nombres = PLANTILLAS[tipo].variables.map((x) => x.nombre);
      expect(new Set(nombres).size).toBe(nombres.length);
      for (const x of PLANTILLAS[tipo].variables) expect(x.descripcion.length).toBeGreaterThan(5);
      expect(variablesDe(tipo).size).toBe(nombres.length);
    }
  });

  it('validarTextos nombra la sección, la línea y la variable', () => {
    const errores = validarTextos('recibo', { nota: 'Gracias\n{{acreditado.domicilio}}' });
    expect(errores).toEqual([
      {
        seccion: 'nota',
        linea: 2,
        mensaje:
          '«Nota al pie del recibo», Línea 2: la variable «{{acreditado.domicilio}}» no existe en este documento; elige una de la lista de variables.',
      },
    ]);
  });

  it('validarTextos rechaza secciones ajenas o faltantes, saltos en el pie y caracteres de control', () => {
    expect(validarTextos('recibo', { nota: 'a', otra: 'b' }).map((e) => e.seccion)).toEqual([
      'otra',
    ]);
    expect(validarTextos('recibo', {}).map((e) => e.seccion)).toEqual(['nota']);
    const pie = validarTextos('estado_de_cuenta', { encabezado: '', leyendas: '', pie: 'a\nb' });
    expect(pie.map((e) => e.seccion)).toEqual(['pie']);
    expect(validarTextos('recibo', { nota: 'a\u202eb' })[0]?.mensaje).toContain('U+202E');
  });
});
