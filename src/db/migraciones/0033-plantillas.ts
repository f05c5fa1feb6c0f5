import { type Kysely, sql } from 'kysely';
import { TEXTOS_POR_OMISION, TIPOS_DE_PLANTILLA } from '../../domain/plantillas/index.ts';

/**
 * Plantillas (issue 14, item 3): the editable texts of the documents, in versions the app may
 * only add (src/db/permisos-de-la-app.ts), and the documents issued, each naming the template
 * and datos del instituto versions it printed and the content it printed, so that a reprint is
 * the same document. Version 1 of each template is the text the documents printed before
 * (src/domain/plantillas/por-omision.ts), stored here so that later code edits cannot change
 * what a reprint of version 1 says. Written for PostgreSQL 15 and later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE plantillas (
      id serial PRIMARY KEY,
      tipo text NOT NULL CHECK (tipo IN (
        'convenio', 'pagare', 'carta_finiquito', 'recibo', 'ficha_de_pago', 'estado_de_cuenta')),
      version integer NOT NULL CHECK (version >= 1),
      -- { seccion: 'texto con {{variables}}', … }: the document's sections, read and written whole.
      textos jsonb NOT NULL CHECK (jsonb_typeof(textos) = 'object'),
      -- Null: version 1, as Recupera shipped it.
      guardado_por integer REFERENCES usuarios(id),
      guardado_en timestamptz NOT NULL,
      UNIQUE (tipo, version)
    );

    CREATE TABLE documentos_emitidos (
      id bigserial PRIMARY KEY,
      tipo text NOT NULL CHECK (tipo IN (
        'convenio', 'carta_finiquito', 'recibo', 'ficha_de_pago', 'estado_de_cuenta')),
      -- What it is about: always a credit (a convenio's first one), and the payment or convenio.
      credito_id integer NOT NULL REFERENCES creditos(id),
      movimiento_id bigint REFERENCES movimientos(id),
      convenio_id integer REFERENCES convenios(id),
      -- What was asked for (the statement's date, the ficha's amount), for people to read.
      parametros jsonb NOT NULL CHECK (jsonb_typeof(parametros) = 'object'),
      -- What the document printed, as the generator received it: a reprint prints it again.
      -- Withdrawn (NULL, with the instant) when a person it names has her data blocked (ARCO):
      -- the copy must not outlive the block of the data it holds.
      contenido jsonb,
      contenido_retirado_en timestamptz,
      CHECK ((contenido IS NULL) = (contenido_retirado_en IS NOT NULL)),
      plantilla_version integer NOT NULL,
      -- A convenio that carries a reestructura's pagaré prints that template too.
      plantilla_pagare_version integer,
      datos_instituto_version integer REFERENCES datos_del_instituto(version),
      emitido_por integer NOT NULL REFERENCES usuarios(id),
      emitido_en timestamptz NOT NULL,
      FOREIGN KEY (tipo, plantilla_version) REFERENCES plantillas(tipo, version)
    );
    CREATE INDEX documentos_emitidos_credito ON documentos_emitidos (credito_id, id);
  `.execute(db);
  for (const tipo of TIPOS_DE_PLANTILLA) {
    await sql`
      INSERT INTO plantillas (tipo, version, textos, guardado_por, guardado_en)
      VALUES (${tipo}, 1, ${JSON.stringify(TEXTOS_POR_OMISION[tipo])}::jsonb, NULL, now())
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE documentos_emitidos; DROP TABLE plantillas`.execute(db);
}
