/**
 * The figures of GET /api/indicadores (issue 11; formulas in docs/metas-e-indicadores.md).
 * Money is decimal text in pesos ("1234.56", possibly negative for a net that went down),
 * percentages are text with one decimal ("87.5") or null when their base is 0.
 * The web (web/src/api/indicadores.ts) and the exports read this same shape.
 */
import type { Bucket } from '../../domain/antiguedad.ts';
import type { ItemMeta } from '../../domain/metas/indice-de-cumplimiento.ts';

export type NivelIndicadores = 'gestor' | 'oficina' | 'instituto';
export type CanalRecuperacion = 'banco' | 'caja' | 'nomina' | 'importacion';
/** `sin_dato`: no aging was computed for the account before the payment's date. */
export type BucketDeRecuperacion = Bucket | 'sin_dato';

export interface SujetoIndicadores {
  tipo: NivelIndicadores;
  /** The gestor's user id or the office's id; null for the institute. */
  id: number | null;
  nombre: string;
  oficinaId: number | null;
}

export interface Recuperacion {
  /** cobrado − cancelado. */
  neto: string;
  cobrado: string;
  cancelado: string;
  pagos: number;
  cancelaciones: number;
  /** Net per bucket, every bucket present (in BUCKETS order, then sin_dato). */
  porBucket: Array<{ bucket: BucketDeRecuperacion; monto: string }>;
  /** Net per channel, every channel present. */
  porCanal: Array<{ canal: CanalRecuperacion; monto: string }>;
  /** Net per day of the month up to the cut-off (for the line chart). */
  porDia: Array<{ fecha: string; monto: string }>;
}

export interface CoberturaMes {
  asignadas: number;
  gestionadas: number;
  conContactoEfectivo: number;
  porcentajeGestionado: string | null;
  porcentajeContactoEfectivo: string | null;
}

export interface TurnosMes {
  registrados: number;
  atendidos: number;
  abandonados: number;
  enEspera: number;
  /** Minutes, one decimal, as text; null when nobody was attended. */
  esperaPromedioMin: string | null;
  atencionPromedioMin: string | null;
}

export interface PromesasMes {
  hechas: number;
  cumplidas: number;
  incumplidas: number;
  pendientes: number;
}

export interface ConveniosMes {
  firmados: number;
  /** At the cut-off: signed and neither kept nor broken yet. */
  vigentes: number;
  cumplidos: number;
  incumplidos: number;
  /** Discounts of the convenios signed in the month (moratorio + interés). */
  montoDescontado: string;
}

export interface SaludDeCartera {
  /** At the cut-off (the latest aging on or before it): every bucket present. */
  porBucket: Array<{ bucket: Bucket; cuentas: number; saldo: string }>;
  /** Accounts liquidated in the month. */
  liquidadas: number;
  /** From the previous month's end to this month's (or the cut-off): every bucket present. */
  rodamiento: Array<{
    de: Bucket;
    cuentas: number;
    saldo: string;
    rodamientoCuentas: string | null;
    rodamientoSaldo: string | null;
    curaCuentas: string | null;
    curaSaldo: string | null;
  }>;
  /** The whole matrix behind the rates (for the heatmap): accounts from → to. */
  matriz: Array<{ de: Bucket; a: Bucket | 'liquidado'; cuentas: number; saldo: string }>;
}

export interface Prescripcion {
  en90Dias: { cuentas: number; saldo: string };
  en180Dias: { cuentas: number; saldo: string };
}

export interface ItemDeMeta {
  /** Money items as decimal pesos, counts as integer text. */
  meta: string;
  logrado: string;
  peso: string;
  cumplimiento: string | null;
}

export interface MetasDelMes {
  items: Partial<Record<ItemMeta, ItemDeMeta>>;
  indice: string | null;
  /** The version of the goal these figures measure against; null: no goal was set. */
  version: number | null;
}

/**
 * One subject's month. A family the reader may not see is null (contabilidad sees the
 * recovery alone); so is one that does not apply (a gestor has no office-wide walk-ins).
 */
export interface FilaIndicadores {
  sujeto: SujetoIndicadores;
  recuperacion: Recuperacion | null;
  cobertura: CoberturaMes | null;
  turnos: TurnosMes | null;
  promesas: PromesasMes | null;
  convenios: ConveniosMes | null;
  cartera: SaludDeCartera | null;
  prescripcion: Prescripcion | null;
  metas: MetasDelMes | null;
}

export interface Indicadores {
  mes: string;
  /** The figures as they stood at the end of this day (≤ the month's last day). */
  alCorte: string;
  nivel: NivelIndicadores;
  /** When the facts these figures read were last materialized; null: never. */
  hechosAl: string | null;
  filas: FilaIndicadores[];
}
