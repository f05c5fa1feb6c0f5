import type { Db } from '../../../db/conexion.ts';
import type { TipoDeEscaneo } from './tipo-por-firma.ts';

/** A scan as the API shows it (the shared contract of issue 10). */
export interface Escaneo {
  id: number;
  ministracionId: number | null;
  actuacionId: number | null;
  nombre: string;
  tipo: TipoDeEscaneo;
  bytes: number;
  sha256: string;
  descripcion: string | null;
  /** The uploader's name. */
  subidoPor: string;
  subidoEn: string;
}

/** A scan with the credit it belongs to, for the checks and the files. */
export interface EscaneoConCredito extends Escaneo {
  creditoId: number;
}

/** The scans of a credit (oldest first, as they were attached), or one by id. */
export async function escaneosDe(
  trx: Db,
  filtro: { creditoId: number } | { escaneoId: number },
): Promise<EscaneoConCredito[]> {
  let q = trx
    .selectFrom('escaneos as e')
    .innerJoin('usuarios as u', 'u.id', 'e.subido_por')
    .select([
      'e.id',
      'e.credito_id',
      'e.ministracion_id',
      'e.actuacion_id',
      'e.nombre_original',
      'e.tipo_mime',
      'e.bytes',
      'e.sha256',
      'e.descripcion',
      'u.nombre as subido_por',
      'e.subido_en',
    ]);
  q =
    'creditoId' in filtro
      ? q.where('e.credito_id', '=', filtro.creditoId)
      : q.where('e.id', '=', filtro.escaneoId);
  const filas = await q.orderBy('e.id').execute();
  return filas.map((f) => ({
    id: Number(f.id),
    creditoId: f.credito_id,
    ministracionId: f.ministracion_id,
    actuacionId: f.actuacion_id,
    nombre: f.nombre_original,
    tipo: f.tipo_mime,
    bytes: Number(f.bytes),
    sha256: f.sha256,
    descripcion: f.descripcion,
    subidoPor: f.subido_por,
    subidoEn: f.subido_en.toISOString(),
  }));
}

/** The contract's shape, without the credit the caller already knows. */
export function vistaDeEscaneo({ creditoId: _, ...escaneo }: EscaneoConCredito): Escaneo {
  return escaneo;
}
