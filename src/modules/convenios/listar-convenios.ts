import type { Db } from '../../db/conexion.ts';
import type { EstadoConvenio } from '../../domain/convenios/estado-convenio.ts';
import { ETIQUETA_ESTADO_CONVENIO } from '../../domain/convenios/estado-convenio.ts';
import { formatearCentavos as pesos, sumarTodos } from '../../domain/dinero.ts';
import { alcanzaObjeto } from '../autorizacion/politicas.ts';
import type { ContextoAutenticado } from '../contexto.ts';

export interface FiltroConvenios {
  creditoId: number | null;
  personaId: number | null;
  estado: EstadoConvenio | null;
}

/**
 * The convenios of a credit (also the reestructura that created it), or of every credit a
 * person takes part in (the ficha), newest first; only those whose credits are all within the
 * actor's reach.
 */
export async function listarConvenios(trx: Db, filtro: FiltroConvenios, ctx: ContextoAutenticado) {
  let consulta = trx
    .selectFrom('convenios as c')
    .innerJoin('usuarios as u', 'u.id', 'c.propuesto_por')
    .select([
      'c.id',
      'c.estado',
      'c.nombre',
      'c.tipo',
      'c.fecha_simulacion',
      'c.fecha_firma',
      'c.total_centavos',
      'c.descuento_moratorio_centavos',
      'c.descuento_interes_centavos',
      'u.usuario',
    ])
    .orderBy('c.id', 'desc')
    .limit(200);
  if (filtro.creditoId !== null) {
    const creditoId = filtro.creditoId;
    // A reestructura's new credit is not in convenio_creditos, but the convenio made it: its
    // page lists that convenio too, to show where it came from.
    consulta = consulta.where(({ exists, or, selectFrom }) =>
      or([
        exists(
          selectFrom('convenio_creditos as cc')
            .select('cc.credito_id')
            .whereRef('cc.convenio_id', '=', 'c.id')
            .where('cc.credito_id', '=', creditoId),
        ),
        exists(
          selectFrom('creditos as nuevo')
            .select('nuevo.id')
            .whereRef('nuevo.convenio_id', '=', 'c.id')
            .where('nuevo.id', '=', creditoId),
        ),
      ]),
    );
  }
  if (filtro.personaId !== null) {
    const personaId = filtro.personaId;
    consulta = consulta.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('convenio_creditos as cc')
          .innerJoin('participantes_credito as pc', 'pc.credito_id', 'cc.credito_id')
          .select('cc.credito_id')
          .whereRef('cc.convenio_id', '=', 'c.id')
          .where('pc.persona_id', '=', personaId),
      ),
    );
  }
  if (filtro.estado !== null) consulta = consulta.where('c.estado', '=', filtro.estado);
  const filas = await consulta.execute();
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
    if (
      !suyos.every((cr) =>
        alcanzaObjeto(ctx.actor, { oficinaId: cr.oficina_id, despachoId: cr.despacho_id }),
      )
    ) {
      return [];
    }
    return [
      {
        id: f.id,
        estado: f.estado,
        estadoEtiqueta: ETIQUETA_ESTADO_CONVENIO[f.estado],
        nombre: f.nombre,
        tipo: f.tipo,
        fecha: f.fecha_simulacion,
        fechaFirma: f.fecha_firma,
        creditos: suyos.map((cr) => ({ id: cr.id, numero: cr.numero })),
        total: pesos(f.total_centavos),
        descuento: pesos(
          sumarTodos([f.descuento_moratorio_centavos, f.descuento_interes_centavos]),
        ),
        propuestoPor: f.usuario,
      },
    ];
  });
}
