import type { Db } from '../../db/conexion.ts';
import { formatearCentavos as pesos, sumarTodos } from '../../domain/dinero.ts';
import { alcanzaObjeto } from '../autorizacion/politicas.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { motivoParaNoAutorizarlo } from './motivo-para-no-autorizar.ts';

/**
 * The queue of convenios waiting for authorization within the actor's reach, oldest first;
 * each says whether this actor may decide it (not their own proposal, within their role).
 */
export async function listarPendientes(trx: Db, ctx: ContextoAutenticado) {
  const filas = await trx
    .selectFrom('convenios as c')
    .innerJoin('usuarios as u', 'u.id', 'c.propuesto_por')
    .select([
      'c.id',
      'c.nombre',
      'c.tipo',
      'c.propuesto_por',
      'c.propuesto_el',
      'c.requiere_rol',
      'c.motivos_autorizacion',
      'c.total_centavos',
      'c.descuento_moratorio_centavos',
      'c.descuento_interes_centavos',
      'u.usuario',
    ])
    .where('c.estado', '=', 'propuesto')
    .orderBy('c.propuesto_el')
    .orderBy('c.id')
    .execute();
  const creditos =
    filas.length === 0
      ? []
      : await trx
          .selectFrom('convenio_creditos as cc')
          .innerJoin('creditos as cr', 'cr.id', 'cc.credito_id')
          .select(['cc.convenio_id', 'cr.id', 'cr.numero', 'cr.oficina_id', 'cr.despacho_id'])
          .where(
            'cc.convenio_id',
            'in',
            filas.map((f) => f.id),
          )
          .execute();
  return filas.flatMap((f) => {
    const suyos = creditos.filter((cr) => cr.convenio_id === f.id);
    const visibles = suyos.every((cr) =>
      alcanzaObjeto(ctx.actor, { oficinaId: cr.oficina_id, despachoId: cr.despacho_id }),
    );
    if (!visibles) return [];
    const requerido = f.requiere_rol ?? 'coordinador';
    return [
      {
        id: f.id,
        nombre: f.nombre,
        tipo: f.tipo,
        creditos: suyos.map((cr) => ({ id: cr.id, numero: cr.numero })),
        total: pesos(f.total_centavos),
        descuento: pesos(
          sumarTodos([f.descuento_moratorio_centavos, f.descuento_interes_centavos]),
        ),
        requiereRol: requerido,
        motivos: f.motivos_autorizacion,
        propuestoPor: f.usuario,
        propuestoEl: new Date(f.propuesto_el).toISOString(),
        puedesAutorizar: motivoParaNoAutorizarlo(f, ctx.actor) === null,
      },
    ];
  });
}
