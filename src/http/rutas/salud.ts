import { sql } from 'kysely';
import type { ContextoApp } from '../app.ts';
import { BASE_NO_DISPONIBLE } from '../errores-http.ts';
import { enrutador } from '../ruta.ts';

export function rutasSalud(contexto: ContextoApp): void {
  enrutador(contexto).get('/api/salud', { accion: 'publica' }, async ({ reply }) => {
    try {
      await sql`SELECT 1`.execute(contexto.deps.db);
      return { estado: 'ok' };
    } catch {
      return reply.status(503).header('retry-after', '5').send(BASE_NO_DISPONIBLE);
    }
  });
}
