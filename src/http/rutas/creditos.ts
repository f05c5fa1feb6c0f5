import { z } from 'zod';
import {
  credito,
  estadoDeCuenta,
  movimientos,
  paginaCreditos,
  tasaPuntualFijada,
} from '../../contrato/creditos.ts';
import { BUCKETS } from '../../domain/antiguedad.ts';
import { tasaDesdeTexto } from '../../domain/tasa.ts';
import { consultarCredito } from '../../modules/cartera/consultar-credito.ts';
import { consultarEstadoDeCuentaConPuntualidad } from '../../modules/cartera/consultar-estado-de-cuenta.ts';
import { fijarTasaPuntual } from '../../modules/cartera/fijar-tasa-puntual.ts';
import { listarCreditos } from '../../modules/cartera/listar-creditos.ts';
import { listarMovimientos } from '../../modules/cartera/listar-movimientos.ts';
import type { ContextoApp } from '../app.ts';
import { emitirYDescargar } from '../documento-emitido-http.ts';
import { enrutador } from '../ruta.ts';
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
    {
      accion: 'creditos.listar',
      resumen: 'Lista los créditos de la cartera visible, 50 por página',
      query: consultaLista,
      respuesta: paginaCreditos,
    },
    async ({ query, ctx, enTransaccion }) => {
      const filtro = query as Parameters<typeof listarCreditos>[1];
      return enTransaccion((trx) => listarCreditos(trx, filtro, ctx));
    },
  );

  rutas.get(
    '/api/creditos/:id',
    {
      accion: 'creditos.consultar',
      resumen: 'Consulta un crédito: participantes, producto y ministraciones',
      params: idEnRuta,
      respuesta: credito,
    },
    async ({ params: { id }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarCredito(trx, id, ctx)),
  );

  rutas.put(
    '/api/creditos/:id/tasa-puntual',
    {
      accion: 'creditos.tasa_puntual',
      resumen: 'Fija o quita la tasa puntual propia del crédito',
      params: idEnRuta,
      body: tasaPuntual,
      respuesta: tasaPuntualFijada,
    },
    async ({ params: { id }, body, ctx, enTransaccion }) =>
      enTransaccion((trx) => fijarTasaPuntual(trx, id, body, ctx)),
  );

  rutas.get(
    '/api/creditos/:id/movimientos',
    {
      accion: 'creditos.consultar',
      resumen: 'Los movimientos del crédito tal como se registraron, cancelaciones incluidas',
      params: idEnRuta,
      respuesta: movimientos,
    },
    async ({ params: { id }, ctx, enTransaccion }) => ({
      movimientos: await enTransaccion((trx) => listarMovimientos(trx, id, ctx)),
    }),
  );

  rutas.get(
    '/api/creditos/:id/estado-de-cuenta',
    {
      accion: 'creditos.estado_de_cuenta',
      resumen: 'Estado de cuenta del crédito a una fecha (hoy si no se indica)',
      params: idEnRuta,
      query: consultaFecha,
      respuesta: estadoDeCuenta,
    },
    async ({ params: { id }, query: { fecha }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarEstadoDeCuentaConPuntualidad(trx, id, fecha ?? null, ctx)),
  );

  rutas.get(
    '/api/creditos/:id/estado-de-cuenta.pdf',
    {
      accion: 'creditos.estado_de_cuenta',
      resumen: 'Estado de cuenta del crédito en PDF',
      params: idEnRuta,
      query: consultaFecha,
      archivo: ['pdf'],
    },
    async ({ params: { id }, query: { fecha }, ctx, enTransaccion, reply }) =>
      emitirYDescargar(
        { ctx, enTransaccion, reply },
        {
          tipo: 'estado_de_cuenta',
          creditoId: id,
          fecha: fecha ?? null,
        },
      ),
  );
}
