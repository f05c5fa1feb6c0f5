import type { Db } from '../../../db/conexion.ts';
import { ErrorDominio } from '../../../domain/errores.ts';
import {
  type DestinoPedido,
  revisarMovimiento,
  type TipoMovimientoCustodia,
} from '../../../domain/expedientes/transiciones-de-custodia.ts';
import type { Fecha } from '../../../domain/fecha.ts';
import { registrarEnBitacora } from '../../bitacora/registrar-en-bitacora.ts';
import { nombreDelAcreditado } from '../../cartera/nombre-del-acreditado.ts';
import { type ContextoAutenticado, origenDe } from '../../contexto.ts';
import { type DestinoDeCustodia, revisarDestino, usuarioActivo } from './destino-de-custodia.ts';
import { errorDeCustodia } from './mensajes-de-custodia.ts';
import { alcanzaPieza, type PiezaDeCredito, piezasPorReferencia } from './piezas.ts';
import { clavePieza, type Ubicacion, ubicacionesDePiezas } from './ubicacion.ts';

export type { DestinoDeCustodia } from './destino-de-custodia.ts';

export interface MovimientoDeCustodia {
  tipo: TipoMovimientoCustodia;
  /** `ministracionId` null: the credit's expediente; otherwise that ministración's pagaré. */
  piezas: ReadonlyArray<{ creditoId: number; ministracionId: number | null }>;
  destino: DestinoDeCustodia;
  recibeUsuarioId?: number;
  /** Who receives when not a user: a firm's clerk, the acreditado. */
  recibeNombre?: string;
  devolverAMasTardar?: Fecha;
  nota?: string;
}

/** The archive's shelf a check-in puts a piece back on: the last one it had in that office. */
async function estantesAnteriores(trx: Db, creditoIds: readonly number[]) {
  const filas = await trx
    .selectFrom('custodia_movimientos')
    .distinctOn(['credito_id', 'ministracion_id'])
    .select(['credito_id', 'ministracion_id', 'oficina_id', 'estante', 'caja'])
    .where('credito_id', 'in', creditoIds)
    .where('ubicacion', '=', 'archivo')
    .where('estante', 'is not', null)
    .orderBy('credito_id')
    .orderBy('ministracion_id')
    .orderBy('id', 'desc')
    .execute();
  return new Map(filas.map((f) => [clavePieza(f.credito_id, f.ministracion_id), f]));
}

/** Who receives, when the caller does not say: the person lent to, or the clerk checking in. */
async function quienRecibe(
  trx: Db,
  ctx: ContextoAutenticado,
  m: MovimientoDeCustodia,
  lugar: DestinoPedido['lugar'],
  piezas: readonly PiezaDeCredito[],
): Promise<{ usuarioId: number | null; nombre: string | null }> {
  const nombre = m.recibeNombre ?? null;
  if (m.recibeUsuarioId !== undefined) {
    await usuarioActivo(trx, m.recibeUsuarioId, 'recibeUsuarioId');
    return { usuarioId: m.recibeUsuarioId, nombre };
  }
  if (nombre !== null) return { usuarioId: null, nombre };
  if (lugar === 'persona') return { usuarioId: m.destino.usuarioId ?? null, nombre };
  if (lugar === 'archivo' && m.tipo !== 'traslado') return { usuarioId: ctx.actor.id, nombre };
  const creditos = new Set(piezas.map((p) => p.creditoId));
  const [unico] = creditos;
  if (lugar === 'devuelto' && creditos.size === 1 && unico !== undefined) {
    const acreditado = await nombreDelAcreditado(trx, unico);
    if (acreditado !== null) return { usuarioId: null, nombre: acreditado };
  }
  throw new ErrorDominio(
    'entrada_invalida',
    'Indica quién recibe: un usuario (recibeUsuarioId) o el nombre de quien firma (recibeNombre).',
    'recibeNombre',
  );
}

/** A check-in is handed over by the colleague who had the pieces; anything else, by the actor. */
function quienEntrega(
  ctx: ContextoAutenticado,
  tipo: TipoMovimientoCustodia,
  ubicaciones: readonly Ubicacion[],
): number {
  const personas = new Set(ubicaciones.map((u) => (u.tipo === 'persona' ? u.usuario?.id : null)));
  const [unica] = personas;
  return tipo === 'devolucion' && personas.size === 1 && typeof unica === 'number'
    ? unica
    : ctx.actor.id;
}

/**
 * One hand-over: the acuse, one movement per piece, where each piece is now, and the
 * bitácora row, all in the caller's transaction. The credits are locked first, so that two
 * clerks lending the same piece at once queue and the second is told who has it. Juridico
 * calls it with `envio_a_despacho` when it turns an account over.
 */
