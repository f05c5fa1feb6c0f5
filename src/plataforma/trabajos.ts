import PgBoss from 'pg-boss';
import { candadoDeArranque } from '../db/candado-de-arranque.ts';
import type { Db } from '../db/conexion.ts';
import { type Fecha, sumarDias } from '../domain/fecha.ts';
import type { Mes } from '../domain/metas/mes.ts';
import type { Reloj } from '../domain/reloj.ts';
import { calcularAntiguedad } from '../modules/cartera/calcular-antiguedad.ts';
import { revisarConvenios } from '../modules/convenios/revisar-convenios.ts';
import { revisarPromesasDePago } from '../modules/gestion/revisar-promesas-de-pago.ts';
import { materializarHechos, materializarMes } from '../modules/indicadores/materializar-hechos.ts';
import { escalarRecados } from '../modules/recados/escalar-recados.ts';
import type { Actor } from '../modules/seguridad/actor.ts';
import { avisoLimitado } from './aviso-limitado.ts';
import { programarSupresionArco } from './programar-supresion-arco.ts';
import { programarRespaldos } from './respaldos/programar-respaldos.ts';
import { type ColaDeImportaciones, prepararImportaciones } from './trabajo-importacion.ts';

/** Background jobs on a PostgreSQL-backed queue (pg-boss): they survive restarts and instances. */
export interface ColaDeTrabajos {
  encolarAntiguedad(
    fecha: Fecha | null,
    actor: Pick<Actor, 'id' | 'usuario'> | null,
  ): Promise<string>;
  estadoDeTrabajo(id: string): Promise<EstadoTrabajo | null>;
  /** Recompute a month's facts of the indicators (issue 11); null: yesterday and today. */
  encolarIndicadores(mes: Mes | null, actor: Pick<Actor, 'id' | 'usuario'> | null): Promise<string>;
  estadoDeIndicadores(id: string): Promise<EstadoTrabajo | null>;
  /** Large uploads of the portfolio workbook (trabajo-importacion.ts). */
  importaciones: ColaDeImportaciones;
  detener(): Promise<void>;
}

export interface EstadoTrabajo {
  id: string;
  estado: 'pendiente' | 'en_curso' | 'terminado' | 'fallido' | 'cancelado';
  resultado: unknown;
}

const ANTIGUEDAD = 'antiguedad';
/** Unattended recados go to the office's coordinador (issue 9): checked every 15 minutes. */
const ESCALAR_RECADOS = 'escalar-recados';

/** The facts the dashboards read (src/modules/indicadores/materializar-hechos.ts). */
const INDICADORES = 'hechos-de-indicadores';

interface DatosIndicadores {
  /** A whole month; null: the day before `fecha` and `fecha` (after the nightly aging). */
  mes: Mes | null;
  fecha: Fecha | null;
  actor: Pick<Actor, 'id' | 'usuario'> | null;
}

interface DatosAntiguedad {
  fecha: Fecha | null;
  actor: Pick<Actor, 'id' | 'usuario'> | null;
}

function traducirEstado(estado: string): EstadoTrabajo['estado'] {
  switch (estado) {
    case 'created':
    case 'retry':
      return 'pendiente';
    case 'active':
      return 'en_curso';
    case 'completed':
      return 'terminado';
    case 'cancelled':
      return 'cancelado';
    default:
      return 'fallido';
  }
}

