import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { BaseDeDatos, CambioContacto, TipoContacto } from '../../db/esquema.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { anotarCambio, type ContextoDeCambio } from './anotar-cambio.ts';
import { type Paso, recorrerPasos } from './pasos.ts';
import { exigirPersonaEnCartera } from './persona-en-cartera.ts';
import type { FilaCorreo, FilaDomicilio, FilaTelefono } from './vistas.ts';

/**
 * The steps phones, e-mails and addresses share, written once over the table each lives in.
 * Kysely cannot type a query whose table is a type parameter, so the queries here see the
 * three tables as their union and cast the rows back to the caller's kind: those casts stay
 * in this file.
 */

export type TablaDeContacto = 'telefonos' | 'correos' | 'domicilios';
/** The kinds whose value is the person's only once (UNIQUE): a number, an e-mail. */
export type TablaConClave = 'telefonos' | 'correos';
interface Filas {
  telefonos: FilaTelefono;
  correos: FilaCorreo;
  domicilios: FilaDomicilio;
}
export type FilaDe<T extends TablaDeContacto> = Filas[T];

/** What differs between the kinds in the flows they share. */
export interface ClaseDeContacto<T extends TablaDeContacto> {
  tabla: T;
  tipo: TipoContacto;
  /** For the messages: `El ${nombre} no existe.` */
  nombre: string;
  /** What the history keeps of a row. */
  foto: (f: FilaDe<T>) => object;
  /** The columns a change in place writes, all in one UPDATE whatever the steps were. */
  cambiables: readonly (keyof FilaDe<T> & string)[];
  /** What retiring a row sets (an address also stops being `vigente`). */
  retiro: (ahora: Date) => Partial<FilaDe<T>>;
  /** The 409 for a change of a row already retired. */
  yaRetirado: (f: FilaDe<T>) => string;
}

/** What a new or brought back row takes from the request, or from the row it corrects. */
export interface Heredado {
  telefonos: Pick<FilaDe<'telefonos'>, 'tipo' | 'consentimiento' | 'zona_horaria'>;
  correos: Pick<FilaDe<'correos'>, 'consentimiento'>;
}

export interface ClaseConClave<T extends TablaConClave> extends ClaseDeContacto<T> {
  /** The column holding the value: `numero`, `correo`. */
  clave: keyof FilaDe<T> & string;
}

