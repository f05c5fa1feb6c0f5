import type PgBoss from 'pg-boss';
import type { Db } from '../db/conexion.ts';
import type { Reloj } from '../domain/reloj.ts';
import { suprimirDatosBloqueados } from '../modules/arco/suprimir-datos-bloqueados.ts';

const SUPRIMIR = 'arco-suprimir-bloqueados';

/**
 * Nightly at 03:15 business time: blocked data (ARCO cancellations) whose blocking period ended
 * are deleted (docs/arco.md). pg-boss's schedule makes one job per night even with several
 * instances; a job cut short rolls back and runs again.
 */
export async function programarSupresionArco(
  boss: PgBoss,
  db: Db,
  reloj: Reloj,
  zona: string,
): Promise<void> {
  await boss.createQueue(SUPRIMIR);
  await boss.schedule(SUPRIMIR, '15 3 * * *', {}, { tz: zona });
  await boss.work(SUPRIMIR, async () =>
    db
      .transaction()
      .execute((trx) => suprimirDatosBloqueados(trx, { reloj, ip: null, actor: null })),
  );
}
