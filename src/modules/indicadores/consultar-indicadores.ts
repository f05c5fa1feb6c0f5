import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, fechaDesdeTexto, sumarDias } from '../../domain/fecha.ts';
import {
  type Mes,
  mesDeFecha,
  mesDesdeTexto,
  primerDia,
  ultimoDia,
} from '../../domain/metas/mes.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { claveDeMeta, type MetaVigente, metasVigentes } from '../metas/metas-vigentes.ts';
import { armarFila, type Sujeto } from './armar-filas.ts';
import { leerHechos } from './leer-hechos.ts';
import { materializarDia, refrescarRecuperacion } from './materializar-hechos.ts';
import type { FilaIndicadores, Indicadores, NivelIndicadores } from './tipos.ts';

export interface ConsultaIndicadores {
  mes: string;
  nivel: NivelIndicadores;
  alCorte?: string;
  oficinaId?: number;
}

const prohibido = () => new ErrorDominio('prohibido', 'No tienes permiso para esta operación.');
const invalido = (mensaje: string, campo: string) =>
  new ErrorDominio('entrada_invalida', mensaje, campo);

/** The cut-off: within the month and not after today; by default today or the month's end. */
function corteDe(mes: Mes, alCorte: string | undefined, hoy: Fecha): Fecha {
  if (primerDia(mes) > hoy) throw invalido('El mes todavía no empieza.', 'mes');
  if (alCorte === undefined) return mesDeFecha(hoy) === mes ? hoy : ultimoDia(mes);
  const f = fechaDesdeTexto(alCorte);
  if (f === null) throw invalido('«alCorte» debe ser una fecha AAAA-MM-DD.', 'alCorte');
  if (f < primerDia(mes) || f > ultimoDia(mes))
    throw invalido(`«alCorte» debe ser un día de ${mes}.`, 'alCorte');
  if (f > hoy) throw invalido('«alCorte» no puede ser posterior a hoy.', 'alCorte');
  return f;
}

/** Days a read may materialize on a large portfolio (the nightly run not yet done). */
const DIAS_AL_LEER = 2;
/** From this many credits a day takes seconds to materialize: a month is a job, not a read. */
const CREDITOS_DE_CARTERA_GRANDE = 20_000;

async function carteraGrande(trx: Db): Promise<boolean> {
  const r = await trx
    .selectFrom((eb) =>
      eb.selectFrom('creditos').select('id').limit(CREDITOS_DE_CARTERA_GRANDE).as('c'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0) >= CREDITOS_DE_CARTERA_GRANDE;
}

/**
 * The days of the month up to the cut-off that were never materialized are materialized now,
 * in this transaction (docs/metas-e-indicadores.md, «Indicadores»): the nightly job keeps them
 * ready, so this is the first read of a month nobody recomputed. On a large portfolio only a
 * couple of days are (a whole month would take minutes inside a request): more is a 409 asking
 * for «recalcular». Returns the oldest materialization among the days read: the figures include
 * everything stored until then.
 */
async function asegurarHechos(
  trx: Db,
  desde: Fecha,
  corte: Fecha,
  ctx: ContextoAutenticado,
): Promise<string | null> {
  const hechos = await trx
    .selectFrom('hechos_materializados')
    .select(['fecha', 'materializado'])
    .where('fecha', '>=', desde)
    .where('fecha', '<=', corte)
    .execute();
  const hay = new Set(hechos.map((h) => h.fecha));
  const faltan: Fecha[] = [];
  for (let f = desde; f <= corte; f = sumarDias(f, 1)) if (!hay.has(f)) faltan.push(f);
  if (faltan.length > DIAS_AL_LEER && (await carteraGrande(trx))) {
    throw new ErrorDominio(
      'conflicto',
      `Las cifras de ${mesDeFecha(desde)} no están calculadas (faltan ${faltan.length} días). Pide «Recalcular» el mes y consulta de nuevo cuando termine.`,
      'mes',
    );
  }
  for (const f of faltan) await materializarDia(trx, f, ctx);
  await refrescarRecuperacion(trx, desde, corte, ctx);
  const r = await trx
    .selectFrom('hechos_materializados')
    .select((eb) => eb.fn.min('materializado').as('al'))
    .where('fecha', '>=', desde)
    .where('fecha', '<=', corte)
    .executeTakeFirst();
  return r?.al ? new Date(r.al).toISOString() : null;
}

/**
 * The month's indicators per gestor, office or the institute, as they stood at the end of
 * `alCorte`, read from the materialized facts. Scope: a gestor sees himself; a coordinador his
 * office; contabilidad and the administrador every office (contabilidad the recovery alone).
 */
export async function consultarIndicadores(
  trx: Db,
  consulta: ConsultaIndicadores,
  ctx: ContextoAutenticado,
): Promise<Indicadores> {
  const { actor } = ctx;
  const mes = mesDesdeTexto(consulta.mes);
  if (mes === null) throw invalido('El mes debe ser AAAA-MM, p. ej. 2026-03.', 'mes');
  const { nivel } = consulta;
  let oficinaIds: number[] | null = null;
  switch (actor.rol) {
    case 'abogado_externo':
      throw prohibido();
    case 'gestor':
    case 'coordinador':
      if (nivel === 'instituto' || (actor.rol === 'gestor' && nivel === 'oficina'))
        throw prohibido();
      if (consulta.oficinaId !== undefined && consulta.oficinaId !== actor.oficinaId)
        throw prohibido();
      oficinaIds = [actor.oficinaId ?? 0];
      break;
    case 'contabilidad':
    case 'administrador':
      if (consulta.oficinaId !== undefined) oficinaIds = [consulta.oficinaId];
  }
  const corte = corteDe(mes, consulta.alCorte, ctx.reloj.hoy());
  const desde = primerDia(mes);
  let consultaOficinas = trx.selectFrom('oficinas').select(['id', 'clave', 'nombre']);
  if (oficinaIds !== null) consultaOficinas = consultaOficinas.where('id', 'in', oficinaIds);
  const oficinas = await consultaOficinas.orderBy('clave').execute();
  if (consulta.oficinaId !== undefined && oficinas.length === 0)
    throw invalido('La oficina no existe.', 'oficinaId');

  const hechosAl = await asegurarHechos(trx, desde, corte, ctx);
  const soloGestor = actor.rol === 'gestor' ? actor.id : null;
  const h = await leerHechos(
    trx,
    desde,
    corte,
    oficinas.map((o) => o.id),
    soloGestor,
  );
  const todo = actor.rol !== 'contabilidad';
  const vigentes = todo ? await metasVigentes(trx, mes, corte) : new Map<string, MetaVigente>();
  const sujetos: Sujeto[] = [];

  if (nivel === 'instituto') {
    sujetos.push({
      sujeto: { tipo: 'instituto', id: null, nombre: 'Instituto', oficinaId: null },
      de: () => true,
      cobertura: (f) => f.gestor_id === null,
      turnos: () => true,
      meta: null,
    });
  } else if (nivel === 'oficina') {
    for (const o of oficinas) {
      sujetos.push({
        sujeto: { tipo: 'oficina', id: o.id, nombre: o.nombre, oficinaId: o.id },
        de: (f) => f.oficina_id === o.id,
        cobertura: (f) => f.oficina_id === o.id && f.gestor_id === null,
        turnos: (f) => f.oficina_id === o.id,
        meta: vigentes.get(claveDeMeta(o.id, null)),
      });
    }
  } else {
    sujetos.push(...(await sujetosGestores(trx, h, oficinas, soloGestor, vigentes)));
  }
  const filas: FilaIndicadores[] = sujetos.map((s) => armarFila(h, s, desde, corte, todo));
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'indicadores.consultar',
    detalle: { mes, nivel, alCorte: corte, oficinaId: consulta.oficinaId ?? null },
  });
  return { mes, alCorte: corte, nivel, hechosAl, filas };
}

