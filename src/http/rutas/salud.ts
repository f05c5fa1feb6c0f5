import { sql } from 'kysely';
import { salud } from '../../contrato/sesion.ts';
import type { ContextoApp } from '../app.ts';
import { BASE_NO_DISPONIBLE } from '../errores-http.ts';
import { enrutador } from '../ruta.ts';

export function rutasSalud(contexto: ContextoApp): void {
  enrutador(contexto).get(
    '/api/salud',
    {
      accion: 'publica',
      resumen: 'Salud del servicio y de su base de datos (503 si la base no responde)',
      respuesta: salud,
    },
    async ({ reply }) => {
      try {
        await sql`SELECT 1`.execute(contexto.deps.db);
        return { estado: 'ok' as const };
      } catch {
        return reply.status(503).header('retry-after', '5').send(BASE_NO_DISPONIBLE);
      }
    },
  );
}
