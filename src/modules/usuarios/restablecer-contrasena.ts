import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { hashearContrasena, validarContrasenaNueva } from '../seguridad/contrasenas.ts';

/** The administrator sets a new password; the user's open sessions end. */
export async function restablecerContrasena(
  trx: Db,
  id: number,
  contrasena: string,
  ctx: ContextoAutenticado,
): Promise<void> {
  const fila = await trx
    .selectFrom('usuarios')
    .select('usuario')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!fila) throw new ErrorDominio('no_encontrado', 'El usuario no existe.');
  validarContrasenaNueva(contrasena, fila.usuario, 'contrasena');
  const ahora = ctx.reloj.ahora();
  await trx
    .updateTable('usuarios')
    .set({ hash_contrasena: await hashearContrasena(contrasena), contrasena_cambiada: ahora })
    .where('id', '=', id)
    .execute();
  await trx
    .updateTable('sesiones')
    .set({ cerrada: ahora })
    .where('usuario_id', '=', id)
    .where('cerrada', 'is', null)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'usuario.restablecer_contrasena',
    objetoTipo: 'usuario',
    objetoId: id,
  });
}
