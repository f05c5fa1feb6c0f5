/**
 * The work queue's rank (issue 9, item 5): what to do now on each account, and a score to
 * order them. Pure: the facts come from the database, "today" from the caller.
 *
 *   puntaje = urgencia × (1 + log10(1 + recuperación esperada en pesos))
 *
 * urgencia is the sum of the weights of the account's motives (1 when it has none); the
 * recuperación esperada is the amount due (or promised, if larger) times the share that
 * accounts of its aging bucket usually pay. Money enters through its logarithm so that
 * the kind of work orders the queue (a broken promise on a small account comes before a
 * large account with nothing pending) and money orders accounts with the same work.
 *
 * A pagaré about to prescribe follows the prescription alerts the administrador sets
 * (parametros_prescripcion.alertas_dias, 180/90/30 by default): the account enters with
 * `prescripcion_cercana` once a pagaré prescribes within the largest alert, weighing 40, and
 * each smaller alert it reaches adds 20 (40, 60, 80 by default): the closer the institute is
 * to losing the summary action, the higher the account. With five alerts the last step weighs
 * 120, above a broken promise: a promise can be made again, a prescribed pagaré cannot sue.
 */
import { CERO, type Centavos, formatearPesos } from '../dinero.ts';

export type ClaveMotivo =
  | 'promesa_incumplida'
  | 'convenio_incumplido'
  | 'promesa_hoy'
  | 'pago_de_convenio'
  | 'recado'
  | 'llamada_programada'
  | 'prescripcion_cercana'
  | 'nunca_contactado'
  | 'sin_contacto'
  | 'saldo_alto';

export const PESO_MOTIVO: Record<ClaveMotivo, number> = {
  promesa_incumplida: 100,
  convenio_incumplido: 90,
  promesa_hoy: 80,
  pago_de_convenio: 70,
  recado: 60,
  llamada_programada: 50,
  prescripcion_cercana: 40,
  nunca_contactado: 30,
  sin_contacto: 20,
  saldo_alto: 10,
};

/** What each prescription alert after the first (the largest) adds to `prescripcion_cercana`. */
export const PESO_POR_ALERTA_DE_PRESCRIPCION = 20;

/** Share of the amount due that accounts of each bucket usually pay (the institute's history). */
export const PROBABILIDAD_POR_BUCKET: Record<string, number> = {
  al_corriente: 0.9,
  '1-30': 0.8,
  '31-60': 0.65,
  '61-90': 0.5,
  '91-180': 0.35,
  '181-365': 0.2,
  mas_de_365: 0.1,
};
const PROBABILIDAD_SIN_DATO = 0.3;

export interface HechosDeCuenta {
  /** Due today (latest aging snapshot); null without a snapshot. */
  saldoExigible: Centavos | null;
  bucket: string | null;
  promesaIncumplida: boolean;
  /** Amount of a promise due today or within its tolerance; null: none. */
  promesaHoy: Centavos | null;
  convenioIncumplido: boolean;
  pagoDeConvenioHoy: boolean;
  recadosPendientes: number;
  /** The latest gestión's next action date, if any. */
  proximaAccionFecha: string | null;
  diasParaPrescribir: number | null;
  /** Days since the last effective contact; null: never had one. */
  diasSinContactoEfectivo: number | null;
  tieneGestiones: boolean;
}

export interface ParametrosDeCola {
  hoy: string;
  diasSinContacto: number;
  /** Days before a pagaré prescribes at which the queue alerts (parametros_prescripcion). */
  alertasPrescripcion: readonly number[];
  /** From this amount due on, an account's balance is "high". */
  saldoAlto: Centavos;
}

export interface Motivo {
  clave: ClaveMotivo;
  texto: string;
}

/**
 * The account's motives, most urgent first. Only their claves: ranking thousands of accounts
 * needs no sentences; `textoDeMotivo` writes them for the rows shown.
 */
