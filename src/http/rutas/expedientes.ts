import { z } from 'zod';
import { cambiarParametrosPrescripcion } from '../../modules/expedientes/cambiar-parametros-prescripcion.ts';
import { consultarExpediente } from '../../modules/expedientes/consultar-expediente.ts';
import { listarPorPrescribir } from '../../modules/expedientes/listar-por-prescribir.ts';
import { leerParametrosPrescripcion } from '../../modules/expedientes/parametros-prescripcion.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { cadena, idEnConsulta, idEnRuta, validar } from '../validacion.ts';

const consultaPrescripcion = z.strictObject({
  dias: z.coerce
    .number('debe ser un número de días')
    .int('debe ser un número entero de días')
    .min(1, 'mínimo 1 día')
    .max(1_095, 'a lo más 1,095 días (3 años)')
    .default(180),
  oficinaId: idEnConsulta.optional(),
  incluirPrescritos: z.enum(['si', 'no'], 'debe ser "si" o "no"').default('no'),
  pagina: z.coerce
    .number('debe ser un número de página')
    .int('debe ser un número entero')
    .min(1, 'la primera página es 1')
    .max(10_000, 'a lo más 10,000')
    .default(1),
});

const parametrosPrescripcion = z.strictObject({
  pagoInterrumpe: z.boolean('debe ser true o false'),
  alertasDias: z
    .array(
      z
        .number('debe ser un número de días')
        .int('debe ser un número entero de días')
        .min(1, 'mínimo 1 día')
        .max(1_095, 'a lo más 1,095 días (3 años)'),
      'debe ser una lista de días, p. ej. [180, 90, 30]',
    )
    .min(1, 'indica al menos un aviso')
    .max(5, 'a lo más 5 avisos')
    .refine((xs) => new Set(xs).size === xs.length, 'no repitas un mismo número de días'),
  fundamento: cadena({ renglones: true })
    .trim()
    .min(20, 'anota el fundamento legal (al menos 20 caracteres)')
    .max(2_000, 'admite a lo más 2,000 caracteres'),
});

export function rutasExpedientes({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;

  app.get(
    '/api/creditos/:id/expediente',
    { config: { accion: 'expediente.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      return db.transaction().execute((trx) => consultarExpediente(trx, id, ctx));
    },
  );

  app.get(
    '/api/prescripcion',
    { config: { accion: 'prescripcion.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const q = validar(consultaPrescripcion, request.query);
      const filtro = {
        dias: q.dias,
        oficinaId: q.oficinaId,
        incluirPrescritos: q.incluirPrescritos === 'si',
        pagina: q.pagina,
      };
      return db.transaction().execute((trx) => listarPorPrescribir(trx, filtro, ctx));
    },
  );

  app.get(
    '/api/parametros/prescripcion',
    { config: { accion: 'prescripcion.parametros' } },
    async () => leerParametrosPrescripcion(db),
  );

  app.put(
    '/api/parametros/prescripcion',
    { config: { accion: 'prescripcion.parametros_administrar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const nuevos = validar(parametrosPrescripcion, request.body);
      return db.transaction().execute((trx) => cambiarParametrosPrescripcion(trx, nuevos, ctx));
    },
  );
}
