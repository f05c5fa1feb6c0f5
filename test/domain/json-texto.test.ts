import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calcularCaso,
  type EstadoDeCuenta,
  estadoDeCuentaAJson,
  estadoDeCuentaATexto,
} from '../../src/domain/estado-de-cuenta/index.ts';
import { todosLosCasos } from '../soporte/casos.ts';
import { arbCaso } from './generador.ts';

const CORRIDAS = { numRuns: Number(process.env.PROPIEDADES_CORRIDAS ?? 200) };

function estado(caso: unknown): EstadoDeCuenta | null {
  const r = calcularCaso(caso);
  return r.ok ? r.valor : null;
}

const comoObjeto = (e: EstadoDeCuenta) => JSON.stringify(estadoDeCuentaAJson(e));

describe('estado de cuenta escrito directo como texto', () => {
  it('es, byte por byte, el objeto de calculo.md serializado, en cada caso publicado', () => {
    let calculados = 0;
    for (const [, ejemplo] of todosLosCasos()) {
      const e = estado(ejemplo.caso);
      if (e === null) continue;
      calculados++;
      expect(estadoDeCuentaATexto(e)).toBe(comoObjeto(e));
    }
    expect(calculados).toBeGreaterThan(100);
  });

  it('lo es también en casos aleatorios', () => {
    fc.assert(
      fc.property(arbCaso, (caso) => {
        const e = estado(caso);
        if (e !== null) expect(estadoDeCuentaATexto(e)).toBe(comoObjeto(e));
      }),
      CORRIDAS,
    );
  });

  it('escapa el id del crédito y de los movimientos como JSON', () => {
    const e = estado({
      fecha_corte: '2024-03-01',
      producto: { tasa_ordinaria_anual: '0.06', tasa_moratoria_anual: '0.18' },
      credito: {
        id: { clave: 'CE-"1"\n', lista: [1, null, 'ñ'] },
        fecha_inicio_interes: '2024-01-01',
        ministraciones: [{ fecha: '2024-01-01', monto: '1000.00' }],
        amortizaciones: [{ numero: 1, fecha: '2024-02-01', capital: '1000.00' }],
      },
      movimientos: [{ id: 'pago "uno"\\\t', tipo: 'pago', fecha: '2024-02-01', monto: '1005.00' }],
    });
    if (e === null) throw new Error('el caso debía calcularse');
    const texto = estadoDeCuentaATexto(e);
    expect(texto).toBe(comoObjeto(e));
    expect(JSON.parse(texto).aplicaciones[0].id).toBe('pago "uno"\\\t');
  });
});
