import type { Selectable } from 'kysely';
import type { MetaFila } from '../../db/esquema.ts';
import type { ItemMeta } from '../../domain/metas/indice-de-cumplimiento.ts';
import { objetivosDeFila } from './metas-vigentes.ts';

/** One item as the API and the XLSX read it: money in decimal pesos, counts as integer text. */
/** A stored version as read. */
export type Meta = Selectable<MetaFila>;

export interface ItemVista {
  meta: string;
  /** pg's numeric(6,2): "40.00". */
  peso: string;
}

export type ItemsVista = Partial<Record<ItemMeta, ItemVista>>;

export interface OficinaDeMeta {
  id: number;
  clave: string;
  nombre: string;
}

export interface GestorDeMeta {
  id: number;
  usuario: string;
  nombre: string;
}

/** A version of a goal: what it asks for, why, who set it and when. */
export interface VersionDeMeta {
  version: number;
  items: ItemsVista;
  motivo: string | null;
  registradaPor: { id: number; nombre: string };
  /** ISO instant. */
  registrada: string;
}

/** One subject's current goal for the month (GET /api/metas); no goal yet: version null. */
export interface MetaEnLista {
  oficina: OficinaDeMeta;
  /** null: the office's own goal. */
  gestor: GestorDeMeta | null;
  version: number | null;
  items: ItemsVista;
  motivo: string | null;
  registradaPor: { id: number; nombre: string } | null;
  registrada: string | null;
}

/** Centavos (as bigint: the domain's goals) as pesos with two decimals. */
export function pesosDeCentavos(c: bigint): string {
  return `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
}

export function itemsDeFila(f: Meta): ItemsVista {
  const items: ItemsVista = {};
  for (const [item, o] of Object.entries(objetivosDeFila(f)) as Array<
    [ItemMeta, { meta: bigint; peso: string }]
  >) {
    items[item] = {
      meta: item === 'recuperacion' ? pesosDeCentavos(o.meta) : String(o.meta),
      peso: o.peso,
    };
  }
  return items;
}

export function versionDeFila(f: Meta, registradaPor: string): VersionDeMeta {
  return {
    version: f.version,
    items: itemsDeFila(f),
    motivo: f.motivo,
    registradaPor: { id: f.registrada_por, nombre: registradaPor },
    registrada: f.registrada.toISOString(),
  };
}

/** The list element of a subject, with its current version if it has one. */
export function metaEnLista(
  oficina: OficinaDeMeta,
  gestor: GestorDeMeta | null,
  vigente: VersionDeMeta | null,
): MetaEnLista {
  return {
    oficina,
    gestor,
    version: vigente?.version ?? null,
    items: vigente?.items ?? {},
    motivo: vigente?.motivo ?? null,
    registradaPor: vigente?.registradaPor ?? null,
    registrada: vigente?.registrada ?? null,
  };
}
