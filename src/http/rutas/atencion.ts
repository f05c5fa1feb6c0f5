import { z } from 'zod';
import { buscar } from '../../modules/atencion/buscar.ts';
import { consultarFicha } from '../../modules/atencion/consultar-ficha.ts';
import { revelarDatoPersonal } from '../../modules/atencion/revelar-dato-personal.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { cadena, idEnRuta, validar } from '../validacion.ts';

const consulta = z.strictObject({
  q: cadena().trim().min(1, 'escribe algo que buscar').max(100, 'admite a lo más 100 caracteres'),
});

const idDe = (que: string) =>
  z.number(`debe ser el número de registro del ${que}`).int().positive().max(2_147_483_647);
const revelacion = z.discriminatedUnion(
  'campo',
  [
    z.strictObject({ campo: z.literal('curp') }),
    z.strictObject({ campo: z.literal('rfc') }),
    z.strictObject({ campo: z.literal('telefono'), telefonoId: idDe('teléfono') }),
    z.strictObject({ campo: z.literal('correo'), correoId: idDe('correo') }),
  ],
  { error: 'debe ser curp, rfc, telefono o correo' },
);

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

  // POST: a reveal is an act that leaves a bitácora row, not a cacheable read.
  app.post(
    '/api/personas/:id/revelar',
    { config: { accion: 'personas.revelar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const dato = validar(revelacion, request.body);
      return db.transaction().execute((trx) => revelarDatoPersonal(trx, id, dato, ctx));
    },
  );
}
