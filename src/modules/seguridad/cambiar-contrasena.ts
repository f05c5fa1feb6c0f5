import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { contrasenaCoincide, hashearContrasena, validarContrasenaNueva } from './contrasenas.ts';

/** Changes one's own password; every other open session of the user ends. */
export async function cambiarContrasena(
  trx: Db,
  entrada: { actual: string; nueva: string },
  sesionActual: string,
  ctx: ContextoAutenticado,
): Promise<void> {
  const fila = await trx
    .selectFrom('usuarios')
    .select(['hash_contrasena', 'usuario'])
    .where('id', '=', ctx.actor.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!(await contrasenaCoincide(fila.hash_contrasena, entrada.actual))) {
    throw new ErrorDominio(
      'contrasena_incorrecta',
      'La contraseña actual no es correcta.',
      'actual',
    );
  }
  validarContrasenaNueva(entrada.nueva, fila.usuario, 'nueva');
  if (entrada.nueva === entrada.actual) {
    throw new ErrorDominio(
      'contrasena_debil',
      'La nueva contraseña debe ser distinta de la actual.',
      'nueva',
    );
  }
  const ahora = ctx.reloj.ahora();
  await trx
    .updateTable('usuarios')
    .set({ hash_contrasena: await hashearContrasena(entrada.nueva), contrasena_cambiada: ahora })
    .where('id', '=', ctx.actor.id)
    .execute();
  await trx
    .updateTable('sesiones')
    .set({ cerrada: ahora })
    .where('usuario_id', '=', ctx.actor.id)
    .where('id_hash', '!=', sesionActual)
    .where('cerrada', 'is', null)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'usuario.cambiar_contrasena',
    objetoTipo: 'usuario',
    objetoId: ctx.actor.id,
  });
}
