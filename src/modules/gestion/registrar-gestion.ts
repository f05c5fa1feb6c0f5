import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, numeroDeDia, sumarDias } from '../../domain/fecha.ts';
import { type Rechazo, rechazoDeContacto } from '../../domain/gestion/reglas-de-contacto.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { atenderRecadoConGestion } from './atender-recado-con-gestion.ts';
import type { GestionNueva } from './gestion-nueva.ts';
import { reunirHechos } from './hechos-de-contacto.ts';
import { leerParametrosGestion } from './parametros-gestion.ts';
import { type VistaGestion, vistasDeGestiones } from './vista-gestion.ts';

export type ResultadoGestion =
  | { registrada: VistaGestion; rechazo: null }
  | { registrada: null; rechazo: Rechazo };

/** How far back a contact may be logged: the day's calls are often written up in the evening. */
const DIAS_ATRAS_MAXIMOS = 7;
/** A promise further away is a convenio's business, not a phone call's. */
const DIAS_DE_PROMESA_MAXIMOS = 90;

const invalida = (mensaje: string, campo: string) =>
  new ErrorDominio('gestion_invalida', mensaje, campo);

function validarTiempos(g: GestionNueva, inicio: Date, ahora: Date, hoy: Fecha): void {
  // A minute of slack for clocks that disagree a little.
  if (inicio.getTime() > ahora.getTime() + 60_000) {
    throw invalida('El inicio del contacto no puede estar en el futuro.', 'inicio');
  }
  if (inicio.getTime() < ahora.getTime() - DIAS_ATRAS_MAXIMOS * 86_400_000) {
    throw invalida(
      `Solo se registran contactos de los últimos ${DIAS_ATRAS_MAXIMOS} días.`,
      'inicio',
    );
  }
  const esLlamada = g.canal === 'llamada_saliente' || g.canal === 'llamada_entrante';
  if (!esLlamada && g.duracionSegundos !== null) {
    throw invalida('La duración solo se registra en las llamadas.', 'duracionSegundos');
  }
  if (g.proximaAccion !== null && g.proximaAccion.fecha < hoy) {
    throw invalida('La próxima acción no puede quedar en una fecha pasada.', 'proximaAccion.fecha');
  }
  if (g.promesa !== null) {
    if (g.promesa.fecha < hoy) {
      throw invalida('La fecha prometida no puede ser anterior a hoy.', 'promesa.fecha');
    }
    if (numeroDeDia(g.promesa.fecha) - numeroDeDia(hoy) > DIAS_DE_PROMESA_MAXIMOS) {
      throw invalida(
        `Una promesa de pago es a lo más a ${DIAS_DE_PROMESA_MAXIMOS} días; para más, propón un convenio.`,
        'promesa.fecha',
      );
    }
  }
}

/**
 * Logs a contact attempt on a credit. Outbound attempts go through the contact rules first
 * (`rechazoDeContacto`): a refusal writes only its bitácora row, and the caller commits that
 * and answers 422 — the refusal is on record and nothing else changed. A result that carries
 * a promise creates it; a recado named is attended by this gestión; the account's open
 * queue rows (a broken convenio) are marked attended; the user's take of the account ends.
 */
