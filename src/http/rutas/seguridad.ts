import { alertasAcceso } from '../../contrato/bitacora.ts';
import { listarAlertasDeAcceso } from '../../modules/seguridad/listar-alertas-de-acceso.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';

export function rutasSeguridad(contexto: ContextoApp): void {
  enrutador(contexto).get(
    '/api/seguridad/alertas',
    {
      accion: 'seguridad.alertas',
      resumen: 'Las ráfagas de intentos de entrada fallidos de la última semana',
      respuesta: alertasAcceso,
    },
    async ({ ctx, enTransaccion }) => ({
      alertas: await enTransaccion((trx) => listarAlertasDeAcceso(trx, ctx)),
    }),
  );
}
