import {
  ETIQUETA_TIPO,
  formatearPorcentaje,
  type VersionAlternativa,
  type VersionCampana,
} from '../../domain/alternativas/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { parametrosAJson } from './esquemas.ts';
import {
  type AlternativaConVersiones,
  type Autoria,
  type CampanaConVersiones,
  vigenteEn,
} from './versiones.ts';

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

export type AlternativaVista = ReturnType<typeof alternativaVista>;

/** An alternative with the version in force today, the one scheduled (if any), and optionally all. */
export function alternativaVista(a: AlternativaConVersiones, hoy: Fecha, conVersiones: boolean) {
  const vigente = vigenteEn(a.versiones, hoy);
  const siguiente = programada(a.versiones, hoy);
  return {
    id: a.id,
    clave: a.clave,
    tipo: a.tipo,
    etiquetaTipo: ETIQUETA_TIPO[a.tipo],
    vigente: vigente === null ? null : versionAlternativaVista(vigente, a.autoria),
    programada: siguiente === null ? null : versionAlternativaVista(siguiente, a.autoria),
    ...(conVersiones
      ? { versiones: a.versiones.map((v) => versionAlternativaVista(v, a.autoria)) }
      : {}),
  };
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
  const vigente = vigenteEn(c.versiones, hoy);
  const siguiente = programada(c.versiones, hoy);
  return {
    id: c.id,
    clave: c.clave,
    situacion: situacionDe(vigente, hoy),
    vigente: vigente === null ? null : versionCampanaVista(vigente, c.autoria),
    programada: siguiente === null ? null : versionCampanaVista(siguiente, c.autoria),
    ...(conVersiones
      ? { versiones: c.versiones.map((v) => versionCampanaVista(v, c.autoria)) }
      : {}),
  };
}
