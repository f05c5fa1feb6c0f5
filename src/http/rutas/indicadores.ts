import { z } from 'zod';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Mes } from '../../domain/metas/mes.ts';
import { registrarEnBitacora } from '../../modules/bitacora/registrar-en-bitacora.ts';
import { origenDe } from '../../modules/contexto.ts';
import { consultarIndicadores } from '../../modules/indicadores/consultar-indicadores.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { fecha, idEnConsulta, mes, validar } from '../validacion.ts';

const consulta = z.strictObject({
  mes,
  nivel: z.enum(['gestor', 'oficina', 'instituto'], 'debe ser gestor, oficina o instituto'),
  alCorte: fecha.optional(),
  oficinaId: idEnConsulta.optional(),
});
const recalcular = z.strictObject({ mes });
const trabajo = z.strictObject({ id: z.string().uuid() });

export function rutasIndicadores({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const cola = () => {
    if (!deps.trabajos)
      throw new ErrorDominio(
        'conflicto',
        'La cola de trabajos no está disponible en esta instancia.',
      );
    return deps.trabajos;
  };

  app.get('/api/indicadores', { config: { accion: 'indicadores.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const q = validar(consulta, request.query);
    return db.transaction().execute((trx) =>
      consultarIndicadores(
        trx,
        {
          mes: q.mes,
          nivel: q.nivel,
          ...(q.alCorte === undefined ? {} : { alCorte: q.alCorte }),
          ...(q.oficinaId === undefined ? {} : { oficinaId: q.oficinaId }),
        },
        ctx,
      ),
    );
  });

  // A month's facts take seconds to minutes on the whole portfolio: a job; the client polls it.
  app.post(
    '/api/indicadores/recalcular',
    { config: { accion: 'indicadores.recalcular' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { mes: m } = validar(recalcular, request.body);
      if (`${m}-01` > reloj.hoy())
        throw new ErrorDominio('entrada_invalida', 'El mes todavía no empieza.', 'mes');
      const id = await cola().encolarIndicadores(m as Mes, ctx.actor);
      await db.transaction().execute((trx) =>
        registrarEnBitacora(trx, origenDe(ctx), {
          accion: 'indicadores.recalcular',
          detalle: { mes: m, trabajo: id },
        }),
      );
      return reply.status(202).send({ trabajo: id });
    },
  );

  app.get(
    '/api/indicadores/trabajos/:id',
    { config: { accion: 'indicadores.recalcular' } },
    async (request) => {
      const { id } = validar(trabajo, request.params);
      const estado = await cola().estadoDeIndicadores(id);
      if (!estado) throw new ErrorDominio('no_encontrado', 'El trabajo no existe.');
      return estado;
    },
  );
}
