import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';

/** The chain's head as anchored outside the database (src/plataforma/anclas-bitacora.ts). */
export interface AnclaVerificable {
  id: number;
  hash: string;
  /** When it was anchored (ISO instant), to tell the reader. */
  instante: string;
}

export type ResultadoVerificacion =
  | { valida: true; filas: number }
  | { valida: false; filas: number; primeraRota: number; motivo: string };

const LOTE = 5_000;
const GENESIS = '0'.repeat(64);

const cuando = (a: AnclaVerificable) => `${a.instante.slice(0, 19).replace('T', ' ')} UTC`;

/**
 * Anchored ids the walk never met. Past the chain's end: its last rows were deleted. Inside it:
 * rows were deleted and the chain goes on without them (the app kept appending after the
 * deletion, or the rows after it were re-sealed), or the chain would not fit together.
 */
function anclaFaltante(
  pendientes: Map<number, AnclaVerificable[]>,
  ultimoId: number,
  filas: number,
): ResultadoVerificacion | null {
  const id = Math.min(...pendientes.keys());
  const ancla = pendientes.get(id)?.[0];
  if (!ancla) return null;
  const motivo =
    id > ultimoId
      ? `ya no existe, y se ancló fuera de la base el ${cuando(ancla)}: se borraron las últimas filas de la bitácora (ahora termina en la fila ${ultimoId < 0 ? 'ninguna' : ultimoId})`
      : `ya no existe, y se ancló fuera de la base el ${cuando(ancla)}: se borraron filas de la bitácora y la cadena sigue sin ellas (se escribió o se volvió a sellar después)`;
  return { valida: false, filas, primeraRota: id, motivo };
}

/**
 * Walks the whole chain in id order, in batches, recomputing each row's hash in PostgreSQL with
 * the same expression that sealed it, and names the first row that does not fit. With
 * `anclas`, each anchored id must still be there with the anchored hash: a chain whose last
 * rows were deleted, or that was re-sealed after a change, fits together but not with them.
 */
export async function verificarBitacora(
  db: Db,
  anclas: readonly AnclaVerificable[] = [],
): Promise<ResultadoVerificacion> {
  const pendientes = new Map<number, AnclaVerificable[]>();
  for (const a of anclas) pendientes.set(a.id, [...(pendientes.get(a.id) ?? []), a]);
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
    if (rows.length === 0) {
      return anclaFaltante(pendientes, ultimoId, filas) ?? { valida: true, filas };
    }
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
      const distinta = pendientes.get(f.id)?.find((a) => a.hash !== f.hash);
      if (distinta) {
        return {
          valida: false,
          filas,
          primeraRota: f.id,
          motivo: `no tiene el hash que se ancló fuera de la base el ${cuando(distinta)}: la cadena se volvió a sellar desde esta fila o antes (se alteró una fila y se recalcularon las siguientes)`,
        };
      }
      pendientes.delete(f.id);
      anterior = f.hash;
      ultimoId = f.id;
      filas++;
    }
  }
}
