import type { Db } from '../../db/conexion.ts';
import type { EstadoJuridico } from '../../db/esquema.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import type { Contexto } from '../contexto.ts';
import { moverPiezas } from '../expedientes/custodia/mover-piezas.ts';
import { actorDemo } from './actor-demo.ts';
import type { Aleatorio } from './aleatorio.ts';

const CREDITOS_POR_ACUSE = 200;

const JUZGADOS = [
  'Juzgado Primero de Primera Instancia de lo Civil de Hermosillo',
  'Juzgado Segundo de Primera Instancia de lo Civil de Hermosillo',
  'Juzgado Primero de Primera Instancia de lo Civil de Cajeme',
  'Juzgado de Primera Instancia de lo Civil de Nogales',
];

/**
 * The demo's accounts held by a law firm (generar-cartera.ts marks them en_juridico with a
 * despacho) get what a real turnado leaves: the turnado row and its end date (the lawyer's
 * scope), their papers at the firm on an acuse signed by the administrador, and some of what
 * the firm reported since. Accounts that already have an open turnado are left alone.
 */
export async function cargarTurnadosDemo(
  trx: Db,
  ctx: Contexto,
  rnd: Aleatorio,
): Promise<{ turnados: number; actuaciones: number }> {
  const admin = await actorDemo(trx, 'admin');
  const creditos = await trx
    .selectFrom('creditos as c')
    .innerJoin('despachos as d', 'd.id', 'c.despacho_id')
    .select(['c.id', 'c.despacho_id', 'd.nombre', 'd.contacto'])
    .where('c.turnado_hasta', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('turnados as t')
            .select('t.id')
            .whereRef('t.credito_id', '=', 'c.id')
            .where('t.devuelto_en', 'is', null),
        ),
      ),
    )
    .orderBy('c.id')
    .execute();
  if (!admin || creditos.length === 0) return { turnados: 0, actuaciones: 0 };
  const hoy = ctx.reloj.hoy();
  const conActor = { ...ctx, actor: admin };
  // A few end dates, so that the papers go to each firm on a few acuses, not one per account.
  const plazos = [120, 210, 300].map((d) => sumarDias(hoy, d));
  const grupos = new Map<
    string,
    { despachoId: number; recibe: string; hasta: Fecha; ids: number[] }
  >();
  let actuaciones = 0;
  for (const c of creditos) {
    const despachoId = c.despacho_id ?? 0;
    const desde = sumarDias(hoy, -rnd.entero(15, 240));
    const hasta = plazos[rnd.entero(0, plazos.length - 1)] ?? sumarDias(hoy, 180);
    const turnado = await trx
      .insertInto('turnados')
      .values({
        credito_id: c.id,
        despacho_id: despachoId,
        motivo: 'Cartera vencida de más de un año sin respuesta a la gestión',
        desde,
        hasta,
        turnado_por: admin.id,
        turnado_en: new Date(`${desde}T17:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('creditos')
      .set({ turnado_hasta: hasta })
      .where('id', '=', c.id)
      .execute();
    const clave = `${despachoId}|${hasta}`;
    const grupo = grupos.get(clave) ?? {
      despachoId,
      recibe: c.contacto ?? c.nombre,
      hasta,
      ids: [],
    };
    grupo.ids.push(c.id);
    grupos.set(clave, grupo);
    const pasos: Array<[EstadoJuridico, number]> = [['recibido', rnd.entero(1, 5)]];
    if (rnd.probabilidad(0.6)) pasos.push(['requerimiento_extrajudicial', rnd.entero(10, 35)]);
    if (rnd.probabilidad(0.25)) pasos.push(['demanda_presentada', rnd.entero(45, 100)]);
    for (const [estado, dias] of pasos) {
      const fecha = sumarDias(desde, dias);
      if (fecha > hoy) break;
      const demanda = estado === 'demanda_presentada';
      await trx
        .insertInto('actuaciones_juridicas')
        .values({
          turnado_id: turnado.id,
          credito_id: c.id,
          estado,
          fecha,
          juzgado: demanda ? (JUZGADOS[rnd.entero(0, JUZGADOS.length - 1)] ?? null) : null,
          expediente_judicial: demanda ? `${rnd.entero(100, 2400)}/${fecha.slice(0, 4)}` : null,
          nota: null,
          registrado_por: admin.id,
          registrado_en: new Date(`${fecha}T18:00:00Z`),
        })
        .execute();
      actuaciones++;
    }
  }
  const ministraciones = await trx
    .selectFrom('ministraciones')
    .select(['id', 'credito_id'])
    .where(
      'credito_id',
      'in',
      creditos.map((c) => c.id),
    )
    .execute();
  const pagaresDe = new Map<number, number[]>();
  for (const m of ministraciones)
    pagaresDe.set(m.credito_id, [...(pagaresDe.get(m.credito_id) ?? []), m.id]);
  for (const g of grupos.values()) {
    // One acuse per CREDITOS_POR_ACUSE accounts: a firm receives boxes, not 2,000 files on one
    // sheet, and one insert of them all would pass PostgreSQL's 65,535 parameters (300,000 demo).
    for (let i = 0; i < g.ids.length; i += CREDITOS_POR_ACUSE) {
      await moverPiezas(trx, conActor, {
        tipo: 'envio_a_despacho',
        piezas: g.ids
          .slice(i, i + CREDITOS_POR_ACUSE)
          .flatMap((creditoId) => [
            { creditoId, ministracionId: null },
            ...(pagaresDe.get(creditoId) ?? []).map((id) => ({ creditoId, ministracionId: id })),
          ]),
        destino: { despachoId: g.despachoId },
        recibeNombre: g.recibe,
        devolverAMasTardar: g.hasta,
        nota: 'Turnado de la cartera de demostración',
      });
    }
  }
  return { turnados: creditos.length, actuaciones };
}
