import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { ProximaAccion } from '../../db/esquema.ts';
import { formatearPesos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { horaLocal } from '../../domain/gestion/ventana-de-contacto.ts';
import { ZONA_INSTITUTO } from '../../domain/gestion/zona-horaria.ts';

export type TipoEventoAgenda =
  | 'llamada'
  | 'visita'
  | 'cita'
  | 'promesa'
  | 'pago_convenio'
  | 'recado';

/** An event before the account's number and acreditado are attached. */
export interface EventoSinCuenta {
  tipo: TipoEventoAgenda;
  fecha: string;
  /** Local time `HH:MM` in Hermosillo; only a recado's callback has one. */
  hora?: string;
  creditoId: number | null;
  descripcion: string;
  /** The recado to open, on a callback. */
  recadoId?: number;
}

export interface Rango {
  desde: Fecha;
  hasta: Fecha;
}

/**
 * The agenda has three kinds of action from a gestión: a call, a visit, an appointment at the
 * office (cita). The other next actions (send a letter, wait for a payment, review the
 * account) are follow-ups the gestor does from the desk, so they are shown as a `llamada`
 * whose description says the real action.
 */
const ACCION: Record<ProximaAccion, { tipo: TipoEventoAgenda; descripcion: string }> = {
  llamar: { tipo: 'llamada', descripcion: 'Llamar' },
  visitar: { tipo: 'visita', descripcion: 'Visita domiciliaria' },
  cita: { tipo: 'cita', descripcion: 'Cita en la oficina' },
  enviar_carta: { tipo: 'llamada', descripcion: 'Enviar carta' },
  esperar_pago: { tipo: 'llamada', descripcion: 'Verificar el pago esperado' },
  revisar: { tipo: 'llamada', descripcion: 'Revisar la cuenta' },
};

/**
 * The next action of each account, from its latest gestión only: a later gestión replaces
 * the plan of an earlier one (the call it planned was made, or the plan changed).
 */
export async function proximasAcciones(
  trx: Db,
  titulares: readonly number[],
  r: Rango,
): Promise<EventoSinCuenta[]> {
  const ultimas = trx
    .selectFrom('gestiones as g')
    .innerJoin('creditos as c', 'c.id', 'g.credito_id')
    .select(['g.credito_id', 'g.proxima_accion', 'g.proxima_accion_fecha'])
    .distinctOn('g.credito_id')
    .where('c.gestor_id', 'in', titulares)
    .orderBy('g.credito_id')
    .orderBy('g.inicio', 'desc')
    .orderBy('g.id', 'desc');
  const filas = await trx
    .selectFrom(ultimas.as('u'))
    .selectAll()
    .where('u.proxima_accion_fecha', '>=', r.desde)
    .where('u.proxima_accion_fecha', '<=', r.hasta)
    .execute();
  return filas.flatMap((f) => {
    if (f.proxima_accion === null || f.proxima_accion_fecha === null) return [];
    const a = ACCION[f.proxima_accion];
    return [
      {
        tipo: a.tipo,
        fecha: f.proxima_accion_fecha,
        creditoId: f.credito_id,
        descripcion: a.descripcion,
      },
    ];
  });
}

/** Promises outside a convenio still open, on their date. */
export async function promesasPendientes(
  trx: Db,
  titulares: readonly number[],
  r: Rango,
): Promise<EventoSinCuenta[]> {
  const filas = await trx
    .selectFrom('promesas_pago as p')
    .innerJoin('creditos as c', 'c.id', 'p.credito_id')
    .select(['p.credito_id', 'p.fecha', 'p.monto_centavos'])
    .where('c.gestor_id', 'in', titulares)
    .where('p.estado', '=', 'pendiente')
    .where('p.fecha', '>=', r.desde)
    .where('p.fecha', '<=', r.hasta)
    .execute();
  return filas.map((f) => ({
    tipo: 'promesa',
    fecha: f.fecha,
    creditoId: f.credito_id,
    descripcion: `Promesa de pago por ${formatearPesos(f.monto_centavos)}`,
  }));
}

/** The payments of signed convenios due in the range and not yet kept. */
export async function pagosDeConvenio(
  trx: Db,
  titulares: readonly number[],
  r: Rango,
): Promise<EventoSinCuenta[]> {
  const filas = await trx
    .selectFrom('convenio_promesas as cp')
    .innerJoin('convenios as cv', 'cv.id', 'cp.convenio_id')
    .innerJoin('creditos as c', 'c.id', 'cp.credito_id')
    .select(['cp.credito_id', 'cp.fecha', 'cp.numero', 'cp.monto_centavos', 'cv.nombre'])
    .where('c.gestor_id', 'in', titulares)
    .where('cv.estado', '=', 'firmado')
    .where('cp.estado', '=', 'pendiente')
    .where('cp.fecha', '>=', r.desde)
    .where('cp.fecha', '<=', r.hasta)
    .execute();
  return filas.map((f) => ({
    tipo: 'pago_convenio',
    fecha: f.fecha,
    creditoId: f.credito_id,
    descripcion: `Pago ${f.numero} del convenio «${f.nombre}» por ${formatearPesos(f.monto_centavos)}`,
  }));
}

const LARGO_DEL_RESUMEN = 120;

/** Callbacks asked for in recados still unattended, addressed to the gestor or whom he covers. */
export async function devolucionesDeLlamada(
  trx: Db,
  destinatarios: readonly number[],
  r: Rango,
): Promise<EventoSinCuenta[]> {
  const dia = sql<string>`(r.volver_a_llamar AT TIME ZONE ${ZONA_INSTITUTO})::date`;
  const filas = await trx
    .selectFrom('recados as r')
    .select(['r.id', 'r.credito_id', 'r.volver_a_llamar', 'r.llamante_nombre', 'r.mensaje'])
    .where('r.para_id', 'in', destinatarios)
    .where('r.estado', '<>', 'atendido')
    .where('r.volver_a_llamar', 'is not', null)
    .where(dia, '>=', r.desde)
    .where(dia, '<=', r.hasta)
    .execute();
  return filas.flatMap((f) => {
    if (f.volver_a_llamar === null) return [];
    const local = horaLocal(f.volver_a_llamar, ZONA_INSTITUTO);
    const mensaje =
      f.mensaje.length > LARGO_DEL_RESUMEN
        ? `${f.mensaje.slice(0, LARGO_DEL_RESUMEN - 1)}…`
        : f.mensaje;
    return [
      {
        tipo: 'recado' as const,
        fecha: local.fecha,
        hora: local.texto,
        creditoId: f.credito_id,
        descripcion: `Devolver la llamada a ${f.llamante_nombre}: ${mensaje}`,
        recadoId: f.id,
      },
    ];
  });
}
