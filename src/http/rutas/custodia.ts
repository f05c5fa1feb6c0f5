import { z } from 'zod';
import {
  movimientoHecho,
  piezaEscaneada,
  prestamosVencidos,
  resultadoInventario,
} from '../../contrato/expedientes.ts';
import { generarPdfAcuseDeCustodia } from '../../modules/documentos/acuse-de-custodia-pdf.ts';
import { generarPdfEtiquetas } from '../../modules/documentos/etiquetas-pdf.ts';
import { consultarPieza } from '../../modules/expedientes/custodia/consultar-pieza.ts';
import { levantarInventario } from '../../modules/expedientes/custodia/levantar-inventario.ts';
import { listarPrestamosVencidos } from '../../modules/expedientes/custodia/listar-prestamos-vencidos.ts';
import { prepararAcusePdf } from '../../modules/expedientes/custodia/preparar-acuse-pdf.ts';
import { prepararEtiquetas } from '../../modules/expedientes/custodia/preparar-etiquetas.ts';
import { registrarMovimiento } from '../../modules/expedientes/custodia/registrar-movimiento.ts';
import { razonSocialParaImprimir } from '../../modules/instituto/datos-del-instituto.ts';
import type { ContextoApp } from '../app.ts';
import { descarga, enrutador } from '../ruta.ts';
import { cadena, fecha, id, idEnConsulta, idEnRuta, texto } from '../validacion.ts';

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

export function rutasCustodia(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  // A hand-over at the counter: a retry (the network failed after the click) must not lend
  // the pieces twice, so it takes an Idempotency-Key and answers the first acuse again.
  rutas.post(
    '/api/custodia/movimientos',
    {
      accion: 'custodia.mover',
      resumen: 'Mueve piezas de custodia y genera su acuse (requiere Idempotency-Key)',
      body: movimiento,
      respuesta: movimientoHecho,
    },
    async ({ body, ctx, unaVez }) =>
      unaVez(async (trx) => ({
        estadoHttp: 201,
        cuerpo: await registrarMovimiento(trx, body, ctx),
      })),
  );

  rutas.get(
    '/api/custodia/acuses/:id.pdf',
    {
      accion: 'custodia.consultar',
      resumen: 'El acuse de un movimiento de custodia, para firmar (PDF)',
      params: idEnRuta,
      archivo: ['pdf'],
    },
    async ({ params: { id: acuseId }, ctx, enTransaccion, reply }) => {
      const { datos, razonSocial } = await enTransaccion(async (trx) => ({
        datos: await prepararAcusePdf(trx, acuseId, ctx),
        razonSocial: await razonSocialParaImprimir(trx),
      }));
      const pdf = await generarPdfAcuseDeCustodia(datos, razonSocial);
      return descarga(reply, { tipo: 'pdf', nombre: `acuse-custodia-${acuseId}.pdf`, cuerpo: pdf });
    },
  );

  rutas.get(
    '/api/custodia/prestamos-vencidos',
    {
      accion: 'custodia.consultar',
      resumen: 'Piezas prestadas que no volvieron a tiempo, las más atrasadas primero',
      query: vencidos,
      respuesta: prestamosVencidos,
    },
    async ({ query: q, ctx, enTransaccion }) =>
      enTransaccion((trx) =>
        listarPrestamosVencidos(trx, { oficinaId: q.oficinaId, mios: q.mios === 'si' }, ctx),
      ),
  );

  rutas.post(
    '/api/custodia/inventarios',
    {
      accion: 'custodia.inventariar',
      resumen: 'Compara las etiquetas leídas en un estante con lo que dice el sistema',
      body: inventario,
      respuesta: resultadoInventario,
    },
    async ({ body, ctx, enTransaccion }) =>
      enTransaccion((trx) => levantarInventario(trx, body, ctx)),
  );

  rutas.post(
    '/api/etiquetas.pdf',
    {
      accion: 'etiquetas.imprimir',
      resumen: 'La hoja de etiquetas (QR) de los expedientes y pagarés de unos créditos (PDF)',
      body: hojaDeEtiquetas,
      archivo: ['pdf'],
    },
    async ({ body: { creditoIds }, ctx, enTransaccion, reply }) => {
      const hoja = await enTransaccion((trx) => prepararEtiquetas(trx, creditoIds, ctx));
      const pdf = await generarPdfEtiquetas(hoja, {
        emitido: ctx.reloj.ahora(),
        usuario: ctx.actor.nombre,
      });
      return descarga(reply, { tipo: 'pdf', nombre: 'etiquetas.pdf', cuerpo: pdf });
    },
  );

  rutas.get(
    '/api/piezas/:etiqueta',
    {
      accion: 'custodia.consultar',
      resumen: 'Qué pieza nombra una etiqueta leída y dónde la tiene el sistema',
      params: etiquetaEnRuta,
      respuesta: piezaEscaneada,
    },
    async ({ params: { etiqueta: leida }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarPieza(trx, leida, ctx)),
  );
}