export async function registrarGestion(
  trx: Db,
  creditoId: number,
  g: GestionNueva,
  ctx: ContextoAutenticado,
): Promise<ResultadoGestion> {
  const credito = await trx
    .selectFrom('creditos')
    .select(['id', 'numero', 'estado', 'oficina_id', 'despacho_id'])
    .where('id', '=', creditoId)
    .executeTakeFirst();
  if (!credito) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  exigirCreditoEnCartera(ctx.actor, {
    oficinaId: credito.oficina_id,
    despachoId: credito.despacho_id,
  });

  const ahora = ctx.reloj.ahora();
  const hoy = ctx.reloj.hoy();
  const inicio = g.inicio ?? ahora;
  validarTiempos(g, inicio, ahora, hoy);
  const resultado = await trx
    .selectFrom('resultados_gestion')
    .select(['id', 'nombre', 'promesa'])
    .where('clave', '=', g.resultado)
    .where('activo', '=', true)
    .executeTakeFirst();
  if (!resultado) {
    throw invalida(`«${g.resultado}» no es un resultado del catálogo vigente.`, 'resultado');
  }
  if (resultado.promesa && g.promesa === null) {
    throw invalida(
      `El resultado «${resultado.nombre}» lleva una promesa de pago: indica monto y fecha.`,
      'promesa',
    );
  }
  if (!resultado.promesa && g.promesa !== null) {
    throw invalida(`El resultado «${resultado.nombre}» no lleva promesa de pago.`, 'promesa');
  }

  const parametros = await leerParametrosGestion(trx);
  const { hechos, contactado } = await reunirHechos(
    trx,
    {
      id: credito.id,
      enJuridico: credito.estado === 'en_juridico' || credito.despacho_id !== null,
    },
    g,
    inicio,
    hoy,
    parametros.intentos_diarios_por_persona,
  );
  const rechazo = rechazoDeContacto(hechos);
  if (rechazo) {
    await registrarEnBitacora(trx, origenDe(ctx), {
      accion: 'gestion.rechazada',
      objetoTipo: 'credito',
      objetoId: creditoId,
      detalle: {
        codigo: rechazo.codigo,
        canal: g.canal,
        personaId: contactado.personaId,
        medio: contactado.medio,
        inicio: inicio.toISOString(),
      },
    });
    return { registrada: null, rechazo };
  }

  const { id } = await trx
    .insertInto('gestiones')
    .values({
      credito_id: creditoId,
      canal: g.canal,
      persona_id: contactado.personaId,
      contacto_nombre: contactado.nombre,
      telefono_id: contactado.telefonoId,
      correo_id: contactado.correoId,
      domicilio_id: contactado.domicilioId,
      medio: contactado.medio,
      resultado_id: resultado.id,
      nota: g.nota,
      proxima_accion: g.proximaAccion?.tipo ?? null,
      proxima_accion_fecha: g.proximaAccion?.fecha ?? null,
      inicio,
      duracion_segundos: g.duracionSegundos,
      recado_id: g.recadoId,
      registrado_por: ctx.actor.id,
      registrado: ahora,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const gestionId = Number(id);
  if (g.promesa !== null) {
    await trx
      .insertInto('promesas_pago')
      .values({
        credito_id: creditoId,
        gestion_id: gestionId,
        monto_centavos: g.promesa.monto,
        fecha: g.promesa.fecha,
        tolerancia_dias: g.promesa.toleranciaDias,
        hecha_el: hoy,
      })
      .execute();
  }
  if (g.recadoId !== null)
    await atenderRecadoConGestion(trx, g.recadoId, creditoId, gestionId, ctx);
  await trx
    .updateTable('cola_gestor')
    .set({ atendido_el: hoy, gestion_id: gestionId })
    .where('credito_id', '=', creditoId)
    .where('atendido_el', 'is', null)
    .execute();
  await trx
    .deleteFrom('tomas_de_cuenta')
    .where('credito_id', '=', creditoId)
    .where('usuario_id', '=', ctx.actor.id)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'gestion.registrada',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: {
      gestionId,
      canal: g.canal,
      resultado: g.resultado,
      personaId: contactado.personaId,
      medio: contactado.medio,
      promesa:
        g.promesa === null
          ? null
          : {
              monto: g.promesa.monto,
              fecha: g.promesa.fecha,
              toleranciaDias: g.promesa.toleranciaDias,
            },
      recadoId: g.recadoId,
      limitePromesa:
        g.promesa === null ? null : sumarDias(g.promesa.fecha, g.promesa.toleranciaDias),
    },
  });
  const [vista] = await vistasDeGestiones(trx, { gestionId });
  if (!vista) throw new Error('la gestión recién registrada no se encontró');
  return { registrada: vista, rechazo: null };
}
