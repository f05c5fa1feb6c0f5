import type { Db } from '../../db/conexion.ts';
import { type Elegibilidad, formatearPorcentaje } from '../../domain/alternativas/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import type { VersionAnexada } from './catalogo-versionado.ts';
import {
  type DatosVersionAlternativa,
  type DatosVersionCampana,
  parametrosAJson,
} from './esquemas.ts';
import { columnasDeElegibilidad } from './versiones.ts';

/** The columns every version has, whatever its kind. */
function columnasComunes(
  version: number,
  vigenteDesde: Fecha,
  datos: {
    nombre: string;
    descripcion: string;
    activa: boolean;
    toleranciaDias: number;
    elegibilidad: Elegibilidad;
  },
  ctx: ContextoAutenticado,
) {
  return {
    version,
    vigente_desde: vigenteDesde,
    nombre: datos.nombre,
    descripcion: datos.descripcion,
    activa: datos.activa,
    tolerancia_dias: datos.toleranciaDias,
    ...columnasDeElegibilidad(datos.elegibilidad),
    creada: ctx.reloj.ahora(),
    creada_por: ctx.actor.id,
  };
}

/** Appends version `version` of an alternative; returns its id and what the bitácora records. */
export async function anexarVersionAlternativa(
  trx: Db,
  alternativaId: number,
  version: number,
  datos: DatosVersionAlternativa,
  vigenteDesde: Fecha,
  ctx: ContextoAutenticado,
): Promise<VersionAnexada> {
  const contenido = {
    version,
    vigenteDesde,
    nombre: datos.nombre,
    descripcion: datos.descripcion,
    activa: datos.activa,
    parametros: parametrosAJson(datos.parametros),
    toleranciaDias: datos.toleranciaDias,
    elegibilidad: datos.elegibilidad,
  };
  const { id } = await trx
    .insertInto('versiones_alternativa')
    .values({
      alternativa_id: alternativaId,
      ...columnasComunes(version, vigenteDesde, datos, ctx),
      parametros: JSON.stringify(contenido.parametros),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { versionId: id, contenido };
}

/** Appends version `version` of a campaign; returns its id and what the bitácora records. */
export async function anexarVersionCampana(
  trx: Db,
  campanaId: number,
  version: number,
  datos: DatosVersionCampana,
  vigenteDesde: Fecha,
  ctx: ContextoAutenticado,
): Promise<VersionAnexada> {
  const contenido = {
    version,
    vigenteDesde,
    nombre: datos.nombre,
    acuerdo: datos.acuerdo,
    descripcion: datos.descripcion,
    inicio: datos.inicio,
    fin: datos.fin,
    activa: datos.activa,
    descuentoMoratorio: formatearPorcentaje(datos.descuentoMoratorio),
    descuentoInteres: formatearPorcentaje(datos.descuentoInteres),
    pagosMaximos: datos.pagosMaximos,
    congelaMoratorio: datos.congelaMoratorio,
    toleranciaDias: datos.toleranciaDias,
    elegibilidad: datos.elegibilidad,
  };
  const { id } = await trx
    .insertInto('versiones_campana')
    .values({
      campana_id: campanaId,
      ...columnasComunes(version, vigenteDesde, datos, ctx),
      acuerdo: datos.acuerdo,
      inicio: datos.inicio,
      fin: datos.fin,
      descuento_moratorio: contenido.descuentoMoratorio,
      descuento_interes: contenido.descuentoInteres,
      pagos_maximos: datos.pagosMaximos,
      congela_moratorio: datos.congelaMoratorio,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { versionId: id, contenido };
}
