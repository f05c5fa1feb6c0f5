import { sql } from 'kysely';
import type { ContextoApp } from '../app.ts';
import { cuerpoError } from '../errores-http.ts';

export function rutasSalud({ app, deps }: ContextoApp): void {
  app.get('/api/salud', { config: { accion: 'publica' } }, async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(deps.db);
      return { estado: 'ok' };
    } catch {
      return reply
        .status(503)
        .send(cuerpoError('sin_base_de_datos', 'La base de datos no responde.'));
    }
  });
}
