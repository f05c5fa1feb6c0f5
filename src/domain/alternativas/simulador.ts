import { combinarOfertas, type Oferta } from './oferta.ts';
import type { Propuesta } from './propuesta.ts';
import {
  type CreditoASimular,
  type OpcionesDeSimulacion,
  simularCredito,
} from './simular-credito.ts';

/**
 * Every catalogue entry in force for the debtor's credits, side by side: those that qualify
 * first (in catalogue order), then the others with their reasons.
 */
export function simularOfertas(
  propuestas: readonly Propuesta[],
  creditos: readonly CreditoASimular[],
  opciones: OpcionesDeSimulacion,
): Oferta[] {
  const ofertas = propuestas.map((p) =>
    combinarOfertas(
      p,
      creditos.map((c) => simularCredito(p, c, opciones)),
      opciones.fecha,
    ),
  );
  return [...ofertas.filter((o) => o.califica), ...ofertas.filter((o) => !o.califica)];
}
