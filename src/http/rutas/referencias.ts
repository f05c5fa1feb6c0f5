import { z } from 'zod';
import { referenciaDeCredito } from '../../contrato/creditos.ts';
import { consultarReferencia } from '../../modules/referencias/consultar-referencia.ts';
import type { ContextoApp } from '../app.ts';
import { emitirYDescargar } from '../documento-emitido-http.ts';
import { enrutador } from '../ruta.ts';
import { idEnRuta, montoDePago } from '../validacion.ts';

// Money travels as a decimal string, here in the query: "?monto=1500.00".
const consultaFicha = z.strictObject({ monto: montoDePago.optional() });

export function rutasReferencias(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/creditos/:id/referencia',
    {
      accion: 'referencias.consultar',
      resumen: 'La referencia bancaria con que se deposita al crédito',
      params: idEnRuta,
      respuesta: referenciaDeCredito,
    },
    async ({ params: { id }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarReferencia(trx, id, ctx)),
  );

  rutas.get(
    '/api/creditos/:id/ficha-de-pago.pdf',
    {
      accion: 'referencias.ficha_de_pago',
      resumen: 'Ficha de pago en PDF para llevar al banco',
      params: idEnRuta,
      query: consultaFicha,
      archivo: ['pdf'],
    },
    async ({ params: { id }, query: { monto }, ctx, enTransaccion, reply }) =>
      emitirYDescargar(
        { ctx, enTransaccion, reply },
        {
          tipo: 'ficha_de_pago',
          creditoId: id,
          monto: monto ?? null,
        },
      ),
  );
}
