import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import { alcanzaObjeto } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { buscarSuplenciaVista, type SuplenciaVista } from './vista-suplencia.ts';

/**
 * Ends a suplencia before its time (the titular came back) or calls off one not yet started.
 * From that moment the suplente no longer works the titular's accounts. The coordinador of the
 * titular's office or the administrador.
 */
export async function cancelarSuplencia(
  trx: Db,
  id: number,
  motivo: string | null,
  ctx: ContextoAutenticado,
): Promise<SuplenciaVista> {
  const s = await trx
    .selectFrom('suplencias as s')
    .innerJoin('usuarios as t', 't.id', 's.titular_id')
    .select(['s.hasta', 's.cancelada', 't.oficina_id'])
    .where('s.id', '=', id)
    .forUpdate('s')
    .executeTakeFirst();
  if (!s) throw new ErrorDominio('no_encontrado', 'La suplencia no existe.');
  if (!alcanzaObjeto(ctx.actor, { oficinaId: s.oficina_id, despachoId: null })) {
    throw new ErrorDominio('prohibido', 'Esta suplencia no es de tu oficina.');
  }
  if (s.cancelada !== null) {
    throw new ErrorDominio('conflicto', 'La suplencia ya estaba cancelada.');
  }
  const hoy = ctx.reloj.hoy();
  if (s.hasta < hoy) {
    throw new ErrorDominio(
      'conflicto',
      `La suplencia terminó el ${formatearFecha(s.hasta as Fecha)}: ya no se cancela.`,
    );
  }
  await trx
    .updateTable('suplencias')
    .set({ cancelada: ctx.reloj.ahora() })
    .where('id', '=', id)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'suplencia.cancelar',
    objetoTipo: 'suplencia',
    objetoId: id,
    detalle: { motivo },
  });
  return buscarSuplenciaVista(trx, id, hoy);
}
