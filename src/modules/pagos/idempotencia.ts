import { createHash } from 'node:crypto';
import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { jsonCanonico } from '../../domain/json-canonico.ts';

export interface Solicitud {
  usuarioId: number;
  clave: string;
  ruta: string;
  cuerpo: unknown;
}

export interface Respuesta {
  estadoHttp: number;
  /** The serialized JSON answer, byte for byte the same on every replay. */
  cuerpo: string;
  /** True when this call did the work; false when it returned the first call's answer. */
  nueva: boolean;
}

export function huella(ruta: string, cuerpo: unknown): string {
  return createHash('sha256').update(ruta).update('\n').update(jsonCanonico(cuerpo)).digest('hex');
}

/**
 * Runs `trabajo` once per (user, Idempotency-Key), inside the caller's transaction. The key's
 * row is inserted first: a concurrent request with the same key blocks on that insert until
 * this transaction ends, then finds the stored answer (or, if this one rolled back, does the
 * work itself). The answer is stored in the same transaction as the work: both or neither.
 */
export async function unaSolaVez<T>(
  trx: Db,
  s: Solicitud,
  instante: Date,
  trabajo: () => Promise<{ estadoHttp: number; cuerpo: T }>,
): Promise<Respuesta> {
  const h = huella(s.ruta, s.cuerpo);
  const insertada = await trx
    .insertInto('solicitudes_idempotentes')
    .values({
      usuario_id: s.usuarioId,
      clave: s.clave,
      ruta: s.ruta,
      huella: h,
      creada: instante,
      estado_http: null,
      respuesta: null,
    })
    .onConflict((oc) => oc.columns(['usuario_id', 'clave']).doNothing())
    .returning('clave')
    .executeTakeFirst();
  if (!insertada) {
    const previa = await trx
      .selectFrom('solicitudes_idempotentes')
      .select(['huella', 'estado_http', 'respuesta'])
      .where('usuario_id', '=', s.usuarioId)
      .where('clave', '=', s.clave)
      .executeTakeFirstOrThrow();
    if (previa.huella !== h || previa.estado_http === null || previa.respuesta === null) {
      throw new ErrorDominio(
        'idempotencia_conflicto',
        'Esa Idempotency-Key ya se usó con otra solicitud; genera una clave nueva para una operación nueva.',
        'Idempotency-Key',
      );
    }
    return { estadoHttp: previa.estado_http, cuerpo: previa.respuesta, nueva: false };
  }
  const r = await trabajo();
  const cuerpo = JSON.stringify(r.cuerpo);
  await trx
    .updateTable('solicitudes_idempotentes')
    .set({ estado_http: r.estadoHttp, respuesta: cuerpo })
    .where('usuario_id', '=', s.usuarioId)
    .where('clave', '=', s.clave)
    .execute();
  return { estadoHttp: r.estadoHttp, cuerpo, nueva: true };
}
