import { type Centavos, centavos } from '../dinero.ts';
import { diaDe, type ProductoLeido } from '../estado-de-cuenta/index.ts';
import type { Fecha } from '../fecha.ts';
import { type Tasa, tasaMayorQue } from '../tasa.ts';
import { fechasMensuales } from './calendario.ts';
import { type PagoDelPlan, pendiente } from './plan-en-pagos.ts';
import { repartirEnPartes } from './repartir.ts';
import {
  type CasoBase,
  calcularSupuesto,
  type MovimientoSupuesto,
  type Supuesto,
} from './supuesto.ts';

export interface AmortizacionNueva {
  readonly numero: number;
  readonly fecha: Fecha;
  readonly capital: Centavos;
}

export interface PlanDeReestructura {
  /** The new credit's single ministración: the old one's saldo para liquidar, after discount. */
  readonly principal: Centavos;
  /** The old credit with the discount and the closing payment: `liquidado` on the date. */
  readonly cierre: Supuesto;
  readonly amortizaciones: readonly AmortizacionNueva[];
  /** Each amortización's capital plus the interest the engine charges it. */
  readonly pagos: readonly PagoDelPlan[];
  /** The new credit as a case of calculo.md (no movements): what part B will store. */
  readonly casoNuevo: CasoBase;
}

/**
 * The new credit's product: the old one's at the agreed ordinary rate. It keeps its version's
 * punctual rate (R9), never above the agreed rate, as the stored credit will (src/db/tasas-en-vigor.ts);
 * the old credit's own punctual rate is not carried over (the convenio states none).
 */
function productoPactado(producto: ProductoLeido, tasa: Tasa): ProductoLeido {
  const puntual = producto.tasaPuntualAnual;
  return {
    ...producto,
    tasaOrdinariaAnual: tasa,
    tasaPuntualAnual: puntual !== null && tasaMayorQue(puntual, tasa) ? tasa : puntual,
  };
}
/**
 * A new credit for what the old one owes: disbursed on `fecha`, interest from `fecha` at the
 * new rate (moratorium rate, base and prelación stay the product's), monthly amortizaciones of
 * equal capital (the last takes the centavos left over), as the institute builds schedules.
 * Each payment is what the engine says is due on its date once the previous ones were paid;
 * paying them all leaves the new credit `liquidado`.
 */
export function planDeReestructura(
  base: CasoBase,
  condonaciones: readonly MovimientoSupuesto[],
  fecha: Fecha,
  primerVencimiento: Fecha,
  meses: number,
  tasa: Tasa,
): PlanDeReestructura | null {
  const alCorte = calcularSupuesto(base, { movimientos: condonaciones, ventana: null }, fecha);
  const principal = pendiente(alCorte, 'liquidar');
  if (principal === 0) return null;
  const cierre: Supuesto = {
    movimientos: [...condonaciones, { tipo: 'pago', fecha, monto: principal }],
    ventana: null,
  };
  if (calcularSupuesto(base, cierre, fecha).situacion !== 'liquidado') {
    throw new Error('el pago de cierre de la reestructura no liquida el crédito anterior');
  }
  // Never more amortizaciones than centavos: each one carries some capital.
  const n = Math.min(meses, principal);
  const capitales = repartirEnPartes(principal, n);
  const amortizaciones = fechasMensuales(primerVencimiento, n).map((f, k) => ({
    numero: k + 1,
    fecha: f,
    capital: capitales[k] ?? centavos(0),
  }));
  const inicio = diaDe(fecha);
  const casoNuevo: CasoBase = {
    fechaCorte: inicio,
    producto: productoPactado(base.producto, tasa),
    credito: {
      id: `${String(base.credito.id ?? 'credito')}-R`,
      tasaPuntualAnual: null,
      fechaInicioInteres: inicio,
      ministraciones: [{ ...inicio, monto: principal }],
      amortizaciones: amortizaciones.map((a) => ({
        ...diaDe(a.fecha),
        numero: a.numero,
        capital: a.capital,
      })),
    },
    movimientos: [],
    periodosSinMoratorio: [],
  };
  const pagos: PagoDelPlan[] = [];
  const movimientos: MovimientoSupuesto[] = [];
  for (const a of amortizaciones) {
    const alVencer = calcularSupuesto(casoNuevo, { movimientos, ventana: null }, a.fecha);
    const monto = pendiente(alVencer, 'regularizar');
    pagos.push({ numero: a.numero, fecha: a.fecha, monto });
    movimientos.push({ tipo: 'pago', fecha: a.fecha, monto });
  }
  const ultima = amortizaciones.at(-1)?.fecha ?? fecha;
  const final = calcularSupuesto(casoNuevo, { movimientos, ventana: null }, ultima);
  if (final.situacion !== 'liquidado') {
    throw new Error('los pagos de la reestructura no liquidan el crédito nuevo');
  }
  return { principal, cierre, amortizaciones, pagos, casoNuevo };
}
