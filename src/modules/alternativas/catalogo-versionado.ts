import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { AlternativaFila, BaseDeDatos } from '../../db/esquema.ts';
import type { Elegibilidad } from '../../domain/alternativas/index.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { verificarElegibilidad, vigenteDesdeValida } from './reglas-catalogo.ts';

/**
 * The versioned catalogue, once for alternativas and campañas: an entry (fixed clave) with
 * append-only versions, each taking effect on its `vigenteDesde`. Each kind says where it is
 * stored and what its versions hold (`tipos-de-catalogo.ts`); creating, versioning, reading
 * and listing are the same steps for both.
 */

/** Each kind's table, the table of its versions, and the column there that names the entry. */
const TABLAS = {
  alternativas: { versiones: 'versiones_alternativa', columnaEntrada: 'alternativa_id' },
  campanas: { versiones: 'versiones_campana', columnaEntrada: 'campana_id' },
} as const;
type Tabla = keyof typeof TABLAS;

/** An entry's row; every kind's has these. */
type FilaDe<T extends Tabla> = Selectable<BaseDeDatos[T]> & { id: number; clave: string };
/** A version's row; every kind's has these. */
type FilaVersionDe<T extends Tabla> = Selectable<BaseDeDatos[(typeof TABLAS)[T]['versiones']]> & {
  id: number;
  version: number;
  creada: Date;
};

/** When and by whom each version was created, by version id. */
export type Autoria = Map<number, { creada: Date; creadaPor: string | null }>;

/** An entry with every version, oldest first, and who registered each. */
export type ConVersiones<E, V> = E & { versiones: V[]; autoria: Autoria };

/** What every version request carries, whatever its kind. */
interface DatosDeVersion {
  vigenteDesde?: Fecha | undefined;
  elegibilidad: Elegibilidad;
}

/** Only an alternativa's entry has a column of its own: its kind. */
type ColumnasPropias = Partial<Pick<Insertable<AlternativaFila>, 'tipo'>>;

/** What the bitácora records of a version and the id it got. */
export interface VersionAnexada {
  versionId: number;
  contenido: Record<string, unknown>;
}

export interface TipoDeCatalogo<T extends Tabla, V, D extends DatosDeVersion, Vista> {
  /** The bitácora's objeto_tipo and the prefix of its acciones (`alternativa.crear`). */
  objeto: 'alternativa' | 'campana';
  tabla: T;
  noExiste: string;
  claveRepetida: (clave: string) => string;
  /** The entry's columns besides its clave and authorship (an alternativa's kind), also recorded. */
  propias: (datos: D) => ColumnasPropias;
  /** A check of a new version against its entry (an alternativa's kind never changes). */
  comprobar?: (actual: FilaDe<T>, datos: D) => void;
  anexar: (
    trx: Db,
    entradaId: number,
    version: number,
    datos: D,
    vigenteDesde: Fecha,
    ctx: ContextoAutenticado,
  ) => Promise<VersionAnexada>;
  /** A stored version as the domain's. */
  desdeFila: (entrada: FilaDe<T>, fila: FilaVersionDe<T>) => V;
  vista: (entrada: ConVersiones<FilaDe<T>, V>, hoy: Fecha, conVersiones: boolean) => Vista;
}

/**
 * The entries (all, or those in `ids`) with every version, oldest first. The table is a
 * parameter, which Kysely's builder cannot type, so these statements are written out and their
 * rows typed by the table they read (`FilaDe`).
 */
export async function cargarCatalogo<T extends Tabla, V>(
  db: Db,
  tipo: Pick<TipoDeCatalogo<T, V, never, unknown>, 'tabla' | 'desdeFila'>,
  ids?: readonly number[],
): Promise<ConVersiones<FilaDe<T>, V>[]> {
  const { versiones: tablaVersiones, columnaEntrada } = TABLAS[tipo.tabla];
  const filtro = ids === undefined ? sql`true` : sql`id = ANY(${[...ids]}::int4[])`;
  const { rows: entradas } = await sql<FilaDe<T>>`
    SELECT * FROM ${sql.table(tipo.tabla)} WHERE ${filtro} ORDER BY id`.execute(db);
  if (entradas.length === 0) return [];
  const deLaEntrada = sql.ref(`v.${columnaEntrada}`);
  const { rows: versiones } = await sql<
    FilaVersionDe<T> & { entrada: number; creada_por_nombre: string | null }
  >`
    SELECT v.*, ${deLaEntrada} AS entrada, u.nombre AS creada_por_nombre
      FROM ${sql.table(tablaVersiones)} v LEFT JOIN usuarios u ON u.id = v.creada_por
     WHERE ${deLaEntrada} = ANY(${entradas.map((e) => e.id)}::int4[])
     ORDER BY ${deLaEntrada}, v.version`.execute(db);
  return entradas.map((e) => {
    const propias = versiones.filter((v) => v.entrada === e.id);
    return {
      ...e,
      versiones: propias.map((v) => tipo.desdeFila(e, v)),
      autoria: new Map(
        propias.map((v) => [v.id, { creada: v.creada, creadaPor: v.creada_por_nombre }]),
      ),
    };
  });
}

