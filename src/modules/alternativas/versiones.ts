import type { Selectable } from 'kysely';
import type {
  AlternativaFila,
  VersionAlternativaFila,
  VersionCampanaFila,
} from '../../db/esquema.ts';
import type {
  Elegibilidad,
  VersionAlternativa,
  VersionCampana,
} from '../../domain/alternativas/index.ts';
import { porcentajeDesdeTexto } from '../../domain/alternativas/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { ESQUEMA_PARAMETROS } from './esquemas.ts';

type Identidad = { id: number; clave: string };
type FilaVersionAlternativa = Selectable<VersionAlternativaFila>;
type FilaVersionCampana = Selectable<VersionCampanaFila>;

function elegibilidadDe(f: FilaVersionAlternativa | FilaVersionCampana): Elegibilidad {
  return {
    diasAtrasoMinimo: f.dias_atraso_minimo,
    diasAtrasoMaximo: f.dias_atraso_maximo,
    productos: f.productos,
    oficinas: f.oficinas,
    generacionDesde: f.generacion_desde,
    generacionHasta: f.generacion_hasta,
  };
}

export function columnasDeElegibilidad(e: Elegibilidad) {
  return {
    dias_atraso_minimo: e.diasAtrasoMinimo,
    dias_atraso_maximo: e.diasAtrasoMaximo,
    productos: [...e.productos],
    oficinas: [...e.oficinas],
    generacion_desde: e.generacionDesde,
    generacion_hasta: e.generacionHasta,
  };
}

/** A stored version as the domain's; a row that no longer fits its kind's schema is a defect. */
export function versionAlternativaDesdeFila(
  a: Identidad & Pick<AlternativaFila, 'tipo'>,
  v: FilaVersionAlternativa,
): VersionAlternativa {
  const parametros = ESQUEMA_PARAMETROS[a.tipo].safeParse(v.parametros);
  if (!parametros.success) {
    throw new Error(
      `la versión ${v.version} de la alternativa ${a.clave} tiene parámetros inválidos`,
    );
  }
  return {
    alternativaId: a.id,
    versionId: v.id,
    version: v.version,
    clave: a.clave,
    vigenteDesde: v.vigente_desde as Fecha,
    nombre: v.nombre,
    descripcion: v.descripcion,
    activa: v.activa,
    parametros: parametros.data,
    elegibilidad: elegibilidadDe(v),
    toleranciaDias: v.tolerancia_dias,
  };
}

function porcentajeGuardado(texto: string, campo: string) {
  const p = porcentajeDesdeTexto(texto);
  if (p === null) throw new Error(`${campo} guardado inválido: ${texto}`);
  return p;
}

export function versionCampanaDesdeFila(c: Identidad, v: FilaVersionCampana): VersionCampana {
  return {
    campanaId: c.id,
    versionId: v.id,
    version: v.version,
    clave: c.clave,
    vigenteDesde: v.vigente_desde as Fecha,
    nombre: v.nombre,
    acuerdo: v.acuerdo,
    descripcion: v.descripcion,
    inicio: v.inicio as Fecha,
    fin: v.fin as Fecha,
    activa: v.activa,
    descuento: {
      moratorio: porcentajeGuardado(v.descuento_moratorio, 'descuento_moratorio'),
      interes: porcentajeGuardado(v.descuento_interes, 'descuento_interes'),
    },
    pagosMaximos: v.pagos_maximos,
    congelaMoratorio: v.congela_moratorio,
    elegibilidad: elegibilidadDe(v),
    toleranciaDias: v.tolerancia_dias,
  };
}

/** The version in force on `fecha`: the latest `vigenteDesde` on or before it, then the highest number. */
export function vigenteEn<T extends { vigenteDesde: Fecha; version: number }>(
  versiones: readonly T[],
  fecha: Fecha,
): T | null {
  let vigente: T | null = null;
  for (const v of versiones) {
    if (v.vigenteDesde > fecha) continue;
    if (
      vigente === null ||
      v.vigenteDesde > vigente.vigenteDesde ||
      (v.vigenteDesde === vigente.vigenteDesde && v.version > vigente.version)
    ) {
      vigente = v;
    }
  }
  return vigente;
}
