import type { Db } from '../../db/conexion.ts';
import { HASH_GENESIS, hashDeFila } from './canonico.ts';

export type ResultadoVerificacion =
  | { valida: true; filas: number }
  | { valida: false; filas: number; primeraRota: number; motivo: string };

const LOTE = 5_000;

/** Walks the whole chain in id order, in batches, and names the first row that does not fit. */
export async function verificarBitacora(db: Db): Promise<ResultadoVerificacion> {
  let anterior = HASH_GENESIS;
  let ultimoId = -1;
  let filas = 0;
  for (;;) {
    const lote = await db
      .selectFrom('bitacora')
      .selectAll()
      .where('id', '>', ultimoId)
      .orderBy('id')
      .limit(LOTE)
      .execute();
    if (lote.length === 0) return { valida: true, filas };
    for (const f of lote) {
      if (f.hash_anterior !== anterior) {
        return {
          valida: false,
          filas,
          primeraRota: f.id,
          motivo: 'no enlaza con la fila anterior (falta o se alteró una fila)',
        };
      }
      const esperado = hashDeFila({
        id: f.id,
        instante: f.instante,
        actorId: f.actor_id,
        actorUsuario: f.actor_usuario,
        accion: f.accion,
        objetoTipo: f.objeto_tipo,
        objetoId: f.objeto_id,
        ip: f.ip,
        detalle: f.detalle,
        hashAnterior: f.hash_anterior,
      });
      if (esperado !== f.hash) {
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
