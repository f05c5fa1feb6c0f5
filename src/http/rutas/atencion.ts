import { z } from 'zod';
import { buscar } from '../../modules/atencion/buscar.ts';
import { consultarFicha } from '../../modules/atencion/consultar-ficha.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { idEnRuta, validar } from '../validacion.ts';

const consulta = z.strictObject({
  q: z.string().trim().min(1, 'escribe algo que buscar').max(100, 'admite a lo más 100 caracteres'),
});

export function rutasAtencion({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;

  app.get('/api/buscar', { config: { accion: 'atencion.buscar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { q } = validar(consulta, request.query);
    return { resultados: await db.transaction().execute((trx) => buscar(trx, q, ctx)) };
  });

  app.get('/api/personas/:id/ficha', { config: { accion: 'atencion.ficha' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { id } = validar(idEnRuta, request.params);
    return db.transaction().execute((trx) => consultarFicha(trx, id, ctx));
  });
}
