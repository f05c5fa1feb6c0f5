import type { Db } from '../../db/conexion.ts';
import { minutosHabilesEntre } from '../../domain/gestion/horas-habiles.ts';
import { ZONA_INSTITUTO } from '../../domain/gestion/zona-horaria.ts';
import { leerDiasInhabiles } from '../arco/calendario.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import { leerParametrosGestion } from '../gestion/parametros-gestion.ts';
import type { Actor } from '../seguridad/actor.ts';
import { avisarA } from './destinatarios.ts';

export interface RecadosEscalados {
  escalados: number;
}

/**
 * Recados still unattended after `horasHabilesParaEscalar` business hours (Monday to Friday,
 * 08:00–16:00 in Hermosillo, not on the institute's días inhábiles) go to their office's
 * coordinador: marked `escalado`, and every
 * active coordinador of the office is told live. Run every 15 minutes by the job queue; each
 * recado escalates once. One bitácora row per run that escalated something.
 */
export async function escalarRecados(
  trx: Db,
  ctx: Contexto & { actor?: Pick<Actor, 'id' | 'usuario'> | null },
): Promise<RecadosEscalados> {
  const ahora = ctx.reloj.ahora();
  const { horas_habiles_para_escalar: horas } = await leerParametrosGestion(trx);
  // Business time never runs faster than the wall clock: a recado younger than that many
  // hours cannot be due, so the database returns only the few that may be.
  const candidatos = await trx
    .selectFrom('recados')
    .select(['id', 'oficina_id', 'creado'])
    .where('estado', '<>', 'atendido')
    .where('escalado', 'is', null)
    .where('creado', '<=', new Date(ahora.getTime() - horas * 3_600_000))
    // A recado being attended right now is left for the next run.
    .forUpdate()
    .skipLocked()
    .execute();
  if (candidatos.length === 0) return { escalados: 0 };
  const inhabiles = await leerDiasInhabiles(trx);
  const vencidos = candidatos.filter(
    (r) => minutosHabilesEntre(r.creado, ahora, ZONA_INSTITUTO, inhabiles) >= horas * 60,
  );
  if (vencidos.length === 0) return { escalados: 0 };
  const ids = vencidos.map((r) => r.id);
  await trx.updateTable('recados').set({ escalado: ahora }).where('id', 'in', ids).execute();
  const oficinas = [...new Set(vencidos.map((r) => r.oficina_id))];
  const coordinadores = await trx
    .selectFrom('usuarios')
    .select('id')
    .where('rol', '=', 'coordinador')
    .where('activo', '=', true)
    .where('oficina_id', 'in', oficinas)
    .execute();
  for (const c of coordinadores) await avisarA(trx, c.id);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'recados.escalar',
    detalle: { recados: ids, oficinas, horasHabiles: horas },
  });
  return { escalados: ids.length };
}
