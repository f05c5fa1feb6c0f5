import type { Db } from '../../db/conexion.ts';
import {
  type DerechoArco,
  ESTADOS_ARCO,
  type EstadoArco,
} from '../../domain/arco/solicitud-arco.ts';
import { numeroDeDia } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { calendarioArco } from './calendario.ts';
import { filasDeSolicitudes, type VistaSolicitudArco, vistaSolicitud } from './vista-solicitud.ts';

export interface FiltroSolicitudes {
  /** `abiertas`: every state but `cerrada`; `todas`; or one state. */
  estado: 'abiertas' | 'todas' | EstadoArco;
  derecho: DerechoArco | null;
}

export interface ListaSolicitudes {
  solicitudes: VistaSolicitudArco[];
  /** Requests whose running deadline passed, and those within the warning days of it. */
  alertas: { vencidas: number; porVencer: number };
}

/**
 * The requests a coordinador (his office's) or the administrador (all) handles: those running
 * against a deadline first, the nearest first; then the rest, newest first. The list names
 * titulares: logged.
 */
export async function listarSolicitudes(
  trx: Db,
  filtro: FiltroSolicitudes,
  ctx: ContextoAutenticado,
): Promise<ListaSolicitudes> {
  const estados =
    filtro.estado === 'todas'
      ? undefined
      : filtro.estado === 'abiertas'
        ? ESTADOS_ARCO.filter((e) => e !== 'cerrada')
        : [filtro.estado];
  const filas = await filasDeSolicitudes(trx, {
    oficinaId: ctx.actor.rol === 'administrador' ? null : (ctx.actor.oficinaId ?? -1),
    ...(estados === undefined ? {} : { estados }),
  });
  const calendario = await calendarioArco(trx, ctx.reloj.hoy());
  const solicitudes = filas
    .filter((f) => filtro.derecho === null || f.derecho === filtro.derecho)
    .map((f) => vistaSolicitud(f, calendario))
    .sort((a, b) => {
      const fa = a.plazos.vigente?.fecha;
      const fb = b.plazos.vigente?.fecha;
      if (fa !== undefined && fb !== undefined)
        return numeroDeDia(fa) - numeroDeDia(fb) || a.id - b.id;
      if (fa !== undefined || fb !== undefined) return fa !== undefined ? -1 : 1;
      return b.id - a.id;
    });
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'arco.listar',
    detalle: { estado: filtro.estado, derecho: filtro.derecho, resultados: solicitudes.length },
  });
  return {
    solicitudes,
    alertas: {
      vencidas: solicitudes.filter((s) => s.plazos.alerta === 'vencida').length,
      porVencer: solicitudes.filter((s) => s.plazos.alerta === 'por_vencer').length,
    },
  };
}
