import { sql } from 'kysely';
import type { ContextoApp } from '../app.ts';
import { BASE_NO_DISPONIBLE } from '../errores-http.ts';

export function rutasSalud({ app, deps }: ContextoApp): void {
  app.get('/api/salud', { config: { accion: 'publica' } }, async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(deps.db);
      return { estado: 'ok' };
    } catch {
      return reply.status(503).header('retry-after', '5').send(BASE_NO_DISPONIBLE);
    }
  });
}
