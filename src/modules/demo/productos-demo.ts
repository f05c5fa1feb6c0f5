import type { Fecha } from '../../domain/fecha.ts';
import type { TasasDeCredito } from '../importacion/caso-de-credito.ts';

/**
 * The demo's products: the 6% educational credit (its moratorium rate lowered twice over the
 * years: a dated version each time), the 3% tier for punctual payers and the 0% tier for
 * punctual payers with a high average. Rates are data, never constants of the engine.
 */
export interface VersionDemo extends TasasDeCredito {
  producto: string;
  vigenteDesde: Fecha;
}

export const PRODUCTOS_DEMO: ReadonlyArray<{ clave: string; nombre: string }> = [
  { clave: 'CE-6', nombre: 'Crédito educativo' },
  { clave: 'CE-3', nombre: 'Crédito educativo, pago puntual (3%)' },
  { clave: 'CE-0', nombre: 'Crédito educativo, excelencia académica (0%)' },
];

const v = (
  producto: string,
  vigenteDesde: string,
  tasaOrdinaria: string,
  tasaMoratoria: string,
): VersionDemo => ({
  producto,
  vigenteDesde: vigenteDesde as Fecha,
  tasaOrdinaria,
  tasaMoratoria,
  baseDias: 360,
  prelacion: 'por_concepto',
});

export const VERSIONES_DEMO: readonly VersionDemo[] = [
  v('CE-6', '1996-01-01', '0.06', '0.18'),
  v('CE-6', '2008-01-01', '0.06', '0.12'),
  v('CE-6', '2016-01-01', '0.06', '0.09'),
  v('CE-3', '2012-01-01', '0.03', '0.09'),
  v('CE-0', '2015-01-01', '0', '0.09'),
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
