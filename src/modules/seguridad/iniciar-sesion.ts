import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import { buscarUsuarioVista, type UsuarioVista } from '../usuarios/vista-usuario.ts';
import { alertarRafaga } from './alertar-rafaga.ts';
import { contrasenaCoincide, verificarSenuelo } from './contrasenas.ts';
import { esperaDeIntento, serializarIntentos } from './frenar-intentos.ts';

export const SESION_INACTIVIDAD_MIN = 30;
export const SESION_ABSOLUTA_HORAS = 12;

export type ResultadoInicio =
  | { tipo: 'iniciada'; token: string; csrf: string; usuario: UsuarioVista }
  | { tipo: 'rechazada'; codigo: 'credenciales_invalidas' }
  /** Too many failures from this address (for this user, or for many): try again later. */
  | { tipo: 'frenada'; esperaSegundos: number };

export function hashDeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Failures are answered (not thrown) so that the attempt and its bitácora row commit with the
 * refusal. An unknown user and a wrong password get the same answer in the same time. Failures
 * slow down the address that fails, never the account (frenar-intentos.ts).
 */
export async function iniciarSesion(
  trx: Db,
  entrada: { usuario: string; contrasena: string },
  ctx: Contexto,
): Promise<ResultadoInicio> {
  const ahora = ctx.reloj.ahora();
  const ip = ctx.ip ?? 'desconocida';
  await serializarIntentos(trx, ip);
  const esperaSegundos = await esperaDeIntento(trx, entrada.usuario, ip, ahora);
  if (esperaSegundos > 0) {
    await registrarEnBitacora(trx, origenDe(ctx), {
      accion: 'sesion.frenada',
      detalle: { usuario: entrada.usuario, esperaSegundos },
    });
    return { tipo: 'frenada', esperaSegundos };
  }

  const usuario = await trx
    .selectFrom('usuarios')
    .select(['id', 'usuario', 'hash_contrasena', 'activo'])
    .where(sql`lower(usuario)`, '=', entrada.usuario.toLowerCase())
    .executeTakeFirst();
  const valida = usuario
    ? await contrasenaCoincide(usuario.hash_contrasena, entrada.contrasena)
    : await verificarSenuelo(entrada.contrasena);
  const exitoso = valida && usuario?.activo === true;
  await trx
    .insertInto('intentos_login')
    .values({ usuario: entrada.usuario, ip, instante: ahora, exitoso })
    .execute();

  if (!exitoso || !usuario) {
    await registrarEnBitacora(trx, origenDe(ctx), {
      accion: 'sesion.fallida',
      detalle: { usuario: entrada.usuario },
    });
    await alertarRafaga(trx, entrada.usuario, ip, ctx);
    return { tipo: 'rechazada', codigo: 'credenciales_invalidas' };
  }

  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await trx
    .insertInto('sesiones')
    .values({
      id_hash: hashDeToken(token),
      usuario_id: usuario.id,
      csrf,
      creada: ahora,
      ultimo_uso: ahora,
      expira: new Date(ahora.getTime() + SESION_ABSOLUTA_HORAS * 3_600_000),
      ip: ctx.ip,
    })
    .execute();
  const vista = await buscarUsuarioVista(trx, usuario.id);
  await registrarEnBitacora(
    trx,
    { actor: { id: vista.id, usuario: vista.usuario }, ip: ctx.ip, instante: ahora },
    { accion: 'sesion.iniciar', objetoTipo: 'usuario', objetoId: usuario.id },
  );
  return { tipo: 'iniciada', token, csrf, usuario: vista };
}
