import { z } from 'zod';
import { consultarAgenda } from '../../modules/agenda/consultar-agenda.ts';
import { consultarCobertura } from '../../modules/indicadores/cobertura.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { fechaOpcional, idEnConsulta, mes, validar } from '../validacion.ts';

const consultaAgenda = z.strictObject({
  desde: fechaOpcional,
  hasta: fechaOpcional,
  gestorId: idEnConsulta.optional(),
});
const consultaCobertura = z.strictObject({
  mes: mes.optional(),
});

export function rutasAgenda({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;

  app.get('/api/agenda', { config: { accion: 'agenda.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const q = validar(consultaAgenda, request.query);
    return db
      .transaction()
      .execute((trx) =>
        consultarAgenda(
          trx,
          { desde: q.desde ?? null, hasta: q.hasta ?? null, gestorId: q.gestorId ?? null },
          ctx,
        ),
      );
  });

  app.get(
    '/api/indicadores/cobertura',
    { config: { accion: 'cobertura.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { mes } = validar(consultaCobertura, request.query);
      return db
        .transaction()
        .execute((trx) => consultarCobertura(trx, mes ?? ctx.reloj.hoy().slice(0, 7), ctx));
    },
  );
}
