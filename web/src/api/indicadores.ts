import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
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

import type {
  CanalRecuperacion,
  Indicadores,
  ItemMeta,
  NivelIndicadores,
} from '../../../src/contrato/indicadores.ts';

// The wire's shapes are the server's contract (src/contrato/indicadores.ts), imported type-only.
// Money is decimal text in pesos, percentages text with one decimal or null (base 0).
export type {
  BucketDeRecuperacion,
  CanalRecuperacion,
  CoberturaMes,
  ConveniosMes,
  FilaIndicadores,
  Indicadores,
  ItemDeMeta,
  ItemMeta,
  MetasDelMes,
  NivelIndicadores,
  Prescripcion,
  PromesasMes,
  Recuperacion,
  SaludDeCartera,
  SujetoIndicadores,
  TurnosMes,
} from '../../../src/contrato/indicadores.ts';

/** The contract's own values (src/contrato/valores.ts: plain arrays, no zod in the bundle). */
export { ITEMS_META } from '../../../src/contrato/valores.ts';

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
