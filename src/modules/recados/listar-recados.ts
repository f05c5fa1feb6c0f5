import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { BaseDeDatos } from '../../db/esquema.ts';
import type { EstadoRecado } from '../../domain/gestion/estado-recado.ts';
import { titularesSuplidos } from '../asignacion/cuentas-a-cargo.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';
import { consultaRecados, type RecadoVista, recadoVista } from './vista-recado.ts';

export interface RecadosDelUsuario {
  recados: RecadoVista[];
  /** Unread ones among all the user sees, whatever the filter: the badge. */
  nuevos: number;
}

/** The list is the user's inbox, not an archive: the newest this many. */
const MAXIMO = 200;

/**
 * Which recados a user sees: those for them or for a titular they cover today, and, for a
 * coordinador, his office's escalated ones still unattended.
 */
function visibles(actor: Actor, destinatarios: readonly number[]) {
  return (eb: ExpressionBuilder<BaseDeDatos & { r: BaseDeDatos['recados'] }, 'r'>) => {
    const mios = eb('r.para_id', 'in', destinatarios);
    if (actor.rol !== 'coordinador' || actor.oficinaId === null) return mios;
    return eb.or([
      mios,
      eb.and([
        eb('r.oficina_id', '=', actor.oficinaId),
        eb('r.escalado', 'is not', null),
        eb('r.estado', '<>', 'atendido'),
      ]),
    ]);
  };
}

/** The user's recados, newest first, optionally of one state. */
export async function listarRecados(
  trx: Db,
  estado: EstadoRecado | null,
  ctx: ContextoAutenticado,
): Promise<RecadosDelUsuario> {
  const destinatarios = [
    ctx.actor.id,
    ...(await titularesSuplidos(trx, ctx.actor.id, ctx.reloj.hoy())),
  ];
  const condicion = visibles(ctx.actor, destinatarios);
  let consulta = consultaRecados(trx).where(condicion);
  if (estado !== null) consulta = consulta.where('r.estado', '=', estado);
  const filas = await consulta
    .orderBy('r.creado', 'desc')
    .orderBy('r.id', 'desc')
    .limit(MAXIMO)
    .execute();
  const { nuevos } = await trx
    .selectFrom('recados as r')
    .select((eb) => eb.fn.countAll<number>().as('nuevos'))
    .where(condicion)
    .where('r.estado', '=', 'nuevo')
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'recados.listar',
    detalle: { estado, recados: filas.length },
  });
  return { recados: filas.map(recadoVista), nuevos: Number(nuevos) };
}