/**
 * Per office in scope: its active gestores and whoever appears in its facts (a gestor who held
 * accounts in the month and has since left is listed), by name, then «Sin asignar» when some
 * fact belongs to nobody, so that the gestor rows add up to the office's.
 */
async function sujetosGestores(
  trx: Db,
  h: Awaited<ReturnType<typeof leerHechos>>,
  oficinas: ReadonlyArray<{ id: number; nombre: string }>,
  soloGestor: number | null,
  vigentes: Map<string, MetaVigente>,
): Promise<Sujeto[]> {
  const presentes = new Map<number, Set<number | null>>();
  const anotar = (f: { oficina_id: number; gestor_id: number | null }) => {
    const s = presentes.get(f.oficina_id) ?? new Set();
    s.add(f.gestor_id);
    presentes.set(f.oficina_id, s);
  };
  for (const familia of [h.recuperacion, h.compromisos, h.cartera, h.transiciones, h.prescripcion])
    for (const f of familia) anotar(f);
  // Coverage's null row is the office's own, not the unassigned accounts.
  for (const f of [...h.cobertura, ...h.turnos]) if (f.gestor_id !== null) anotar(f);
  let personal = trx
    .selectFrom('usuarios')
    .select(['id', 'nombre', 'oficina_id'])
    .where('rol', '=', 'gestor')
    .where('activo', '=', true)
    .where(
      'oficina_id',
      'in',
      oficinas.map((o) => o.id),
    );
  if (soloGestor !== null) personal = personal.where('id', '=', soloGestor);
  for (const u of await personal.execute())
    if (u.oficina_id !== null) anotar({ oficina_id: u.oficina_id, gestor_id: u.id });
  const ids = [...presentes.values()].flatMap((s) => [...s].filter((g): g is number => g !== null));
  const nombres = new Map(
    ids.length === 0
      ? []
      : (
          await trx.selectFrom('usuarios').select(['id', 'nombre']).where('id', 'in', ids).execute()
        ).map((u) => [u.id, u.nombre]),
  );
  const sujetos: Sujeto[] = [];
  for (const o of oficinas) {
    const gestores = [...(presentes.get(o.id) ?? [])]
      .filter((g) => soloGestor === null || g === soloGestor)
      .sort((a, b) =>
        a === null
          ? 1
          : b === null
            ? -1
            : (nombres.get(a) ?? '').localeCompare(nombres.get(b) ?? '', 'es'),
      );
    for (const g of gestores) {
      const de = (f: { oficina_id: number; gestor_id: number | null }) =>
        f.oficina_id === o.id && f.gestor_id === g;
      sujetos.push({
        sujeto: {
          tipo: 'gestor',
          id: g,
          nombre: g === null ? 'Sin asignar' : (nombres.get(g) ?? ''),
          oficinaId: o.id,
        },
        de,
        cobertura: g === null ? null : de,
        turnos: g === null ? null : de,
        meta: g === null ? null : vigentes.get(claveDeMeta(o.id, g)),
      });
    }
  }
  return sujetos;
}
