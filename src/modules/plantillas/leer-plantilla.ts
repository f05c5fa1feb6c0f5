import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { TextosDePlantilla, TipoPlantilla } from '../../domain/plantillas/index.ts';

export interface VersionDePlantilla {
  tipo: TipoPlantilla;
  version: number;
  textos: TextosDePlantilla;
  /** The full name of who saved it; null for version 1, as Recupera shipped it. */
  guardadoPor: string | null;
  guardadoEn: string;
}

/** The version in force of `tipo` (the highest), or `version` itself. */
export async function leerPlantilla(
  trx: Db,
  tipo: TipoPlantilla,
  version?: number,
): Promise<VersionDePlantilla> {
  let consulta = trx
    .selectFrom('plantillas as p')
    .leftJoin('usuarios as u', 'u.id', 'p.guardado_por')
    .select(['p.version', 'p.textos', 'p.guardado_en', 'u.nombre as guardado_por'])
    .where('p.tipo', '=', tipo);
  consulta =
    version === undefined
      ? consulta.orderBy('p.version', 'desc').limit(1)
      : consulta.where('p.version', '=', version);
  const f = await consulta.executeTakeFirst();
  if (f === undefined) {
    throw new ErrorDominio('no_encontrado', `La plantilla no tiene la versión ${version ?? ''}.`);
  }
  return {
    tipo,
    version: f.version,
    // Written whole by guardarPlantilla from validated texts (or by migration 0033).
    textos: f.textos as TextosDePlantilla,
    guardadoPor: f.guardado_por,
    guardadoEn: f.guardado_en.toISOString(),
  };
}

/** Every version of `tipo`, newest first: who saved it and when. */
export async function listarVersiones(
  trx: Db,
  tipo: TipoPlantilla,
): Promise<Array<{ version: number; guardadoPor: string | null; guardadoEn: string }>> {
  const filas = await trx
    .selectFrom('plantillas as p')
    .leftJoin('usuarios as u', 'u.id', 'p.guardado_por')
    .select(['p.version', 'p.guardado_en', 'u.nombre as guardado_por'])
    .where('p.tipo', '=', tipo)
    .orderBy('p.version', 'desc')
    .execute();
  return filas.map((f) => ({
    version: f.version,
    guardadoPor: f.guardado_por,
    guardadoEn: f.guardado_en.toISOString(),
  }));
}
