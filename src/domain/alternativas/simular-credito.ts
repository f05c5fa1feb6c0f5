import { CERO, type Centavos, restar, sumar } from '../dinero.ts';
import type { EstadoCredito } from '../estado-credito.ts';
import type { EstadoDeCuenta } from '../estado-de-cuenta/index.ts';
import { type Fecha, formatearFecha, sumarDias } from '../fecha.ts';
import { ahorroPorPuntualidad, type PlanConIntereses } from './ahorro-puntualidad.ts';
import { fechasMensuales, sumarMeses } from './calendario.ts';
import {
  type DatosDeElegibilidad,
  motivosDeElegibilidad,
  motivosDelCredito,
  motivosDeVigencia,
} from './elegibilidad.ts';
import { type PagoDelPlan, pendiente, planEnPagos } from './plan-en-pagos.ts';
import { planDePausa } from './plan-pausa.ts';
import { type AmortizacionNueva, planDeReestructura } from './plan-reestructura.ts';
import { aplicarPorcentaje, esCero } from './porcentaje.ts';
import type { Forma, Propuesta } from './propuesta.ts';
import {
  type CasoBase,
  type ConceptoDescontable,
  calcularSupuesto,
  type MovimientoSupuesto,
  type Supuesto,
  type Ventana,
} from './supuesto.ts';
import type { Descuento } from './tipos.ts';

export interface CreditoASimular {
  readonly id: number;
  readonly numero: string;
  readonly estado: EstadoCredito;
  readonly caso: CasoBase;
  /** The engine's statement on the simulation date, with no offer. */
  readonly alCorte: EstadoDeCuenta;
  readonly datos: Omit<DatosDeElegibilidad, 'diasAtraso'>;
}

export interface OpcionesDeSimulacion {
  /** The simulation date: the statement everything is compared against. */
  readonly fecha: Fecha;
  /** The first payment's date; null: the simulation date. */
  readonly primerPago: Fecha | null;
  /** Payments (or months, for a reestructura or prórroga); null: the most allowed. */
  readonly plazo: number | null;
}

export interface CondonacionDelPlan {
  readonly fecha: Fecha;
  readonly concepto: ConceptoDescontable;
  readonly monto: Centavos;
}

/** An offer for one credit: everything the engine said about it, ready to compare. */
export interface OfertaDeCredito {
  readonly creditoId: number;
  readonly numero: string;
  readonly califica: boolean;
  readonly motivos: readonly string[];
  readonly avisos: readonly string[];
  /** What settles the credit on the simulation date, with no offer. */
  readonly liquidarHoy: Centavos;
  readonly condonaciones: readonly CondonacionDelPlan[];
  readonly ventana: Ventana | null;
  readonly pagos: readonly PagoDelPlan[];
  /** Moratorium the window spares if every payment is made on its date. */
  readonly moratorioCongelado: Centavos;
  /** Saldo para liquidar left after the last payment (0 when the plan settles the credit). */
  readonly saldoAlTerminar: Centavos;
  readonly liquida: boolean;
  readonly reestructura: {
    readonly principal: Centavos;
    readonly amortizaciones: readonly AmortizacionNueva[];
  } | null;
  /** R9: ordinary interest the plan saves if every payment is made on its date; null: none. */
  readonly ahorroPorPuntualidad: Centavos | null;
}

interface Calculo {
  condonaciones: readonly MovimientoSupuesto[];
  ventana: Ventana | null;
  pagos: readonly PagoDelPlan[];
  /** The offer's scenario on the credit, and the date it ends. */
  supuesto: Supuesto;
  hasta: Fecha;
  reestructura: OfertaDeCredito['reestructura'];
  /** The plan whose interest R9 lowers when paid on its dates; null for a pause. */
  conIntereses: PlanConIntereses | null;
}

function plazoPedido(
  maximo: number,
  o: OpcionesDeSimulacion,
  unidad: 'pagos' | 'meses',
  avisos: string[],
) {
  if (o.plazo === null) return maximo;
  if (o.plazo <= maximo) return o.plazo;
  avisos.push(
    maximo === 1
      ? `admite un solo ${unidad === 'pagos' ? 'pago' : 'mes'}`
      : `admite a lo más ${maximo} ${unidad}: se calculó con ${maximo}`,
  );
  return maximo;
}

