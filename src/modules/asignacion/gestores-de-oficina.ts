import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Oficina } from './oficina-de-trabajo.ts';

export interface Gestor {
  id: number;
  nombre: string;
}

/**
 * Who may hold an office's accounts (or cover for a colleague): its active gestores and
 * coordinadores. Answers them in the order asked; any other id is a `gestor_invalido` naming
 * `campo`, with the people by name where they exist.
 */
export async function exigirGestoresDeOficina(
  trx: Db,
  oficina: Oficina,
  ids: readonly number[],
  campo: string,
): Promise<Gestor[]> {
  const filas =
    ids.length === 0
      ? []
      : await trx
          .selectFrom('usuarios')
          .select(['id', 'nombre', 'rol', 'oficina_id', 'activo'])
          .where('id', 'in', [...ids])
          .execute();
  const porId = new Map(filas.map((f) => [f.id, f]));
  const validos: Gestor[] = [];
  const invalidos: string[] = [];
  for (const id of ids) {
    const u = porId.get(id);
    const esGestor = u?.rol === 'gestor' || u?.rol === 'coordinador';
    if (u && esGestor && u.activo && u.oficina_id === oficina.id) {
      validos.push({ id: u.id, nombre: u.nombre });
    } else {
      invalidos.push(u ? u.nombre : `el usuario ${id}`);
    }
  }
  if (invalidos.length > 0) {
    const quien = invalidos.join(', ');
    throw new ErrorDominio(
      'gestor_invalido',
      invalidos.length === 1
        ? `${quien} no es gestor ni coordinador activo de la oficina ${oficina.nombre}.`
        : `No son gestores ni coordinadores activos de la oficina ${oficina.nombre}: ${quien}.`,
      campo,
    );
  }
  return validos;
}
