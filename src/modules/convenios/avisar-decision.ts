import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';

export type DecisionConvenio = 'autorizado' | 'rechazado';

/** What the gestor's screen receives on `GET /api/convenios/avisos` (event `convenios`). */
export interface AvisoDeConvenio {
  convenioId: number;
  decision: DecisionConvenio;
  /** Who decided, by name. */
  por: string;
  /** Why it was rejected; null when authorized. */
  motivo: string | null;
}

/**
 * Tells whoever proposed the convenio that it was decided, live. pg_notify inside the
 * transaction is delivered only when it commits: a decision that fails announces nothing.
 */
export async function avisarDecisionDeConvenio(
  trx: Db,
  convenio: { id: number; propuesto_por: number },
  decision: DecisionConvenio,
  motivo: string | null,
  ctx: ContextoAutenticado,
): Promise<void> {
  const aviso: AvisoDeConvenio = {
    convenioId: convenio.id,
    decision,
    por: ctx.actor.nombre,
    motivo,
  };
  await sql`SELECT pg_notify('convenios', ${`${convenio.propuesto_por} ${JSON.stringify(aviso)}`})`.execute(
    trx,
  );
}