/** The discount as condonaciones on `fecha`, of what the engine says is owed then (R8). */
function condonacionesEn(
  base: CasoBase,
  descuento: Descuento,
  fecha: Fecha,
  ventana: Ventana | null,
): MovimientoSupuesto[] {
  if (esCero(descuento.moratorio) && esCero(descuento.interes)) return [];
  const e = calcularSupuesto(base, { movimientos: [], ventana }, fecha);
  const partes: Array<[ConceptoDescontable, Centavos]> = [
    ['moratorio', aplicarPorcentaje(e.interesMoratorio, descuento.moratorio)],
    // Only charged interest can be condoned (R8): the open period's accrual is not.
    ['interes', aplicarPorcentaje(e.interesOrdinarioExigible, descuento.interes)],
  ];
  return partes
    .filter(([, monto]) => monto > 0)
    .map(([concepto, monto]) => ({ tipo: 'condonacion', fecha, concepto, monto }));
}

function enPagos(
  p: Propuesta,
  forma: Extract<Forma, { forma: 'liquidar' | 'regularizar' }>,
  c: CreditoASimular,
  o: OpcionesDeSimulacion,
  avisos: string[],
): Calculo {
  const primer = o.primerPago ?? o.fecha;
  const pedido = plazoPedido(forma.pagosMaximos, o, 'pagos', avisos);
  for (let n = pedido; ; n--) {
    const fechas = fechasMensuales(primer, n);
    const hasta = fechas.at(-1) ?? primer;
    const ventana = forma.congelaMoratorio && hasta > o.fecha ? { desde: o.fecha, hasta } : null;
    const condonaciones = condonacionesEn(c.caso, p.descuento, primer, ventana);
    const fijos: Supuesto = { movimientos: condonaciones, ventana };
    const plan = planEnPagos(c.caso, fijos, fechas, forma.forma);
    if (plan !== null || n === 1) {
      if (plan !== null && n < pedido) avisos.push(`el adeudo se cubre en ${n} pagos`);
      const supuesto = plan?.supuesto ?? fijos;
      return {
        condonaciones,
        ventana,
        pagos: plan?.pagos ?? [],
        supuesto,
        hasta,
        reestructura: null,
        conIntereses: { caso: c.caso, supuesto, desde: o.fecha, hasta },
      };
    }
  }
}

function calcular(
  p: Propuesta,
  c: CreditoASimular,
  o: OpcionesDeSimulacion,
  avisos: string[],
): Calculo | null {
  const { forma } = p;
  switch (forma.forma) {
    case 'liquidar':
    case 'regularizar':
      return enPagos(p, forma, c, o, avisos);
    case 'reestructurar': {
      const meses = plazoPedido(forma.plazoMaximoMeses, o, 'meses', avisos);
      const primer =
        o.primerPago !== null && o.primerPago > o.fecha ? o.primerPago : sumarMeses(o.fecha, 1);
      const condonaciones = condonacionesEn(c.caso, p.descuento, o.fecha, null);
      const plan = planDeReestructura(c.caso, condonaciones, o.fecha, primer, meses, forma.tasa);
      if (plan === null) return null;
      // The new credit's interest is the one its plan pays on dates.
      const pagosNuevos = plan.pagos.map((x) => ({
        tipo: 'pago' as const,
        fecha: x.fecha,
        monto: x.monto,
      }));
      return {
        condonaciones,
        ventana: null,
        pagos: plan.pagos,
        supuesto: plan.cierre,
        hasta: o.fecha,
        reestructura: { principal: plan.principal, amortizaciones: plan.amortizaciones },
        conIntereses: {
          caso: plan.casoNuevo,
          supuesto: { movimientos: pagosNuevos, ventana: null },
          desde: o.fecha,
          hasta: plan.pagos.at(-1)?.fecha ?? o.fecha,
        },
      };
    }
    case 'pausar': {
      const meses = plazoPedido(forma.mesesMaximos, o, 'meses', avisos);
      const plan = planDePausa(c.caso, o.fecha, meses, forma.congelaMoratorio);
      return {
        condonaciones: [],
        ventana: plan.ventana,
        pagos: plan.pagos,
        supuesto: plan.supuesto,
        hasta: plan.fin,
        reestructura: null,
        conIntereses: null,
      };
    }
  }
}

