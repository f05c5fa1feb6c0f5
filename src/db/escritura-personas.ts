import { sql } from 'kysely';
import type { Fecha } from '../domain/fecha.ts';
import type { Db } from './conexion.ts';
import type { TipoTelefono } from './esquema.ts';
import { InsercionMasiva } from './insercion-masiva.ts';

/** People and their contacts, for the portfolio's bulk writer (escritura-cartera.ts). */

export interface TelefonoNuevo {
  numero: string;
  tipo: TipoTelefono;
  consentimiento: boolean;
}
export interface CorreoNuevo {
  correo: string;
  consentimiento: boolean;
}
export interface DomicilioNuevo {
  calle: string;
  numero: string | null;
  colonia: string | null;
  codigoPostal: string | null;
  municipio: string;
  estado: string;
}

/** Identified by CURP: one that already exists is reused (only its missing contacts are added). */
export interface PersonaNueva {
  curp: string;
  nombres: string;
  primerApellido: string;
  segundoApellido: string | null;
  rfc: string | null;
  fechaNacimiento: Fecha | null;
  telefonos: readonly TelefonoNuevo[];
  correos: readonly CorreoNuevo[];
  domicilios: readonly DomicilioNuevo[];
}

const TELEFONO = [
  ['persona_id', 'int4'],
  ['numero', 'text'],
  ['tipo', 'text'],
  ['consentimiento', 'bool'],
] as const;
const CORREO = [
  ['persona_id', 'int4'],
  ['correo', 'text'],
  ['consentimiento', 'bool'],
] as const;
const DOMICILIO = [
  ['persona_id', 'int4'],
  ['calle', 'text'],
  ['numero', 'text'],
  ['colonia', 'text'],
  ['codigo_postal', 'text'],
  ['municipio', 'text'],
  ['estado', 'text'],
] as const;

/** Inserts of one kind of contact, for people created now and for people who existed. */
interface Contactos {
  nuevas: InsercionMasiva;
  existentes: InsercionMasiva;
}

/**
 * A person created now gets her contacts inserted as they are (repeated ones dropped here); a
 * person who existed keeps the contacts she had and gets only those she lacks, which the
 * database decides (ON CONFLICT, NOT EXISTS): checking each row costs, so only there.
 */
function contactos(trx: Db) {
  return {
    telefonos: {
      nuevas: new InsercionMasiva(trx, 'telefonos', TELEFONO),
      existentes: new InsercionMasiva(trx, 'telefonos', TELEFONO, {
        sufijo: sql`ON CONFLICT (persona_id, numero) DO NOTHING`,
      }),
    },
    correos: {
      nuevas: new InsercionMasiva(trx, 'correos', CORREO),
      existentes: new InsercionMasiva(trx, 'correos', CORREO, {
        sufijo: sql`ON CONFLICT (persona_id, correo) DO NOTHING`,
      }),
    },
    domicilios: {
      nuevas: new InsercionMasiva(trx, 'domicilios', DOMICILIO),
      existentes: new InsercionMasiva(trx, 'domicilios', DOMICILIO, {
        sufijo: sql`WHERE NOT EXISTS (SELECT 1 FROM domicilios d WHERE d.persona_id = u.persona_id
          AND d.calle = u.calle AND d.numero IS NOT DISTINCT FROM u.numero
          AND d.colonia IS NOT DISTINCT FROM u.colonia AND d.municipio = u.municipio)`,
      }),
    },
  } satisfies Record<string, Contactos>;
}

const terminar = async (c: Contactos) =>
  (await c.nuevas.terminar()) + (await c.existentes.terminar());

export interface ResumenPersonas {
  personasCreadas: number;
  personasExistentes: number;
  telefonos: number;
  correos: number;
  domicilios: number;
}

/** Creates the people that do not exist yet (by CURP) and adds their contacts; curp → id. */
export async function escribirPersonas(
  trx: Db,
  personas: readonly PersonaNueva[],
  instante: Date,
  resumen: ResumenPersonas,
): Promise<Map<string, number>> {
  const porCurp = new Map<string, PersonaNueva>();
  for (const p of personas) if (!porCurp.has(p.curp)) porCurp.set(p.curp, p);
  const unicas = [...porCurp.values()];
  const ids = new Map<string, number>();
  const creadas = new Set<string>();
  for (let i = 0; i < unicas.length; i += 20_000) {
    const parte = unicas.slice(i, i + 20_000);
    const columna = <T>(f: (p: PersonaNueva) => T) => parte.map(f);
    const { rows } = await sql<{ id: number; curp: string }>`
      INSERT INTO personas (curp, nombres, primer_apellido, segundo_apellido, rfc, fecha_nacimiento, creada)
      SELECT *, ${instante}::timestamptz FROM unnest(${columna((p) => p.curp)}::text[],
        ${columna((p) => p.nombres)}::text[], ${columna((p) => p.primerApellido)}::text[],
        ${columna((p) => p.segundoApellido)}::text[], ${columna((p) => p.rfc)}::text[],
        ${columna((p) => p.fechaNacimiento)}::date[])
      ON CONFLICT (curp) DO NOTHING RETURNING id, curp`.execute(trx);
    for (const r of rows) {
      ids.set(r.curp, r.id);
      creadas.add(r.curp);
    }
  }
  resumen.personasCreadas += creadas.size;
  const existentes = await buscarPersonas(
    trx,
    unicas.filter((p) => !creadas.has(p.curp)).map((p) => p.curp),
  );
  resumen.personasExistentes += existentes.size;
  for (const [curp, id] of existentes) ids.set(curp, id);

  const c = contactos(trx);
  for (const p of unicas) {
    const id = ids.get(p.curp);
    const nueva = creadas.has(p.curp);
    const tipo = <T extends Contactos>(x: T) => (nueva ? x.nuevas : x.existentes);
    const numeros = new Set<string>();
    for (const t of p.telefonos) {
      if (numeros.has(t.numero)) continue;
      numeros.add(t.numero);
      await tipo(c.telefonos).agregar(id, t.numero, t.tipo, t.consentimiento);
    }
    const correos = new Set<string>();
    for (const e of p.correos) {
      if (correos.has(e.correo)) continue;
      correos.add(e.correo);
      await tipo(c.correos).agregar(id, e.correo, e.consentimiento);
    }
    for (const d of p.domicilios) {
      await tipo(c.domicilios).agregar(
        id,
        d.calle,
        d.numero,
        d.colonia,
        d.codigoPostal,
        d.municipio,
        d.estado,
      );
    }
  }
  resumen.telefonos += await terminar(c.telefonos);
  resumen.correos += await terminar(c.correos);
  resumen.domicilios += await terminar(c.domicilios);
  return ids;
}

/** Ids of existing people by CURP, locked as a foreign key check would lock them. */
export async function buscarPersonas(
  trx: Db,
  curps: readonly string[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (curps.length === 0) return ids;
  const { rows } = await sql<{ id: number; curp: string }>`
    SELECT id, curp FROM personas WHERE curp = ANY(${curps}::text[]) FOR KEY SHARE`.execute(trx);
  for (const r of rows) ids.set(r.curp, r.id);
  return ids;
}
