import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type ActuacionJson, ETIQUETA_ESTADO_JURIDICO } from './actuaciones.ts';

/**
 * A credit's legal history, oldest first. A lawyer sees only what his own firm recorded (an
 * account may have been held by another firm before); staff see every firm's. Logged: it
 * tells of a lawsuit against a person.
 */
export async function listarActuaciones(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<{ actuaciones: ActuacionJson[] }> {
  const c = await trx
    .selectFrom('creditos')
    .select(['oficina_id', 'despacho_id', 'turnado_hasta'])
    .where('id', '=', creditoId)
    .executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  exigirCreditoEnCartera(ctx.actor, {
    oficinaId: c.oficina_id,
    despachoId: c.despacho_id,
    turnadoHasta: c.turnado_hasta,
  });
  let q = trx
    .selectFrom('actuaciones_juridicas as a')
    .innerJoin('turnados as t', 't.id', 'a.turnado_id')
    .innerJoin('despachos as d', 'd.id', 't.despacho_id')
    .innerJoin('usuarios as u', 'u.id', 'a.registrado_por')
    .select([
      'a.id',
      'a.turnado_id',
      't.despacho_id',
      'd.nombre as despacho',
      'a.estado',
      'a.fecha',
      'a.juzgado',
      'a.expediente_judicial',
      'a.nota',
      'u.nombre as registrado_por',
      'a.registrado_en',
    ])
    .where('a.credito_id', '=', creditoId)
    .orderBy('a.fecha')
    .orderBy('a.id');
  if (ctx.actor.rol === 'abogado_externo') {
    q = q.where('t.despacho_id', '=', ctx.actor.despachoId ?? 0);
  }
  const filas = await q.execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'credito.consultar_actuaciones',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: { actuaciones: filas.length },
  });
  return {
    actuaciones: filas.map((f) => ({
      id: f.id,
      turnadoId: f.turnado_id,
      creditoId,
      despacho: { id: f.despacho_id, nombre: f.despacho },
      estado: f.estado,
      etiqueta: ETIQUETA_ESTADO_JURIDICO[f.estado],
      fecha: f.fecha,
      juzgado: f.juzgado,
      expedienteJudicial: f.expediente_judicial,
      nota: f.nota,
      registradoPor: f.registrado_por,
      registradoEn: f.registrado_en.toISOString(),
    })),
  };
}
