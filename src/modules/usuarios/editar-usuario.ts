import type { Db } from '../../db/conexion.ts';
import type { Rol } from '../../db/esquema.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { validarOficinaParaRol } from './reglas-usuario.ts';
import { buscarUsuarioVista, type UsuarioVista } from './vista-usuario.ts';

export interface CambiosUsuario {
  nombre?: string;
  rol?: Rol;
  oficinaId?: number | null;
  activo?: boolean;
}

/** Deactivating a user also ends their open sessions at once. */
export async function editarUsuario(
  trx: Db,
  id: number,
  cambios: CambiosUsuario,
  ctx: ContextoAutenticado,
): Promise<UsuarioVista> {
  const actual = await trx
    .selectFrom('usuarios')
    .select(['id', 'nombre', 'rol', 'oficina_id', 'activo'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!actual) throw new ErrorDominio('no_encontrado', 'El usuario no existe.');
  if (
    id === ctx.actor.id &&
    (cambios.activo === false || (cambios.rol && cambios.rol !== actual.rol))
  ) {
    throw new ErrorDominio(
      'conflicto',
      'No puedes desactivarte ni cambiar tu propio rol.',
      cambios.activo === false ? 'activo' : 'rol',
    );
  }
  const rol = cambios.rol ?? actual.rol;
  const oficinaId = cambios.oficinaId === undefined ? actual.oficina_id : cambios.oficinaId;
  await validarOficinaParaRol(trx, rol, oficinaId);
  await trx
    .updateTable('usuarios')
    .set({
      nombre: cambios.nombre ?? actual.nombre,
      rol,
      oficina_id: oficinaId,
      activo: cambios.activo ?? actual.activo,
    })
    .where('id', '=', id)
    .execute();
  if (cambios.activo === false) {
    await trx
      .updateTable('sesiones')
      .set({ cerrada: ctx.reloj.ahora() })
      .where('usuario_id', '=', id)
      .where('cerrada', 'is', null)
      .execute();
  }
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'usuario.editar',
    objetoTipo: 'usuario',
    objetoId: id,
    detalle: {
      antes: {
        nombre: actual.nombre,
        rol: actual.rol,
        oficinaId: actual.oficina_id,
        activo: actual.activo,
      },
      cambios: { ...cambios },
    },
  });
  return buscarUsuarioVista(trx, id);
}