/** Reasons the offer does not fit this credit, before computing anything. */
function motivosDeLaPropuesta(p: Propuesta, c: CreditoASimular, o: OpcionesDeSimulacion) {
  const primer = o.primerPago ?? o.fecha;
  const motivos = [
    ...motivosDelCredito(c.estado, pendiente(c.alCorte, 'liquidar')),
    ...motivosDeElegibilidad(p.elegibilidad, { ...c.datos, diasAtraso: c.alCorte.diasAtraso }),
    ...(p.vigencia === null ? [] : motivosDeVigencia(p.vigencia, o.fecha, primer)),
  ];
  const { forma } = p;
  if (forma.forma === 'regularizar' && pendiente(c.alCorte, 'regularizar') === 0) {
    motivos.push('el crédito no tiene saldo vencido que regularizar');
  }
  if (forma.forma === 'liquidar' && forma.diasParaPagar !== null) {
    const limite = sumarDias(o.fecha, forma.diasParaPagar);
    if (primer > limite)
      motivos.push(`el pago debe hacerse a más tardar el ${formatearFecha(limite)}`);
  }
  return [...new Set(motivos)];
}

const moratorioTotal = (e: EstadoDeCuenta): Centavos =>
  e.amortizaciones.reduce((s, a) => sumar(s, a.moratorio), CERO);

function noCalifica(c: CreditoASimular, motivos: string[], avisos: string[]): OfertaDeCredito {
  return {
    creditoId: c.id,
    numero: c.numero,
    califica: false,
    motivos,
    avisos,
    liquidarHoy: pendiente(c.alCorte, 'liquidar'),
    condonaciones: [],
    ventana: null,
    pagos: [],
    moratorioCongelado: CERO,
    saldoAlTerminar: pendiente(c.alCorte, 'liquidar'),
    liquida: false,
    reestructura: null,
    ahorroPorPuntualidad: null,
  };
}

/**
 * One catalogue entry for one credit on the simulation date. Every figure is the engine's:
 * the discount is condonaciones of what it says is owed, the plan is the credit's own history
 * plus the offer's movements and window, and the result is read from its statement.
 */
export function simularCredito(
  p: Propuesta,
  c: CreditoASimular,
  o: OpcionesDeSimulacion,
): OfertaDeCredito {
  const avisos: string[] = [];
  const motivos = motivosDeLaPropuesta(p, c, o);
  if (motivos.length > 0) return noCalifica(c, motivos, avisos);
  const calculo = calcular(p, c, o, avisos);
  if (calculo === null) return noCalifica(c, ['el crédito no tiene adeudo'], avisos);
  const { supuesto, hasta, ventana } = calculo;
  const final = calcularSupuesto(c.caso, supuesto, hasta);
  const sinVentana =
    ventana === null ? final : calcularSupuesto(c.caso, { ...supuesto, ventana: null }, hasta);
  const congelado = restar(moratorioTotal(sinVentana), moratorioTotal(final));
  const reestructura = calculo.reestructura !== null;
  if (
    p.forma.forma === 'liquidar' &&
    p.forma.diasParaPagar !== null &&
    calculo.condonaciones.length > 0
  ) {
    const limite = sumarDias(o.fecha, p.forma.diasParaPagar);
    avisos.push(`el descuento se otorga si se paga a más tardar el ${formatearFecha(limite)}`);
  }
  return {
    creditoId: c.id,
    numero: c.numero,
    califica: true,
    motivos: [],
    avisos,
    liquidarHoy: pendiente(c.alCorte, 'liquidar'),
    condonaciones: calculo.condonaciones.flatMap((m) =>
      m.tipo === 'condonacion' ? [{ fecha: m.fecha, concepto: m.concepto, monto: m.monto }] : [],
    ),
    ventana,
    pagos: calculo.pagos,
    moratorioCongelado: congelado > 0 ? congelado : CERO,
    // A reestructura's old credit is settled by the new one, which its plan pays off.
    saldoAlTerminar: reestructura ? CERO : pendiente(final, 'liquidar'),
    liquida: reestructura || final.situacion === 'liquidado',
    reestructura: calculo.reestructura,
    ahorroPorPuntualidad:
      calculo.conIntereses === null ? null : ahorroPorPuntualidad(calculo.conIntereses),
  };
}
