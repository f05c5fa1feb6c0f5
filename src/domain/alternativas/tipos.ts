import type { Fecha } from '../fecha.ts';
import type { Tasa } from '../tasa.ts';
import type { Porcentaje } from './porcentaje.ts';

/** The kinds of alternative the catalogue knows; each has its own parameters. */
export const TIPOS_ALTERNATIVA = [
  'liquidacion_con_descuento',
  'regularizacion',
  'convenio_de_pagos',
  'reestructura',
  'prorroga',
] as const;
export type TipoAlternativa = (typeof TIPOS_ALTERNATIVA)[number];

export const ETIQUETA_TIPO: Record<TipoAlternativa | 'campana', string> = {
  liquidacion_con_descuento: 'Liquidación con descuento',
  regularizacion: 'Regularización',
  convenio_de_pagos: 'Convenio de pagos',
  reestructura: 'Reestructura',
  prorroga: 'Prórroga',
  campana: 'Campaña',
};

/** The institute's rule for a prórroga: a pause of at most six months. */
export const MESES_MAXIMOS_DE_PRORROGA = 6;

/**
 * Days after a promise's date within which a payment still keeps it, per catalogue version:
 * 5 when the administrador does not say (the global setting before it was configurable), at
 * most 60 (the column's CHECK).
 */
export const TOLERANCIA_DIAS_POR_OMISION = 5;
export const TOLERANCIA_DIAS_MAXIMA = 60;

/** Who an alternative or campaign is for. An empty list or a null bound means "no limit". */
export interface Elegibilidad {
  readonly diasAtrasoMinimo: number | null;
  readonly diasAtrasoMaximo: number | null;
  /** Product claves (`CE-6`). */
  readonly productos: readonly string[];
  /** Office claves (`HMO`). */
  readonly oficinas: readonly string[];
  /** Generation: the year of the credit's first ministración. */
  readonly generacionDesde: number | null;
  readonly generacionHasta: number | null;
}

export const SIN_RESTRICCIONES: Elegibilidad = {
  diasAtrasoMinimo: null,
  diasAtrasoMaximo: null,
  productos: [],
  oficinas: [],
  generacionDesde: null,
  generacionHasta: null,
};

/** Share of each concepto condoned on the first payment's date (engine R8). */
export interface Descuento {
  readonly moratorio: Porcentaje;
  readonly interes: Porcentaje;
}

export type ParametrosAlternativa =
  | {
      readonly tipo: 'liquidacion_con_descuento';
      readonly descuento: Descuento;
      /** The whole debt must be paid within this many days of the simulation. */
      readonly diasParaPagar: number;
    }
  | {
      readonly tipo: 'regularizacion';
      readonly pagosMaximos: number;
      readonly congelaMoratorio: boolean;
    }
  | {
      readonly tipo: 'convenio_de_pagos';
      readonly pagosMaximos: number;
      readonly congelaMoratorio: boolean;
      readonly descuento: Descuento;
    }
  | {
      readonly tipo: 'reestructura';
      readonly plazoMaximoMeses: number;
      readonly tasaOrdinariaAnual: Tasa;
      readonly descuento: Descuento;
    }
  | {
      readonly tipo: 'prorroga';
      readonly mesesMaximos: number;
      readonly congelaMoratorio: boolean;
    };

/** One version of an alternative: what was offered under it, from `vigenteDesde` on. */
export interface VersionAlternativa {
  readonly alternativaId: number;
  readonly versionId: number;
  readonly version: number;
  readonly clave: string;
  readonly vigenteDesde: Fecha;
  readonly nombre: string;
  readonly descripcion: string;
  readonly activa: boolean;
  readonly parametros: ParametrosAlternativa;
  readonly elegibilidad: Elegibilidad;
  /** A convenio signed under this version keeps its promises this many days past their date. */
  readonly toleranciaDias: number;
}

/** One version of a campaign (e.g. "Oportunidad… es arrancar de cero"). */
export interface VersionCampana {
  readonly campanaId: number;
  readonly versionId: number;
  readonly version: number;
  readonly clave: string;
  readonly vigenteDesde: Fecha;
  readonly nombre: string;
  /** The acuerdo de Junta Directiva that approved it. */
  readonly acuerdo: string;
  readonly descripcion: string;
  readonly inicio: Fecha;
  readonly fin: Fecha;
  readonly activa: boolean;
  readonly descuento: Descuento;
  /** 1: a single payment; more: instalments allowed. */
  readonly pagosMaximos: number;
  readonly congelaMoratorio: boolean;
  readonly elegibilidad: Elegibilidad;
  readonly toleranciaDias: number;
}
