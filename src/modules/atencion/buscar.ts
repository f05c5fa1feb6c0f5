import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { RolEnCredito } from '../../db/esquema.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { filtroDeAlcance } from '../cartera/alcance-sql.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';

export interface Hallazgo {
  personaId: number;
  nombre: string;
  roles: RolEnCredito[];
  creditos: string[];
}

const MAXIMO = 20;

/** What the text looks like decides where to look; a name is always tried as well. */
function claves(q: string) {
  const compacto = q.replace(/\s+/g, '').toUpperCase();
  const digitos = q.replace(/\D/g, '');
  return {
    curpOrfc: /^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{0,8}$/.test(compacto) ? compacto : null,
    telefono: digitos.length === 10 && /^[\d\s()-]+$/.test(q) ? digitos : null,
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
 * One box finds acreditados and avales by name in any order with or without accents
 * ("jose nunez" finds "José Núñez Ibáñez"), by CURP, RFC, credit or pagaré number, or phone.
 * Only people on credits the actor may see are returned, with only those credits.
 */
export async function buscar(trx: Db, q: string, ctx: ContextoAutenticado): Promise<Hallazgo[]> {
  const k = claves(q);
  // A name has letters and no digits; an identifier is looked up where identifiers live.
  const porNombre = !/\d/.test(q) && k.palabras.some((p) => p.length >= 3);
  if (!porNombre && !k.curpOrfc && !k.telefono && !k.folio) return [];

  const filas = await trx
    .with('candidatos', (w) => {
      let consulta = w
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
      // With two or more words, the best-scoring 200: a common surname matches thousands, and
      // an arbitrary 200 could leave out the person whose whole name was typed. One fragment
      // matches everyone who contains it equally well; ranking tens of thousands of them would
      // cost 80 ms at 300,000 acreditados for nothing.
      return (k.palabras.length >= 2 ? consulta.orderBy('puntaje', 'desc') : consulta).limit(200);
    })
    .selectFrom('candidatos as k')
    .innerJoin('personas as p', 'p.id', 'k.id')
    .innerJoin('participantes_credito as pc', 'pc.persona_id', 'p.id')
    .innerJoin('creditos as c', 'c.id', 'pc.credito_id')
    .select([
      'p.id',
      sql<string>`concat_ws(' ', p.nombres, p.primer_apellido, p.segundo_apellido)`.as('nombre'),
      sql<RolEnCredito[]>`array_agg(distinct pc.rol order by pc.rol)`.as('roles'),
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
    .limit(MAXIMO)
    .execute();
  // Names are personal data: even a search that shows them is logged (the UI debounces typing).
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'atencion.buscar',
    detalle: { q, resultados: filas.length },
  });
  return filas.map((f) => ({
    personaId: f.id,
    nombre: f.nombre,
    roles: f.roles,
    creditos: f.creditos,
  }));
}
