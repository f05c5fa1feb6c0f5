import type { Db } from '../../db/conexion.ts';
import type { Rol } from '../../db/esquema.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';
import { hashearContrasena, validarContrasenaNueva } from '../seguridad/contrasenas.ts';
import { validarOficinaParaRol } from './reglas-usuario.ts';
import { buscarUsuarioVista, type UsuarioVista } from './vista-usuario.ts';

export interface NuevoUsuario {
  usuario: string;
  nombre: string;
  rol: Rol;
  oficinaId: number | null;
  contrasena: string;
}

/** `actor` is null when the command line creates the first administrator. */
export async function crearUsuario(
  trx: Db,
  entrada: NuevoUsuario,
  ctx: Contexto & { actor: Actor | null },
): Promise<UsuarioVista> {
  validarContrasenaNueva(entrada.contrasena, entrada.usuario, 'contrasena');
  await validarOficinaParaRol(trx, entrada.rol, entrada.oficinaId);
  const existente = await trx
    .selectFrom('usuarios')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['usuario']), '=', entrada.usuario.toLowerCase()))
    .executeTakeFirst();
  if (existente) {
    throw new ErrorDominio(
      'usuario_duplicado',
      `Ya existe el usuario «${entrada.usuario}».`,
      'usuario',
    );
  }
  const { id } = await trx
    .insertInto('usuarios')
    .values({
      usuario: entrada.usuario,
      nombre: entrada.nombre,
      rol: entrada.rol,
      oficina_id: entrada.oficinaId,
      hash_contrasena: await hashearContrasena(entrada.contrasena),
      creado: ctx.reloj.ahora(),
      contrasena_cambiada: ctx.reloj.ahora(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'usuario.crear',
    objetoTipo: 'usuario',
    objetoId: id,
    detalle: { usuario: entrada.usuario, rol: entrada.rol, oficinaId: entrada.oficinaId },
  });
  return buscarUsuarioVista(trx, id);
}
