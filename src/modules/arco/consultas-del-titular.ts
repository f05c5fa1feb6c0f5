import type { Db } from '../../db/conexion.ts';
import { describirAccion } from './describir-accion.ts';

/** The bitácora rows about her person or her credits: who, when, what. */
export async function consultasDelTitular(trx: Db, personaId: number, creditos: readonly number[]) {
  const filas = await trx
    .selectFrom('bitacora as b')
    .leftJoin('usuarios as u', 'u.id', 'b.actor_id')
    .select(['b.instante', 'b.actor_usuario', 'u.nombre', 'b.accion'])
    .where((eb) =>
      eb.or([
        eb.and([eb('b.objeto_tipo', '=', 'persona'), eb('b.objeto_id', '=', String(personaId))]),
        ...(creditos.length === 0
          ? []
          : [
              eb.and([
                eb('b.objeto_tipo', '=', 'credito'),
                eb('b.objeto_id', 'in', creditos.map(String)),
              ]),
            ]),
      ]),
    )
    .orderBy('b.id')
    .execute();
  return filas.map((f) => {
    const d = describirAccion(f.accion);
    return {
      instante: f.instante.toISOString(),
      usuario: f.actor_usuario,
      nombre: f.nombre,
      tipo: d.tipo,
      descripcion: d.texto,
      accion: f.accion,
    };
  });
}
