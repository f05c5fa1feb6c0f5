import { z } from 'zod';
import { agenda } from '../../contrato/agenda.ts';
import { cobertura } from '../../contrato/indicadores.ts';
import { consultarAgenda } from '../../modules/agenda/consultar-agenda.ts';
import { consultarCobertura } from '../../modules/indicadores/cobertura.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';
import { fechaOpcional, idEnConsulta, mes } from '../validacion.ts';

const consultaAgenda = z.strictObject({
  desde: fechaOpcional,
  hasta: fechaOpcional,
  gestorId: idEnConsulta.optional(),
});
const consultaCobertura = z.strictObject({
  mes: mes.optional(),
});

export function rutasAgenda(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/agenda',
    {
      accion: 'agenda.consultar',
      resumen: 'Los eventos de la agenda de un gestor entre dos fechas',
      query: consultaAgenda,
      respuesta: agenda,
    },
    async ({ query: q, ctx, enTransaccion }) =>
      enTransaccion((trx) =>
        consultarAgenda(
          trx,
          { desde: q.desde ?? null, hasta: q.hasta ?? null, gestorId: q.gestorId ?? null },
          ctx,
        ),
      ),
  );

  rutas.get(
    '/api/indicadores/cobertura',
    {
      accion: 'cobertura.consultar',
      resumen: 'Cobertura del mes: cuentas asignadas y gestionadas por gestor y oficina',
      query: consultaCobertura,
      respuesta: cobertura,
    },
    async ({ query: { mes }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarCobertura(trx, mes ?? ctx.reloj.hoy().slice(0, 7), ctx)),
  );
}
