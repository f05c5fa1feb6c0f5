import { factorDiario, type Tasa, tasaDesdeTexto } from '../tasa.ts';
import type { BaseDias, Prelacion, Producto } from './caso.ts';
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

export function validarProducto(producto: Objeto): Producto {
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
  return {
    tasaOrdinariaAnual,
    tasaMoratoriaAnual,
    baseDias,
    prelacion,
    tasaPuntualAnual,
    factorOrdinario: factorDiario(tasaOrdinariaAnual, baseDias),
    factorMoratorio: factorDiario(tasaMoratoriaAnual, baseDias),
  };
}
