import type { Db } from '../../db/conexion.ts';
import { ofertaAJson, simularOfertas } from '../../domain/alternativas/index.ts';
import {
  autorizacionDelConvenio,
  convenioDeLaOferta,
  rolQueConviene,
} from '../../domain/convenios/autorizacion.ts';
import { motivoParaNoFirmar } from '../../domain/convenios/firmantes.ts';
import { CERO } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import { propuestasVigentes } from '../alternativas/catalogo-vigente.ts';
import { creditosASimular, type QuienSimula } from '../alternativas/creditos-a-simular.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { cargarLimites } from './limites.ts';
import { type VistaConvenio, vistaConvenio } from './vista-convenio.ts';

const DIAS_PARA_EL_PRIMER_PAGO = 31;

export interface PedidoDeConvenio {
  quien: QuienSimula;
  origen: 'alternativa' | 'campana';
  versionId: number;
  primerPago: Fecha | null;
  plazo: number | null;
  condiciones: string;
  firmantes: number[];
}

function invalido(campo: string, mensaje: string): ErrorDominio {
  return new ErrorDominio('entrada_invalida', `Campo «${campo}»: ${mensaje}.`, campo);
}

/**
 * Captures a convenio from a simulator offer: the offer is computed again here, on today's
 * date, with the same catalogue version, first payment and plazo, and what it gives is stored
 * (never amounts sent by the client). Within the proposer's limit it is `autorizado` at once;
 * above it, it waits `propuesto` for a coordinador (or an administrador).
 */
