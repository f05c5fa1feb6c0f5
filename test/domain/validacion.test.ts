import { describe, expect, it } from 'vitest';
import { validarCaso } from '../../src/domain/estado-de-cuenta/index.ts';
import { calcularTexto } from '../../src/modules/calculo/calcular-cli.ts';

type Json = Record<string, unknown>;

/** A valid case (calculo.md casos 01) to break one field at a time. */
function casoBase(): Json {
  return {
    fecha_corte: '2024-06-30',
    producto: {
      tasa_ordinaria_anual: '0.12',
      tasa_moratoria_anual: '0.18',
      base_dias: 360,
      prelacion: 'por_concepto',
    },
    credito: {
      id: 'CE-001',
      fecha_inicio_interes: '2024-01-01',
      ministraciones: [
        { fecha: '2023-02-15', monto: '3000.00' },
        { fecha: '2023-08-15', monto: '3000.00' },
      ],
      amortizaciones: [1, 2, 3, 4, 5, 6].map((numero) => ({
        numero,
        fecha: `2024-0${numero + 1}-01`,
        capital: '1000.00',
      })),
    },
    movimientos: [
      { id: 'P1', tipo: 'pago', fecha: '2024-02-01', monto: '1062.00' },
      { id: 'P2', tipo: 'pago', fecha: '2024-03-20', monto: '500.00' },
    ],
  };
}

const credito = (c: Json): Json => c.credito as Json;
const producto = (c: Json): Json => c.producto as Json;
const lista = (o: Json, clave: string): Json[] => o[clave] as Json[];
const elemento = (o: Json, clave: string, i: number): Json => {
  const e = lista(o, clave)[i];
  if (e === undefined) throw new Error(`${clave}[${i}] no existe en el caso base`);
  return e;
};
const movimiento = (c: Json, i: number): Json => elemento(c, 'movimientos', i);
const agregar = (c: Json, ...movimientos: Json[]): void => {
  lista(c, 'movimientos').push(...movimientos);
};
const condonacion = (id: string, fecha: string, concepto: string, monto: string): Json => ({
  id,
  tipo: 'condonacion',
  fecha,
  concepto,
  monto,
});
const cancelacion = (id: string, fecha: string, objetivo: string): Json => ({
  id,
  tipo: 'cancelacion',
  fecha,
  movimiento: objetivo,
});

