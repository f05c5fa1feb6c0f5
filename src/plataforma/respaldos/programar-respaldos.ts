import type PgBoss from 'pg-boss';
import type { Reloj } from '../../domain/reloj.ts';
import { type Config, leerConfig } from '../config.ts';
import { instanciaEnMarcha } from '../postgres-embebido.ts';
import { buscarPrograma } from './herramientas-pg.ts';
import { carpetaDeRespaldos } from './nombres.ts';
import { podarRespaldos } from './podar.ts';
import { describirTamano, respaldar } from './respaldar.ts';
import { versionMayorDelServidor } from './respaldo-externo.ts';

const RESPALDO = 'respaldo-nocturno';

/** Why this process makes no nightly backups, or null when it makes them. */
async function motivoParaNoRespaldar(config: Config): Promise<string | null> {
  if (config.databaseUrl) {
    const pgDump = buscarPrograma('pg_dump');
    if (!pgDump)
      return 'con DATABASE_URL los hace pg_dump y no está en el PATH (docs/respaldos.md)';
    // pg_dump refuses a newer server: every night would fail the same way.
    const servidor = await versionMayorDelServidor(config.databaseUrl);
    return pgDump.mayor < servidor
      ? `pg_dump ${pgDump.version} es más antiguo que el servidor (PostgreSQL ${servidor}); instala postgresql-client-${servidor}`
      : null;
  }
  // The process that runs the embedded server backs it up; another one on the same DATA_DIR
  // (a command, a test against another database) is not the installation's app.
  return instanciaEnMarcha(config.carpetaDatos)?.pid === process.pid
    ? null
    : `este proceso no es el que corre la base embebida de ${config.carpetaDatos}`;
}

/**
 * The nightly backup, at 02:30 business time (after the 02:00 aging), into DATA_DIR/respaldos,
 * then the retention of RESPALDOS_DIARIOS/SEMANALES/MENSUALES. pg-boss's schedule makes one job
 * per night even with several instances; the singleton queue never runs two at once.
 */
export async function programarRespaldos(
  boss: PgBoss,
  reloj: Reloj,
  zona: string,
  config: Config = leerConfig(),
): Promise<void> {
  const motivo = await motivoParaNoRespaldar(config);
  if (motivo !== null) {
    console.log(`Respaldos nocturnos desactivados: ${motivo}.`);
    return;
  }
  await boss.createQueue(RESPALDO, {
    name: RESPALDO,
    policy: 'singleton',
    retryLimit: 1,
    retryDelay: 600,
    expireInHours: 6,
  });
  await boss.schedule(RESPALDO, '30 2 * * *', {}, { tz: zona });
  await boss.work(RESPALDO, async () => {
    try {
      const r = await respaldar(config, { reloj, avisar: (l) => console.log(l) });
      const borrados = await podarRespaldos(
        carpetaDeRespaldos(config.carpetaDatos),
        config.respaldos,
        reloj.ahora(),
      );
      console.log(
        `Respaldo nocturno: ${r.ruta} (${describirTamano(r.bytes)}); respaldos antiguos borrados: ${borrados.length}.`,
      );
      return { ruta: r.ruta, bytes: r.bytes, borrados };
    } catch (e) {
      console.error(`Respaldo nocturno fallido: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  });
}
