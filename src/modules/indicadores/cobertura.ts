import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { inicioDelDia } from '../../db/dia-de-negocio.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { fechaDesdeTexto } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';

/** The month's figures of a gestor or an office (formulas in docs/gestion.md, «Cobertura»). */
export interface CifrasCobertura {
  asignadas: number;
  gestionadas: number;
  conContactoEfectivo: number;
  porcentajeGestionado: string;
  promesasHechas: number;
  promesasCumplidas: number;
}

export interface CoberturaGestor extends CifrasCobertura {
  gestor: { id: number; nombre: string };
}

export interface CoberturaOficina extends CifrasCobertura {
  oficina: { id: number; nombre: string };
  gestores: CoberturaGestor[];
}

export interface Cobertura {
  mes: string;
  oficinas: CoberturaOficina[];
}

/**
 * parte ÷ total × 100 with one decimal, rounded half up, as text; "0.0" when total is 0.
 * Integer arithmetic only: tenths of a percent = ⌊(2000·parte + total) / (2·total)⌋.
 */
export function porcentajeConUnDecimal(parte: number, total: number): string {
  if (total === 0) return '0.0';
  const decimas = Math.floor((2000 * parte + total) / (2 * total));
  return `${Math.floor(decimas / 10)}.${decimas % 10}`;
}

export interface FilaCifras {
  oficina_id: number;
  gestor_id: number | null;
  es_oficina: number;
  asignadas: number;
  gestionadas: number;
  con_contacto: number;
  promesas_hechas: number;
  promesas_cumplidas: number;
}

/** Which holding intervals the actor may count: his own, his office's, or all. */
function alcance(actor: Actor): RawBuilder<boolean> {
  switch (actor.rol) {
    case 'gestor':
      return sql<boolean>`a.gestor_id = ${actor.id}`;
    case 'coordinador':
      return actor.oficinaId === null
        ? sql<boolean>`false`
        : sql<boolean>`c.oficina_id = ${actor.oficinaId}`;
    case 'administrador':
      return sql<boolean>`true`;
    case 'contabilidad':
    case 'abogado_externo':
      throw new ErrorDominio('prohibido', 'No tienes permiso para esta operación.');
  }
}

/**
 * One pass over the days [desde, hasta) (the month; the indicators' facts pass the month up to
 * a cut-off): each holding interval clipped to them (business time, so a day starts at 00:00 in
 * Hermosillo), each gestión attributed to the interval that held the account at its `inicio`,
 * and the counts taken per gestor and per office in one GROUPING SETS: the office row counts
 * distinct credits, so an account two gestores held counts once there.
 */
export async function cifrasDeCobertura(
  trx: Db,
  desde: string,
  hasta: string,
  filtro: RawBuilder<boolean>,
): Promise<FilaCifras[]> {
  const r = await sql<FilaCifras>`
    WITH limites AS (
      SELECT ${inicioDelDia(desde)} AS ini, ${inicioDelDia(hasta)} AS fin
    ),
    tramos AS (
      SELECT a.credito_id, a.gestor_id, c.oficina_id,
             greatest(a.desde, l.ini) AS d,
             least(coalesce(a.hasta, 'infinity'::timestamptz), l.fin) AS h
      FROM asignaciones a
      JOIN creditos c ON c.id = a.credito_id
      CROSS JOIN limites l
      WHERE a.desde < l.fin
        AND (a.hasta IS NULL OR (a.hasta > l.ini AND a.hasta > a.desde))
        AND ${filtro}
    ),
    hechos AS (
      SELECT t.oficina_id, t.gestor_id, t.credito_id, g.id AS gestion_id,
             rg.contacto_efectivo, p.id AS promesa_id, p.estado AS promesa_estado
      FROM tramos t
      JOIN gestiones g ON g.credito_id = t.credito_id AND g.inicio >= t.d AND g.inicio < t.h
      JOIN resultados_gestion rg ON rg.id = g.resultado_id
      LEFT JOIN promesas_pago p ON p.gestion_id = g.id
    ),
    todo AS (
      SELECT oficina_id, gestor_id, credito_id, NULL::bigint AS gestion_id,
             false AS contacto_efectivo, NULL::integer AS promesa_id, NULL::text AS promesa_estado
      FROM tramos
      UNION ALL
      SELECT oficina_id, gestor_id, credito_id, gestion_id, contacto_efectivo, promesa_id, promesa_estado
      FROM hechos
    )
    SELECT oficina_id, gestor_id, grouping(gestor_id) AS es_oficina,
           count(DISTINCT credito_id)::int AS asignadas,
           count(DISTINCT credito_id) FILTER (WHERE gestion_id IS NOT NULL)::int AS gestionadas,
           count(DISTINCT credito_id) FILTER (WHERE contacto_efectivo)::int AS con_contacto,
           count(DISTINCT promesa_id)::int AS promesas_hechas,
           count(DISTINCT promesa_id) FILTER (WHERE promesa_estado = 'cumplida')::int AS promesas_cumplidas
    FROM todo
    GROUP BY GROUPING SETS ((oficina_id, gestor_id), (oficina_id))
  `.execute(trx);
  return r.rows;
}

