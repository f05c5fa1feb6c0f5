import { listarAlertasDeAcceso } from '../../modules/seguridad/listar-alertas-de-acceso.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';

export function rutasSeguridad({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;

  app.get(
    '/api/seguridad/alertas',
    { config: { accion: 'seguridad.alertas' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      return { alertas: await db.transaction().execute((trx) => listarAlertasDeAcceso(trx, ctx)) };
    },
  );
}
