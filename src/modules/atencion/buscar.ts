import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { RolEnCredito } from '../../db/esquema.ts';
import { enmascararCurp } from '../../domain/enmascarar.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { filtroDeAlcance } from '../cartera/alcance-sql.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';
import { type OficinaQueAtiende, oficinasQueAtienden } from './oficinas-que-atienden.ts';

export interface Hallazgo {
  personaId: number;
  nombre: string;
  /** Only acreditado and aval are searched (the query says so): the contract's `RolDeudor`. */
  roles: Exclude<RolEnCredito, 'beneficiario'>[];
  creditos: string[];
  /** What tells two people of the same name apart at the counter, without a reveal. */
  anioNacimiento: number | null;
  /** Of the address in force; null if none is on file. */
  municipio: string | null;
  /** Masked as on the ficha (`IÑNA90…R07`): the initials and birth date, never the whole. */
  curp: string | null;
}

export interface ResultadoBusqueda {
  resultados: Hallazgo[];
  /** Another page follows (`pagina + 1`). */
  hayMas: boolean;
  /**
   * Offices attending people who match but have no account the actor may see: only the office
   * (the walk-in is sent there), never who they are. First page only.
   */
  otrasOficinas: OficinaQueAtiende[];
}

export const POR_PAGINA_BUSQUEDA = 20;
/** Candidates ranked per search: beyond them the counter should type more, not page on. */
const CANDIDATOS = 200;
/** A phone fragment shorter than this matches too many numbers to tell anyone apart. */
const MINIMO_DIGITOS_TELEFONO = 4;

/** What the text looks like decides where to look; a name is always tried as well. */
function claves(q: string) {
  const compacto = q.replace(/\s+/g, '').toUpperCase();
  const digitos = q.replace(/\D/g, '');
  const soloTelefono = /^[\d\s().+-]+$/.test(q);
  return {
    curpOrfc: /^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{0,8}$/.test(compacto) ? compacto : null,
    // Whole: its 10 digits, after a country code or a mobile «1» if given (+52 1 662…).
    telefono:
      soloTelefono && digitos.length >= 10 && digitos.length <= 13 ? digitos.slice(-10) : null,
    // Part of a number (its last digits, a fragment someone remembers), spaces and dashes aside.
    fragmentoTelefono:
      soloTelefono && digitos.length >= MINIMO_DIGITOS_TELEFONO && digitos.length < 10
        ? digitos
        : null,
    // Credit and pagaré numbers carry a digit; a prefix is enough at the counter.
    folio: /\d/.test(compacto) && /^[A-Z0-9-]+$/.test(compacto) ? compacto : null,
    // Trigram search needs three characters to use its index; shorter words only narrow.
    palabras: q
      .trim()
      .split(/\s+/)
      .filter((p) => p.length > 0)
      .map((p) => p.replace(/[%_\\]/g, '\\$&')),
  };
}

const patron = (s: string) => `${s.replace(/[%_\\]/g, '\\$&')}%`;

/**
 * The people the text points at, best first: at most `limite` of them (a ranked prefix that
 * grows as the counter asks for more pages). With an actor, only people on a credit the actor
 * may see: the limit counts them, not people of other offices, who would otherwise fill the
 * prefix and hide the actor's own (200 «García» elsewhere left a gestor none of hers).
 */
function candidatos(trx: Db, q: string, limite: number, actor: Actor | null) {
  const k = claves(q);
  // A name has letters and no digits; an identifier is looked up where identifiers live.
  const porNombre = !/\d/.test(q) && k.palabras.some((p) => p.length >= 3);
  if (!porNombre && !k.curpOrfc && !k.telefono && !k.fragmentoTelefono && !k.folio) return null;
  let consulta = trx
    .selectFrom('personas as p')
    .select([
      'p.id',
      sql<number>`word_similarity(texto_busqueda(${q}), p.nombre_busqueda)`.as('puntaje'),
    ])
    .where((eb) => {
      const condiciones: Expression<SqlBool>[] = porNombre
        ? [
            eb.and(
              k.palabras.map(
                (p) => sql<SqlBool>`p.nombre_busqueda like '%' || texto_busqueda(${p}) || '%'`,
              ),
            ),
          ]
        : [];
      if (k.curpOrfc) {
        condiciones.push(
          eb('p.curp', 'like', patron(k.curpOrfc)),
          eb('p.rfc', 'like', patron(k.curpOrfc)),
        );
      }
      return condiciones.length > 0 ? eb.or(condiciones) : eb.lit(false);
    });
  if (k.telefono) {
    const telefono = k.telefono;
    consulta = consulta.union((eb) =>
      eb
        .selectFrom('telefonos as t')
        .select(['t.persona_id as id', sql<number>`2`.as('puntaje')])
        .where('t.numero', '=', telefono)
        // A corrected or retired number may be someone else's now.
        .where('t.retirado', 'is', null),
    );
  }
  if (k.fragmentoTelefono) {
    // The trigram index over the numbers (migration 0035) serves the `%…%`; a number ending
    // in the digits ranks above one that only contains them (people give their last digits).
    const fragmento = k.fragmentoTelefono;
    consulta = consulta.union((eb) =>
      eb
        .selectFrom('telefonos as t')
        .select([
          't.persona_id as id',
          sql<number>`case when t.numero like ${`%${fragmento}`} then 1.5 else 1.2 end`.as(
            'puntaje',
          ),
        ])
        .where('t.numero', 'like', `%${fragmento}%`)
        .where('t.retirado', 'is', null),
    );
  }
  if (k.folio) {
    const folio = patron(k.folio);
    consulta = consulta
      .union((eb) =>
        eb
          .selectFrom('creditos as c')
          .innerJoin('participantes_credito as pc', 'pc.credito_id', 'c.id')
          .select(['pc.persona_id as id', sql<number>`2`.as('puntaje')])
          .where('c.numero', 'like', folio),
      )
      .union((eb) =>
        eb
          .selectFrom('ministraciones as m')
          .innerJoin('participantes_credito as pc', 'pc.credito_id', 'm.credito_id')
          .select(['pc.persona_id as id', sql<number>`2`.as('puntaje')])
          .where('m.pagare_numero', 'like', folio),
      );
  }
  // Only people on a credit the actor may see count toward the limit.
  const enAlcance = trx
    .selectFrom(consulta.as('u'))
    .select(['u.id', 'u.puntaje'])
    .where(({ exists, lit, selectFrom }) =>
      actor === null
        ? lit(true)
        : exists(
            selectFrom('participantes_credito as pc')
              .innerJoin('creditos as c', 'c.id', 'pc.credito_id')
              .select(sql`1`.as('uno'))
              .whereRef('pc.persona_id', '=', 'u.id')
              .where('pc.rol', 'in', ['acreditado', 'aval'])
              .where(filtroDeAlcance(actor)),
          ),
    );
  // With two or more words, the best-scoring ones: a common surname matches thousands, and an
  // arbitrary few could leave out the person whose whole name was typed. One fragment matches
  // everyone who contains it equally well; ranking tens of thousands of them would cost 80 ms
  // at 300,000 acreditados for nothing.
  return (k.palabras.length >= 2 ? enAlcance.orderBy('puntaje', 'desc') : enAlcance).limit(limite);
}

