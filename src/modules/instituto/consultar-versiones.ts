import type { Db } from '../../db/conexion.ts';

/** One saved version, as the page lists them: which, who and when. */
export interface VersionDeDatos {
  version: number;
  guardadoPor: string;
  guardadoEn: string;
}

/** Every version saved, newest first (the table is append-only: this is the whole history). */
export async function consultarVersionesDeDatos(trx: Db): Promise<VersionDeDatos[]> {
  const filas = await trx
    .selectFrom('datos_del_instituto as d')
    .innerJoin('usuarios as u', 'u.id', 'd.guardado_por')
    .select(['d.version', 'u.nombre', 'd.guardado_en'])
    .orderBy('d.version', 'desc')
    .execute();
  return filas.map((f) => ({
    version: f.version,
    guardadoPor: f.nombre,
    guardadoEn: f.guardado_en.toISOString(),
  }));
}
