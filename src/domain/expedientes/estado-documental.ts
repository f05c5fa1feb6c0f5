import type { EstadoCredito } from '../estado-credito.ts';
import { type Fecha, formatearFecha } from '../fecha.ts';

/**
 * What a contrato-pagaré is worth as a document today, derived from the credit's life and
 * from where the paper is; each with the reason a person reads (docs/expedientes.md).
 */
export type EstadoDocumental =
  | 'vigente'
  | 'vencido'
  | 'pagado_anticipadamente'
  | 'sustituido_por_reestructura'
  | 'finiquitado'
  | 'devuelto_al_acreditado'
  | 'en_despacho';

export const ETIQUETA_ESTADO_DOCUMENTAL: Record<EstadoDocumental, string> = {
  vigente: 'Vigente',
  vencido: 'Vencido',
  pagado_anticipadamente: 'Pagado anticipadamente',
  sustituido_por_reestructura: 'Sustituido por reestructura',
  finiquitado: 'Finiquitado',
  devuelto_al_acreditado: 'Devuelto al acreditado',
  en_despacho: 'En despacho',
};

export interface HechosDocumentales {
  estadoCredito: EstadoCredito;
  vencimiento: Fecha;
  /** A settled credit's last payment or condonación (what covered its balance); null: unknown. */
  fechaLiquidacion: Fecha | null;
  /** A restructured credit: the closing date and the new credit's number, when known. */
  reestructura: { fecha: Fecha | null; creditoNuevo: string | null } | null;
  cartaFiniquito: { folio: number; fecha: Fecha } | null;
  /** Where the paper is now, when custody recorded it (null: in its office's archive). */
  ubicacion: 'archivo' | 'persona' | 'despacho' | 'devuelto' | null;
  /** The law firm that holds the piece or the account, by name. */
  despacho: string | null;
  hoy: Fecha;
}

export interface EstadoDocumentalConMotivo {
  estado: EstadoDocumental;
  motivo: string;
}

function carta(h: HechosDocumentales): string {
  return h.cartaFiniquito === null
    ? 'falta emitir la carta finiquito'
    : `carta finiquito folio ${h.cartaFiniquito.folio} del ${formatearFecha(h.cartaFiniquito.fecha)}`;
}

function liquidado(h: HechosDocumentales): EstadoDocumentalConMotivo {
  const vence = formatearFecha(h.vencimiento);
  if (h.fechaLiquidacion !== null && h.fechaLiquidacion < h.vencimiento) {
    return {
      estado: 'pagado_anticipadamente',
      motivo: `El crédito se liquidó el ${formatearFecha(h.fechaLiquidacion)}, antes del vencimiento del pagaré (${vence}); ${carta(h)}.`,
    };
  }
  const cuando = h.fechaLiquidacion === null ? '' : ` el ${formatearFecha(h.fechaLiquidacion)}`;
  return { estado: 'finiquitado', motivo: `El crédito se liquidó${cuando}; ${carta(h)}.` };
}

function reestructurado(h: HechosDocumentales): EstadoDocumentalConMotivo {
  const cuando = h.reestructura?.fecha ? ` el ${formatearFecha(h.reestructura.fecha)}` : '';
  const nuevo = h.reestructura?.creditoNuevo
    ? `el crédito nuevo ${h.reestructura.creditoNuevo}`
    : 'el crédito nuevo';
  return {
    estado: 'sustituido_por_reestructura',
    motivo: `El crédito se reestructuró${cuando}: el adeudo sigue en ${nuevo}, con su propio pagaré.`,
  };
}

function enDespacho(h: HechosDocumentales, turnado: boolean): EstadoDocumentalConMotivo {
  const despacho = h.despacho === null ? 'despacho externo' : `despacho ${h.despacho}`;
  return {
    estado: 'en_despacho',
    motivo: turnado
      ? `El crédito está turnado ${h.despacho === null ? 'a un' : 'al'} ${despacho} para su cobro jurídico.`
      : `El pagaré está en ${h.despacho === null ? 'un' : 'el'} ${despacho}: sigue allá hasta que se registre su devolución.`,
  };
}

function porVencimiento(h: HechosDocumentales): EstadoDocumentalConMotivo {
  const vence = formatearFecha(h.vencimiento);
  // On its due date it is still payable without default: overdue from the next day.
  return h.vencimiento < h.hoy
    ? { estado: 'vencido', motivo: `Venció el ${vence} y el crédito no está liquidado.` }
    : { estado: 'vigente', motivo: `Vence el ${vence}.` };
}

/**
 * Order matters: a paper handed back to the borrower is no longer ours, whatever the credit
 * did; then the credit's administrative state (a restructured or settled credit's pagaré is
 * spent even while a firm still holds it); then the firm; then the calendar.
 */
export function estadoDocumental(h: HechosDocumentales): EstadoDocumentalConMotivo {
  if (h.ubicacion === 'devuelto') {
    const tras =
      h.estadoCredito === 'liquidado'
        ? ` tras la liquidación del crédito (${carta(h)})`
        : h.estadoCredito === 'reestructurado'
          ? ' tras la reestructura del crédito'
          : '';
    return {
      estado: 'devuelto_al_acreditado',
      motivo: `El pagaré se devolvió al acreditado${tras}: ya no está bajo custodia del instituto.`,
    };
  }
  switch (h.estadoCredito) {
    case 'reestructurado':
      return reestructurado(h);
    case 'liquidado':
      return liquidado(h);
    case 'en_juridico':
      return enDespacho(h, true);
    case 'activo':
      return h.ubicacion === 'despacho' ? enDespacho(h, false) : porVencimiento(h);
  }
}
