import { CERO, type Centavos, minimo, restar, sumar } from '../dinero.ts';
import type { Concepto, Condonacion } from './caso.ts';
import type { ErrorDeCaso } from './errores.ts';
import { cristalizar, devengarHasta } from './intereses.ts';
import {
  avanzarPrimeraConAdeudo,
  type CuentaDeAmortizacion,
  capitalPendiente,
  interesPendiente,
  moratorioPendiente,
  type Simulacion,
} from './simulacion.ts';

const PENDIENTE: Record<Concepto, (a: CuentaDeAmortizacion) => Centavos> = {
  moratorio: moratorioPendiente,
  interes: interesPendiente,
  capital: capitalPendiente,
};

function condonarEn(a: CuentaDeAmortizacion, concepto: Concepto, monto: Centavos): void {
  switch (concepto) {
    case 'moratorio':
      a.moratorioCondonado = sumar(a.moratorioCondonado, monto);
      return;
    case 'interes':
      a.interesCondonado = sumar(a.interesCondonado, monto);
      return;
    case 'capital':
      a.capitalCondonado = sumar(a.capitalCondonado, monto);
      return;
  }
}

/** The indexes a condonación takes from, in order (R8). */
function* orden(sim: Simulacion, concepto: Concepto): Generator<number> {
  for (let k = sim.primeraConAdeudo; k < sim.vencidas; k++) yield k;
  if (concepto !== 'capital') return;
  // Capital goes on to the future amortizaciones, from the last one.
  for (let k = sim.amortizaciones.length - 1; k >= sim.vencidas; k--) yield k;
}

/** What is owed of `concepto` today: only exigible interest and moratorium count (R8). */
function adeudo(sim: Simulacion, concepto: Concepto): Centavos {
  if (concepto === 'capital') return sim.capitalInsoluto;
  let total = CERO;
  for (let k = sim.primeraConAdeudo; k < sim.vencidas; k++) {
    const a = sim.amortizaciones[k];
    if (a !== undefined) total = sumar(total, PENDIENTE[concepto](a));
  }
  return total;
}

/** R8: reduces what is owed of one concepto, after crystallizing; never more than is owed. */
export function condonar(sim: Simulacion, condonacion: Condonacion): ErrorDeCaso | null {
  const { concepto } = condonacion;
  cristalizar(sim, condonacion.dia);
  // A capital condonación changes the capital insoluto: the old balance bears the days before.
  devengarHasta(sim, condonacion.dia);
  if (condonacion.monto > adeudo(sim, concepto)) {
    return {
      codigo: 'condonacion_excede_adeudo',
      mensaje: `movimiento ${condonacion.id}: la condonación excede el adeudo de ${concepto}`,
    };
  }
  let resto = condonacion.monto;
  for (const k of orden(sim, concepto)) {
    const a = sim.amortizaciones[k];
    if (resto === 0) break;
    if (a === undefined) continue;
    const parte = minimo(resto, PENDIENTE[concepto](a));
    condonarEn(a, concepto, parte);
    resto = restar(resto, parte);
  }
  if (concepto === 'capital') sim.capitalInsoluto = restar(sim.capitalInsoluto, condonacion.monto);
  avanzarPrimeraConAdeudo(sim);
  return null;
}
