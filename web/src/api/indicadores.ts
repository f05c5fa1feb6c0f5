import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Bucket } from './creditos.ts';
import type { Rol } from './tipos.ts';

/** Who has a dashboard (`indicadores.consultar`) and who may download the month's report. */
export const ROLES_TABLERO: readonly Rol[] = [
  'gestor',
  'coordinador',
  'contabilidad',
  'administrador',
];
export const ROLES_REPORTE_INDICADORES: readonly Rol[] = [
  'coordinador',
  'contabilidad',
  'administrador',
];

// The shape of GET /api/indicadores, copied from src/modules/indicadores/tipos.ts.
// Money is decimal text in pesos, percentages text with one decimal or null (base 0).

export type NivelIndicadores = 'gestor' | 'oficina' | 'instituto';
export type CanalRecuperacion = 'banco' | 'caja' | 'nomina' | 'importacion';
export type BucketDeRecuperacion = Bucket | 'sin_dato';
export type ItemMeta = 'recuperacion' | 'contactosEfectivos' | 'convenios' | 'turnosAtendidos';
export const ITEMS_META: readonly ItemMeta[] = [
  'recuperacion',
  'contactosEfectivos',
  'convenios',
  'turnosAtendidos',
];

export interface SujetoIndicadores {
  tipo: NivelIndicadores;
  id: number | null;
  nombre: string;
  oficinaId: number | null;
}

export interface Recuperacion {
  neto: string;
  cobrado: string;
  cancelado: string;
  pagos: number;
  cancelaciones: number;
  porBucket: Array<{ bucket: BucketDeRecuperacion; monto: string }>;
  porCanal: Array<{ canal: CanalRecuperacion; monto: string }>;
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
  vigentes: number;
  cumplidos: number;
  incumplidos: number;
  montoDescontado: string;
}

export interface SaludDeCartera {
  porBucket: Array<{ bucket: Bucket; cuentas: number; saldo: string }>;
  liquidadas: number;
  rodamiento: Array<{
    de: Bucket;
    cuentas: number;
    saldo: string;
    rodamientoCuentas: string | null;
    rodamientoSaldo: string | null;
    curaCuentas: string | null;
    curaSaldo: string | null;
  }>;
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
  version: number | null;
}

/** A family the reader may not see, or that does not apply, is null. */
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
  alCorte: string;
  nivel: NivelIndicadores;
  hechosAl: string | null;
  filas: FilaIndicadores[];
}

export interface ConsultaIndicadores {
  mes: string;
  nivel: NivelIndicadores;
  /** `aaaa-mm-dd`; null: the month's end (or today, for the current month). */
  alCorte: string | null;
  oficinaId: number | null;
}

function parametros(c: ConsultaIndicadores): string {
  const p = new URLSearchParams({ mes: c.mes, nivel: c.nivel });
  if (c.alCorte !== null) p.set('alCorte', c.alCorte);
  if (c.oficinaId !== null) p.set('oficinaId', String(c.oficinaId));
  return p.toString();
}

export function useIndicadores(consulta: ConsultaIndicadores, habilitada = true) {
  return useQuery({
    queryKey: ['indicadores', 'cifras', consulta],
    queryFn: ({ signal }) =>
      solicitar<Indicadores>('GET', `/api/indicadores?${parametros(consulta)}`, { senal: signal }),
    enabled: habilitada,
    placeholderData: keepPreviousData,
  });
}

/** The month's report of an office (the institute's when `oficinaId` is null). */
export function urlReporteIndicadores(
  mes: string,
  oficinaId: number | null,
  alCorte: string | null,
  formato: 'xlsx' | 'pdf',
): string {
  const p = new URLSearchParams({ mes });
  if (oficinaId !== null) p.set('oficinaId', String(oficinaId));
  if (alCorte !== null) p.set('alCorte', alCorte);
  return `/api/indicadores/reporte.${formato}?${p.toString()}`;
}

export const NOMBRE_ITEM_META: Record<ItemMeta, string> = {
  recuperacion: 'Recuperación',
  contactosEfectivos: 'Contactos efectivos',
  convenios: 'Convenios firmados',
  turnosAtendidos: 'Turnos atendidos',
};

export const NOMBRE_CANAL: Record<CanalRecuperacion, string> = {
  banco: 'Banco',
  caja: 'Caja',
  nomina: 'Nómina',
  importacion: 'Importación',
};
