import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calcularCaso, puntualidadAJson } from '../../src/domain/estado-de-cuenta/index.ts';
import { rutaCaso } from '../soporte/casos.ts';

const caso = (nombre: string) =>
  (JSON.parse(readFileSync(rutaCaso(nombre), 'utf8')) as { caso: Record<string, unknown> }).caso;

function puntualidad(nombre: string) {
  const r = calcularCaso(caso(nombre));
  if (!r.ok) throw new Error(r.error.mensaje);
  return puntualidadAJson(r.valor);
}

describe('R9 en la API: con qué tasa se cobró cada periodo y por qué se perdió', () => {
  it('caso 16: 3% hasta que la amortización 2 se paga tarde; el periodo 3 a la ordinaria por ella; luego vuelve', () => {
    const p = puntualidad('puntualidad/16-pierde-y-recupera-la-tasa-puntual.json');
    expect(p?.amortizaciones.slice(0, 4)).toEqual([
      { numero: 1, tasa: { puntual: true, debia_la_amortizacion: null } },
      { numero: 2, tasa: { puntual: true, debia_la_amortizacion: null } },
      { numero: 3, tasa: { puntual: false, debia_la_amortizacion: 2 } },
      { numero: 4, tasa: { puntual: true, debia_la_amortizacion: null } },
    ]);
    expect(p?.periodo_abierto).toEqual({ puntual: true, debia_la_amortizacion: null });
  });

  it('sin tasa puntual no hay nada que decir', () => {
    expect(puntualidad('01-pago-parcial-con-atraso.json')).toBeNull();
  });
});
