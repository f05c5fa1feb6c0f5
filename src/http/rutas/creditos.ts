import { z } from 'zod';
import { BUCKETS } from '../../domain/antiguedad.ts';
import { tasaDesdeTexto } from '../../domain/tasa.ts';
import { consultarCredito } from '../../modules/cartera/consultar-credito.ts';
import { consultarEstadoDeCuentaConPuntualidad } from '../../modules/cartera/consultar-estado-de-cuenta.ts';
import { fijarTasaPuntual } from '../../modules/cartera/fijar-tasa-puntual.ts';
import { listarCreditos } from '../../modules/cartera/listar-creditos.ts';
import { listarMovimientos } from '../../modules/cartera/listar-movimientos.ts';
import { generarPdfEstadoDeCuenta } from '../../modules/documentos/estado-de-cuenta-pdf.ts';
import { prepararEstadoDeCuentaPdf } from '../../modules/documentos/preparar-estado-de-cuenta-pdf.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { cadena, fechaOpcional, idEnRuta, texto, validar } from '../validacion.ts';

const consultaFecha = z.strictObject({ fecha: fechaOpcional });
const consultaLista = z.strictObject({
  numero: cadena().trim().max(40).optional(),
  bucket: z.enum(BUCKETS as [string, ...string[]]).optional(),
  pagina: z.coerce.number().int().min(1).max(100_000).default(1),
});
const tasaPuntual = z.strictObject({
  tasa: z
    .string('debe ser una tasa como texto, p. ej. "0.00", o null para quitarla')
    .refine(
      (t) => tasaDesdeTexto(t) !== null,
      'debe ser una tasa anual entre "0" y "1" con a lo más 8 decimales (p. ej. "0.00")',
    )
    .nullable(),
  motivo: cadena({ renglones: true })
    .trim()
    .min(10, 'explica el motivo (al menos 10 caracteres)')
    .max(500, 'admite a lo más 500 caracteres'),
  evidencia: texto(500).nullable().default(null),
});

export function rutasCreditos({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;

  app.get('/api/creditos', { config: { accion: 'creditos.listar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const filtro = validar(consultaLista, request.query) as Parameters<typeof listarCreditos>[1];
    return db.transaction().execute((trx) => listarCreditos(trx, filtro, ctx));
  });

  app.get('/api/creditos/:id', { config: { accion: 'creditos.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { id } = validar(idEnRuta, request.params);
    return db.transaction().execute((trx) => consultarCredito(trx, id, ctx));
  });

  app.put(
    '/api/creditos/:id/tasa-puntual',
    { config: { accion: 'creditos.tasa_puntual' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const cambio = validar(tasaPuntual, request.body);
      return db.transaction().execute((trx) => fijarTasaPuntual(trx, id, cambio, ctx));
    },
  );

  app.get(
    '/api/creditos/:id/movimientos',
    { config: { accion: 'creditos.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      return {
        movimientos: await db.transaction().execute((trx) => listarMovimientos(trx, id, ctx)),
      };
    },
  );

  app.get(
    '/api/creditos/:id/estado-de-cuenta',
    { config: { accion: 'creditos.estado_de_cuenta' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const { fecha } = validar(consultaFecha, request.query);
      return db
        .transaction()
        .execute((trx) => consultarEstadoDeCuentaConPuntualidad(trx, id, fecha ?? null, ctx));
    },
  );

  app.get(
    '/api/creditos/:id/estado-de-cuenta.pdf',
    { config: { accion: 'creditos.estado_de_cuenta' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const { fecha } = validar(consultaFecha, request.query);
      const { credito, estado } = await db
        .transaction()
        .execute((trx) => prepararEstadoDeCuentaPdf(trx, id, fecha ?? null, ctx));
      const pdf = await generarPdfEstadoDeCuenta(credito, estado, {
        emitido: ctx.reloj.ahora(),
        usuario: ctx.actor.nombre,
      });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="estado-de-cuenta-${credito.numero}-${estado.fecha_corte}.pdf"`,
        )
        .send(pdf);
    },
  );
}
