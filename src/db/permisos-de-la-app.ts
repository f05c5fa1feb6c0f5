import { type Kysely, sql } from 'kysely';

/** Tables the app may not write as it writes the others, and what it may do with them. */
const EXCEPCIONES: Record<string, string | null> = {
  // Kysely's own bookkeeping: only the owner migrates.
  migraciones: null,
  migraciones_candado: null,
  // Read only: rows are sealed in by bitacora_sellar(), which runs as the owner (migration 0021).
  bitacora: 'SELECT',
  // Append only: the use case's entry, sealed into the chain at commit.
  bitacora_entrada: 'INSERT',
  // Goals are versioned: a change is a new row, never an edit (migration 0023).
  metas: 'SELECT, INSERT',
  // A person's corrections are her history: kept, never edited (migration 0028).
  correcciones_persona: 'SELECT, INSERT',
  // Custody, scans, legal actions and the prescription parameter are history (migration 0029):
  // a move is a new row; where a piece is now lives in custodia_piezas.
  custodia_acuses: 'SELECT, INSERT',
  custodia_movimientos: 'SELECT, INSERT',
  escaneos: 'SELECT, INSERT',
  actuaciones_juridicas: 'SELECT, INSERT',
  parametros_prescripcion: 'SELECT, INSERT',
  // Datos del instituto (migration 0032): each save is a new version a reprint can name.
  datos_del_instituto: 'SELECT, INSERT',
  // Plantillas and the documents issued (migration 0033): versions and records, never edited.
  plantillas: 'SELECT, INSERT',
  // Only an ARCO block touches an issued document: it withdraws the stored content.
  documentos_emitidos: 'SELECT, INSERT, UPDATE (contenido, contenido_retirado_en)',
  // A closed corte de caja is what it was when closed (migration 0034): nothing edits it.
  cortes_de_caja: 'SELECT, INSERT',
  cortes_de_caja_lineas: 'SELECT, INSERT',
};

async function existeEsquema<T>(db: Kysely<T>, esquema: string): Promise<boolean> {
  const { rows } = await sql<{
    existe: boolean;
  }>`SELECT to_regnamespace(${esquema}) IS NOT NULL AS existe`.execute(db);
  return rows[0]?.existe ?? false;
}

/**
 * Run by the owner after each migration: the app role gets rows (SELECT, INSERT, UPDATE,
 * DELETE) and sequences, never TRUNCATE, TRIGGER or REFERENCES, and the exceptions above. The
 * default privileges give the same to the tables a later migration creates before this runs
 * again; the exceptions are re-applied at every start, so a new table on that list is covered.
 */
export async function concederPermisos<T>(db: Kysely<T>, rolApp: string): Promise<void> {
  const app = sql.id(rolApp);
  for (const esquema of ['public', 'trabajos']) {
    if (!(await existeEsquema(db, esquema))) continue;
    const e = sql.id(esquema);
    await sql`GRANT USAGE ON SCHEMA ${e} TO ${app}`.execute(db);
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${e} TO ${app}`.execute(
      db,
    );
    await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${e} TO ${app}`.execute(db);
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA ${e}
                GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`.execute(db);
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA ${e}
                GRANT USAGE, SELECT ON SEQUENCES TO ${app}`.execute(db);
  }
  for (const [tabla, permitido] of Object.entries(EXCEPCIONES)) {
    const { rows } = await sql<{
      existe: boolean;
    }>`SELECT to_regclass(${`public.${tabla}`}) IS NOT NULL AS existe`.execute(db);
    if (!rows[0]?.existe) continue;
    await sql`REVOKE ALL ON TABLE ${sql.id('public', tabla)} FROM ${app}`.execute(db);
    if (permitido)
      await sql`GRANT ${sql.raw(permitido)} ON TABLE ${sql.id('public', tabla)} TO ${app}`.execute(
        db,
      );
  }
  // The chain's ids are taken by the sealing function alone.
  await sql`REVOKE ALL ON SEQUENCE bitacora_id_seq FROM ${app}`.execute(db);
}
