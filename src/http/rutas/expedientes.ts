import { z } from 'zod';
import {
  parametrosPrescripcion as esquemaParametros,
  expediente,
  listaPorPrescribir,
} from '../../contrato/expedientes.ts';
import { cambiarParametrosPrescripcion } from '../../modules/expedientes/cambiar-parametros-prescripcion.ts';
import { consultarExpediente } from '../../modules/expedientes/consultar-expediente.ts';
import { listarPorPrescribir } from '../../modules/expedientes/listar-por-prescribir.ts';
import { leerParametrosPrescripcion } from '../../modules/expedientes/parametros-prescripcion.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';
import { cadena, idEnConsulta, idEnRuta } from '../validacion.ts';

const consultaPrescripcion = z.strictObject({
  dias: z.coerce
    .number('debe ser un número de días')
    .int('debe ser un número entero de días')
    .min(1, 'mínimo 1 día')
    .max(1_095, 'a lo más 1,095 días (3 años)')
    .default(180),
  oficinaId: idEnConsulta.optional(),
  incluirPrescritos: z.enum(['si', 'no'], 'debe ser "si" o "no"').default('no'),
  pagina: z.coerce
    .number('debe ser un número de página')
    .int('debe ser un número entero')
    .min(1, 'la primera página es 1')
    .max(10_000, 'a lo más 10,000')
    .default(1),
});

const parametrosPrescripcion = z.strictObject({
  pagoInterrumpe: z.boolean('debe ser true o false'),
  alertasDias: z
    .array(
      z
        .number('debe ser un número de días')
        .int('debe ser un número entero de días')
        .min(1, 'mínimo 1 día')
        .max(1_095, 'a lo más 1,095 días (3 años)'),
      'debe ser una lista de días, p. ej. [180, 90, 30]',
    )
    .min(1, 'indica al menos un aviso')
    .max(5, 'a lo más 5 avisos')
    .refine((xs) => new Set(xs).size === xs.length, 'no repitas un mismo número de días'),
  fundamento: cadena({ renglones: true })
    .trim()
    .min(20, 'anota el fundamento legal (al menos 20 caracteres)')
    .max(2_000, 'admite a lo más 2,000 caracteres'),
});

export function rutasExpedientes(contexto: ContextoApp): void {
  const { db } = contexto.deps;
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/creditos/:id/expediente',
    {
      accion: 'expediente.consultar',
      resumen: 'El expediente de un crédito: sus piezas, dónde está cada una y sus escaneos',
      params: idEnRuta,
      respuesta: expediente,
    },
    async ({ params: { id }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarExpediente(trx, id, ctx)),
  );

  rutas.get(
    '/api/prescripcion',
    {
      accion: 'prescripcion.consultar',
      resumen: 'Pagarés por prescribir (o ya prescritos), los más próximos primero',
      query: consultaPrescripcion,
      respuesta: listaPorPrescribir,
    },
    async ({ query: q, ctx, enTransaccion }) => {
      const filtro = {
        dias: q.dias,
        oficinaId: q.oficinaId,
        incluirPrescritos: q.incluirPrescritos === 'si',
        pagina: q.pagina,
      };
      return enTransaccion((trx) => listarPorPrescribir(trx, filtro, ctx));
    },
  );

  rutas.get(
    '/api/parametros/prescripcion',
    {
      accion: 'prescripcion.parametros',
      resumen: 'Los parámetros de prescripción vigentes',
      respuesta: esquemaParametros,
    },
    async () => leerParametrosPrescripcion(db),
  );

  rutas.put(
    '/api/parametros/prescripcion',
    {
      accion: 'prescripcion.parametros_administrar',
      resumen: 'Cambia los parámetros de prescripción, con su fundamento legal',
      body: parametrosPrescripcion,
      respuesta: esquemaParametros,
    },
    async ({ body, ctx, enTransaccion }) =>
      enTransaccion((trx) => cambiarParametrosPrescripcion(trx, body, ctx)),
  );
}
