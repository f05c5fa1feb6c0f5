import type { Fecha } from '../../domain/fecha.ts';
import type { TasasDeCredito } from '../importacion/caso-de-credito.ts';

/**
 * The demo's product: the educational credit at the institute's tiers (R9): 6% a year, 3% for
 * whoever pays on time (each version's punctual rate) and 0% for punctual payers with an
 * average of 90 or more (a credit's own rate, see generar-cartera.ts). Its moratorium rate was
 * lowered twice over the years: a dated version each time. Rates are data, never constants of
 * the engine.
 */
export interface VersionDemo extends TasasDeCredito {
  producto: string;
  vigenteDesde: Fecha;
}

export const PRODUCTOS_DEMO: ReadonlyArray<{ clave: string; nombre: string }> = [
  { clave: 'CE-6', nombre: 'Crédito educativo' },
];

/** The credit's own punctual rate of the demo's students with an average of 90 or more. */
export const TASA_EXCELENCIA = {
  tasa: '0',
  motivo: 'Promedio de 90 o más',
  evidencia: 'Constancia de calificaciones del último periodo escolar',
} as const;

const v = (
  producto: string,
  vigenteDesde: string,
  tasaOrdinaria: string,
  tasaMoratoria: string,
  tasaPuntual: string,
): VersionDemo => ({
  producto,
  vigenteDesde: vigenteDesde as Fecha,
  tasaOrdinaria,
  tasaMoratoria,
  tasaPuntual,
  baseDias: 360,
  prelacion: 'por_concepto',
});

export const VERSIONES_DEMO: readonly VersionDemo[] = [
  v('CE-6', '1996-01-01', '0.06', '0.18', '0.03'),
  v('CE-6', '2008-01-01', '0.06', '0.12', '0.03'),
  v('CE-6', '2016-01-01', '0.06', '0.09', '0.03'),
];

/** The version of `producto` in force on `fecha`. */
export function versionDemo(producto: string, fecha: Fecha): VersionDemo {
  let vigente: VersionDemo | undefined;
  for (const version of VERSIONES_DEMO) {
    if (version.producto === producto && version.vigenteDesde <= fecha) vigente = version;
  }
  if (!vigente) throw new Error(`demo: ${producto} no tiene versión vigente el ${fecha}`);
  return vigente;
}