/**
 * One box finds acreditados and avales by name in any order with or without accents
 * ("jose nunez" finds "José Núñez Ibáñez"), by CURP, RFC, credit or pagaré number, or by a
 * phone whole or in part. Only people on credits the actor may see are returned, with only
 * those credits, a page at a time; of those who match elsewhere only their office is told.
 */
export async function buscar(
  trx: Db,
  q: string,
  pagina: number,
  ctx: ContextoAutenticado,
): Promise<ResultadoBusqueda> {
  const desde = (pagina - 1) * POR_PAGINA_BUSQUEDA;
  const limite = Math.max(CANDIDATOS, desde + POR_PAGINA_BUSQUEDA + 1);
  const base = candidatos(trx, q, limite, ctx.actor);
  const todos = candidatos(trx, q, limite, null);
  if (base === null || todos === null) return { resultados: [], hayMas: false, otrasOficinas: [] };

  const filas = await trx
    .with('candidatos', () => base)
    .selectFrom('candidatos as k')
    .innerJoin('personas as p', 'p.id', 'k.id')
    .innerJoin('participantes_credito as pc', 'pc.persona_id', 'p.id')
    .innerJoin('creditos as c', 'c.id', 'pc.credito_id')
    .select([
      'p.id',
      'p.curp',
      sql<string>`concat_ws(' ', p.nombres, p.primer_apellido, p.segundo_apellido)`.as('nombre'),
      sql<number | null>`extract(year from p.fecha_nacimiento)::int`.as('anio'),
      sql<string | null>`(
        select d.municipio from domicilios d
        where d.persona_id = p.id and d.retirado is null
        order by d.vigente desc, d.id desc limit 1
      )`.as('municipio'),
      sql<Exclude<RolEnCredito, 'beneficiario'>[]>`array_agg(distinct pc.rol order by pc.rol)`.as(
        'roles',
      ),
      sql<string[]>`array_agg(distinct c.numero order by c.numero)`.as('creditos'),
      sql<number>`max(k.puntaje)`.as('puntaje'),
    ])
    // Only 'acreditado' and 'aval' are people a gestor negotiates with (CONDUSEF).
    .where('pc.rol', 'in', ['acreditado', 'aval'])
    // A cancellation (ARCO) blocked her data: she is found by nothing (docs/arco.md).
    .where('p.bloqueada', 'is', null)
    .where(filtroDeAlcance(ctx.actor))
    .groupBy('p.id')
    .orderBy('puntaje', 'desc')
    .orderBy('nombre')
    // The id settles ties, so that «ver más» neither repeats nor skips anyone.
    .orderBy('p.id')
    .offset(desde)
    .limit(POR_PAGINA_BUSQUEDA + 1)
    .execute();
  const hayMas = filas.length > POR_PAGINA_BUSQUEDA;
  const visibles = filas.slice(0, POR_PAGINA_BUSQUEDA);
  const otrasOficinas = pagina === 1 ? await oficinasQueAtienden(trx, todos, q, ctx) : [];
  // Names are personal data: even a search that shows them is logged (the UI debounces typing).
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'atencion.buscar',
    detalle: { q, pagina, resultados: visibles.length },
  });
  return {
    resultados: visibles.map((f) => ({
      personaId: f.id,
      nombre: f.nombre,
      roles: f.roles,
      creditos: f.creditos,
      anioNacimiento: f.anio,
      municipio: f.municipio,
      curp: f.curp === null ? null : enmascararCurp(f.curp),
    })),
    hayMas,
    otrasOficinas,
  };
}

export type Candidatos = NonNullable<ReturnType<typeof candidatos>>;