function deFila(f: FilaCifras | undefined): CifrasCobertura {
  const asignadas = f?.asignadas ?? 0;
  const gestionadas = f?.gestionadas ?? 0;
  return {
    asignadas,
    gestionadas,
    conContactoEfectivo: f?.con_contacto ?? 0,
    porcentajeGestionado: porcentajeConUnDecimal(gestionadas, asignadas),
    promesasHechas: f?.promesas_hechas ?? 0,
    promesasCumplidas: f?.promesas_cumplidas ?? 0,
  };
}

function mesSiguiente(mes: string): string {
  const anio = Number(mes.slice(0, 4));
  const m = Number(mes.slice(5, 7));
  return m === 12 ? `${anio + 1}-01` : `${anio}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * «% of the assigned portfolio managed» for a month, per office and per gestor, from the
 * assignment history: a gestor sees himself, a coordinador his office, the administrador
 * every office. Offices and active gestores with nothing assigned show zeros.
 */
export async function consultarCobertura(
  trx: Db,
  mes: string,
  ctx: ContextoAutenticado,
): Promise<Cobertura> {
  if (fechaDesdeTexto(`${mes}-01`) === null) {
    throw new ErrorDominio('entrada_invalida', 'El mes debe ser AAAA-MM, p. ej. 2026-03.', 'mes');
  }
  const { actor } = ctx;
  const filas = await cifrasDeCobertura(
    trx,
    `${mes}-01`,
    `${mesSiguiente(mes)}-01`,
    alcance(actor),
  );
  let oficinas = trx.selectFrom('oficinas').select(['id', 'nombre', 'clave']);
  let personal = trx
    .selectFrom('usuarios')
    .select(['id', 'nombre', 'oficina_id'])
    .where('rol', '=', 'gestor')
    .where('activo', '=', true);
  if (actor.rol !== 'administrador') {
    oficinas = oficinas.where('id', '=', actor.oficinaId ?? 0);
    personal = personal.where('oficina_id', '=', actor.oficinaId ?? 0);
  }
  if (actor.rol === 'gestor') personal = personal.where('id', '=', actor.id);
  const listaOficinas = await oficinas.orderBy('clave').execute();
  // Whoever held accounts in the month, even if no longer active or now a coordinador.
  const ids = new Set([
    ...(await personal.execute()).map((u) => u.id),
    ...filas.flatMap((f) => (f.gestor_id === null ? [] : [f.gestor_id])),
  ]);
  const usuarios =
    ids.size === 0
      ? []
      : await trx
          .selectFrom('usuarios')
          .select(['id', 'nombre', 'oficina_id'])
          .where('id', 'in', [...ids])
          .execute();
  const resultado = listaOficinas.map((o) => {
    const deLaOficina = filas.filter((f) => f.oficina_id === o.id);
    const gestores = usuarios
      .filter(
        (u) =>
          deLaOficina.some((f) => f.gestor_id === u.id) ||
          (u.oficina_id === o.id && filas.every((f) => f.gestor_id !== u.id)),
      )
      .map((u) => ({
        gestor: { id: u.id, nombre: u.nombre },
        ...deFila(deLaOficina.find((f) => f.es_oficina === 0 && f.gestor_id === u.id)),
      }))
      .sort((a, b) => a.gestor.nombre.localeCompare(b.gestor.nombre, 'es'));
    return {
      oficina: { id: o.id, nombre: o.nombre },
      ...deFila(deLaOficina.find((f) => f.es_oficina === 1)),
      gestores,
    };
  });
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'cobertura.consultar',
    detalle: { mes },
  });
  return { mes, oficinas: resultado };
}
