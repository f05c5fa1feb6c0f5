import { z } from 'zod';
import { centavosDesdeTexto } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Mes, mesDeFecha } from '../../domain/metas/mes.ts';
import { definirMeta, PESO } from '../../modules/metas/definir-meta.ts';
import { exportarMetas } from '../../modules/metas/exportar-metas.ts';
import { historialDeMeta } from '../../modules/metas/historial-de-meta.ts';
import { importarMetas } from '../../modules/metas/importar-metas.ts';
import { listarMetas } from '../../modules/metas/listar-metas.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { id, idEnConsulta, mes, textoOpcional, validar } from '../validacion.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// A month's goals are a few hundred rows: kilobytes. 5 MB leaves room for formats and images.
const LIMITE = 5 * 1024 * 1024;

const peso = z
  .string('debe ser un peso como texto, p. ej. "40"')
  .regex(PESO, 'debe ser un peso entre "0" y "999.99" con a lo más 2 decimales');
const conteo = z
  .number('debe ser un número entero')
  .int('debe ser un número entero')
  .min(0, 'no puede ser negativo')
  .max(2_147_483_647, 'es demasiado grande')
  .transform((n) => BigInt(n));
const itemConteo = z.strictObject({ meta: conteo, peso });
const items = z.strictObject({
  recuperacion: z
    .strictObject({
      meta: z
        .string('debe ser un monto en pesos como texto, p. ej. "150000.00"')
        .refine(
          (t) => centavosDesdeTexto(t) !== null,
          'debe ser un monto en pesos no negativo con a lo más 2 decimales, p. ej. "150000.00"',
        )
        .transform((t) => BigInt(centavosDesdeTexto(t) ?? 0)),
      peso,
    })
    .optional(),
  contactosEfectivos: itemConteo.optional(),
  convenios: itemConteo.optional(),
  turnosAtendidos: itemConteo.optional(),
});
// One object with both ids optional (not a union): zod then names the offending field.
const meta = z
  .strictObject({
    gestorId: id.optional(),
    oficinaId: id.optional(),
    items,
    motivo: textoOpcional(500).optional(),
  })
  .refine((m) => (m.gestorId === undefined) !== (m.oficinaId === undefined), {
    message:
      'indica gestorId (la meta de un gestor) u oficinaId (la de una oficina), uno de los dos',
    path: ['gestorId'],
  });
const enRuta = z.strictObject({ mes });
const delMes = z.strictObject({ mes: mes.optional() });
const historial = z
  .strictObject({ mes, gestorId: idEnConsulta.optional(), oficinaId: idEnConsulta.optional() })
  .refine((m) => (m.gestorId === undefined) !== (m.oficinaId === undefined), {
    message: 'indica gestorId u oficinaId, uno de los dos',
    path: ['gestorId'],
  });

/** gestorId or oficinaId, exactly one (the schemas' refine checked it). */
const sujetoDe = (m: { gestorId?: number | undefined; oficinaId?: number | undefined }) =>
  m.gestorId === undefined ? { oficinaId: m.oficinaId ?? 0 } : { gestorId: m.gestorId };

/** Goals (issue 11, item 1): set and read per month, versioned; as XLSX both ways. */
export function rutasMetas({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const mesActual = () => mesDeFecha(reloj.hoy());

  app.get('/api/metas', { config: { accion: 'metas.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const q = validar(delMes, request.query);
    const m = (q.mes ?? mesActual()) as Mes;
    return db.transaction().execute((trx) => listarMetas(trx, m, ctx));
  });

  app.get('/api/metas/historial', { config: { accion: 'metas.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const q = validar(historial, request.query);
    return db.transaction().execute((trx) => historialDeMeta(trx, q.mes as Mes, sujetoDe(q), ctx));
  });

  app.put('/api/metas/:mes', { config: { accion: 'metas.definir' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const p = validar(enRuta, request.params);
    const cuerpo = validar(meta, request.body);
    const sujeto = sujetoDe(cuerpo);
    return db
      .transaction()
      .execute((trx) =>
        definirMeta(
          trx,
          p.mes as Mes,
          { sujeto, items: cuerpo.items, motivo: cuerpo.motivo ?? null },
          ctx,
        ),
      );
  });

  app.get(
    '/api/metas/exportar.xlsx',
    { config: { accion: 'metas.consultar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const q = validar(delMes, request.query);
      const m = (q.mes ?? mesActual()) as Mes;
      const libro = await db.transaction().execute((trx) => exportarMetas(trx, m, ctx));
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="metas-${m}.xlsx"`)
        .send(libro);
    },
  );

  // Its own scope: the XLSX parser and its body limit apply to this route only.
  app.register(async (ambito) => {
    ambito.addContentTypeParser(
      XLSX,
      { parseAs: 'buffer', bodyLimit: LIMITE },
      (_req, cuerpo, listo) => listo(null, cuerpo),
    );
    ambito.post(
      '/api/metas/importar',
      { config: { accion: 'metas.definir' }, bodyLimit: LIMITE },
      async (request, reply) => {
        const ctx = contextoDe(request, reloj);
        const q = validar(delMes, request.query);
        const m = (q.mes ?? mesActual()) as Mes;
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new ErrorDominio(
            'entrada_invalida',
            'Sube el libro de metas (.xlsx, el que da «Exportar»).',
            'archivo',
          );
        }
        const libro = request.body;
        const r = await db.transaction().execute((trx) => importarMetas(trx, m, libro, ctx));
        return reply.status('errores' in r ? 422 : 200).send(r);
      },
    );
  });
}
