import { z } from 'zod';
import { corteDeCaja } from '../../modules/caja/corte-de-caja.ts';
import { corteDeCajaXlsx } from '../../modules/caja/corte-de-caja-xlsx.ts';
import { generarPdfCartaFiniquito } from '../../modules/documentos/carta-finiquito-pdf.ts';
import { generarPdfRecibo } from '../../modules/documentos/recibo-pdf.ts';
import { consultarCartaFiniquito } from '../../modules/liquidacion/consultar-carta-finiquito.ts';
import { emitirCartaFiniquito } from '../../modules/liquidacion/emitir-carta-finiquito.ts';
import { consultarRecibo } from '../../modules/pagos/consultar-recibo.ts';
import type { ContextoApp } from '../app.ts';
import { descarga, enrutador } from '../ruta.ts';
import { fechaOpcional, idEnRuta } from '../validacion.ts';

const consultaFecha = z.strictObject({ fecha: fechaOpcional });

/** Receipts, settlement letters and the daily cash report: documents people sign or keep. */
export function rutasDocumentosPago(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/movimientos/:id/recibo.pdf',
    { accion: 'pagos.recibo', params: idEnRuta },
    async ({ params: { id }, ctx, enTransaccion, reply }) => {
      const datos = await enTransaccion((trx) => consultarRecibo(trx, id, ctx));
      const pdf = await generarPdfRecibo(datos);
      return descarga(reply, { tipo: 'pdf', nombre: `recibo-${datos.folio}.pdf`, cuerpo: pdf });
    },
  );

  rutas.post(
    '/api/creditos/:id/carta-finiquito',
    { accion: 'finiquito.emitir', params: idEnRuta, body: z.strictObject({}) },
    async ({ params: { id }, ctx, enTransaccion, reply }) => {
      const carta = await enTransaccion((trx) => emitirCartaFiniquito(trx, id, ctx));
      return reply.status(carta.nueva ? 201 : 200).send(carta);
    },
  );

  rutas.get(
    '/api/creditos/:id/carta-finiquito.pdf',
    { accion: 'finiquito.imprimir', params: idEnRuta },
    async ({ params: { id }, ctx, enTransaccion, reply }) => {
      const datos = await enTransaccion((trx) => consultarCartaFiniquito(trx, id, ctx));
      const pdf = await generarPdfCartaFiniquito(datos);
      return descarga(reply, {
        tipo: 'pdf',
        nombre: `carta-finiquito-${datos.folio}.pdf`,
        cuerpo: pdf,
      });
    },
  );

  rutas.get(
    '/api/caja/corte',
    { accion: 'caja.corte', query: consultaFecha },
    async ({ query: { fecha }, ctx, enTransaccion }) =>
      enTransaccion((trx) => corteDeCaja(trx, fecha ?? ctx.reloj.hoy(), ctx)),
  );

  rutas.get(
    '/api/caja/corte.xlsx',
    { accion: 'caja.corte', query: consultaFecha },
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
}