/** One entry with every version it ever had. */
export async function consultarEnCatalogo<T extends Tabla, V, D extends DatosDeVersion, Vista>(
  trx: Db,
  tipo: TipoDeCatalogo<T, V, D, Vista>,
  id: number,
  ctx: ContextoAutenticado,
): Promise<Vista> {
  const [entrada] = await cargarCatalogo(trx, tipo, [id]);
  if (!entrada) throw new ErrorDominio('no_encontrado', tipo.noExiste);
  return tipo.vista(entrada, ctx.reloj.hoy(), true);
}

/** The catalogue as of today: each entry's version in force and any scheduled one. */
export async function listarCatalogo<T extends Tabla, V, D extends DatosDeVersion, Vista>(
  trx: Db,
  tipo: TipoDeCatalogo<T, V, D, Vista>,
  ctx: ContextoAutenticado,
): Promise<Vista[]> {
  const hoy = ctx.reloj.hoy();
  return (await cargarCatalogo(trx, tipo)).map((e) => tipo.vista(e, hoy, false));
}

/** A new entry with its first version; its clave (and an alternativa's kind) never change. */
export async function crearEnCatalogo<T extends Tabla, V, D extends DatosDeVersion, Vista>(
  trx: Db,
  tipo: TipoDeCatalogo<T, V, D, Vista>,
  datos: D & { clave: string },
  ctx: ContextoAutenticado,
): Promise<Vista> {
  const hoy = ctx.reloj.hoy();
  const vigenteDesde = vigenteDesdeValida(datos.vigenteDesde, hoy);
  await verificarElegibilidad(trx, datos.elegibilidad);
  const propias = tipo.propias(datos);
  // The unique clave decides a race between two administradores: the second one is told.
  // Both entry tables take a clave and authorship; `propias` adds the columns of its kind.
  const tabla: Tabla = tipo.tabla;
  const creada = await trx
    .insertInto(tabla)
    .values({ clave: datos.clave, ...propias, creada: ctx.reloj.ahora(), creada_por: ctx.actor.id })
    .onConflict((oc) => oc.column('clave').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!creada) throw new ErrorDominio('conflicto', tipo.claveRepetida(datos.clave), 'clave');
  const { versionId, contenido } = await tipo.anexar(trx, creada.id, 1, datos, vigenteDesde, ctx);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: `${tipo.objeto}.crear`,
    objetoTipo: tipo.objeto,
    objetoId: creada.id,
    detalle: { clave: datos.clave, ...propias, versionId, ...contenido },
  });
  return releer(trx, tipo, creada.id, hoy);
}

/**
 * Editing an entry adds a version (the old ones stay, append-only): convenios signed under an
 * earlier version keep pointing to it. Deactivating is a version with `activa: false`.
 */
export async function versionarEnCatalogo<T extends Tabla, V, D extends DatosDeVersion, Vista>(
  trx: Db,
  tipo: TipoDeCatalogo<T, V, D, Vista>,
  id: number,
  datos: D,
  ctx: ContextoAutenticado,
): Promise<Vista> {
  // Locked: two edits at once get consecutive version numbers, not the same one.
  const {
    rows: [actual],
  } = await sql<
    FilaDe<T>
  >`SELECT * FROM ${sql.table(tipo.tabla)} WHERE id = ${id} FOR UPDATE`.execute(trx);
  if (!actual) throw new ErrorDominio('no_encontrado', tipo.noExiste);
  tipo.comprobar?.(actual, datos);
  const hoy = ctx.reloj.hoy();
  const vigenteDesde = vigenteDesdeValida(datos.vigenteDesde, hoy);
  await verificarElegibilidad(trx, datos.elegibilidad);
  const {
    rows: [ultima],
  } = await sql<{ id: number; version: number }>`
    SELECT id, version FROM ${sql.table(TABLAS[tipo.tabla].versiones)}
     WHERE ${sql.ref(TABLAS[tipo.tabla].columnaEntrada)} = ${id}
     ORDER BY version DESC LIMIT 1`.execute(trx);
  const version = (ultima?.version ?? 0) + 1;
  const { versionId, contenido } = await tipo.anexar(trx, id, version, datos, vigenteDesde, ctx);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: `${tipo.objeto}.versionar`,
    objetoTipo: tipo.objeto,
    objetoId: id,
    detalle: {
      clave: actual.clave,
      versionId,
      versionAnteriorId: ultima?.id ?? null,
      ...contenido,
    },
  });
  return releer(trx, tipo, id, hoy);
}

/** The entry just written, with every version, as the API shows it. */
async function releer<T extends Tabla, V, D extends DatosDeVersion, Vista>(
  trx: Db,
  tipo: TipoDeCatalogo<T, V, D, Vista>,
  id: number,
  hoy: Fecha,
): Promise<Vista> {
  const [entrada] = await cargarCatalogo(trx, tipo, [id]);
  if (!entrada) throw new Error(`${tipo.objeto} ${id} no se encontró después de escribirla`);
  return tipo.vista(entrada, hoy, true);
}
