import type { Selectable } from 'kysely';
import type { AlternativaFila, CampanaFila } from '../../db/esquema.ts';
import {
  ETIQUETA_TIPO,
  formatearPorcentaje,
  type VersionAlternativa,
  type VersionCampana,
} from '../../domain/alternativas/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { Autoria, ConVersiones } from './catalogo-versionado.ts';
import { parametrosAJson } from './esquemas.ts';
import { vigenteEn } from './versiones.ts';

export type AlternativaConVersiones = ConVersiones<Selectable<AlternativaFila>, VersionAlternativa>;
export type CampanaConVersiones = ConVersiones<Selectable<CampanaFila>, VersionCampana>;

function autoriaDe(autoria: Autoria, id: number) {
  const a = autoria.get(id);
  return { creada: a?.creada.toISOString() ?? null, creadaPor: a?.creadaPor ?? null };
}

function versionAlternativaVista(v: VersionAlternativa, autoria: Autoria) {
  return {
    id: v.versionId,
    version: v.version,
    vigenteDesde: v.vigenteDesde,
    nombre: v.nombre,
    descripcion: v.descripcion,
    activa: v.activa,
    parametros: parametrosAJson(v.parametros),
    toleranciaDias: v.toleranciaDias,
    elegibilidad: { ...v.elegibilidad },
    ...autoriaDe(autoria, v.versionId),
  };
}

/** The latest version scheduled after `hoy`, if an edit takes effect later. */
function programada<T extends { vigenteDesde: Fecha; version: number }>(
  versiones: T[],
  hoy: Fecha,
) {
  const futuras = versiones.filter((v) => v.vigenteDesde > hoy);
  return futuras.at(-1) ?? null;
}

type VersionComun = { versionId: number; vigenteDesde: Fecha; version: number };

/**
 * An entry with the version in force today, the one scheduled (if any), and optionally all;
 * `propios` adds what its kind shows beside its clave (an alternativa's kind, a campaign's situation).
 */
function vistaDeEntrada<V extends VersionComun, VV, P extends object>(
  e: ConVersiones<{ id: number; clave: string }, V>,
  hoy: Fecha,
  conVersiones: boolean,
  versionVista: (v: V, autoria: Autoria) => VV,
  propios: (vigente: V | null) => P,
) {
  const vigente = vigenteEn(e.versiones, hoy);
  const siguiente = programada(e.versiones, hoy);
  return {
    id: e.id,
    clave: e.clave,
    ...propios(vigente),
    vigente: vigente === null ? null : versionVista(vigente, e.autoria),
    programada: siguiente === null ? null : versionVista(siguiente, e.autoria),
    ...(conVersiones ? { versiones: e.versiones.map((v) => versionVista(v, e.autoria)) } : {}),
  };
}

export type AlternativaVista = ReturnType<typeof alternativaVista>;

export function alternativaVista(a: AlternativaConVersiones, hoy: Fecha, conVersiones: boolean) {
  return vistaDeEntrada(a, hoy, conVersiones, versionAlternativaVista, () => ({
    tipo: a.tipo,
    etiquetaTipo: ETIQUETA_TIPO[a.tipo],
  }));
}

function versionCampanaVista(v: VersionCampana, autoria: Autoria) {
  return {
    id: v.versionId,
    version: v.version,
    vigenteDesde: v.vigenteDesde,
    nombre: v.nombre,
    acuerdo: v.acuerdo,
    descripcion: v.descripcion,
    inicio: v.inicio,
    fin: v.fin,
    activa: v.activa,
    descuentoMoratorio: formatearPorcentaje(v.descuento.moratorio),
    descuentoInteres: formatearPorcentaje(v.descuento.interes),
    pagosMaximos: v.pagosMaximos,
    congelaMoratorio: v.congelaMoratorio,
    toleranciaDias: v.toleranciaDias,
    elegibilidad: { ...v.elegibilidad },
    ...autoriaDe(autoria, v.versionId),
  };
}

type SituacionCampana = 'vigente' | 'por_iniciar' | 'terminada' | 'inactiva';

function situacionDe(v: VersionCampana | null, hoy: Fecha): SituacionCampana {
  if (v === null || !v.activa) return 'inactiva';
  if (hoy < v.inicio) return 'por_iniciar';
  return hoy > v.fin ? 'terminada' : 'vigente';
}

export type CampanaVista = ReturnType<typeof campanaVista>;

export function campanaVista(c: CampanaConVersiones, hoy: Fecha, conVersiones: boolean) {
  return vistaDeEntrada(c, hoy, conVersiones, versionCampanaVista, (vigente) => ({
    situacion: situacionDe(vigente, hoy),
  }));
}
