import { z } from 'zod';
import { corteCerrado, corteDeCaja as esquemaCorte } from '../../contrato/caja.ts';
import { cartaFiniquito } from '../../contrato/pagos.ts';
import { cerrarCorteDeCaja } from '../../modules/caja/cerrar-corte-de-caja.ts';
import { corteDeCaja } from '../../modules/caja/corte-de-caja.ts';
import { corteDeCajaXlsx } from '../../modules/caja/corte-de-caja-xlsx.ts';
import { emitirCartaFiniquito } from '../../modules/liquidacion/emitir-carta-finiquito.ts';
import type { ContextoApp } from '../app.ts';
import { emitirYDescargar } from '../documento-emitido-http.ts';
import { descarga, enrutador } from '../ruta.ts';
import { fechaOpcional, fecha as fechaRequerida, idEnRuta } from '../validacion.ts';

const consultaFecha = z.strictObject({ fecha: fechaOpcional });

/** Receipts, settlement letters and the daily cash report: documents people sign or keep. */
export function rutasDocumentosPago(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/movimientos/:id/recibo.pdf',
    {
      accion: 'pagos.recibo',
      resumen: 'Recibo del pago en PDF',
      params: idEnRuta,
      archivo: ['pdf'],
    },
    async ({ params: { id }, ctx, enTransaccion, reply }) =>
      emitirYDescargar({ ctx, enTransaccion, reply }, { tipo: 'recibo', movimientoId: id }),
  );

  rutas.post(
    '/api/creditos/:id/carta-finiquito',
    {
      accion: 'finiquito.emitir',
      resumen: 'Emite la carta finiquito de un crédito liquidado (o devuelve la ya emitida)',
      params: idEnRuta,
      body: z.strictObject({}),
      respuesta: cartaFiniquito,
    },
    async ({ params: { id }, ctx, enTransaccion, responder }) => {
      const carta = await enTransaccion((trx) => emitirCartaFiniquito(trx, id, ctx));
      return responder(carta.nueva ? 201 : 200, carta);
    },
  );

  rutas.get(
    '/api/creditos/:id/carta-finiquito.pdf',
    {
      accion: 'finiquito.imprimir',
      resumen: 'Carta finiquito en PDF',
      params: idEnRuta,
      archivo: ['pdf'],
    },
    async ({ params: { id }, ctx, enTransaccion, reply }) =>
      emitirYDescargar({ ctx, enTransaccion, reply }, { tipo: 'carta_finiquito', creditoId: id }),
  );

  rutas.get(
    '/api/caja/corte',
    {
      accion: 'caja.corte',
      query: consultaFecha,
      resumen: 'El corte de caja de un día: pagos y cancelaciones, por canal, oficina y gestor',
      respuesta: esquemaCorte,
    },
    async ({ query: { fecha }, ctx, enTransaccion }) =>
      enTransaccion((trx) => corteDeCaja(trx, fecha ?? ctx.reloj.hoy(), ctx)),
  );

  rutas.get(
    '/api/caja/corte.xlsx',
    {
      accion: 'caja.corte',
      query: consultaFecha,
      resumen: 'El corte de caja de un día en Excel',
      archivo: ['xlsx'],
    },
    async ({ query: { fecha }, ctx, enTransaccion, reply }) => {
      const corte = await enTransaccion((trx) => corteDeCaja(trx, fecha ?? ctx.reloj.hoy(), ctx));
      const libro = await corteDeCajaXlsx(corte);
      return descarga(reply, {
        tipo: 'xlsx',
        nombre: `corte-de-caja-${corte.fecha}.xlsx`,
        cuerpo: libro,
      });
    },
  );

  // Closing freezes what the day's corte holds (docs/caja.md); a retry gets the first answer.
  rutas.post(
    '/api/caja/corte/cierre',
    {
      accion: 'caja.cerrar_corte',
      body: z.strictObject({ fecha: fechaRequerida }),
      resumen: 'Cierra el corte de caja de un día: lo que contiene queda fijo',
      respuesta: corteCerrado,
    },
    async ({ body: { fecha }, ctx, unaVez }) =>
      unaVez(async (trx) => ({
        estadoHttp: 201,
        cuerpo: await cerrarCorteDeCaja(trx, fecha, ctx),
      })),
  );
}
