import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { calendarioArco } from './calendario.ts';
import { solicitudEnAlcance } from './solicitud-en-alcance.ts';
import { filasDeSolicitudes, type VistaSolicitudArco, vistaSolicitud } from './vista-solicitud.ts';

export interface EventoDeSolicitud {
  evento: string;
  estadoAnterior: string | null;
  estadoNuevo: string;
  detalle: unknown;
  usuario: { id: number; nombre: string } | null;
  instante: string;
}

export interface SolicitudConEventos extends VistaSolicitudArco {
  /** The request's file, oldest first. */
  eventos: EventoDeSolicitud[];
}

/**
 * One request with its file. Reading it is a read of personal data (the titular's name, his
 * identity document): logged, except right after a change that already wrote its own row.
 */
export async function consultarSolicitud(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
  opciones: { registrar: boolean } = { registrar: true },
): Promise<SolicitudConEventos> {
  await solicitudEnAlcance(trx, id, ctx.actor, { bloquear: false });
  const [fila] = await filasDeSolicitudes(trx, { id });
  if (!fila) throw new Error('la solicitud ARCO desapareció dentro de la transacción');
  const eventos = await trx
    .selectFrom('eventos_arco as e')
    .leftJoin('usuarios as u', 'u.id', 'e.usuario_id')
    .select([
      'e.evento',
      'e.estado_anterior',
      'e.estado_nuevo',
      'e.detalle',
      'e.usuario_id',
      'u.nombre',
      'e.instante',
    ])
    .where('e.solicitud_id', '=', id)
    .orderBy('e.id')
    .execute();
  if (opciones.registrar) {
    await registrarEnBitacora(trx, origenDe(ctx), {
      accion: 'arco.consultar',
      objetoTipo: 'solicitud_arco',
      objetoId: id,
    });
  }
  return {
    ...vistaSolicitud(fila, await calendarioArco(trx, ctx.reloj.hoy())),
    eventos: eventos.map((e) => ({
      evento: e.evento,
      estadoAnterior: e.estado_anterior,
      estadoNuevo: e.estado_nuevo,
      detalle: e.detalle,
      usuario: e.usuario_id === null ? null : { id: e.usuario_id, nombre: e.nombre ?? '' },
      instante: e.instante.toISOString(),
    })),
  };
}
