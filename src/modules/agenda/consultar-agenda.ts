import type { Db } from '../../db/conexion.ts';
import { nombreCompleto } from '../../db/nombre-persona.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { diasEntre, type Fecha, sumarDias } from '../../domain/fecha.ts';
import { titularesSuplidos } from '../asignacion/cuentas-a-cargo.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import {
  devolucionesDeLlamada,
  type EventoSinCuenta,
  pagosDeConvenio,
  promesasPendientes,
  proximasAcciones,
  type TipoEventoAgenda,
} from './eventos-de-agenda.ts';

export interface EventoAgenda extends EventoSinCuenta {
  numero: string | null;
  acreditado: string | null;
}

export interface Agenda {
  gestor: { id: number; nombre: string };
  desde: Fecha;
  hasta: Fecha;
  eventos: EventoAgenda[];
}

export interface ConsultaAgenda {
  desde: Fecha | null;
  hasta: Fecha | null;
  gestorId: number | null;
}

/** A month at a glance; longer ranges are a report, not an agenda. */
const DIAS_MAXIMOS = 31;
/** Without dates: today and the next six days. */
const DIAS_POR_OMISION = 7;

const ORDEN: Record<TipoEventoAgenda, number> = {
  cita: 0,
  visita: 1,
  promesa: 2,
  pago_convenio: 3,
  recado: 4,
  llamada: 5,
};

/** The gestor whose agenda is asked for: oneself, or for a coordinador one of his office. */
async function gestorDeLaAgenda(
  trx: Db,
  gestorId: number | null,
  ctx: ContextoAutenticado,
): Promise<{ id: number; nombre: string }> {
  const { actor } = ctx;
  if (gestorId === null || gestorId === actor.id) return { id: actor.id, nombre: actor.nombre };
  if (actor.rol !== 'coordinador') {
    throw new ErrorDominio('prohibido', 'Solo puedes consultar tu propia agenda.');
  }
  const u = await trx
    .selectFrom('usuarios')
    .select(['id', 'nombre', 'rol', 'oficina_id'])
    .where('id', '=', gestorId)
    .executeTakeFirst();
  if (!u || (u.rol !== 'gestor' && u.rol !== 'coordinador')) {
    throw new ErrorDominio('entrada_invalida', 'Ese usuario no es gestor.', 'gestorId');
  }
  if (u.oficina_id !== actor.oficinaId) {
    throw new ErrorDominio('prohibido', 'Ese gestor no es de tu oficina.');
  }
  return { id: u.id, nombre: u.nombre };
}

async function cuentas(trx: Db, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { numero: string; acreditado: string | null }>();
  const filas = await trx
    .selectFrom('creditos as c')
    .leftJoin('participantes_credito as pc', (j) =>
      j.onRef('pc.credito_id', '=', 'c.id').on('pc.rol', '=', 'acreditado'),
    )
    .leftJoin('personas as p', 'p.id', 'pc.persona_id')
    .select(['c.id', 'c.numero', 'p.nombres', 'p.primer_apellido', 'p.segundo_apellido'])
    .where('c.id', 'in', [...ids])
    .execute();
  return new Map(
    filas.map((f) => [
      f.id,
      {
        numero: f.numero,
        acreditado:
          f.nombres === null || f.primer_apellido === null
            ? null
            : nombreCompleto({
                nombres: f.nombres,
                primer_apellido: f.primer_apellido,
                segundo_apellido: f.segundo_apellido,
              }),
      },
    ]),
  );
}

/**
 * A gestor's days: the next action of each account he holds (from its latest gestión),
 * promises and convenio payments due, and callbacks asked for in his recados. The accounts
 * are those he holds plus, while a suplencia is in force today, those of whom he covers.
 */
export async function consultarAgenda(
  trx: Db,
  q: ConsultaAgenda,
  ctx: ContextoAutenticado,
): Promise<Agenda> {
  const hoy = ctx.reloj.hoy();
  const desde = q.desde ?? hoy;
  const hasta = q.hasta ?? sumarDias(desde, DIAS_POR_OMISION - 1);
  if (diasEntre(desde, hasta) < 0) {
    throw new ErrorDominio('entrada_invalida', '«hasta» no puede ser anterior a «desde».', 'hasta');
  }
  if (diasEntre(desde, hasta) >= DIAS_MAXIMOS) {
    throw new ErrorDominio(
      'entrada_invalida',
      `La agenda abarca a lo más ${DIAS_MAXIMOS} días.`,
      'hasta',
    );
  }
  const gestor = await gestorDeLaAgenda(trx, q.gestorId, ctx);
  const titulares = [gestor.id, ...(await titularesSuplidos(trx, gestor.id, hoy))];
  const rango = { desde, hasta };
  const sinCuenta = [
    ...(await proximasAcciones(trx, titulares, rango)),
    ...(await promesasPendientes(trx, titulares, rango)),
    ...(await pagosDeConvenio(trx, titulares, rango)),
    ...(await devolucionesDeLlamada(trx, titulares, rango)),
  ];
  const porCredito = await cuentas(trx, [
    ...new Set(sinCuenta.flatMap((e) => (e.creditoId === null ? [] : [e.creditoId]))),
  ]);
  const eventos = sinCuenta
    .map((e) => {
      const c = e.creditoId === null ? undefined : porCredito.get(e.creditoId);
      return { ...e, numero: c?.numero ?? null, acreditado: c?.acreditado ?? null };
    })
    // By day; untimed items first (they are for the whole day), then by the hour.
    .sort(
      (a, b) =>
        a.fecha.localeCompare(b.fecha) ||
        (a.hora ?? '').localeCompare(b.hora ?? '') ||
        ORDEN[a.tipo] - ORDEN[b.tipo] ||
        (a.numero ?? '').localeCompare(b.numero ?? ''),
    );
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'agenda.consultar',
    detalle: { gestorId: gestor.id, desde, hasta, eventos: eventos.length },
  });
  return { gestor, desde, hasta, eventos };
}
