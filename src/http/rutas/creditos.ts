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
import { descarga, enrutador } from '../ruta.ts';
import { cadena, fechaOpcional, idEnRuta, texto } from '../validacion.ts';

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

export function rutasCreditos(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/creditos',
    { accion: 'creditos.listar', query: consultaLista },
    async ({ query, ctx, enTransaccion }) => {
      const filtro = query as Parameters<typeof listarCreditos>[1];
      return enTransaccion((trx) => listarCreditos(trx, filtro, ctx));
    },
  );

  rutas.get(
    '/api/creditos/:id',
    { accion: 'creditos.consultar', params: idEnRuta },
    async ({ params: { id }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarCredito(trx, id, ctx)),
  );

  rutas.put(
    '/api/creditos/:id/tasa-puntual',
    { accion: 'creditos.tasa_puntual', params: idEnRuta, body: tasaPuntual },
    async ({ params: { id }, body, ctx, enTransaccion }) =>
      enTransaccion((trx) => fijarTasaPuntual(trx, id, body, ctx)),
  );

  rutas.get(
    '/api/creditos/:id/movimientos',
    { accion: 'creditos.consultar', params: idEnRuta },
    async ({ params: { id }, ctx, enTransaccion }) => ({
      movimientos: await enTransaccion((trx) => listarMovimientos(trx, id, ctx)),
    }),
  );

  rutas.get(
    '/api/creditos/:id/estado-de-cuenta',
    { accion: 'creditos.estado_de_cuenta', params: idEnRuta, query: consultaFecha },
    async ({ params: { id }, query: { fecha }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarEstadoDeCuentaConPuntualidad(trx, id, fecha ?? null, ctx)),
  );

  rutas.get(
    '/api/creditos/:id/estado-de-cuenta.pdf',
    { accion: 'creditos.estado_de_cuenta', params: idEnRuta, query: consultaFecha },
    async ({ params: { id }, query: { fecha }, ctx, enTransaccion, reply }) => {
      const { credito, estado } = await enTransaccion((trx) =>
        prepararEstadoDeCuentaPdf(trx, id, fecha ?? null, ctx),
      );
      const pdf = await generarPdfEstadoDeCuenta(credito, estado, {
        emitido: ctx.reloj.ahora(),
        usuario: ctx.actor.nombre,
      });
      return descarga(reply, {
        tipo: 'pdf',
        nombre: `estado-de-cuenta-${credito.numero}-${estado.fecha_corte}.pdf`,
        cuerpo: pdf,
      });
    },
  );
}