export function clavesDeMotivos(h: HechosDeCuenta, p: ParametrosDeCola): ClaveMotivo[] {
  const m: ClaveMotivo[] = [];
  if (h.promesaIncumplida) m.push('promesa_incumplida');
  if (h.convenioIncumplido) m.push('convenio_incumplido');
  if (h.promesaHoy !== null) m.push('promesa_hoy');
  if (h.pagoDeConvenioHoy) m.push('pago_de_convenio');
  if (h.recadosPendientes > 0) m.push('recado');
  if (h.proximaAccionFecha !== null && h.proximaAccionFecha <= p.hoy) m.push('llamada_programada');
  if (alertasAlcanzadas(h, p) > 0) m.push('prescripcion_cercana');
  if (!h.tieneGestiones) m.push('nunca_contactado');
  else if (h.diasSinContactoEfectivo === null || h.diasSinContactoEfectivo >= p.diasSinContacto) {
    m.push('sin_contacto');
  }
  if (h.saldoExigible !== null && h.saldoExigible >= p.saldoAlto) m.push('saldo_alto');
  return m;
}

/**
 * How many of the prescription alerts the account's nearest pagaré has reached: 0 while it
 * prescribes later than the largest (or never), up to all of them.
 */
export function alertasAlcanzadas(h: HechosDeCuenta, p: ParametrosDeCola): number {
  const dias = h.diasParaPrescribir;
  return dias === null ? 0 : p.alertasPrescripcion.filter((a) => dias <= a).length;
}

/** The sentence the gestor reads for one of the account's motives. */
export function textoDeMotivo(clave: ClaveMotivo, h: HechosDeCuenta, p: ParametrosDeCola): string {
  switch (clave) {
    case 'promesa_incumplida':
      return 'Promesa de pago incumplida';
    case 'convenio_incumplido':
      return 'Convenio incumplido';
    case 'promesa_hoy':
      return `Promesa de pago de ${formatearPesos(h.promesaHoy ?? CERO)} vence hoy`;
    case 'pago_de_convenio':
      return 'Pago de convenio vence hoy';
    case 'recado':
      return h.recadosPendientes === 1
        ? 'Recado por atender'
        : `${h.recadosPendientes} recados por atender`;
    case 'llamada_programada':
      return h.proximaAccionFecha === p.hoy
        ? 'Acción programada para hoy'
        : 'Acción programada atrasada';
    case 'prescripcion_cercana':
      return `Un pagaré prescribe en ${h.diasParaPrescribir} ${h.diasParaPrescribir === 1 ? 'día' : 'días'}`;
    case 'nunca_contactado':
      return 'Nunca contactado';
    case 'sin_contacto':
      return h.diasSinContactoEfectivo === null
        ? 'Sin contacto efectivo nunca'
        : `Sin contacto efectivo hace ${h.diasSinContactoEfectivo} días`;
    case 'saldo_alto':
      return `Saldo exigible alto: ${formatearPesos(h.saldoExigible ?? CERO)}`;
  }
}

/** The account's motives, most urgent first, with the sentence the gestor reads. */
export function motivosDeCuenta(h: HechosDeCuenta, p: ParametrosDeCola): Motivo[] {
  return clavesDeMotivos(h, p).map((clave) => ({ clave, texto: textoDeMotivo(clave, h, p) }));
}

/** Centavos expected back: the amount due (or promised, if larger) times its bucket's share. */
export function recuperacionEsperada(h: HechosDeCuenta): number {
  const base = Math.max(h.saldoExigible ?? 0, h.promesaHoy ?? 0);
  const p =
    h.bucket === null
      ? PROBABILIDAD_SIN_DATO
      : (PROBABILIDAD_POR_BUCKET[h.bucket] ?? PROBABILIDAD_SIN_DATO);
  return Math.round(base * p);
}

/**
 * The score, with one decimal: larger first. `alertas`: how many prescription alerts were
 * reached (`alertasAlcanzadas`), which steps `prescripcion_cercana` up from its weight.
 */
export function puntajeDeCuenta(
  motivos: readonly ClaveMotivo[],
  recuperacion: number,
  alertas = 1,
): number {
  let urgencia = 0;
  for (const m of motivos) {
    urgencia +=
      m === 'prescripcion_cercana'
        ? PESO_MOTIVO[m] + PESO_POR_ALERTA_DE_PRESCRIPCION * Math.max(0, alertas - 1)
        : PESO_MOTIVO[m];
  }
  if (urgencia === 0) urgencia = 1;
  const pesos = recuperacion / 100;
  return Math.round(urgencia * (1 + Math.log10(1 + pesos)) * 10) / 10;
}
