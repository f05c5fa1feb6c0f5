import {
  diaDesdeCivil,
  diasEntre,
  type Fecha,
  fechaDesdeNumeroDeDia,
  formatearFecha,
  numeroDeDia,
} from '../fecha.ts';

/**
 * When the summary action on a pagaré (acción cambiaria directa) prescribes: three years
 * after it fell due (LGTOC art. 165), counted again from the latest act that interrupts it
 * (CCF art. 1168 and Código de Comercio art. 1041): an acknowledgment of the debt (a signed
 * convenio), a lawsuit filed and, when the administrador's parameter says so, a documented
 * payment. docs/expedientes.md explains the rule.
 */
export interface Prescripcion {
  /** The last day the action may be exercised; from the next day it is prescribed. */
  fecha: Fecha;
  /** The date the three years run from: the due date or the act that restarted them. */
  desde: Fecha;
  motivo: string;
  /** Days from today to `fecha`: 0 on the last day, negative once prescribed. */
  diasRestantes: number;
  prescrito: boolean;
}

export interface HechosDePrescripcion {
  vencimiento: Fecha;
  /** Signed acknowledgments of the debt (reconocimientos_de_adeudo), with their convenio. */
  reconocimientos: ReadonlyArray<{ fecha: Fecha; convenioId: number }>;
  /** Lawsuits filed (actuaciones_juridicas with estado demanda_presentada). */
  demandas: readonly Fecha[];
  /** Documented payments (not cancelled); they count only when `pagoInterrumpe`. */
  pagos: readonly Fecha[];
  pagoInterrumpe: boolean;
  hoy: Fecha;
}

export const ANIOS_DE_PRESCRIPCION = 3;

/**
 * `fecha` plus whole years: the same day number, or the last day of that month when it has
 * fewer days (29/02/2024 + 3 años = 28/02/2027). PostgreSQL's `date + interval '3 years'`
 * does the same, so the list computed in SQL and this clock agree on leap days.
 */
export function sumarAnios(fecha: Fecha, anios: number): Fecha {
  const anio = Number(fecha.slice(0, 4)) + anios;
  const mes = Number(fecha.slice(5, 7));
  const dia = Number(fecha.slice(8, 10));
  const primeroDelSiguiente =
    mes === 12 ? diaDesdeCivil(anio + 1, 1, 1) : diaDesdeCivil(anio, mes + 1, 1);
  const diasDelMes = primeroDelSiguiente - diaDesdeCivil(anio, mes, 1);
  return fechaDesdeNumeroDeDia(diaDesdeCivil(anio, mes, Math.min(dia, diasDelMes)));
}

/**
 * The starts whose three years end within [`desde`, `hasta`]: an interval, because adding years
 * never moves a later date before an earlier one. Lists select pagarés by their start (an index
 * range over due dates), with no date arithmetic per row.
 */
export function inicios(desde: Fecha, hasta: Fecha): { minimo: Fecha; maximo: Fecha } {
  const fin = (n: number) => sumarAnios(fechaDesdeNumeroDeDia(n), ANIOS_DE_PRESCRIPCION);
  let minimo = numeroDeDia(sumarAnios(desde, -ANIOS_DE_PRESCRIPCION));
  while (fin(minimo) < desde) minimo++;
  while (fin(minimo - 1) >= desde) minimo--;
  let maximo = numeroDeDia(sumarAnios(hasta, -ANIOS_DE_PRESCRIPCION));
  while (fin(maximo) > hasta) maximo--;
  while (fin(maximo + 1) <= hasta) maximo++;
  return { minimo: fechaDesdeNumeroDeDia(minimo), maximo: fechaDesdeNumeroDeDia(maximo) };
}

type Inicio =
  | { tipo: 'vencimiento'; fecha: Fecha }
  | { tipo: 'reconocimiento'; fecha: Fecha; convenioId: number }
  | { tipo: 'demanda'; fecha: Fecha }
  | { tipo: 'pago'; fecha: Fecha };

/**
 * The acts that restart the term: only those after the due date (before it, nothing was
 * running yet) and on or before today (a date typed in the future has not happened). On the
 * same day, the first listed names the reason: a lawsuit, then an acknowledgment, then a
 * payment.
 */
function inicioDelPlazo(h: HechosDePrescripcion): Inicio {
  const candidatos: Inicio[] = [
    ...h.demandas.map((fecha): Inicio => ({ tipo: 'demanda', fecha })),
    ...h.reconocimientos.map((r): Inicio => ({ tipo: 'reconocimiento', ...r })),
    ...(h.pagoInterrumpe ? h.pagos.map((fecha): Inicio => ({ tipo: 'pago', fecha })) : []),
  ];
  let inicio: Inicio = { tipo: 'vencimiento', fecha: h.vencimiento };
  for (const c of candidatos) {
    if (c.fecha > h.hoy || c.fecha <= h.vencimiento) continue;
    if (c.fecha > inicio.fecha) inicio = c;
  }
  return inicio;
}

function motivoDe(inicio: Inicio): string {
  const fecha = formatearFecha(inicio.fecha);
  switch (inicio.tipo) {
    case 'vencimiento':
      return `3 años desde el vencimiento del pagaré (${fecha})`;
    case 'reconocimiento':
      return `3 años desde el reconocimiento de adeudo del convenio ${inicio.convenioId} (${fecha})`;
    case 'demanda':
      return `3 años desde la demanda presentada (${fecha})`;
    case 'pago':
      return `3 años desde el pago documentado del ${fecha}`;
  }
}

export function calcularPrescripcion(h: HechosDePrescripcion): Prescripcion {
  const inicio = inicioDelPlazo(h);
  const fecha = sumarAnios(inicio.fecha, ANIOS_DE_PRESCRIPCION);
  const diasRestantes = diasEntre(h.hoy, fecha);
  return {
    fecha,
    desde: inicio.fecha,
    motivo: motivoDe(inicio),
    diasRestantes,
    prescrito: diasRestantes < 0,
  };
}
