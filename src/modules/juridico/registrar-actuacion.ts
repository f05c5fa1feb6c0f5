import type { Db } from '../../db/conexion.ts';
import type { EstadoJuridico } from '../../db/esquema.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type ActuacionJson, ETIQUETA_ESTADO_JURIDICO } from './actuaciones.ts';
import { creditoTurnado } from './turnado-vigente.ts';

export interface NuevaActuacion {
  estado: EstadoJuridico;
  fecha: Fecha;
  juzgado: string | null;
  expedienteJudicial: string | null;
  nota: string | null;
}

/**
 * What the firm did on an account it holds (its lawyer, or the administrador for it), under the
 * open turnado. A lawsuit filed names its court and file number: it restarts the prescription
 * clock of the pagarés (the expedientes module reads it from here).
 */
export async function registrarActuacion(
  trx: Db,
  creditoId: number,
  a: NuevaActuacion,
  ctx: ContextoAutenticado,
): Promise<ActuacionJson> {
  const { turnado: t } = await creditoTurnado(trx, creditoId, ctx.actor, {
    bloquear: false,
    sinTurnado: (numero) =>
      `El crédito ${numero} no está turnado a un despacho: no admite actuaciones.`,
  });
  if (a.estado === 'demanda_presentada') {
    if (a.juzgado === null) {
      throw new ErrorDominio(
        'entrada_invalida',
        'Para una demanda presentada indica el juzgado.',
        'juzgado',
      );
    }
    if (a.expedienteJudicial === null) {
      throw new ErrorDominio(
        'entrada_invalida',
        'Para una demanda presentada indica el número de expediente judicial.',
        'expedienteJudicial',
      );
    }
  }
  const hoy = ctx.reloj.hoy();
  if (a.fecha > hoy) {
    throw new ErrorDominio(
      'entrada_invalida',
      'La fecha de la actuación no puede ser futura.',
      'fecha',
    );
  }
  if (a.fecha < t.desde) {
    throw new ErrorDominio(
      'entrada_invalida',
      `La fecha de la actuación no puede ser anterior al turnado (${formatearFecha(t.desde as Fecha)}).`,
      'fecha',
    );
  }
  const ahora = ctx.reloj.ahora();
  const { id } = await trx
    .insertInto('actuaciones_juridicas')
    .values({
      turnado_id: t.id,
      credito_id: creditoId,
      estado: a.estado,
      fecha: a.fecha,
      juzgado: a.juzgado,
      expediente_judicial: a.expedienteJudicial,
      nota: a.nota,
      registrado_por: ctx.actor.id,
      registrado_en: ahora,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'credito.actuacion_juridica',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: { actuacionId: id, turnadoId: t.id, ...a },
  });
  return {
    id,
    turnadoId: t.id,
    creditoId,
    despacho: { id: t.despacho_id, nombre: t.despacho },
    estado: a.estado,
    etiqueta: ETIQUETA_ESTADO_JURIDICO[a.estado],
    fecha: a.fecha,
    juzgado: a.juzgado,
    expedienteJudicial: a.expedienteJudicial,
    nota: a.nota,
    registradoPor: ctx.actor.nombre,
    registradoEn: ahora.toISOString(),
  };
}
