import { sumar } from '../dinero.ts';
import type { CasoSinVerificar, MovimientoVigente } from './caso.ts';
import { condonar } from './condonacion.ts';
import { type ErrorDeCaso, exito, type Resultado } from './errores.ts';
import type { EstadoDeCuenta } from './estado-de-cuenta.ts';
import {
  cristalizar,
  decidirTasaDelPeriodo,
  devengarHasta,
  vencerAmortizacion,
} from './intereses.ts';
import { aplicarAdelanto, aplicarPago } from './pago.ts';
import { resumir } from './resumen.ts';
import { crearSimulacion, type Simulacion } from './simulacion.ts';

const NUNCA = Number.POSITIVE_INFINITY;

function aplicarMovimiento(sim: Simulacion, movimiento: MovimientoVigente): ErrorDeCaso | null {
  switch (movimiento.tipo) {
    case 'pago':
      aplicarPago(sim, movimiento);
      return null;
    case 'condonacion':
      return condonar(sim, movimiento);
  }
}

/**
 * Walks the credit's history up to fecha_corte and states it there. On one date, in this
 * order (R1): the amortización falling due and held funds applied to it, the ministraciones,
 * then the movements as listed. Fails only when a condonación exceeds the debt (R8).
 */
export function simular(caso: CasoSinVerificar): Resultado<EstadoDeCuenta> {
  const sim = crearSimulacion(caso);
  const corte = caso.fechaCorte.dia;
  const { amortizaciones, ministraciones } = caso.credito;
  const movimientos = caso.vigentes;
  let a = 0;
  let m = 0;
  let v = 0;
  for (;;) {
    const diaAmortizacion = amortizaciones[a]?.dia ?? NUNCA;
    const ministracion = ministraciones[m];
    const movimiento = movimientos[v];
    const diaMinistracion = ministracion?.dia ?? NUNCA;
    const diaMovimiento = movimiento?.dia ?? NUNCA;
    // R9: a due date's events are all done once the next event is of a later day.
    decidirTasaDelPeriodo(sim, Math.min(diaAmortizacion, diaMinistracion, diaMovimiento));
    if (
      diaAmortizacion <= corte &&
      diaAmortizacion <= diaMinistracion &&
      diaAmortizacion <= diaMovimiento
    ) {
      vencerAmortizacion(sim, a);
      aplicarAdelanto(sim, a);
      a++;
    } else if (
      ministracion !== undefined &&
      diaMinistracion <= corte &&
      diaMinistracion <= diaMovimiento
    ) {
      devengarHasta(sim, diaMinistracion);
      sim.capitalInsoluto = sumar(sim.capitalInsoluto, ministracion.monto);
      m++;
    } else if (movimiento !== undefined) {
      // Vigentes are all dated on or before the cut-off.
      const error = aplicarMovimiento(sim, movimiento);
      if (error !== null) return { ok: false, error };
      v++;
    } else {
      break;
    }
  }
  // R4: the cut-off crystallizes moratorium; the open period's interest is stated, not charged.
  decidirTasaDelPeriodo(sim, NUNCA);
  cristalizar(sim, corte);
  devengarHasta(sim, corte);
  return exito(resumir(sim, caso));
}
