import { type RawBuilder, sql } from 'kysely';
import type { Db } from './conexion.ts';

export type TipoColumna =
  | 'int2'
  | 'int4'
  | 'int8'
  | 'text'
  | 'numeric'
  | 'date'
  | 'bool'
  | 'timestamptz'
  | 'estado_credito';

/**
 * A column's values as a PostgreSQL array literal. pg would build the same text when sending,
 * but only once the previous statement has finished, leaving the server idle meanwhile; built
 * here, it is ready before the server is. Text is always quoted (so "NULL" stays a word).
 */
function literalDeArreglo(valores: readonly unknown[]): string {
  let s = '{';
  for (let i = 0; i < valores.length; i++) {
    if (i > 0) s += ',';
    const v = valores[i];
    if (v === null || v === undefined) s += 'NULL';
    else if (typeof v === 'number') s += v;
    else if (typeof v === 'boolean') s += v ? 't' : 'f';
    else {
      const t = String(v);
      s += `"${t.includes('"') || t.includes('\\') ? t.replace(/["\\]/g, '\\$&') : t}"`;
    }
  }
  return `${s}}`;
}

/** A value the same for every row (an instant, the actor): sent once, not once per row. */
export type Constante = readonly [columna: string, valor: unknown, tipo: TipoColumna];

/**
 * Rows travel as one array per column and come back out of `unnest`: one statement per
 * `tamano` rows, and no 65,535-parameter limit. While the server inserts one chunk, the caller
 * builds the next (at most one statement in flight: a transaction has one connection anyway).
 */
export class InsercionMasiva {
  private columnas: unknown[][];
  private filas = 0;
  private pendiente: Promise<{ numAffectedRows?: bigint }> | null = null;
  total = 0;

  constructor(
    private readonly trx: Db,
    private readonly tabla: string,
    private readonly definicion: ReadonlyArray<readonly [string, TipoColumna]>,
    private readonly opciones: {
      constantes?: readonly Constante[];
      /** After `FROM unnest(…) AS u(columns)`: ON CONFLICT, a WHERE over `u`. */
      sufijo?: RawBuilder<unknown>;
      tamano?: number;
    } = {},
  ) {
    this.columnas = definicion.map(() => []);
  }

  async agregar(...valores: unknown[]): Promise<void> {
    for (let i = 0; i < valores.length; i++) this.columnas[i]?.push(valores[i]);
    if (++this.filas >= (this.opciones.tamano ?? 20_000)) await this.enviar();
  }

  /** Sends the rest and waits for every statement; the rows inserted. */
  async terminar(): Promise<number> {
    await this.enviar();
    await this.esperar();
    return this.total;
  }

  private async esperar(): Promise<void> {
    const pendiente = this.pendiente;
    this.pendiente = null;
    if (pendiente) this.total += Number((await pendiente).numAffectedRows ?? 0n);
  }

  private async enviar(): Promise<void> {
    if (this.filas === 0) return;
    const constantes = this.opciones.constantes ?? [];
    const nombres = sql.raw(this.definicion.map(([c]) => c).join(', '));
    const todas = sql.raw([...this.definicion, ...constantes].map(([c]) => c).join(', '));
    const arreglos = sql.join(
      this.definicion.map(
        ([, tipo], i) => sql`${literalDeArreglo(this.columnas[i] ?? [])}::${sql.raw(tipo)}[]`,
      ),
    );
    const fijos = constantes.map(([, valor, tipo]) => sql`, ${valor}::${sql.raw(tipo)}`);
    const sentencia = sql`INSERT INTO ${sql.raw(this.tabla)} (${todas})
      SELECT u.*${sql.join(fijos, sql``)} FROM unnest(${arreglos}) AS u(${nombres}) ${this.opciones.sufijo ?? sql``}`;
    this.columnas = this.definicion.map(() => []);
    this.filas = 0;
    await this.esperar();
    const promesa = sentencia.execute(this.trx);
    // Awaited by the next esperar(); the no-op handler keeps a failure from being reported as
    // unhandled while the next chunk is being built.
    promesa.catch(() => {});
    this.pendiente = promesa;
  }
}

