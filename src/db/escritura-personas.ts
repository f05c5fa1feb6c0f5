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

interface Contadores {
  telefonos: InsercionMasiva;
  correos: InsercionMasiva;
  domicilios: InsercionMasiva;
  domiciliosNuevos: InsercionMasiva;
}

function insercionesDeContacto(trx: Db): Contadores {
  const domicilio = [
    ['persona_id', 'int4'],
    ['calle', 'text'],
    ['numero', 'text'],
    ['colonia', 'text'],
    ['codigo_postal', 'text'],
    ['municipio', 'text'],
    ['estado', 'text'],
  ] as const;
  return {
    // A person who already existed keeps the contacts she had; only new ones are added.
    telefonos: new InsercionMasiva(
      trx,
      'telefonos',
      [
        ['persona_id', 'int4'],
        ['numero', 'text'],
        ['tipo', 'text'],
        ['consentimiento', 'bool'],
      ],
      sql`ON CONFLICT (persona_id, numero) DO NOTHING`,
    ),
    correos: new InsercionMasiva(
      trx,
      'correos',
      [
        ['persona_id', 'int4'],
        ['correo', 'text'],
        ['consentimiento', 'bool'],
      ],
      sql`ON CONFLICT (persona_id, correo) DO NOTHING`,
    ),
    domicilios: new InsercionMasiva(
      trx,
      'domicilios',
      domicilio,
      sql`WHERE NOT EXISTS (SELECT 1 FROM domicilios d WHERE d.persona_id = u.persona_id
        AND d.calle = u.calle AND d.numero IS NOT DISTINCT FROM u.numero
        AND d.colonia IS NOT DISTINCT FROM u.colonia AND d.municipio = u.municipio)`,
    ),
    // A person created just now has no address to compare with.
    domiciliosNuevos: new InsercionMasiva(trx, 'domicilios', domicilio),
  };
}

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
  resumen.personasCreadas = creadas.size;
  const existentes = await buscarPersonas(
    trx,
    unicas.filter((p) => !creadas.has(p.curp)).map((p) => p.curp),
  );
  resumen.personasExistentes = existentes.size;
  for (const [curp, id] of existentes) ids.set(curp, id);

  const c = insercionesDeContacto(trx);
  for (const p of unicas) {
    const id = ids.get(p.curp);
    for (const t of p.telefonos) await c.telefonos.agregar(id, t.numero, t.tipo, t.consentimiento);
    for (const e of p.correos) await c.correos.agregar(id, e.correo, e.consentimiento);
    const destino = creadas.has(p.curp) ? c.domiciliosNuevos : c.domicilios;
    for (const d of p.domicilios) {
      await destino.agregar(
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
  resumen.telefonos = await c.telefonos.terminar();
  resumen.correos = await c.correos.terminar();
  resumen.domicilios = (await c.domicilios.terminar()) + (await c.domiciliosNuevos.terminar());
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
