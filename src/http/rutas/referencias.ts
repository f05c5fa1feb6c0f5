import { z } from 'zod';
import { consultarReferencia } from '../../modules/referencias/consultar-referencia.ts';
import { generarPdfFichaDePago } from '../../modules/referencias/ficha-de-pago-pdf.ts';
import { prepararFichaDePago } from '../../modules/referencias/preparar-ficha-de-pago.ts';
import type { ContextoApp } from '../app.ts';
import { descarga, enrutador } from '../ruta.ts';
import { idEnRuta, montoDePago } from '../validacion.ts';

// Money travels as a decimal string, here in the query: "?monto=1500.00".
const consultaFicha = z.strictObject({ monto: montoDePago.optional() });

export function rutasReferencias(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/creditos/:id/referencia',
    { accion: 'referencias.consultar', params: idEnRuta },
    async ({ params: { id }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarReferencia(trx, id, ctx)),
  );

  rutas.get(
    '/api/creditos/:id/ficha-de-pago.pdf',
    { accion: 'referencias.ficha_de_pago', params: idEnRuta, query: consultaFicha },
    async ({ params: { id }, query: { monto }, ctx, enTransaccion, reply }) => {
      const ficha = await enTransaccion((trx) => prepararFichaDePago(trx, id, monto ?? null, ctx));
      const pdf = await generarPdfFichaDePago(ficha, {
        emitido: ctx.reloj.ahora(),
        usuario: ctx.actor.nombre,
      });
      return descarga(reply, {
        tipo: 'pdf',
        nombre: `ficha-de-pago-${ficha.numero}-${ficha.fecha}.pdf`,
        cuerpo: pdf,
      });
    },
  );
}
