import { z } from 'zod';
import {
  historialDeMeta as esquemaHistorial,
  metaDefinida,
  metasDelMes,
  resultadoImportacionMetas,
} from '../../contrato/metas.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Mes, mesDeFecha } from '../../domain/metas/mes.ts';
import { definirMeta, PESO } from '../../modules/metas/definir-meta.ts';
import { exportarMetas } from '../../modules/metas/exportar-metas.ts';
import { historialDeMeta } from '../../modules/metas/historial-de-meta.ts';
import { importarMetas } from '../../modules/metas/importar-metas.ts';
import { listarMetas } from '../../modules/metas/listar-metas.ts';
import type { ContextoApp } from '../app.ts';
import { descarga, enrutador, MIME } from '../ruta.ts';
import { id, idEnConsulta, mes, montoEnPesos, textoOpcional } from '../validacion.ts';

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
      meta: montoEnPesos({
        tipo: 'debe ser un monto en pesos como texto, p. ej. "150000.00"',
        invalido:
          'debe ser un monto en pesos no negativo con a lo más 2 decimales, p. ej. "150000.00"',
      }).transform((c) => BigInt(c)),
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
export function rutasMetas(contexto: ContextoApp): void {
  const { deps } = contexto;
  const rutas = enrutador(contexto);
  const mesActual = () => mesDeFecha(deps.reloj.hoy());

  rutas.get(
    '/api/metas',
    {
      accion: 'metas.consultar',
      resumen: 'Metas del mes por oficina y gestor',
      query: delMes,
      respuesta: metasDelMes,
    },
    async ({ query, ctx, enTransaccion }) => {
      const m = (query.mes ?? mesActual()) as Mes;
      return enTransaccion((trx) => listarMetas(trx, m, ctx));
    },
  );

  rutas.get(
    '/api/metas/historial',
    {
      accion: 'metas.consultar',
      resumen: 'Versiones de la meta de un gestor u oficina en un mes',
      query: historial,
      respuesta: esquemaHistorial,
    },
    async ({ query: q, ctx, enTransaccion }) =>
      enTransaccion((trx) => historialDeMeta(trx, q.mes as Mes, sujetoDe(q), ctx)),
  );

  rutas.put(
    '/api/metas/:mes',
    {
      accion: 'metas.definir',
      resumen: 'Define la meta del mes de un gestor u oficina (nueva versión si cambia)',
      params: enRuta,
      body: meta,
      respuesta: metaDefinida,
    },
    async ({ params: p, body: cuerpo, ctx, enTransaccion }) => {
      const sujeto = sujetoDe(cuerpo);
      return enTransaccion((trx) =>
        definirMeta(
          trx,
          p.mes as Mes,
          { sujeto, items: cuerpo.items, motivo: cuerpo.motivo ?? null },
          ctx,
        ),
      );
    },
  );

  rutas.get(
    '/api/metas/exportar.xlsx',
    {
      accion: 'metas.consultar',
      resumen: 'Exporta las metas del mes (XLSX)',
      query: delMes,
      archivo: ['xlsx'],
    },
    async ({ query, ctx, enTransaccion, reply }) => {
      const m = (query.mes ?? mesActual()) as Mes;
      const libro = await enTransaccion((trx) => exportarMetas(trx, m, ctx));
      return descarga(reply, { tipo: 'xlsx', nombre: `metas-${m}.xlsx`, cuerpo: libro });
    },
  );

  // Its own scope: the XLSX parser and its body limit apply to this route only.
  contexto.app.register(async (ambito) => {
    ambito.addContentTypeParser(
      MIME.xlsx,
      { parseAs: 'buffer', bodyLimit: LIMITE },
      (_req, cuerpo, listo) => listo(null, cuerpo),
    );
    enrutador({ app: ambito, deps }).post(
      '/api/metas/importar',
      {
        accion: 'metas.definir',
        resumen: 'Importa las metas del mes de un libro XLSX (422 con los errores por fila)',
        bodyLimit: LIMITE,
        query: delMes,
        respuesta: resultadoImportacionMetas,
      },
      async ({ query, ctx, enTransaccion, request, responder }) => {
        const m = (query.mes ?? mesActual()) as Mes;
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new ErrorDominio(
            'entrada_invalida',
            'Sube el libro de metas (.xlsx, el que da «Exportar»).',
            'archivo',
          );
        }
        const libro = request.body;
        const r = await enTransaccion((trx) => importarMetas(trx, m, libro, ctx));
        return responder('errores' in r ? 422 : 200, r);
      },
    );
  });
}
