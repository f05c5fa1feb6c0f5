import { z } from 'zod';
import { type Centavos, centavosDesdeTexto } from '../../domain/dinero.ts';
import { cancelarMovimiento } from '../../modules/pagos/cancelar-movimiento.ts';
import { previsualizarPago } from '../../modules/pagos/previsualizar-pago.ts';
import { registrarPago } from '../../modules/pagos/registrar-pago.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { responderUnaVez } from '../idempotencia-http.ts';
import { fechaOpcional, idEnRuta, texto, validar } from '../validacion.ts';

// Money travels as a decimal string: a JSON number could already have lost a centavo.
const monto = z
  .string()
  .refine(
    (t) => (centavosDesdeTexto(t) ?? 0) > 0,
    'debe ser un monto en pesos mayor que cero, con a lo más dos decimales (p. ej. "1500.00")',
  )
  .refine(
    (t) => (centavosDesdeTexto(t) ?? 0) <= 100_000_000_00,
    'excede el máximo de $100,000,000.00',
  )
  .transform((t) => centavosDesdeTexto(t) as Centavos);
const excedente = z.enum(['reducir_plazo', 'adelantar']).default('reducir_plazo');
const canal = z.enum(['banco', 'caja', 'nomina']);
const pago = z.strictObject({
  fecha: fechaOpcional,
  monto,
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
const vistaPrevia = z.strictObject({ fecha: fechaOpcional, monto, excedente });
const cancelacion = z.strictObject({
  motivo: texto(500, { renglones: true }).refine(
    (m) => m.length >= 5,
    'explica el motivo (al menos 5 caracteres)',
  ),
});

export function rutasPagos({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const opciones = { diasPagoAnticipadoPuntual: deps.diasPagoAnticipadoPuntual };

  app.post(
    '/api/creditos/:id/pagos/vista-previa',
    { config: { accion: 'pagos.vista_previa' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const p = validar(vistaPrevia, request.body);
      return db
        .transaction()
        .execute((trx) =>
          previsualizarPago(
            trx,
            id,
            { ...p, fecha: p.fecha ?? null, canal: 'banco', referencia: '' },
            ctx,
            opciones,
          ),
        );
    },
  );

  app.post(
    '/api/creditos/:id/pagos',
    { config: { accion: 'pagos.registrar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const { autorizarExcedente, confirmarDuplicado, ...p } = validar(pago, request.body);
      const procedencia = { tipo: 'captura', autorizarExcedente, confirmarDuplicado } as const;
      return responderUnaVez(db, request, reply, ctx, async (trx) => ({
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

  app.post(
    '/api/movimientos/:id/cancelacion',
    { config: { accion: 'movimientos.cancelar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const { motivo } = validar(cancelacion, request.body);
      return responderUnaVez(db, request, reply, ctx, async (trx) => ({
        estadoHttp: 201,
        cuerpo: await cancelarMovimiento(trx, id, motivo, ctx),
      }));
    },
  );
}
