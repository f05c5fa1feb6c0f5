import { type Centavos, formatearPesos } from '../dinero.ts';
import type { TipoAlternativa } from './tipos.ts';

/** Up to this many payments a gestor may agree on their own (without a discount). */
export const PAGOS_SIN_AUTORIZACION = 12;

export interface AutorizacionRequerida {
  readonly requerida: boolean;
  /** Who must authorize; null when the gestor may agree on their own. */
  readonly rol: 'coordinador' | null;
  readonly motivos: readonly string[];
}

/**
 * Whether an offer needs a coordinador's authorization before it can be signed. The interim
 * rule of issue 5 part A, in this one function so that part B's authorization matrix (limits
 * by role on discount %, amount, term and alternative) replaces it in one place:
 * - any discount (a condonación, even a campaign's), because it gives up money owed;
 * - more than 12 payments;
 * - a reestructura (it creates a new credit and closes the old one);
 * - a prórroga (it suspends collection for months).
 * A moratorium-free window alone does not: it lasts only while the promises are kept.
 */
export function autorizacionRequerida(oferta: {
  tipo: TipoAlternativa | 'campana';
  descuento: Centavos;
  numeroDePagos: number;
}): AutorizacionRequerida {
  const motivos: string[] = [];
  if (oferta.descuento > 0)
    motivos.push(`otorga un descuento de ${formatearPesos(oferta.descuento)}`);
  if (oferta.numeroDePagos > PAGOS_SIN_AUTORIZACION) {
    motivos.push(`tiene más de ${PAGOS_SIN_AUTORIZACION} pagos (${oferta.numeroDePagos})`);
  }
  if (oferta.tipo === 'reestructura') motivos.push('crea un crédito nuevo');
  if (oferta.tipo === 'prorroga') motivos.push('suspende la cobranza');
  return motivos.length > 0
    ? { requerida: true, rol: 'coordinador', motivos }
    : { requerida: false, rol: null, motivos };
}
