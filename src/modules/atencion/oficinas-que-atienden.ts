import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { filtroDeAlcance } from '../cartera/alcance-sql.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import type { Candidatos } from './buscar.ts';

export interface OficinaQueAtiende {
  clave: string;
  nombre: string;
}

/**
 * Whether the text names the person outright, not merely overlaps her: two or more whole
 * words of her name, or her whole CURP, RFC, phone, credit or pagaré number. Only then is her
 * office told: a fragment such as «gar» would otherwise reveal where strangers owe.
 */
function nombraALaPersona(q: string): Expression<SqlBool> {
  const palabras = q
    .trim()
    .split(/\s+/)
    .filter((p) => p.length > 0);
  const compacto = q.replace(/\s+/g, '').toUpperCase();
  const digitos = q.replace(/\D/g, '');
  const condiciones: Expression<SqlBool>[] = [];
  if (palabras.length >= 2 && !/\d/.test(q)) {
    const enElNombre = palabras.map(
      (p) => sql<SqlBool>`texto_busqueda(${p}) = any(string_to_array(p.nombre_busqueda, ' '))`,
    );
    condiciones.push(sql<SqlBool>`(${sql.join(enElNombre, sql` and `)})`);
  }
  if (compacto.length >= 12)
    condiciones.push(sql<SqlBool>`(p.curp = ${compacto} or p.rfc = ${compacto})`);
  if (/^[\d\s().+-]+$/.test(q) && digitos.length >= 10) {
    condiciones.push(sql<SqlBool>`exists (
      select 1 from telefonos t
      where t.persona_id = p.id and t.retirado is null and t.numero = ${digitos.slice(-10)})`);
  }
  if (/\d/.test(compacto)) {
    condiciones.push(sql<SqlBool>`exists (
      select 1 from participantes_credito pn
      join creditos cn on cn.id = pn.credito_id
      left join ministraciones mn on mn.credito_id = cn.id
      where pn.persona_id = p.id and (cn.numero = ${compacto} or mn.pagare_numero = ${compacto}))`);
  }
  return condiciones.length === 0
    ? sql<SqlBool>`false`
    : sql<SqlBool>`(${sql.join(condiciones, sql` or `)})`;
}

/**
 * A walk-in whose accounts are all held by another office is sent there: of the people the
 * text points at who have no account the actor may see, only the offices holding their
 * accounts, never their name, credits or balances. It is still a read of their data (where
 * they owe), so the people it concerned are logged.
 */
export async function oficinasQueAtienden(
  trx: Db,
  candidatos: Candidatos,
  q: string,
  ctx: ContextoAutenticado,
): Promise<OficinaQueAtiende[]> {
  // Whoever sees every office has nobody to send elsewhere.
  if (ctx.actor.rol !== 'gestor' && ctx.actor.rol !== 'coordinador') return [];
  const filas = await trx
    .with('candidatos', () => candidatos)
    .selectFrom('candidatos as k')
    .innerJoin('personas as p', 'p.id', 'k.id')
    .innerJoin('participantes_credito as pc', 'pc.persona_id', 'p.id')
    .innerJoin('creditos as otro', 'otro.id', 'pc.credito_id')
    .innerJoin('oficinas as o', 'o.id', 'otro.oficina_id')
    .select(['p.id as personaId', 'o.clave', 'o.nombre'])
    .distinct()
    .where('pc.rol', 'in', ['acreditado', 'aval'])
    .where('p.bloqueada', 'is', null)
    .where(nombraALaPersona(q))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('participantes_credito as propio')
            .innerJoin('creditos as c', 'c.id', 'propio.credito_id')
            .select('c.id')
            .whereRef('propio.persona_id', '=', 'p.id')
            .where('propio.rol', 'in', ['acreditado', 'aval'])
            .where(filtroDeAlcance(ctx.actor)),
        ),
      ),
    )
    .execute();
  if (filas.length === 0) return [];
  const oficinas = new Map<string, OficinaQueAtiende>();
  for (const f of filas) oficinas.set(f.clave, { clave: f.clave, nombre: f.nombre });
  const lista = [...oficinas.values()].sort((a, b) => a.nombre.localeCompare(b.nombre, 'es'));
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'atencion.oficina_que_atiende',
    detalle: {
      q,
      personas: [...new Set(filas.map((f) => f.personaId))].sort((a, b) => a - b),
      oficinas: lista.map((o) => o.clave),
    },
  });
  return lista;
}
