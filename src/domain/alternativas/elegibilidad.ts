import type { Centavos } from '../dinero.ts';
import type { EstadoCredito } from '../estado-credito.ts';
import { type Fecha, formatearFecha } from '../fecha.ts';
import type { Elegibilidad } from './tipos.ts';

/** What the rules look at, for one credit on the simulation date. */
export interface DatosDeElegibilidad {
  readonly diasAtraso: number;
  /** Product clave. */
  readonly producto: string;
  readonly oficina: { readonly clave: string; readonly nombre: string };
  /** Year of the first ministración. */
  readonly generacion: number;
}

const dias = (n: number) => (n === 1 ? '1 día' : `${n} días`);

function motivoDeGeneracion(r: Elegibilidad, generacion: number): string | null {
  const { generacionDesde: desde, generacionHasta: hasta } = r;
  if ((desde === null || generacion >= desde) && (hasta === null || generacion <= hasta)) {
    return null;
  }
  const rango =
    desde !== null && hasta !== null
      ? desde === hasta
        ? `la generación ${desde}`
        : `las generaciones ${desde} a ${hasta}`
      : desde !== null
        ? `las generaciones de ${desde} en adelante`
        : `las generaciones hasta ${hasta}`;
  return `solo para ${rango} (el crédito es de ${generacion})`;
}

/**
 * Why a credit does not meet an alternative's or campaign's rules, one Spanish sentence per
 * rule it fails, so the gestor can explain it; empty when it qualifies.
 */
export function motivosDeElegibilidad(r: Elegibilidad, d: DatosDeElegibilidad): string[] {
  const motivos: string[] = [];
  if (r.diasAtrasoMinimo !== null && d.diasAtraso < r.diasAtrasoMinimo) {
    motivos.push(
      `requiere al menos ${dias(r.diasAtrasoMinimo)} de atraso (tiene ${dias(d.diasAtraso)})`,
    );
  }
  if (r.diasAtrasoMaximo !== null && d.diasAtraso > r.diasAtrasoMaximo) {
    motivos.push(
      `admite a lo más ${dias(r.diasAtrasoMaximo)} de atraso (tiene ${dias(d.diasAtraso)})`,
    );
  }
  if (r.productos.length > 0 && !r.productos.includes(d.producto)) {
    motivos.push(`no aplica al producto ${d.producto} (solo a ${r.productos.join(', ')})`);
  }
  if (r.oficinas.length > 0 && !r.oficinas.includes(d.oficina.clave)) {
    motivos.push(`no aplica en la oficina ${d.oficina.nombre}`);
  }
  const generacion = motivoDeGeneracion(r, d.generacion);
  if (generacion !== null) motivos.push(generacion);
  return motivos;
}

/** A campaign is offered from its start; its first payment must fall within it. */
export function motivosDeVigencia(
  vigencia: { inicio: Fecha; fin: Fecha },
  fecha: Fecha,
  primerPago: Fecha,
): string[] {
  if (fecha < vigencia.inicio) {
    return [`campaña vigente a partir del ${formatearFecha(vigencia.inicio)}`];
  }
  if (fecha > vigencia.fin || primerPago > vigencia.fin) {
    return [`campaña vigente hasta el ${formatearFecha(vigencia.fin)}`];
  }
  return [];
}

/** What rules a credit out of every offer, whatever the catalogue says. */
export function motivosDelCredito(estado: EstadoCredito, pendienteHoy: Centavos): string[] {
  switch (estado) {
    case 'reestructurado':
      return ['el crédito fue reestructurado: se negocia el crédito que lo sustituyó'];
    case 'en_juridico':
      return ['el crédito está en jurídico: lo negocia el despacho externo'];
    case 'liquidado':
    case 'activo':
      return pendienteHoy > 0 ? [] : ['el crédito no tiene adeudo'];
  }
}
