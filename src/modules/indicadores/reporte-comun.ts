/**
 * What the month's report (XLSX and PDF, issue 11 item 4) shows and how it names things: both
 * renderers read the same figures with the same Spanish labels, so the two files agree.
 */
import { type Bucket, ETIQUETA_BUCKET } from '../../domain/antiguedad.ts';
import { centavosDeSalida, formatearPesos } from '../../domain/dinero.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import type { ItemMeta } from '../../domain/metas/indice-de-cumplimiento.ts';
import type {
  BucketDeRecuperacion,
  CanalRecuperacion,
  FilaIndicadores,
  Indicadores,
} from './tipos.ts';

export interface EmisionDeReporte {
  instante: Date;
  /** Who asked for it (their user name), printed in the footer. */
  usuario: string;
  zonaHoraria: string;
}

export interface ReporteIndicadores {
  mes: string;
  alCorte: string;
  hechosAl: string | null;
  /** "Oficina Hermosillo" or "Instituto". */
  titulo: string;
  /** The office's (or the institute's) own row. */
  principal: FilaIndicadores;
  /** The rows under it: the office's gestores, or the institute's offices. */
  detalle: FilaIndicadores[];
  /** How the detail rows are called in headers: "Gestor" or "Oficina". */
  etiquetaDetalle: string;
  emision: EmisionDeReporte;
}

/**
 * The report from the subject's figures and its breakdown (consultarIndicadores' answers):
 * `principal` has the one row of the office or the institute.
 */
export function armarReporte(
  principal: Indicadores,
  detalle: Indicadores,
  emision: EmisionDeReporte,
): ReporteIndicadores {
  const fila = principal.filas[0];
  if (fila === undefined) throw new Error('reporte: el sujeto no tiene cifras');
  const esInstituto = principal.nivel === 'instituto';
  return {
    mes: principal.mes,
    alCorte: principal.alCorte,
    hechosAl: principal.hechosAl,
    titulo: esInstituto ? 'Instituto' : `Oficina ${fila.sujeto.nombre}`,
    principal: fila,
    detalle: detalle.filas,
    etiquetaDetalle: detalle.nivel === 'oficina' ? 'Oficina' : 'Gestor',
    emision,
  };
}

export { nombreDelMes } from '../../domain/metas/mes.ts';

export const ETIQUETA_ITEM: Record<ItemMeta, string> = {
  recuperacion: 'Recuperación',
  contactosEfectivos: 'Cuentas con contacto efectivo',
  convenios: 'Convenios firmados',
  turnosAtendidos: 'Turnos atendidos',
};

export const ETIQUETA_CANAL: Record<CanalRecuperacion, string> = {
  banco: 'Depósito bancario',
  caja: 'Caja',
  nomina: 'Nómina',
  importacion: 'Importación',
};

export function etiquetaBucket(b: BucketDeRecuperacion | 'liquidado'): string {
  if (b === 'sin_dato') return 'Sin antigüedad';
  if (b === 'liquidado') return 'Liquidado';
  return ETIQUETA_BUCKET[b as Bucket];
}

/**
 * "1234.50" → "$1,234.50". The shape's money is the output form, possibly negative (a net that
 * went down, when cancellations exceed payments); anything else throws, never prints $0.00.
 */
export const pesosTexto = (texto: string): string => formatearPesos(centavosDeSalida(texto));

/** "87.5" → "87.5 %"; no base → "—". */
export const porcentajeTexto = (p: string | null): string => (p === null ? '—' : `${p} %`);

export const fechaTexto = (f: string): string => formatearFecha(f as Fecha);

/** A meta item's goal or achievement: money items are pesos, counts are integers. */
export function valorDeMetaTexto(item: ItemMeta, valor: string): string {
  return item === 'recuperacion' ? pesosTexto(valor) : Number(valor).toLocaleString('es-MX');
}

/** How a row is named in the tables: the subject's own row is its total. */
export function nombreDeFila(r: ReporteIndicadores, fila: FilaIndicadores): string {
  return fila === r.principal ? `Total ${r.titulo}` : fila.sujeto.nombre;
}

/** The rows that carry a family (a family the reader may not see, or that does not apply, is null). */
export function filasCon<K extends keyof FilaIndicadores>(
  r: ReporteIndicadores,
  familia: K,
): Array<{ fila: FilaIndicadores; valor: NonNullable<FilaIndicadores[K]> }> {
  const salida = [];
  for (const fila of [r.principal, ...r.detalle]) {
    const valor = fila[familia];
    if (valor !== null && valor !== undefined)
      salida.push({ fila, valor: valor as NonNullable<FilaIndicadores[K]> });
  }
  return salida;
}