/** A current contact, locked for a change, within the actor's reach. */
export async function cargarContactoParaCambiar<T extends TablaDeContacto>(
  trx: Db,
  clase: ClaseDeContacto<T>,
  id: number,
  ctx: ContextoAutenticado,
): Promise<FilaDe<T>> {
  const tabla: TablaDeContacto = clase.tabla;
  const dueno = await trx
    .selectFrom(tabla)
    .select('persona_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!dueno) throw new ErrorDominio('no_encontrado', `El ${clase.nombre} no existe.`);
  await exigirPersonaEnCartera(trx, dueno.persona_id, ctx.actor, { bloquear: true });
  const fila = (await trx
    .selectFrom(tabla)
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow()) as FilaDe<T>;
  if (fila.retirado !== null) throw new ErrorDominio('conflicto', clase.yaRetirado(fila));
  return fila;
}

/** The last step of a change in place, when the request retires the contact. */
export function pasoDeRetiro<T extends TablaDeContacto>(
  clase: ClaseDeContacto<T>,
  ctx: ContextoAutenticado,
): Paso<FilaDe<T>> {
  return { cambio: 'retiro', valores: clase.retiro(ctx.reloj.ahora()) };
}

/**
 * Changes a contact in place: one UPDATE with the row as the steps leave it, then one history
 * row (and its bitácora row) for each step; nothing happens when there is no step.
 */
export async function aplicarPasos<T extends TablaDeContacto>(
  trx: Db,
  clase: ClaseDeContacto<T>,
  fila: FilaDe<T>,
  pasos: readonly Paso<FilaDe<T>>[],
  motivo: string | null,
  ctx: ContextoAutenticado,
): Promise<{ fila: FilaDe<T>; cambios: CambioContacto[] }> {
  if (pasos.length === 0) return { fila, cambios: [] };
  const { fila: final, dados } = recorrerPasos(fila, pasos, clase.foto);
  const valores: Partial<FilaDe<T>> = {};
  for (const c of clase.cambiables) valores[c] = final[c];
  const tabla: TablaDeContacto = clase.tabla;
  await trx.updateTable(tabla).set(valores).where('id', '=', fila.id).execute();
  for (const d of dados) {
    await anotarCambio(
      trx,
      { personaId: fila.persona_id, tipo: clase.tipo, contactoId: fila.id, ...d, motivo },
      ctx,
    );
  }
  return { fila: final, cambios: dados.map((d) => d.cambio) };
}

/**
 * A correction: the old row is retired and the row `agregar` gives takes its place. One
 * history row, on the old contact, holds both: before the old value, after the new one.
 */
export async function retirarYAgregar<T extends TablaDeContacto>(
  trx: Db,
  clase: ClaseDeContacto<T>,
  fila: FilaDe<T>,
  agregar: (ahora: Date) => Promise<FilaDe<T>>,
  motivo: string,
  ctx: ContextoDeCambio,
): Promise<FilaDe<T>> {
  const ahora = ctx.reloj.ahora();
  const tabla: TablaDeContacto = clase.tabla;
  await trx.updateTable(tabla).set(clase.retiro(ahora)).where('id', '=', fila.id).execute();
  const nueva = await agregar(ahora);
  await anotarCambio(
    trx,
    {
      personaId: fila.persona_id,
      tipo: clase.tipo,
      contactoId: fila.id,
      cambio: 'correccion',
      antes: clase.foto(fila),
      despues: clase.foto(nueva),
      motivo,
    },
    ctx,
  );
  return nueva;
}

/** The history's `alta` of a row added, or brought back (then `antes` is the row retired). */
export async function anotarAlta<T extends TablaDeContacto>(
  trx: Db,
  clase: ClaseDeContacto<T>,
  antes: FilaDe<T> | undefined,
  fila: FilaDe<T>,
  ctx: ContextoDeCambio,
): Promise<void> {
  await anotarCambio(
    trx,
    {
      personaId: fila.persona_id,
      tipo: clase.tipo,
      contactoId: fila.id,
      cambio: 'alta',
      antes: antes === undefined ? null : clase.foto(antes),
      despues: clase.foto(fila),
      motivo: null,
    },
    ctx,
  );
}

/** The person's row with this value, current or retired, locked. */
export async function buscarPorClave<T extends TablaConClave>(
  trx: Db,
  clase: ClaseConClave<T>,
  personaId: number,
  valor: string,
): Promise<FilaDe<T> | undefined> {
  const tabla: TablaConClave = clase.tabla;
  return (await trx
    .selectFrom(tabla)
    .selectAll()
    .where('persona_id', '=', personaId)
    .where(sql.ref(clase.clave), '=', valor)
    .forUpdate()
    .executeTakeFirst()) as FilaDe<T> | undefined;
}

/**
 * The value made the person's again: a retired row comes back valid with what is inherited,
 * else a new row is inserted.
 */
export async function revivirOInsertar<T extends TablaConClave>(
  trx: Db,
  clase: ClaseConClave<T>,
  personaId: number,
  valor: string,
  heredado: Heredado[T],
  retirada: FilaDe<T> | undefined,
  ahora: Date,
): Promise<FilaDe<T>> {
  const tabla: TablaConClave = clase.tabla;
  if (retirada === undefined) {
    const alta = { persona_id: personaId, [clase.clave]: valor, ...heredado, agregado: ahora };
    return (await trx
      .insertInto(tabla)
      .values(alta as Insertable<BaseDeDatos[TablaConClave]>)
      .returningAll()
      .executeTakeFirstOrThrow()) as FilaDe<T>;
  }
  return (await trx
    .updateTable(tabla)
    .set({ ...heredado, valido: true, retirado: null })
    .where('id', '=', retirada.id)
    .returningAll()
    .executeTakeFirstOrThrow()) as FilaDe<T>;
}
