import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';

export type ResultadoVerificacion =
  | { valida: true; filas: number }
  | { valida: false; filas: number; primeraRota: number; motivo: string };

const LOTE = 5_000;
const GENESIS = '0'.repeat(64);

/**
 * Walks the whole chain in id order, in batches, recomputing each row's hash in PostgreSQL with
 * the same expression that sealed it, and names the first row that does not fit.
 */
export async function verificarBitacora(db: Db): Promise<ResultadoVerificacion> {
  let anterior = GENESIS;
  let ultimoId = -1;
  let filas = 0;
  for (;;) {
    const { rows } = await sql<{
      id: number;
      hash_anterior: string;
      hash: string;
      esperado: string;
    }>`
      SELECT id, hash_anterior, hash,
             bitacora_hash(hash_anterior, bitacora_canonico(id, instante, actor_id, actor_usuario, accion,
                                                            objeto_tipo, objeto_id, ip, detalle, hash_anterior)) AS esperado
        FROM bitacora WHERE id > ${ultimoId} ORDER BY id LIMIT ${LOTE}`.execute(db);
    if (rows.length === 0) return { valida: true, filas };
    for (const f of rows) {
      if (f.hash_anterior !== anterior) {
        return {
          valida: false,
          filas,
          primeraRota: f.id,
          motivo: 'no enlaza con la fila anterior (falta o se alteró una fila)',
        };
      }
      if (f.esperado !== f.hash) {
        return {
          valida: false,
          filas,
          primeraRota: f.id,
          motivo: 'su contenido no corresponde a su hash (se alteró)',
        };
      }
      anterior = f.hash;
      ultimoId = f.id;
      filas++;
    }
  }
}