export async function moverPiezas(
  trx: Db,
  ctx: ContextoAutenticado,
  m: MovimientoDeCustodia,
): Promise<{ acuseId: number }> {
  const unicas = new Map(m.piezas.map((p) => [clavePieza(p.creditoId, p.ministracionId), p]));
  const refs = [...unicas.values()];
  if (refs.length === 0) {
    throw new ErrorDominio('entrada_invalida', 'Indica al menos una pieza.', 'etiquetas');
  }
  const creditoIds = [...new Set(refs.map((r) => r.creditoId))].sort((a, b) => a - b);
  await trx
    .selectFrom('creditos')
    .select('id')
    .where('id', 'in', creditoIds)
    .orderBy('id')
    .forUpdate()
    .execute();
  const piezas = await piezasPorReferencia(trx, refs);
  const hoy = ctx.reloj.hoy();
  const ubicaciones = await ubicacionesDePiezas(trx, refs, hoy);
  const dondeEsta = (p: PiezaDeCredito): Ubicacion => {
    const u = ubicaciones.get(clavePieza(p.creditoId, p.ministracionId));
    if (!u) throw new Error(`sin ubicación para ${p.etiqueta}`);
    return u;
  };
  for (const p of piezas) {
    if (!alcanzaPieza(ctx.actor, p, dondeEsta(p))) {
      throw new ErrorDominio(
        'prohibido',
        `La pieza ${p.etiqueta} no es de tu oficina ni está en su archivo.`,
        'etiquetas',
      );
    }
  }
  const { lugar, usuarioOficinaId } = await revisarDestino(trx, m.tipo, m.destino);
  const devolver = m.devolverAMasTardar ?? null;
  const previos = await estantesAnteriores(trx, creditoIds);
  const filas = piezas.map((p) => {
    const u = dondeEsta(p);
    // An archive move without an office stays in the piece's office (ubicar) or comes home.
    const oficinaArchivo =
      m.destino.oficinaId ?? (m.tipo === 'ubicar' ? (u.oficina?.id ?? p.oficinaId) : p.oficinaId);
    const pedido: DestinoPedido =
      lugar === 'archivo'
        ? { lugar, oficinaId: oficinaArchivo }
        : lugar === 'persona'
          ? { lugar, usuarioId: m.destino.usuarioId ?? 0 }
          : lugar === 'despacho'
            ? { lugar, despachoId: m.destino.despachoId ?? 0 }
            : { lugar };
    const rechazo = revisarMovimiento(
      m.tipo,
      {
        lugar: u.tipo,
        oficinaId: u.oficina?.id ?? null,
        esPagare: p.ministracionId !== null,
        creditoCerrado: p.estado === 'liquidado' || p.estado === 'reestructurado',
      },
      pedido,
      devolver,
      hoy,
    );
    if (rechazo !== null) throw errorDeCustodia(rechazo, p.etiqueta, u);
    const previo = previos.get(clavePieza(p.creditoId, p.ministracionId));
    const mismoEstante =
      lugar === 'archivo' &&
      m.destino.estante === undefined &&
      previo?.oficina_id === oficinaArchivo;
    return {
      credito_id: p.creditoId,
      ministracion_id: p.ministracionId,
      ubicacion: lugar,
      oficina_id:
        lugar === 'archivo' ? oficinaArchivo : lugar === 'persona' ? usuarioOficinaId : null,
      estante:
        lugar !== 'archivo' ? null : (m.destino.estante ?? (mismoEstante ? previo.estante : null)),
      caja: lugar !== 'archivo' ? null : (m.destino.caja ?? (mismoEstante ? previo.caja : null)),
      usuario_id: lugar === 'persona' ? (m.destino.usuarioId ?? null) : null,
      despacho_id: lugar === 'despacho' ? (m.destino.despachoId ?? null) : null,
      devolver_a_mas_tardar: devolver,
    };
  });
  const recibe = await quienRecibe(trx, ctx, m, lugar, piezas);
  const entrega = quienEntrega(ctx, m.tipo, piezas.map(dondeEsta));
  const instante = ctx.reloj.ahora();
  const acuse = await trx
    .insertInto('custodia_acuses')
    .values({
      tipo: m.tipo,
      entrega_usuario_id: entrega,
      recibe_usuario_id: recibe.usuarioId,
      recibe_nombre: recibe.nombre,
      nota: m.nota ?? null,
      registrado_por: ctx.actor.id,
      registrado_en: instante,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const movimientos = await trx
    .insertInto('custodia_movimientos')
    .values(filas.map((f) => ({ ...f, acuse_id: acuse.id })))
    .returning(['id', 'credito_id', 'ministracion_id'])
    .execute();
  const idDe = new Map(
    movimientos.map((mv) => [clavePieza(mv.credito_id, mv.ministracion_id), mv.id]),
  );
  await trx
    .insertInto('custodia_piezas')
    .values(
      filas.map((f) => ({
        ...f,
        ultimo_movimiento_id: idDe.get(clavePieza(f.credito_id, f.ministracion_id)) ?? 0,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['credito_id', 'ministracion_id']).doUpdateSet((eb) => ({
        ubicacion: eb.ref('excluded.ubicacion'),
        oficina_id: eb.ref('excluded.oficina_id'),
        estante: eb.ref('excluded.estante'),
        caja: eb.ref('excluded.caja'),
        usuario_id: eb.ref('excluded.usuario_id'),
        despacho_id: eb.ref('excluded.despacho_id'),
        devolver_a_mas_tardar: eb.ref('excluded.devolver_a_mas_tardar'),
        ultimo_movimiento_id: eb.ref('excluded.ultimo_movimiento_id'),
      })),
    )
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'custodia.mover',
    objetoTipo: 'custodia_acuse',
    objetoId: acuse.id,
    detalle: {
      tipo: m.tipo,
      etiquetas: piezas.map((p) => p.etiqueta),
      destino: { lugar, ...m.destino },
      entregaUsuarioId: entrega,
      recibeUsuarioId: recibe.usuarioId,
      recibeNombre: recibe.nombre,
      devolverAMasTardar: devolver,
      nota: m.nota ?? null,
    },
  });
  return { acuseId: acuse.id };
}
