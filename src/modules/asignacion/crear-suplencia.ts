import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { exigirGestoresDeOficina } from './gestores-de-oficina.ts';
import { type Oficina, oficinaDeTrabajo } from './oficina-de-trabajo.ts';
import { buscarSuplenciaVista, type SuplenciaVista } from './vista-suplencia.ts';

export interface NuevaSuplencia {
  titularId: number;
  suplenteId: number;
  desde: Fecha;
  hasta: Fecha;
  motivo: string;
}

/**
 * A gestor's accounts covered by a colleague of the same office while he is away (dates
 * inclusive). The history of assignments does not change: the suplente's queue and recados
 * read the suplencia (cuentas-a-cargo.ts). The titular's row is locked, so two coordinadores
 * cannot both cover the same days.
 */
export async function crearSuplencia(
  trx: Db,
  entrada: NuevaSuplencia,
  ctx: ContextoAutenticado,
): Promise<SuplenciaVista> {
  const hoy = ctx.reloj.hoy();
  if (entrada.hasta < entrada.desde) {
    throw new ErrorDominio(
      'entrada_invalida',
      'La suplencia termina antes de empezar: «hasta» debe ser igual o posterior a «desde».',
      'hasta',
    );
  }
  if (entrada.hasta < hoy) {
    throw new ErrorDominio(
      'entrada_invalida',
      `La suplencia ya habría terminado: «hasta» no puede ser anterior a hoy (${formatearFecha(hoy)}).`,
      'hasta',
    );
  }
  const oficina = await oficinaDelTitular(trx, entrada.titularId, ctx);
  const [titular] = await exigirGestoresDeOficina(trx, oficina, [entrada.titularId], 'titularId');
  if (entrada.suplenteId === entrada.titularId) {
    throw new ErrorDominio(
      'gestor_invalido',
      'El suplente debe ser otra persona que el titular.',
      'suplenteId',
    );
  }
  const [suplente] = await exigirGestoresDeOficina(
    trx,
    oficina,
    [entrada.suplenteId],
    'suplenteId',
  );
  if (!titular || !suplente) throw new Error('exigirGestoresDeOficina devolvió de menos');
  await trx.selectFrom('usuarios').select('id').where('id', '=', titular.id).forUpdate().execute();
  const traslape = await enVigorEntre(trx, titular.id, entrada);
  if (traslape) {
    throw new ErrorDominio(
      'conflicto',
      `${titular.nombre} ya tiene una suplencia del ${formatearFecha(traslape.desde as Fecha)} al ${formatearFecha(traslape.hasta as Fecha)}: cancélala o elige otras fechas.`,
    );
  }
  // Covers do not chain (cuentas-a-cargo.ts reads one level): a suplente away himself, or a
  // titular who is covering someone then, would leave accounts that reach nobody.
  const ausente = await enVigorEntre(trx, suplente.id, entrada);
  if (ausente) {
    throw new ErrorDominio(
      'conflicto',
      `${suplente.nombre} tiene su propia suplencia del ${formatearFecha(ausente.desde as Fecha)} al ${formatearFecha(ausente.hasta as Fecha)}: no puede cubrir esas fechas.`,
      'suplenteId',
    );
  }
  const cubre = await cubreEntre(trx, titular.id, entrada);
  if (cubre) {
    throw new ErrorDominio(
      'conflicto',
      `${titular.nombre} cubre a ${cubre.nombre} del ${formatearFecha(cubre.desde as Fecha)} al ${formatearFecha(cubre.hasta as Fecha)}: ajusta primero esa suplencia.`,
      'titularId',
    );
  }
  const { id } = await trx
    .insertInto('suplencias')
    .values({
      titular_id: titular.id,
      suplente_id: suplente.id,
      desde: entrada.desde,
      hasta: entrada.hasta,
      motivo: entrada.motivo,
      creada_por: ctx.actor.id,
      creada: ctx.reloj.ahora(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'suplencia.crear',
    objetoTipo: 'suplencia',
    objetoId: id,
    detalle: { ...entrada },
  });
  return buscarSuplenciaVista(trx, id, hoy);
}

/** A coordinador's own office; for the administrador, the titular's. */
async function oficinaDelTitular(
  trx: Db,
  titularId: number,
  ctx: ContextoAutenticado,
): Promise<Oficina> {
  if (ctx.actor.rol !== 'administrador') return oficinaDeTrabajo(trx, ctx.actor, undefined);
  const t = await trx
    .selectFrom('usuarios as u')
    .innerJoin('oficinas as o', 'o.id', 'u.oficina_id')
    .select(['o.id', 'o.nombre'])
    .where('u.id', '=', titularId)
    .executeTakeFirst();
  if (!t) {
    throw new ErrorDominio(
      'gestor_invalido',
      `El usuario ${titularId} no es gestor ni coordinador de una oficina.`,
      'titularId',
    );
  }
  return t;
}

/** A live (not cancelled) suplencia of this titular sharing at least a day with the period. */
function enVigorEntre(trx: Db, titularId: number, periodo: { desde: Fecha; hasta: Fecha }) {
  return trx
    .selectFrom('suplencias')
    .select(['desde', 'hasta'])
    .where('titular_id', '=', titularId)
    .where('cancelada', 'is', null)
    .where('desde', '<=', periodo.hasta)
    .where('hasta', '>=', periodo.desde)
    .orderBy('desde')
    .executeTakeFirst();
}

/** A live suplencia in which this user covers someone, sharing at least a day with the period. */
function cubreEntre(trx: Db, suplenteId: number, periodo: { desde: Fecha; hasta: Fecha }) {
  return trx
    .selectFrom('suplencias as s')
    .innerJoin('usuarios as t', 't.id', 's.titular_id')
    .select(['t.nombre', 's.desde', 's.hasta'])
    .where('s.suplente_id', '=', suplenteId)
    .where('s.cancelada', 'is', null)
    .where('s.desde', '<=', periodo.hasta)
    .where('s.hasta', '>=', periodo.desde)
    .orderBy('s.desde')
    .executeTakeFirst();
}
