import { type Kysely, sql } from 'kysely';

/**
 * Datos del instituto (issue 14, item 2): what the printed documents say of the institute — its
 * legal name, address, phone and email, the bank accounts a debtor pays into (with the CLABE
 * and how to write the reference at each bank), who signs each document for it and the legal
 * legends each one carries. The administrador keeps them; every save is a new version (the app
 * may only insert), so an issued document can name the version it printed and a reprint can
 * use it again. Accounts, signatories and legends are JSONB: they are read and written whole.
 * Written for PostgreSQL 15 and later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE datos_del_instituto (
      version integer PRIMARY KEY CHECK (version >= 1),
      razon_social text NOT NULL CHECK (btrim(razon_social) <> ''),
      domicilio text NOT NULL,
      telefono text NOT NULL,
      correo text NOT NULL,
      -- [{ banco, titular, cuenta, clabe, convencionReferencia }]
      cuentas jsonb NOT NULL CHECK (jsonb_typeof(cuentas) = 'array'),
      -- { convenio: { nombre, cargo }, … } by document type
      firmantes jsonb NOT NULL CHECK (jsonb_typeof(firmantes) = 'object'),
      -- { convenio: 'texto', … } by document type
      leyendas jsonb NOT NULL CHECK (jsonb_typeof(leyendas) = 'object'),
      guardado_por integer NOT NULL REFERENCES usuarios(id),
      guardado_en timestamptz NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE datos_del_instituto`.execute(db);
}