// Each breaks the base case in place (what a mutator returns is ignored).
const fallas: [string, (c: Json) => void, string][] = [
  ['fecha_corte is missing', (c) => delete c.fecha_corte, 'caso_invalido'],
  ['producto is missing', (c) => delete c.producto, 'caso_invalido'],
  ['credito is missing', (c) => delete c.credito, 'caso_invalido'],
  ['credito is not an object', (c) => (c.credito = 'CE-001'), 'caso_invalido'],
  ['fecha_corte is 2023-02-29', (c) => (c.fecha_corte = '2023-02-29'), 'fecha_invalida'],
  ['fecha_corte is null', (c) => (c.fecha_corte = null), 'fecha_invalida'],
  [
    'an amortización on 2024-04-31',
    (c) => (elemento(credito(c), 'amortizaciones', 2).fecha = '2024-04-31'),
    'fecha_invalida',
  ],
  ['a movement dated 2024-2-01', (c) => (movimiento(c, 0).fecha = '2024-2-01'), 'fecha_invalida'],
  ['a payment of -100', (c) => (movimiento(c, 0).monto = '-100'), 'monto_invalido'],
  ['a payment as a JSON number', (c) => (movimiento(c, 0).monto = 1062), 'monto_invalido'],
  ['a payment with 3 decimals', (c) => (movimiento(c, 0).monto = '1062.001'), 'monto_invalido'],
  ['a payment of 0', (c) => (movimiento(c, 0).monto = '0.00'), 'monto_invalido'],
  [
    'a ministración of 0',
    (c) => {
      elemento(credito(c), 'ministraciones', 0).monto = '0';
      elemento(credito(c), 'ministraciones', 1).monto = '6000.00';
    },
    'monto_invalido',
  ],
  [
    'a condonación of 0',
    (c) => agregar(c, condonacion('C1', '2024-05-01', 'moratorio', '0')),
    'monto_invalido',
  ],
  [
    'a capital of 1,000',
    (c) => (elemento(credito(c), 'amortizaciones', 0).capital = '1,000'),
    'monto_invalido',
  ],
  [
    'amounts too large to compute exactly',
    (c) => {
      elemento(credito(c), 'ministraciones', 0).monto = '90000000000000.00';
      elemento(credito(c), 'amortizaciones', 0).capital = '89999999998000.00';
    },
    'monto_invalido',
  ],
  ['a rate above 1', (c) => (producto(c).tasa_ordinaria_anual = '1.5'), 'tasa_invalida'],
  ['a rate as a number', (c) => (producto(c).tasa_moratoria_anual = 0.18), 'tasa_invalida'],
  [
    'a rate with 9 decimals',
    (c) => (producto(c).tasa_ordinaria_anual = '0.123456789'),
    'tasa_invalida',
  ],
  ['a missing rate', (c) => delete producto(c).tasa_moratoria_anual, 'tasa_invalida'],
  ['base 366', (c) => (producto(c).base_dias = 366), 'base_invalida'],
  ['base as text', (c) => (producto(c).base_dias = '360'), 'base_invalida'],
  ['base null', (c) => (producto(c).base_dias = null), 'base_invalida'],
  ['an unknown prelación', (c) => (producto(c).prelacion = 'por_antiguedad'), 'prelacion_invalida'],
  ['prelación null', (c) => (producto(c).prelacion = null), 'prelacion_invalida'],
  ['no ministración', (c) => (credito(c).ministraciones = []), 'ministraciones_invalidas'],
  [
    'a ministración on the first due date',
    (c) => (elemento(credito(c), 'ministraciones', 1).fecha = '2024-02-01'),
    'ministraciones_invalidas',
  ],
  ['no amortización', (c) => (credito(c).amortizaciones = []), 'amortizaciones_invalidas'],
  [
    'numero out of order',
    (c) => (elemento(credito(c), 'amortizaciones', 1).numero = 3),
    'amortizaciones_invalidas',
  ],
  [
    'numero as text',
    (c) => (elemento(credito(c), 'amortizaciones', 0).numero = '1'),
    'amortizaciones_invalidas',
  ],
  [
    'due dates not strictly increasing',
    (c) => (elemento(credito(c), 'amortizaciones', 2).fecha = '2024-03-01'),
    'amortizaciones_invalidas',
  ],
  [
    'first due date on fecha_inicio_interes',
    (c) => (credito(c).fecha_inicio_interes = '2024-02-01'),
    'amortizaciones_invalidas',
  ],
  [
    'capital one centavo short',
    (c) => (elemento(credito(c), 'amortizaciones', 5).capital = '999.99'),
    'capital_no_cuadra',
  ],
  ['a movement without id', (c) => delete movimiento(c, 0).id, 'movimiento_invalido'],
  ['an unknown tipo', (c) => (movimiento(c, 0).tipo = 'abono'), 'movimiento_invalido'],
  [
    'an unknown excedente',
    (c) => (movimiento(c, 0).excedente = 'reducir_pago'),
    'movimiento_invalido',
  ],
  ['excedente null', (c) => (movimiento(c, 0).excedente = null), 'movimiento_invalido'],
  [
    'a condonación of an unknown concepto',
    (c) => agregar(c, condonacion('C1', '2024-05-01', 'iva', '1.00')),
    'movimiento_invalido',
  ],
  ['movimientos null', (c) => (c.movimientos = null), 'movimiento_invalido'],
  ['two movements with one id', (c) => (movimiento(c, 1).id = 'P1'), 'movimiento_duplicado'],
  [
    'a payment before the last ministración',
    (c) => (movimiento(c, 0).fecha = '2023-05-01'),
    'movimiento_fuera_de_rango',
  ],
  [
    'a cancelación of an unknown id',
    (c) => agregar(c, cancelacion('X1', '2024-05-01', 'P9')),
    'cancelacion_invalida',
  ],
  [
    'a cancelación of a movement listed after it',
    (c) => lista(c, 'movimientos').unshift(cancelacion('X1', '2024-05-01', 'P1')),
    'cancelacion_invalida',
  ],
  [
    'a cancelación of a cancelación',
    (c) => agregar(c, cancelacion('X1', '2024-05-01', 'P1'), cancelacion('X2', '2024-05-02', 'X1')),
    'cancelacion_invalida',
  ],
  [
    'a cancelación dated before what it cancels',
    (c) => agregar(c, cancelacion('X1', '2024-03-19', 'P2')),
    'cancelacion_invalida',
  ],
  [
    'a second cancelación of one payment',
    (c) => agregar(c, cancelacion('X1', '2024-05-01', 'P1'), cancelacion('X2', '2024-05-02', 'P1')),
    'cancelacion_invalida',
  ],
  [
    'a window whose hasta is its desde',
    (c) => (c.periodos_sin_moratorio = [{ desde: '2024-06-01', hasta: '2024-06-01' }]),
    'periodo_invalido',
  ],
  ['periodos null', (c) => (c.periodos_sin_moratorio = null), 'periodo_invalido'],
  [
    'a window with a bad date',
    (c) => (c.periodos_sin_moratorio = [{ desde: '2024-06-01', hasta: '2024-06-31' }]),
    'fecha_invalida',
  ],
  [
    // On 2024-03-01 amortización 2 has just fallen due: no moratorium owed yet.
    'a condonación above the moratorium owed',
    (c) => agregar(c, condonacion('C1', '2024-03-01', 'moratorio', '20.00')),
    'condonacion_excede_adeudo',
  ],
  [
    // Only exigible interest counts: on 2024-02-15 none is owed (P1 paid February's).
    'a condonación of interest not yet charged',
    (c) => agregar(c, condonacion('C1', '2024-02-15', 'interes', '0.01')),
    'condonacion_excede_adeudo',
  ],
  [
    'a condonación above the capital insoluto',
    (c) => agregar(c, condonacion('C1', '2024-04-01', 'capital', '5000.00')),
    'condonacion_excede_adeudo',
  ],
];

