import { type FactorDiario, factorDiario, type Tasa, tasaDesdeTexto } from '../tasa.ts';
import type { BaseDias, Prelacion, Producto, ProductoLeido } from './caso.ts';
import { citar, leerOpcion, type Objeto, rechazar } from './lectura.ts';

const RUTA = 'producto';
const PRELACIONES: readonly Prelacion[] = ['por_concepto', 'por_amortizacion'];

export function leerTasa(objeto: Objeto, clave: string, ruta = RUTA): Tasa {
  const valor = objeto[clave];
  const tasa = typeof valor === 'string' ? tasaDesdeTexto(valor) : null;
  if (tasa === null) {
    rechazar(
      'tasa_invalida',
      `${ruta}.${clave}: tasa inválida ${citar(valor)}, debe ser un decimal entre 0 y 1`,
    );
  }
  return tasa;
}

/** An optional rate: only an absent field is absent (null is invalid, as everywhere). */
export function leerTasaOpcional(objeto: Objeto, clave: string, ruta: string): Tasa | null {
  return objeto[clave] === undefined ? null : leerTasa(objeto, clave, ruta);
}

function leerBase(producto: Objeto): BaseDias {
  const valor = producto.base_dias;
  // Only an absent field takes its default; null or "360" (a string) are invalid.
  if (valor === undefined) return 360;
  if (valor === 360 || valor === 365) return valor;
  return rechazar('base_invalida', `${RUTA}.base_dias: ${citar(valor)} no es 360 ni 365`);
}

export function leerProducto(producto: Objeto): ProductoLeido {
  const tasaOrdinariaAnual = leerTasa(producto, 'tasa_ordinaria_anual');
  const tasaMoratoriaAnual = leerTasa(producto, 'tasa_moratoria_anual');
  const tasaPuntualAnual = leerTasaOpcional(producto, 'tasa_puntual_anual', RUTA);
  const baseDias = leerBase(producto);
  const prelacion = leerOpcion(
    producto,
    'prelacion',
    RUTA,
    PRELACIONES,
    'prelacion_invalida',
    'por_concepto',
  );
  return { tasaOrdinariaAnual, tasaMoratoriaAnual, baseDias, prelacion, tasaPuntualAnual };
}

// A portfolio shares a handful of rates: the database path hands the same Tasa object to every
// credit of a product version, so each factor's exact fraction (bigint gcd) is derived once.
const factores = new WeakMap<Tasa, Map<BaseDias, FactorDiario>>();

export function factorDe(tasa: Tasa, baseDias: BaseDias): FactorDiario {
  let porBase = factores.get(tasa);
  if (porBase === undefined) {
    porBase = new Map();
    factores.set(tasa, porBase);
  }
  let factor = porBase.get(baseDias);
  if (factor === undefined) {
    factor = factorDiario(tasa, baseDias);
    porBase.set(baseDias, factor);
  }
  return factor;
}

function verificarTasa(tasa: Tasa, ruta: string): void {
  // The JSON reader already guarantees this; a typed source (the database) is checked here.
  if (tasa.numerador < 0n || tasa.numerador > tasa.denominador) {
    rechazar(
      'tasa_invalida',
      `${ruta}: tasa inválida '${tasa.texto}', debe ser un decimal entre 0 y 1`,
    );
  }
}

/** The product with its daily factors (R2), once its rates are known to be rates. */
export function armarProducto(p: ProductoLeido): Producto {
  verificarTasa(p.tasaOrdinariaAnual, `${RUTA}.tasa_ordinaria_anual`);
  verificarTasa(p.tasaMoratoriaAnual, `${RUTA}.tasa_moratoria_anual`);
  if (p.tasaPuntualAnual !== null) verificarTasa(p.tasaPuntualAnual, `${RUTA}.tasa_puntual_anual`);
  return {
    tasaOrdinariaAnual: p.tasaOrdinariaAnual,
    tasaMoratoriaAnual: p.tasaMoratoriaAnual,
    baseDias: p.baseDias,
    prelacion: p.prelacion,
    tasaPuntualAnual: p.tasaPuntualAnual,
    factorOrdinario: factorDe(p.tasaOrdinariaAnual, p.baseDias),
    factorMoratorio: factorDe(p.tasaMoratoriaAnual, p.baseDias),
  };
}
