import type { Db } from '../../db/conexion.ts';
import {
  type DefinicionDePlantilla,
  PLANTILLAS,
  TIPOS_DE_PLANTILLA,
  type TipoPlantilla,
} from '../../domain/plantillas/index.ts';
import { leerPlantilla, listarVersiones, type VersionDePlantilla } from './leer-plantilla.ts';

/** The editable documents, each with its sections and variables, and its version in force. */
export async function listarTiposDePlantilla(
  trx: Db,
): Promise<Array<DefinicionDePlantilla & { versionVigente: number }>> {
  const vigentes = await trx
    .selectFrom('plantillas')
    .select(['tipo', (eb) => eb.fn.max('version').as('version')])
    .groupBy('tipo')
    .execute();
  return TIPOS_DE_PLANTILLA.map((tipo) => ({
    ...PLANTILLAS[tipo],
    versionVigente: Number(vigentes.find((v) => v.tipo === tipo)?.version ?? 1),
  }));
}

export interface PlantillaConVersiones {
  definicion: DefinicionDePlantilla;
  /** The version asked for, or the one in force. */
  plantilla: VersionDePlantilla;
  versionVigente: number;
  versiones: Awaited<ReturnType<typeof listarVersiones>>;
}

/** One document's template: its texts (in force, or an earlier version) and its history. */
export async function consultarPlantilla(
  trx: Db,
  tipo: TipoPlantilla,
  version?: number,
): Promise<PlantillaConVersiones> {
  const versiones = await listarVersiones(trx, tipo);
  return {
    definicion: PLANTILLAS[tipo],
    plantilla: await leerPlantilla(trx, tipo, version),
    versionVigente: versiones[0]?.version ?? 1,
    versiones,
  };
}