export async function iniciarTrabajos(
  url: string,
  db: Db,
  reloj: Reloj,
  zona: string,
  /** The heap of an import's thread (importar-en-hilo.ts); tests give it a tiny one. */
  opciones: { memoriaImportacionMb?: number } = {},
): Promise<ColaDeTrabajos> {
  const boss = new PgBoss({ connectionString: url, max: 4, schema: 'trabajos' });
  // The queue polls every few seconds: while the database restarts each poll fails.
  boss.on('error', avisoLimitado('Cola de trabajos'));
  // Instances starting together on a fresh database deadlocked in pg-boss's create_queue.
  await candadoDeArranque(url, async () => {
    await boss.start();
    await boss.createQueue(ANTIGUEDAD);
    // Nightly, in business time: the morning's lists and indicators show last night's aging.
    await boss.schedule(
      ANTIGUEDAD,
      '0 2 * * *',
      { fecha: null, actor: null } satisfies DatosAntiguedad,
      { tz: zona },
    );
    await boss.createQueue(INDICADORES);
    await boss.createQueue(ESCALAR_RECADOS);
    await boss.schedule(ESCALAR_RECADOS, '*/15 * * * *', {}, { tz: zona });
    await programarRespaldos(boss, reloj, zona);
    await programarSupresionArco(boss, db, reloj, zona);
  });
  await boss.work<DatosAntiguedad>(ANTIGUEDAD, async ([trabajo]) => {
    if (!trabajo) return null;
    const { fecha, actor } = trabajo.data;
    const r = await db
      .transaction()
      .execute((trx) => calcularAntiguedad(trx, fecha ?? reloj.hoy(), { reloj, ip: null, actor }));
    // Convenios' promises against the day's payments (issue 5): its own transaction.
    const convenios = await db
      .transaction()
      .execute((trx) => revisarConvenios(trx, { reloj, ip: null, actor }));
    // Promesas de pago outside a convenio whose date and tolerance passed (issue 9).
    const promesas = await db
      .transaction()
      .execute((trx) => revisarPromesasDePago(trx, { reloj, ip: null, actor }));
    // Then the indicators' facts of the day before (now complete) and of the aging's day.
    await boss.send(INDICADORES, { mes: null, fecha: r.fecha, actor } satisfies DatosIndicadores, {
      singletonKey: `indicadores-${r.fecha}`,
    });
    return {
      fecha: r.fecha,
      creditos: r.creditos,
      conError: r.conError.slice(0, 50),
      transiciones: r.transiciones.length,
      convenios: { cumplidos: convenios.cumplidos, incumplidos: convenios.incumplidos },
      promesas: {
        cumplidas: promesas.cumplidas.length,
        incumplidas: promesas.incumplidas.length,
      },
    };
  });
  await boss.work<DatosIndicadores>(INDICADORES, async ([trabajo]) => {
    if (!trabajo) return null;
    const { mes, fecha, actor } = trabajo.data;
    const ctx = { reloj, ip: null, actor };
    const r =
      mes !== null
        ? await materializarMes(db, mes, ctx)
        : await materializarHechos(
            db,
            sumarDias(fecha ?? reloj.hoy(), -1),
            fecha ?? reloj.hoy(),
            ctx,
          );
    return { ...r, mes };
  });
  const importaciones = await prepararImportaciones(boss, db, reloj, traducirEstado, {
    url,
    zona,
    memoriaMb: opciones.memoriaImportacionMb,
  });
  await boss.work(ESCALAR_RECADOS, async () =>
    db.transaction().execute((trx) => escalarRecados(trx, { reloj, ip: null, actor: null })),
  );
  // After a restart (or the first start) today's snapshot may be missing: one job per day, even
  // when several instances start together.
  const hoy = reloj.hoy();
  const ultima = await db
    .selectFrom('antiguedad_saldos')
    .select((eb) => eb.fn.max('fecha').as('fecha'))
    .executeTakeFirst();
  if (ultima?.fecha !== hoy) {
    await boss.send(ANTIGUEDAD, { fecha: null, actor: null } satisfies DatosAntiguedad, {
      singletonKey: `antiguedad-${hoy}`,
    });
  }
  return {
    encolarAntiguedad: async (fecha, actor) => {
      const id = await boss.send(ANTIGUEDAD, { fecha, actor } satisfies DatosAntiguedad, {
        retryLimit: 1,
      });
      if (!id) throw new Error('la cola no aceptó el trabajo');
      return id;
    },
    estadoDeTrabajo: async (id) => {
      const t = await boss.getJobById(ANTIGUEDAD, id);
      return t ? { id: t.id, estado: traducirEstado(t.state), resultado: t.output ?? null } : null;
    },
    encolarIndicadores: async (mes, actor) => {
      const id = await boss.send(
        INDICADORES,
        { mes, fecha: null, actor } satisfies DatosIndicadores,
        { retryLimit: 1 },
      );
      if (!id) throw new Error('la cola no aceptó el trabajo');
      return id;
    },
    estadoDeIndicadores: async (id) => {
      const t = await boss.getJobById(INDICADORES, id);
      return t ? { id: t.id, estado: traducirEstado(t.state), resultado: t.output ?? null } : null;
    },
    importaciones,
    // Within SIGTERM's 5 s: a job cut short rolls back (one transaction) and pg-boss retries it.
    detener: () => boss.stop({ graceful: true, timeout: 3_000 }),
  };
}