export async function proponerConvenio(
  trx: Db,
  pedido: PedidoDeConvenio,
  ctx: ContextoAutenticado,
): Promise<VistaConvenio> {
  const hoy = ctx.reloj.hoy();
  const primerPago = pedido.primerPago ?? hoy;
  if (primerPago < hoy) throw invalido('primerPago', 'no puede ser anterior a hoy');
  if (primerPago > sumarDias(hoy, DIAS_PARA_EL_PRIMER_PAGO)) {
    throw invalido(
      'primerPago',
      `debe caer dentro de los ${DIAS_PARA_EL_PRIMER_PAGO} días siguientes a hoy`,
    );
  }
  const todos = await creditosASimular(trx, pedido.quien, hoy, ctx);
  // One convenio at a time per credit: lock them, then look for a live one.
  await trx
    .selectFrom('creditos')
    .select('id')
    .where(
      'id',
      'in',
      todos.map((c) => c.id),
    )
    .forUpdate()
    .execute();
  const propuesta = (await propuestasVigentes(trx, hoy)).find(
    (p) => p.origen === pedido.origen && p.versionId === pedido.versionId,
  );
  if (!propuesta) {
    throw invalido('versionId', `no es una versión de ${pedido.origen} vigente hoy`);
  }
  const [oferta] = simularOfertas([propuesta], todos, {
    fecha: hoy,
    primerPago: pedido.primerPago,
    plazo: pedido.plazo,
  });
  if (!oferta?.califica) {
    throw new ErrorDominio(
      'conflicto',
      `La oferta no procede: ${(oferta?.motivos ?? []).join('; ')}.`,
    );
  }
  const porCredito = oferta.creditos.filter((o) => o.califica);
  const ids = porCredito.map((o) => o.creditoId);
  // A signed reestructura lives on in the new credit: its promises were moved there.
  const vivo = await trx
    .selectFrom('convenio_creditos as cc')
    .innerJoin('convenios as c', 'c.id', 'cc.convenio_id')
    .select(['c.id', 'cc.credito_id'])
    .where('cc.credito_id', 'in', ids)
    .where('c.estado', 'in', ['propuesto', 'autorizado', 'firmado'])
    .union((eb) =>
      eb
        .selectFrom('convenio_promesas as cp')
        .innerJoin('convenios as c', 'c.id', 'cp.convenio_id')
        .select(['c.id', 'cp.credito_id'])
        .where('cp.credito_id', 'in', ids)
        .where('c.estado', '=', 'firmado'),
    )
    .executeTakeFirst();
  if (vivo) {
    throw new ErrorDominio(
      'conflicto',
      `El crédito ya tiene el convenio ${vivo.id} en curso: cancélalo o espera a que termine.`,
    );
  }

  // Signers: acreditados or avales of the credits, never minors.
  const participantes = await trx
    .selectFrom('participantes_credito as pc')
    .innerJoin('personas as p', 'p.id', 'pc.persona_id')
    .select(['pc.persona_id', 'pc.rol', 'p.fecha_nacimiento'])
    .where('pc.credito_id', 'in', ids)
    .execute();
  const firmantes = pedido.firmantes.map((personaId, i) => {
    const suyas = participantes.filter((p) => p.persona_id === personaId);
    const roles = suyas.map((p) => p.rol);
    const motivo =
      suyas.length === 0
        ? 'no participa en el crédito'
        : motivoParaNoFirmar(
            {
              personaId,
              roles,
              fechaNacimiento: (suyas[0]?.fecha_nacimiento ?? null) as Fecha | null,
            },
            hoy,
          );
    if (motivo !== null) throw invalido(`firmantes[${i}]`, `la persona ${personaId} ${motivo}`);
    return { personaId, calidad: roles.includes('acreditado') ? 'acreditado' : 'aval' } as const;
  });
  if (firmantes.length === 0) throw invalido('firmantes', 'indica al menos un firmante');

  const decision = autorizacionDelConvenio(
    await cargarLimites(trx),
    rolQueConviene(ctx.actor.rol),
    convenioDeLaOferta(oferta),
    hoy,
  );
  const estado = decision.rol === null ? 'autorizado' : 'propuesto';
  const ahora = ctx.reloj.ahora();
  const { id } = await trx
    .insertInto('convenios')
    .values({
      estado,
      version_alternativa_id: propuesta.origen === 'alternativa' ? propuesta.versionId : null,
      version_campana_id: propuesta.origen === 'campana' ? propuesta.versionId : null,
      tipo: propuesta.tipo,
      nombre: propuesta.nombre,
      fecha_simulacion: hoy,
      primer_pago: primerPago,
      plazo: pedido.plazo,
      liquida: oferta.liquida,
      descuento_moratorio_centavos: oferta.descuento.moratorio,
      descuento_interes_centavos: oferta.descuento.interes,
      total_centavos: oferta.total,
      liquidar_hoy_centavos: oferta.liquidarHoy,
      condiciones: pedido.condiciones,
      oferta: JSON.stringify(ofertaAJson(oferta)),
      // The version's own: the convenio keeps it even if a later version changes it.
      tolerancia_dias: propuesta.toleranciaDias,
      propuesto_por: ctx.actor.id,
      propuesto_el: ahora,
      requiere_rol: decision.rol,
      motivos_autorizacion: [...decision.motivos],
      autorizado_por: decision.rol === null ? ctx.actor.id : null,
      autorizado_el: decision.rol === null ? ahora : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('convenio_creditos')
    .values(ids.map((creditoId) => ({ convenio_id: id, credito_id: creditoId })))
    .execute();
  const promesas = porCredito.flatMap((o) =>
    o.pagos.map((p) => ({
      convenio_id: id,
      credito_id: o.creditoId,
      numero: p.numero,
      fecha: p.fecha,
      monto_centavos: p.monto,
    })),
  );
  if (promesas.length > 0) await trx.insertInto('convenio_promesas').values(promesas).execute();
  const condonaciones = porCredito.flatMap((o) =>
    o.condonaciones
      .filter((k) => k.monto > CERO)
      .map((k) => ({
        convenio_id: id,
        credito_id: o.creditoId,
        fecha: k.fecha,
        concepto: k.concepto,
        monto_centavos: k.monto,
      })),
  );
  if (condonaciones.length > 0) {
    await trx.insertInto('convenio_condonaciones').values(condonaciones).execute();
  }
  const ventanas = porCredito.flatMap((o) =>
    o.ventana === null
      ? []
      : [
          {
            convenio_id: id,
            credito_id: o.creditoId,
            desde: o.ventana.desde,
            hasta: o.ventana.hasta,
          },
        ],
  );
  if (ventanas.length > 0) await trx.insertInto('convenio_ventanas').values(ventanas).execute();
  await trx
    .insertInto('convenio_firmantes')
    .values(
      firmantes.map((f) => ({ convenio_id: id, persona_id: f.personaId, calidad: f.calidad })),
    )
    .execute();

  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'convenio.proponer',
    objetoTipo: 'convenio',
    objetoId: id,
    detalle: {
      estado,
      origen: propuesta.origen,
      versionId: propuesta.versionId,
      creditos: ids,
      fecha: hoy,
      total: oferta.total,
      descuento: oferta.descuento.total,
      pagos: oferta.pagos.length,
      firmantes: firmantes.map((f) => f.personaId),
      autorizacion: { rol: decision.rol, motivos: decision.motivos },
    },
  });
  return vistaConvenio(trx, id, ctx);
}
