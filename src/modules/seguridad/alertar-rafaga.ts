import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';

/**
 * Slowing each address down does not stop many addresses guessing one password, nor one address
 * spraying many users: those are left for a person to judge. A burst is this many failures in
 * the window; it raises one alert per user (or address) per hour, seen in
 * `GET /api/seguridad/alertas` and written to the bitácora as `seguridad.rafaga`.
 */
export const RAFAGA_POR_USUARIO = 10;
export const RAFAGA_POR_DIRECCION = 20;
const VENTANA_RAFAGA_MIN = 15;
const SILENCIO_MIN = 60;

// Namespace of the advisory lock that keeps two addresses from raising the same user's alert.
const CANDADO_RAFAGA = 727_014;

type Tipo = 'usuario' | 'direccion';

/** After a failed login has been recorded: raises the alerts its burst now calls for. */
export async function alertarRafaga(
  trx: Db,
  usuario: string,
  ip: string,
  ctx: Contexto,
): Promise<void> {
  const ahora = ctx.reloj.ahora();
  const desde = new Date(ahora.getTime() - VENTANA_RAFAGA_MIN * 60_000);
  const clave = usuario.toLowerCase();
  const { rows } = await sql<{ fallos: number; distintos: number }>`
    SELECT count(*)::int AS fallos, count(DISTINCT ip)::int AS distintos FROM intentos_login
     WHERE lower(usuario) = ${clave} AND NOT exitoso AND instante > ${desde}`.execute(trx);
  const porUsuario = rows[0];
  if (porUsuario && porUsuario.fallos >= RAFAGA_POR_USUARIO) {
    // Failures for one user come from many addresses, each holding only its own lock.
    await sql`SELECT pg_advisory_xact_lock(${CANDADO_RAFAGA}, hashtext(${clave}))`.execute(trx);
    await alertar(trx, 'usuario', clave, porUsuario, ctx);
  }
  const dir = await sql<{ fallos: number; distintos: number }>`
    SELECT count(*)::int AS fallos, count(DISTINCT lower(usuario))::int AS distintos
      FROM intentos_login
     WHERE ip = ${ip} AND NOT exitoso AND instante > ${desde}`.execute(trx);
  const porDireccion = dir.rows[0];
  // The caller holds the address's lock (serializarIntentos): no second one is needed.
  if (porDireccion && porDireccion.fallos >= RAFAGA_POR_DIRECCION) {
    await alertar(trx, 'direccion', ip, porDireccion, ctx);
  }
}

async function alertar(
  trx: Db,
  tipo: Tipo,
  clave: string,
  conteo: { fallos: number; distintos: number },
  ctx: Contexto,
): Promise<void> {
  const ahora = ctx.reloj.ahora();
  const reciente = await trx
    .selectFrom('alertas_acceso')
    .select('id')
    .where('tipo', '=', tipo)
    .where('clave', '=', clave)
    .where('instante', '>', new Date(ahora.getTime() - SILENCIO_MIN * 60_000))
    .executeTakeFirst();
  if (reciente) return;
  const { id } = await trx
    .insertInto('alertas_acceso')
    .values({ instante: ahora, tipo, clave, ...conteo })
    .returning('id')
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'seguridad.rafaga',
    objetoTipo: 'alerta_acceso',
    objetoId: id,
    detalle: { tipo, clave, ...conteo, minutos: VENTANA_RAFAGA_MIN },
  });
}
