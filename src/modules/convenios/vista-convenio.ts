import type { Db } from '../../db/conexion.ts';
import { nombreCompleto } from '../../db/nombre-persona.ts';
import { ETIQUETA_ESTADO_CONVENIO } from '../../domain/convenios/estado-convenio.ts';
import { formatearCentavos as pesos, sumarTodos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { alcanzaObjeto } from '../autorizacion/politicas.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { motivoParaNoAutorizarlo } from './motivo-para-no-autorizar.ts';

/** A convenio as the API shows it; refuses one whose credits are outside the actor's reach. */
export async function vistaConvenio(trx: Db, id: number, ctx: ContextoAutenticado) {
  const c = await trx
    .selectFrom('convenios as c')
    .innerJoin('usuarios as p', 'p.id', 'c.propuesto_por')
    .leftJoin('usuarios as a', 'a.id', 'c.autorizado_por')
    .selectAll('c')
    .select(['p.usuario as propuesto_por_usuario', 'a.usuario as autorizado_por_usuario'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El convenio no existe.');
  const creditos = await trx
    .selectFrom('convenio_creditos as cc')
    .innerJoin('creditos as cr', 'cr.id', 'cc.credito_id')
    .select(['cr.id', 'cr.numero', 'cr.oficina_id', 'cr.despacho_id'])
    .where('cc.convenio_id', '=', id)
    .orderBy('cr.id')
    .execute();
  if (
    !creditos.every((cr) =>
      alcanzaObjeto(ctx.actor, { oficinaId: cr.oficina_id, despachoId: cr.despacho_id }),
    )
  ) {
    throw new ErrorDominio('prohibido', 'Este convenio no está en tu cartera.');
  }
  const [promesas, condonaciones, ventanas, firmantes, nuevos, acreditado] = await Promise.all([
    trx
      .selectFrom('convenio_promesas')
      .selectAll()
      .where('convenio_id', '=', id)
      .orderBy('credito_id')
      .orderBy('numero')
      .execute(),
    trx
      .selectFrom('convenio_condonaciones')
      .selectAll()
      .where('convenio_id', '=', id)
      .orderBy('credito_id')
      .orderBy('concepto')
      .execute(),
    trx.selectFrom('convenio_ventanas').selectAll().where('convenio_id', '=', id).execute(),
    trx
      .selectFrom('convenio_firmantes as f')
      .innerJoin('personas as pe', 'pe.id', 'f.persona_id')
      .select([
        'f.persona_id',
        'f.calidad',
        'pe.nombres',
        'pe.primer_apellido',
        'pe.segundo_apellido',
      ])
      .where('f.convenio_id', '=', id)
      .orderBy('f.persona_id')
      .execute(),
    // A signed reestructura's new credits (its promises are theirs).
    trx
      .selectFrom('creditos')
      .select(['id', 'numero', 'reestructura_de'])
      .where('convenio_id', '=', id)
      .orderBy('id')
      .execute(),
    // The debtor: the acreditado of the first credit (the one the convenio was proposed for).
    trx
      .selectFrom('participantes_credito as pc')
      .innerJoin('personas as pe', 'pe.id', 'pc.persona_id')
      .select(['pe.id', 'pe.nombres', 'pe.primer_apellido', 'pe.segundo_apellido'])
      .where('pc.credito_id', '=', creditos[0]?.id ?? 0)
      .where('pc.rol', '=', 'acreditado')
      .orderBy('pe.id')
      .executeTakeFirst(),
  ]);
  const noAutorizas = c.estado === 'propuesto' ? motivoParaNoAutorizarlo(c, ctx.actor) : null;
  return {
    id: c.id,
    estado: c.estado,
    estadoEtiqueta: ETIQUETA_ESTADO_CONVENIO[c.estado],
    origen: c.version_alternativa_id !== null ? ('alternativa' as const) : ('campana' as const),
    versionId: c.version_alternativa_id ?? c.version_campana_id,
    tipo: c.tipo,
    nombre: c.nombre,
    fecha: c.fecha_simulacion,
    primerPago: c.primer_pago,
    plazo: c.plazo,
    liquida: c.liquida,
    liquidarHoy: pesos(c.liquidar_hoy_centavos),
    total: pesos(c.total_centavos),
    descuento: {
      moratorio: pesos(c.descuento_moratorio_centavos),
      interes: pesos(c.descuento_interes_centavos),
      total: pesos(sumarTodos([c.descuento_moratorio_centavos, c.descuento_interes_centavos])),
    },
    condiciones: c.condiciones,
    toleranciaDias: c.tolerancia_dias,
    acreditado:
      acreditado === undefined
        ? null
        : { personaId: acreditado.id, nombre: nombreCompleto(acreditado) },
    creditos: creditos.map((cr) => ({ id: cr.id, numero: cr.numero })),
    creditosNuevos: nuevos.map((n) => ({
      id: n.id,
      numero: n.numero,
      reestructuraDe: n.reestructura_de,
    })),
    promesas: promesas.map((p) => ({
      creditoId: p.credito_id,
      numero: p.numero,
      fecha: p.fecha,
      monto: pesos(p.monto_centavos),
      estado: p.estado,
    })),
    condonaciones: condonaciones.map((k) => ({
      creditoId: k.credito_id,
      fecha: k.fecha,
      concepto: k.concepto,
      monto: pesos(k.monto_centavos),
    })),
    periodosSinMoratorio: ventanas.map((v) => ({
      creditoId: v.credito_id,
      desde: v.desde,
      hasta: v.hasta,
    })),
    firmantes: firmantes.map((f) => ({
      personaId: f.persona_id,
      calidad: f.calidad,
      nombre: nombreCompleto(f),
    })),
    autorizacion: {
      requerida: c.requiere_rol !== null,
      rol: c.requiere_rol,
      motivos: c.motivos_autorizacion,
      autorizadoPor: c.autorizado_por_usuario,
      autorizadoEl: c.autorizado_el === null ? null : new Date(c.autorizado_el).toISOString(),
    },
    // Whether this actor may authorize it now; the reason only when it waits and they may not.
    puedesAutorizar: c.estado === 'propuesto' && noAutorizas === null,
    motivoParaNoAutorizar: noAutorizas,
    propuestoPor: c.propuesto_por_usuario,
    propuestoEl: new Date(c.propuesto_el).toISOString(),
    fechaFirma: c.fecha_firma,
    cerradoEl: c.cerrado_el,
    motivoCancelacion: c.motivo_cancelacion,
  };
}

export type VistaConvenio = Awaited<ReturnType<typeof vistaConvenio>>;
