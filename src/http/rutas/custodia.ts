import { z } from 'zod';
import { generarPdfAcuseDeCustodia } from '../../modules/documentos/acuse-de-custodia-pdf.ts';
import { generarPdfEtiquetas } from '../../modules/documentos/etiquetas-pdf.ts';
import { consultarPieza } from '../../modules/expedientes/custodia/consultar-pieza.ts';
import { levantarInventario } from '../../modules/expedientes/custodia/levantar-inventario.ts';
import { listarPrestamosVencidos } from '../../modules/expedientes/custodia/listar-prestamos-vencidos.ts';
import { prepararAcusePdf } from '../../modules/expedientes/custodia/preparar-acuse-pdf.ts';
import { prepararEtiquetas } from '../../modules/expedientes/custodia/preparar-etiquetas.ts';
import { registrarMovimiento } from '../../modules/expedientes/custodia/registrar-movimiento.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { responderUnaVez } from '../idempotencia-http.ts';
import { cadena, fecha, id, idEnConsulta, idEnRuta, texto, validar } from '../validacion.ts';

// A hand scanner acting as a keyboard ends each read with a line break: trimmed away.
const etiqueta = cadena({ renglones: true })
  .trim()
  .min(1, 'no puede estar vacía')
  .max(120, 'admite a lo más 120 caracteres');
const etiquetas = (max: number) =>
  z
    .array(etiqueta, 'debe ser una lista de etiquetas')
    .min(1, 'indica al menos una etiqueta')
    .max(max, `admite a lo más ${max} etiquetas`);

const movimiento = z.strictObject({
  // envio_a_despacho and retorno_de_despacho belong to the turnado (src/http/rutas/juridico.ts).
  tipo: z.enum(
    ['ubicar', 'prestamo', 'devolucion', 'traslado', 'devolucion_al_acreditado'],
    'debe ser «ubicar», «prestamo», «devolucion», «traslado» o «devolucion_al_acreditado»',
  ),
  etiquetas: etiquetas(500),
  destino: z
    .strictObject({
      oficinaId: id.optional(),
      estante: texto(40).optional(),
      caja: texto(40).optional(),
      usuarioId: id.optional(),
      despachoId: id.optional(),
    })
    .default({}),
  recibeUsuarioId: id.optional(),
  recibeNombre: texto(200).optional(),
  devolverAMasTardar: fecha.optional(),
  nota: texto(500, { renglones: true }).optional(),
});
const inventario = z.strictObject({
  oficinaId: id,
  estante: texto(40),
  caja: texto(40).optional(),
  // A shelf holds a few hundred pieces; a whole archive is inventoried shelf by shelf.
  etiquetas: z
    .array(etiqueta, 'debe ser una lista de etiquetas')
    .max(5_000, 'admite a lo más 5000 etiquetas'),
});
const vencidos = z.strictObject({
  oficinaId: idEnConsulta.optional(),
  mios: z.enum(['si', 'no'], 'debe ser "si" o "no"').default('no'),
});
const hojaDeEtiquetas = z.strictObject({
  creditoIds: z
    .array(id, 'debe ser una lista de números de crédito')
    .min(1, 'indica al menos un crédito')
    .max(500, 'admite a lo más 500 créditos'),
});
const etiquetaEnRuta = z.strictObject({ etiqueta });

export function rutasCustodia({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;

  // A hand-over at the counter: a retry (the network failed after the click) must not lend
  // the pieces twice, so it takes an Idempotency-Key and answers the first acuse again.
  app.post(
    '/api/custodia/movimientos',
    { config: { accion: 'custodia.mover' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const m = validar(movimiento, request.body);
      return responderUnaVez(db, request, reply, ctx, async (trx) => ({
        estadoHttp: 201,
        cuerpo: await registrarMovimiento(trx, m, ctx),
      }));
    },
  );

  app.get(
    '/api/custodia/acuses/:id.pdf',
    { config: { accion: 'custodia.consultar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id: acuseId } = validar(idEnRuta, request.params);
      const datos = await db.transaction().execute((trx) => prepararAcusePdf(trx, acuseId, ctx));
      const pdf = await generarPdfAcuseDeCustodia(datos);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="acuse-custodia-${acuseId}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/custodia/prestamos-vencidos',
    { config: { accion: 'custodia.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const q = validar(vencidos, request.query);
      return db
        .transaction()
        .execute((trx) =>
          listarPrestamosVencidos(trx, { oficinaId: q.oficinaId, mios: q.mios === 'si' }, ctx),
        );
    },
  );

  app.post(
    '/api/custodia/inventarios',
    { config: { accion: 'custodia.inventariar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const inv = validar(inventario, request.body);
      return db.transaction().execute((trx) => levantarInventario(trx, inv, ctx));
    },
  );

  app.post(
    '/api/etiquetas.pdf',
    { config: { accion: 'etiquetas.imprimir' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { creditoIds } = validar(hojaDeEtiquetas, request.body);
      const hoja = await db.transaction().execute((trx) => prepararEtiquetas(trx, creditoIds, ctx));
      const pdf = await generarPdfEtiquetas(hoja, {
        emitido: ctx.reloj.ahora(),
        usuario: ctx.actor.nombre,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="etiquetas.pdf"')
        .send(pdf);
    },
  );

  app.get(
    '/api/piezas/:etiqueta',
    { config: { accion: 'custodia.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { etiqueta: leida } = validar(etiquetaEnRuta, request.params);
      return db.transaction().execute((trx) => consultarPieza(trx, leida, ctx));
    },
  );
}
