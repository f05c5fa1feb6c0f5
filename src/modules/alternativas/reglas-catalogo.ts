import type { Db } from '../../db/conexion.ts';
import type { Elegibilidad } from '../../domain/alternativas/index.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';

/**
 * A version takes effect today or later: what was in force on a past date stays what it was,
 * so a simulation or convenio of that date can always be explained.
 */
export function vigenteDesdeValida(vigenteDesde: Fecha | undefined, hoy: Fecha): Fecha {
  const fecha = vigenteDesde ?? hoy;
  if (fecha < hoy) {
    throw new ErrorDominio(
      'entrada_invalida',
      `Campo «vigenteDesde»: no puede ser anterior a hoy (${formatearFecha(hoy)}); los cambios no se aplican al pasado.`,
      'vigenteDesde',
    );
  }
  return fecha;
}

/** The products and offices named in the rules must exist (a typo would exclude everyone). */
export async function verificarElegibilidad(trx: Db, e: Elegibilidad): Promise<void> {
  const [productos, oficinas] = await Promise.all([
    e.productos.length === 0
      ? []
      : trx
          .selectFrom('productos')
          .select('clave')
          .where('clave', 'in', [...e.productos])
          .execute(),
    e.oficinas.length === 0
      ? []
      : trx
          .selectFrom('oficinas')
          .select('clave')
          .where('clave', 'in', [...e.oficinas])
          .execute(),
  ]);
  const faltante = (lista: readonly string[], hay: Array<{ clave: string }>) =>
    lista.find((c) => !hay.some((h) => h.clave === c));
  const producto = faltante(e.productos, productos);
  if (producto !== undefined) {
    throw new ErrorDominio(
      'entrada_invalida',
      `Campo «elegibilidad.productos»: no existe el producto ${producto}.`,
      'elegibilidad.productos',
    );
  }
  const oficina = faltante(e.oficinas, oficinas);
  if (oficina !== undefined) {
    throw new ErrorDominio(
      'entrada_invalida',
      `Campo «elegibilidad.oficinas»: no existe la oficina ${oficina}.`,
      'elegibilidad.oficinas',
    );
  }
}
