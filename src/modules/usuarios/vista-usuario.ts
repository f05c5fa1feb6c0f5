import type { Db } from '../../db/conexion.ts';
import type { Rol } from '../../db/esquema.ts';
import { ErrorDominio } from '../../domain/errores.ts';

/** A user as the API and the screens show it: never the password hash. */
export interface UsuarioVista {
  id: number;
  usuario: string;
  nombre: string;
  rol: Rol;
  oficina: { id: number; nombre: string } | null;
  activo: boolean;
}

export function consultaUsuarios(db: Db) {
  return db
    .selectFrom('usuarios as u')
    .leftJoin('oficinas as o', 'o.id', 'u.oficina_id')
    .select([
      'u.id',
      'u.usuario',
      'u.nombre',
      'u.rol',
      'u.activo',
      'o.id as oficina_id',
      'o.nombre as oficina_nombre',
    ]);
}

type FilaVista = {
  id: number;
  usuario: string;
  nombre: string;
  rol: Rol;
  activo: boolean;
  oficina_id: number | null;
  oficina_nombre: string | null;
};

export function usuarioVistaDesdeFila(f: FilaVista): UsuarioVista {
  return {
    id: f.id,
    usuario: f.usuario,
    nombre: f.nombre,
    rol: f.rol,
    oficina:
      f.oficina_id === null || f.oficina_nombre === null
        ? null
        : { id: f.oficina_id, nombre: f.oficina_nombre },
    activo: f.activo,
  };
}

export async function buscarUsuarioVista(db: Db, id: number): Promise<UsuarioVista> {
  const fila = await consultaUsuarios(db).where('u.id', '=', id).executeTakeFirst();
  if (!fila) throw new ErrorDominio('no_encontrado', 'El usuario no existe.');
  return usuarioVistaDesdeFila(fila);
}
