import type { Fecha } from '../fecha.ts';
import type { Tasa } from '../tasa.ts';
import { CERO_POR_CIENTO } from './porcentaje.ts';
import type {
  Descuento,
  Elegibilidad,
  TipoAlternativa,
  VersionAlternativa,
  VersionCampana,
} from './tipos.ts';

/**
 * How an offer is paid, whatever the catalogue entry that made it:
 * - `liquidar`: the whole debt (saldo para liquidar) in 1…N monthly payments; the last one
 *   leaves the credit `liquidado`;
 * - `regularizar`: what is due (saldo exigible) in 1…N monthly payments; the last one leaves
 *   saldo exigible 0;
 * - `reestructurar`: the saldo para liquidar becomes a new credit (new rate and term);
 * - `pausar`: no payments for some months, then what fell due in the pause.
 */
export type Forma =
  | {
      readonly forma: 'liquidar';
      readonly pagosMaximos: number;
      readonly congelaMoratorio: boolean;
      /** Days after the simulation by which the first payment must be made; null: no limit. */
      readonly diasParaPagar: number | null;
    }
  | {
      readonly forma: 'regularizar';
      readonly pagosMaximos: number;
      readonly congelaMoratorio: boolean;
    }
  | { readonly forma: 'reestructurar'; readonly plazoMaximoMeses: number; readonly tasa: Tasa }
  | { readonly forma: 'pausar'; readonly mesesMaximos: number; readonly congelaMoratorio: boolean };

/** A catalogue entry as the simulator sees it: the exact version, its plan, its rules. */
export interface Propuesta {
  readonly origen: 'alternativa' | 'campana';
  readonly id: number;
  readonly versionId: number;
  readonly clave: string;
  readonly tipo: TipoAlternativa | 'campana';
  readonly nombre: string;
  /** The acuerdo de Junta Directiva that approved a campaign's version; alternatives have none. */
  readonly acuerdo: string | null;
  readonly descuento: Descuento;
  readonly forma: Forma;
  readonly elegibilidad: Elegibilidad;
  /** A campaign's validity; alternatives have none beyond their version dates. */
  readonly vigencia: { readonly inicio: Fecha; readonly fin: Fecha } | null;
  /** The version's days of tolerance for each promise; a convenio stores it when proposed. */
  readonly toleranciaDias: number;
}

const SIN_DESCUENTO: Descuento = { moratorio: CERO_POR_CIENTO, interes: CERO_POR_CIENTO };

function formaDeAlternativa(v: VersionAlternativa): { forma: Forma; descuento: Descuento } {
  const p = v.parametros;
  switch (p.tipo) {
    case 'liquidacion_con_descuento':
      return {
        forma: {
          forma: 'liquidar',
          pagosMaximos: 1,
          congelaMoratorio: false,
          diasParaPagar: p.diasParaPagar,
        },
        descuento: p.descuento,
      };
    case 'regularizacion':
      return {
        forma: {
          forma: 'regularizar',
          pagosMaximos: p.pagosMaximos,
          congelaMoratorio: p.congelaMoratorio,
        },
        descuento: SIN_DESCUENTO,
      };
    case 'convenio_de_pagos':
      return {
        forma: {
          forma: 'liquidar',
          pagosMaximos: p.pagosMaximos,
          congelaMoratorio: p.congelaMoratorio,
          diasParaPagar: null,
        },
        descuento: p.descuento,
      };
    case 'reestructura':
      return {
        forma: {
          forma: 'reestructurar',
          plazoMaximoMeses: p.plazoMaximoMeses,
          tasa: p.tasaOrdinariaAnual,
        },
        descuento: p.descuento,
      };
    case 'prorroga':
      return {
        forma: {
          forma: 'pausar',
          mesesMaximos: p.mesesMaximos,
          congelaMoratorio: p.congelaMoratorio,
        },
        descuento: SIN_DESCUENTO,
      };
  }
}

export function propuestaDeAlternativa(v: VersionAlternativa): Propuesta {
  const { forma, descuento } = formaDeAlternativa(v);
  return {
    origen: 'alternativa',
    id: v.alternativaId,
    versionId: v.versionId,
    clave: v.clave,
    tipo: v.parametros.tipo,
    nombre: v.nombre,
    acuerdo: null,
    descuento,
    forma,
    elegibilidad: v.elegibilidad,
    vigencia: null,
    toleranciaDias: v.toleranciaDias,
  };
}

/** A campaign pays off the whole debt with its discount, in as many payments as it allows. */
export function propuestaDeCampana(v: VersionCampana): Propuesta {
  return {
    origen: 'campana',
    id: v.campanaId,
    versionId: v.versionId,
    clave: v.clave,
    tipo: 'campana',
    nombre: v.nombre,
    acuerdo: v.acuerdo,
    descuento: v.descuento,
    forma: {
      forma: 'liquidar',
      pagosMaximos: v.pagosMaximos,
      congelaMoratorio: v.congelaMoratorio,
      diasParaPagar: null,
    },
    elegibilidad: v.elegibilidad,
    vigencia: { inicio: v.inicio, fin: v.fin },
    toleranciaDias: v.toleranciaDias,
  };
}
