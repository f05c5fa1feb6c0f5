import { describe, expect, it } from 'vitest';
import { enteroExacto } from '../../src/db/conexion.ts';
import {
  entradaDesdeFilas,
  type FilasDeCredito,
  type MovimientoGuardado,
} from '../../src/db/mapeo-caso.ts';
import { centavos } from '../../src/domain/dinero.ts';
import {
  calcularCaso,
  calcularEntrada,
  estadoDeCuentaAJson,
} from '../../src/domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { casoJsonDesdeFilas } from '../soporte/caso-json.ts';

const CORTE = '2024-06-30' as Fecha;

function filas(movimientos: MovimientoGuardado[]): FilasDeCredito {
  return {
    credito: { numero: 'CE-001', fecha_inicio_interes: '2023-12-01', tasa_puntual_anual: null },
    version: {
      tasa_ordinaria_anual: '0.06',
      tasa_moratoria_anual: '0.18',
      base_dias: 360,
      prelacion: 'por_concepto',
      tasa_puntual_anual: null,
    },
    ministraciones: [{ fecha: '2023-12-01', monto_centavos: centavos(300_000) }],
    amortizaciones: [1, 2, 3].map((numero) => ({
      numero,
      fecha: `2024-0${numero}-01`,
      capital_centavos: centavos(100_000),
    })),
    movimientos,
    periodos: [],
  };
}

const pago = (id: number, monto: number | null): MovimientoGuardado => ({
  id,
  tipo: 'pago',
  fecha: '2024-02-01',
  monto_centavos: monto === null ? null : centavos(monto),
  excedente: null,
  concepto: null,
  cancela_id: null,
});

describe('filas guardadas → entrada tipada del motor', () => {
  it('da el mismo estado de cuenta que las mismas filas escritas como el JSON de calculo.md', () => {
    const f = filas([
      pago(7, 106_200),
      { ...pago(8, 50_000), fecha: '2024-03-20', excedente: 'adelantar' },
      { ...pago(9, null), tipo: 'cancelacion', fecha: '2024-03-21', cancela_id: 8 },
    ]);
    const entrada = entradaDesdeFilas(f, CORTE);
    if (!entrada.ok) throw new Error(entrada.error.mensaje);
    const tipado = calcularEntrada(entrada.valor);
    const texto = calcularCaso(casoJsonDesdeFilas(f, CORTE));
    if (!tipado.ok || !texto.ok) throw new Error('el caso debía calcularse');
    expect(estadoDeCuentaAJson(tipado.valor)).toEqual(estadoDeCuentaAJson(texto.valor));
    expect(tipado.valor.aplicaciones.map((a) => a.id)).toEqual(['7']);
  });

  it('un pago sin monto es un error que nombra el movimiento, nunca un monto de cero', () => {
    const r = entradaDesdeFilas(filas([pago(7, null)]), CORTE);
    expect(r).toEqual({
      ok: false,
      error: { codigo: 'monto_invalido', mensaje: 'movimiento 7 (pago): falta el monto' },
    });
  });

  it('una condonación sin concepto y una cancelación sin objetivo se rechazan', () => {
    const condonacion = { ...pago(7, 100), tipo: 'condonacion' as const };
    expect(entradaDesdeFilas(filas([condonacion]), CORTE)).toMatchObject({
      ok: false,
      error: { codigo: 'movimiento_invalido' },
    });
    const cancelacion = { ...pago(7, null), tipo: 'cancelacion' as const };
    expect(entradaDesdeFilas(filas([cancelacion]), CORTE)).toMatchObject({
      ok: false,
      error: { codigo: 'cancelacion_invalida' },
    });
  });

  it('el motor juzga las filas con las reglas del JSON: un monto de cero, un capital que no cuadra', () => {
    const cero = entradaDesdeFilas(filas([pago(7, 0)]), CORTE);
    if (!cero.ok) throw new Error(cero.error.mensaje);
    expect(calcularEntrada(cero.valor)).toEqual({
      ok: false,
      error: {
        codigo: 'monto_invalido',
        mensaje: 'movimientos[0].monto: el monto no puede ser cero',
      },
    });
    const f = filas([]);
    const descuadrado = entradaDesdeFilas(
      { ...f, ministraciones: [{ fecha: '2023-12-01', monto_centavos: centavos(299_999) }] },
      CORTE,
    );
    if (!descuadrado.ok) throw new Error(descuadrado.error.mensaje);
    expect(calcularEntrada(descuadrado.valor)).toMatchObject({
      ok: false,
      error: { codigo: 'capital_no_cuadra' },
    });
  });

  it('una tasa guardada que no es una tasa se rechaza', () => {
    const f = filas([]);
    const r = entradaDesdeFilas(
      { ...f, version: { ...f.version, tasa_moratoria_anual: '1.5' } },
      CORTE,
    );
    expect(r).toMatchObject({ ok: false, error: { codigo: 'tasa_invalida' } });
  });
});

describe('enteros int8 de PostgreSQL', () => {
  it('llegan como número sólo cuando son exactos', () => {
    expect(enteroExacto('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(enteroExacto('-125')).toBe(-125);
    expect(() => enteroExacto('9007199254740993')).toThrow(/fuera del rango exacto/);
  });
});
