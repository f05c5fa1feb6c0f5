import { z } from 'zod';
import { type Centavos, centavosDesdeTexto } from '../../domain/dinero.ts';
import { consultarReferencia } from '../../modules/referencias/consultar-referencia.ts';
import { generarPdfFichaDePago } from '../../modules/referencias/ficha-de-pago-pdf.ts';
import { prepararFichaDePago } from '../../modules/referencias/preparar-ficha-de-pago.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { idEnRuta, validar } from '../validacion.ts';

// Money travels as a decimal string, here in the query: "?monto=1500.00".
const consultaFicha = z.strictObject({
  monto: z
    .string()
    .refine(
      (t) => (centavosDesdeTexto(t) ?? 0) > 0,
      'debe ser un monto en pesos mayor que cero, con a lo más dos decimales (p. ej. "1500.00")',
    )
    .refine(
      (t) => (centavosDesdeTexto(t) ?? 0) <= 100_000_000_00,
      'excede el máximo de $100,000,000.00',
    )
    .transform((t) => centavosDesdeTexto(t) as Centavos)
    .optional(),
});

export function rutasReferencias({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;

  app.get(
    '/api/creditos/:id/referencia',
    { config: { accion: 'referencias.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      return db.transaction().execute((trx) => consultarReferencia(trx, id, ctx));
    },
  );

  app.get(
    '/api/creditos/:id/ficha-de-pago.pdf',
    { config: { accion: 'referencias.ficha_de_pago' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const { monto } = validar(consultaFicha, request.query);
      const ficha = await db
        .transaction()
        .execute((trx) => prepararFichaDePago(trx, id, monto ?? null, ctx));
      const pdf = await generarPdfFichaDePago(ficha, {
        emitido: ctx.reloj.ahora(),
        usuario: ctx.actor.nombre,
      });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="ficha-de-pago-${ficha.numero}-${ficha.fecha}.pdf"`,
        )
        .send(pdf);
    },
  );
}