/** `n` fresh ids of a serial column's sequence, increasing. */
export async function reservarIds(trx: Db, secuencia: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  // Usually the block is contiguous (nobody else drew from the sequence meanwhile): then its
  // ends are enough, instead of sending n ids back.
  const { rows } = await sql<{ primero: number; ultimo: number }>`
    SELECT min(v)::int8 AS primero, max(v)::int8 AS ultimo
      FROM (SELECT nextval(${secuencia}::regclass) AS v FROM generate_series(1, ${n})) AS r`.execute(
    trx,
  );
  const primero = rows[0]?.primero ?? 0;
  const ultimo = rows[0]?.ultimo ?? -1;
  if (ultimo - primero + 1 === n) return Array.from({ length: n }, (_, i) => primero + i);
  // Interleaved with another session: the n values drawn are lost (a sequence may have gaps);
  // draw again, this time bringing every id.
  const todos = await sql<{ ids: string[] | null }>`
    SELECT array_agg(nextval(${secuencia}::regclass)::int8) AS ids FROM generate_series(1, ${n})`.execute(
    trx,
  );
  return (todos.rows[0]?.ids ?? []).map(Number).sort((a, b) => a - b);
}

// TRIGGER_TYPE_INSERT in PostgreSQL's pg_trigger.tgtype bit mask.
const DISPARADOR_INSERT = 4;

/**
 * PostgreSQL checks a foreign key with one query per inserted row; for millions of schedule and
 * ledger rows that is most of the time of a load. When the writer knows the references hold —
 * rows it inserted itself in this transaction, and existing rows it has just locked with
 * `lockeadas` — it may skip those per-row checks the way pg_restore does, with
 * `session_replication_role = replica`, for the rest of the transaction or until
 * `salirDeCargaMasiva`. Only when that is allowed (superuser, or `GRANT SET ON PARAMETER`) and
 * when no trigger of our own fires on insert into `tablas` (replica mode would skip it too);
 * otherwise nothing changes and PostgreSQL checks every row as usual.
 */
export async function entrarEnCargaMasiva(trx: Db, tablas: readonly string[]): Promise<boolean> {
  const { rows } = await sql<{ puede: boolean; disparadores: number }>`
    SELECT (current_setting('is_superuser') = 'on'
            OR has_parameter_privilege('session_replication_role', 'SET')) AS puede,
           (SELECT count(*)::int4 FROM pg_trigger
             WHERE NOT tgisinternal AND tgrelid = ANY(${tablas}::regclass[])
               AND (tgtype & ${DISPARADOR_INSERT}) <> 0) AS disparadores`.execute(trx);
  const r = rows[0];
  if (!r?.puede || r.disparadores > 0) return false;
  await sql`SET LOCAL session_replication_role = replica`.execute(trx);
  return true;
}

export async function salirDeCargaMasiva(trx: Db): Promise<void> {
  await sql`SET LOCAL session_replication_role = origin`.execute(trx);
}

/**
 * What a foreign key check does for references to rows that existed before: they must exist,
 * and they are locked (FOR KEY SHARE) so that no other transaction deletes them or changes
 * their key before this one commits. One statement for all the ids.
 */
export async function asegurarReferencias(
  trx: Db,
  tabla: string,
  ids: Iterable<number>,
): Promise<void> {
  const distintos = [...new Set(ids)];
  if (distintos.length === 0) return;
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int4 AS n FROM (
      SELECT 1 FROM ${sql.raw(tabla)} WHERE id = ANY(${distintos}::int8[]) FOR KEY SHARE
    ) AS encontrados`.execute(trx);
  if ((rows[0]?.n ?? 0) !== distintos.length) {
    throw new Error(`escritura de cartera: referencia a una fila inexistente de ${tabla}`);
  }
}
