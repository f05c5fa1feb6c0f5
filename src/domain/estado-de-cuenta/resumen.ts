import { CERO, type Centavos, sumar } from '../dinero.ts';
import type { CasoSinVerificar } from './caso.ts';
import type {
  AmortizacionAlCorte,
  EstadoAmortizacion,
  EstadoDeCuenta,
  Situacion,
} from './estado-de-cuenta.ts';
import { interesAbierto } from './intereses.ts';
import {
  type CuentaDeAmortizacion,
  capitalPendiente,
  debeAlgo,
  interesPendiente,
  moratorioPendiente,
  type Simulacion,
} from './simulacion.ts';

function estadoAlCorte(a: CuentaDeAmortizacion, diaCorte: number): EstadoAmortizacion {
  if (a.dia <= diaCorte) {
    if (!debeAlgo(a)) return 'pagada';
    return a.dia < diaCorte ? 'vencida' : 'exigible';
  }
  // Not yet due: pagada once all its scheduled capital is prepaid (or condoned). Read
  // literally, an amortización scheduled with no capital counts as prepaid: no example shows
  // one before its date, and this reading keeps every amortización of a liquidated credit
  // pagada.
  return capitalPendiente(a) === 0 ? 'pagada' : 'por_vencer';
}

function alCorte(a: CuentaDeAmortizacion, diaCorte: number): AmortizacionAlCorte {
  return {
    numero: a.numero,
    fecha: a.fecha,
    capital: a.capital,
    interes: a.interes,
    moratorio: a.moratorio,
    capitalPagado: a.capitalPagado,
    interesPagado: a.interesPagado,
    moratorioPagado: a.moratorioPagado,
    condonado: sumar(sumar(a.capitalCondonado, a.interesCondonado), a.moratorioCondonado),
    estado: estadoAlCorte(a, diaCorte),
  };
}

function situacion(
  saldoParaLiquidar: Centavos,
  desembolsado: boolean,
  diasAtraso: number,
): Situacion {
  if (saldoParaLiquidar === 0 && desembolsado) return 'liquidado';
  return diasAtraso > 0 ? 'vencido' : 'al_corriente';
}

/** The statement at fecha_corte, once the history up to it has been applied. */
export function resumir(sim: Simulacion, caso: CasoSinVerificar): EstadoDeCuenta {
  const { fechaCorte, credito } = caso;
  let capitalExigible = CERO;
  let interesOrdinarioExigible = CERO;
  let interesMoratorio = CERO;
  let primeraConAdeudo: number | null = null;
  const amortizaciones = sim.amortizaciones.map((cuenta) => {
    const amortizacion = alCorte(cuenta, fechaCorte.dia);
    interesOrdinarioExigible = sumar(interesOrdinarioExigible, interesPendiente(cuenta));
    interesMoratorio = sumar(interesMoratorio, moratorioPendiente(cuenta));
    switch (amortizacion.estado) {
      case 'vencida':
      case 'exigible':
        capitalExigible = sumar(capitalExigible, capitalPendiente(cuenta));
        // dias_atraso counts from the oldest exigible amortización that still owes anything.
        primeraConAdeudo ??= cuenta.dia;
        break;
      case 'pagada':
      case 'por_vencer':
        break;
    }
    return amortizacion;
  });
  const diasAtraso = primeraConAdeudo === null ? 0 : fechaCorte.dia - primeraConAdeudo;
  const interesOrdinarioDevengado = interesAbierto(sim);
  const saldoExigible = sumar(sumar(capitalExigible, interesOrdinarioExigible), interesMoratorio);
  const saldoParaLiquidar = sumar(
    sumar(sim.capitalInsoluto, interesOrdinarioExigible),
    sumar(interesOrdinarioDevengado, interesMoratorio),
  );
  const desembolsado = credito.ministraciones.some((m) => m.dia <= fechaCorte.dia);
  return {
    credito: credito.id,
    fechaCorte: fechaCorte.fecha,
    situacion: situacion(saldoParaLiquidar, desembolsado, diasAtraso),
    diasAtraso,
    capitalInsoluto: sim.capitalInsoluto,
    capitalExigible,
    interesOrdinarioExigible,
    interesOrdinarioDevengado,
    interesMoratorio,
    saldoExigible,
    saldoParaLiquidar,
    pagosAdelantados: sim.retenido,
    saldoAFavor: sim.aFavor,
    amortizaciones,
    aplicaciones: sim.aplicaciones,
  };
}
