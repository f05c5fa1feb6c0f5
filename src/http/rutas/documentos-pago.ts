import { z } from 'zod';
import { corteDeCaja } from '../../modules/caja/corte-de-caja.ts';
import { corteDeCajaXlsx } from '../../modules/caja/corte-de-caja-xlsx.ts';
import { generarPdfCartaFiniquito } from '../../modules/documentos/carta-finiquito-pdf.ts';
import { generarPdfRecibo } from '../../modules/documentos/recibo-pdf.ts';
import { consultarCartaFiniquito } from '../../modules/liquidacion/consultar-carta-finiquito.ts';
import { emitirCartaFiniquito } from '../../modules/liquidacion/emitir-carta-finiquito.ts';
import { consultarRecibo } from '../../modules/pagos/consultar-recibo.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { fechaOpcional, idEnRuta, validar } from '../validacion.ts';

const consultaFecha = z.strictObject({ fecha: fechaOpcional });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Receipts, settlement letters and the daily cash report: documents people sign or keep. */
export function rutasDocumentosPago({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;

  app.get(
    '/api/movimientos/:id/recibo.pdf',
    { config: { accion: 'pagos.recibo' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const datos = await db.transaction().execute((trx) => consultarRecibo(trx, id, ctx));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="recibo-${datos.folio}.pdf"`)
        .send(await generarPdfRecibo(datos));
    },
  );

  app.post(
    '/api/creditos/:id/carta-finiquito',
    { config: { accion: 'finiquito.emitir' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      validar(z.strictObject({}), request.body);
      const carta = await db.transaction().execute((trx) => emitirCartaFiniquito(trx, id, ctx));
      return reply.status(carta.nueva ? 201 : 200).send(carta);
    },
  );

  app.get(
    '/api/creditos/:id/carta-finiquito.pdf',
    { config: { accion: 'finiquito.imprimir' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const datos = await db.transaction().execute((trx) => consultarCartaFiniquito(trx, id, ctx));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="carta-finiquito-${datos.folio}.pdf"`)
        .send(await generarPdfCartaFiniquito(datos));
    },
  );

  app.get('/api/caja/corte', { config: { accion: 'caja.corte' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { fecha } = validar(consultaFecha, request.query);
    return db.transaction().execute((trx) => corteDeCaja(trx, fecha ?? ctx.reloj.hoy(), ctx));
  });

  app.get('/api/caja/corte.xlsx', { config: { accion: 'caja.corte' } }, async (request, reply) => {
    const ctx = contextoDe(request, reloj);
    const { fecha } = validar(consultaFecha, request.query);
    const corte = await db
      .transaction()
      .execute((trx) => corteDeCaja(trx, fecha ?? ctx.reloj.hoy(), ctx));
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="corte-de-caja-${corte.fecha}.xlsx"`)
      .send(await corteDeCajaXlsx(corte));
  });
}
