import { z } from 'zod';
import { movimientoCancelado, pagoRegistrado, vistaPreviaDePago } from '../../contrato/pagos.ts';
import { cancelarMovimiento } from '../../modules/pagos/cancelar-movimiento.ts';
import { previsualizarPago } from '../../modules/pagos/previsualizar-pago.ts';
import { registrarPago } from '../../modules/pagos/registrar-pago.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';
import { fechaOpcional, idEnRuta, montoDePago, texto } from '../validacion.ts';

const excedente = z.enum(['reducir_plazo', 'adelantar']).default('reducir_plazo');
const canal = z.enum(['banco', 'caja', 'nomina']);
const pago = z.strictObject({
  fecha: fechaOpcional,
  monto: montoDePago,
  canal,
  referencia: texto(60),
  excedente,
  // A payment above what settles the credit: a coordinador or contabilidad says yes here.
  autorizarExcedente: z.boolean().default(false),
  // The folio of today's equal payment (409 posible_duplicado) that this one is not.
  confirmarDuplicado: z
    .number()
    .int('debe ser el folio (un número entero) del pago anterior')
    .positive('debe ser el folio del pago anterior')
    .max(Number.MAX_SAFE_INTEGER, 'debe ser el folio del pago anterior')
    .nullable()
    .default(null),
});
const vistaPrevia = z.strictObject({ fecha: fechaOpcional, monto: montoDePago, excedente });
const cancelacion = z.strictObject({
  motivo: texto(500, { renglones: true }).refine(
    (m) => m.length >= 5,
    'explica el motivo (al menos 5 caracteres)',
  ),
});

export function rutasPagos(contexto: ContextoApp): void {
  const opciones = { diasPagoAnticipadoPuntual: contexto.deps.diasPagoAnticipadoPuntual };
  const rutas = enrutador(contexto);

  rutas.post(
    '/api/creditos/:id/pagos/vista-previa',
    {
      accion: 'pagos.vista_previa',
      resumen: 'Cómo se aplicaría un pago, sin registrarlo',
      params: idEnRuta,
      body: vistaPrevia,
      respuesta: vistaPreviaDePago,
    },
    async ({ params: { id }, body: p, ctx, enTransaccion }) =>
      enTransaccion((trx) =>
        previsualizarPago(
          trx,
          id,
          { ...p, fecha: p.fecha ?? null, canal: 'banco', referencia: '' },
          ctx,
          opciones,
        ),
      ),
  );

  rutas.post(
    '/api/creditos/:id/pagos',
    {
      accion: 'pagos.registrar',
      resumen: 'Registra un pago (requiere Idempotency-Key)',
      params: idEnRuta,
      body: pago,
      respuesta: pagoRegistrado,
    },
    async ({
      params: { id },
      body: { autorizarExcedente, confirmarDuplicado, ...p },
      ctx,
      unaVez,
    }) => {
      const procedencia = { tipo: 'captura', autorizarExcedente, confirmarDuplicado } as const;
      return unaVez(async (trx) => ({
        estadoHttp: 201,
        cuerpo: await registrarPago(
          trx,
          id,
          { ...p, fecha: p.fecha ?? null, procedencia },
          ctx,
          opciones,
        ),
      }));
    },
  );

  rutas.post(
    '/api/movimientos/:id/cancelacion',
    {
      accion: 'movimientos.cancelar',
      resumen: 'Cancela un pago con su motivo (requiere Idempotency-Key)',
      params: idEnRuta,
      body: cancelacion,
      respuesta: movimientoCancelado,
    },
    async ({ params: { id }, body: { motivo }, ctx, unaVez }) =>
      unaVez(async (trx) => ({
        estadoHttp: 201,
        cuerpo: await cancelarMovimiento(trx, id, motivo, ctx),
      })),
  );
}