describe('validarCaso: one fault, its code', () => {
  it.each([[[]], [null], ['caso'], [42]])('%j is not a case → caso_invalido', (entrada) => {
    const validacion = validarCaso(entrada);
    expect(validacion.ok ? 'válido' : validacion.error.codigo).toBe('caso_invalido');
  });

  it.each(fallas)('%s → %s', (_descripcion, romper, codigo) => {
    const caso = casoBase();
    romper(caso);
    const validacion = validarCaso(caso);
    expect(validacion.ok ? 'válido' : validacion.error.codigo).toBe(codigo);
  });

  it('names the field in Spanish', () => {
    const caso = casoBase();
    elemento(credito(caso), 'amortizaciones', 2).fecha = '2024-04-31';
    const resultado = validarCaso(caso);
    expect(resultado.ok ? null : resultado.error).toEqual({
      codigo: 'fecha_invalida',
      mensaje: 'credito.amortizaciones[2].fecha: no es una fecha válida',
    });
  });
});

describe('validarCaso: what is valid', () => {
  it('accepts the base case', () => {
    expect(validarCaso(casoBase()).ok).toBe(true);
  });

  it('gives absent optional fields their defaults, the same as writing them', () => {
    const explicito = casoBase();
    explicito.periodos_sin_moratorio = [];
    movimiento(explicito, 0).excedente = 'reducir_plazo';
    const implicito = casoBase();
    delete producto(implicito).base_dias;
    delete producto(implicito).prelacion;
    expect(calcularTexto(JSON.stringify(implicito))).toEqual(
      calcularTexto(JSON.stringify(explicito)),
    );
    const sinMovimientos = casoBase();
    delete sinMovimientos.movimientos;
    expect(validarCaso(sinMovimientos).ok).toBe(true);
  });

  it('judges a condonación only on or before fecha_corte (R1)', () => {
    const caso = casoBase();
    agregar(caso, condonacion('C1', '2024-07-15', 'capital', '999999.00'));
    expect(validarCaso(caso).ok).toBe(true);
  });

  it('does not judge a cancelled condonación', () => {
    const caso = casoBase();
    agregar(
      caso,
      condonacion('C1', '2024-03-01', 'moratorio', '20.00'),
      cancelacion('X1', '2024-03-02', 'C1'),
    );
    expect(validarCaso(caso).ok).toBe(true);
  });

  it('still validates the form of movements after fecha_corte', () => {
    const caso = casoBase();
    agregar(caso, { id: 'P3', tipo: 'pago', fecha: '2025-01-01', monto: 'mucho' });
    const resultado = validarCaso(caso);
    expect(resultado.ok ? null : resultado.error.codigo).toBe('monto_invalido');
  });

  it('echoes credito.id without checking it', () => {
    const caso = casoBase();
    credito(caso).id = 42;
    expect(JSON.parse(calcularTexto(JSON.stringify(caso)).salida).credito).toBe(42);
  });
});

describe('calcular-cli', () => {
  it('answers json_invalido with exit code 2 for text that is not JSON', () => {
    const { salida, codigo } = calcularTexto('{"fecha_corte": ');
    expect(codigo).toBe(2);
    expect(JSON.parse(salida).error.codigo).toBe('json_invalido');
  });
});
