import { Readable } from 'node:stream';
import { z } from 'zod';
import { paginaBitacora, paginaDenegaciones } from '../../contrato/bitacora.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { buscarEnBitacora } from '../../modules/bitacora/buscar-en-bitacora.ts';
import {
  lineasCsvBitacora,
  prepararExportacionBitacora,
} from '../../modules/bitacora/exportar-bitacora-csv.ts';
import type { FiltroBitacora } from '../../modules/bitacora/filtro-bitacora.ts';
import { listarDenegaciones } from '../../modules/bitacora/listar-denegaciones.ts';
import type { ContextoApp } from '../app.ts';
import { descarga, enrutador } from '../ruta.ts';
import { fecha as unaFecha } from '../validacion.ts';

/** A form sends an unused filter as `campo=`: that is no filter, not an invalid one. */
const opcional = <T extends z.ZodType>(esquema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), esquema.optional());

const usuario = opcional(
  z
    .string()
    .trim()
    .regex(
      /^[a-zA-Z0-9._-]{1,40}$/,
      'debe ser un nombre de usuario (letras sin acento, números, . _ -)',
    ),
);
const id = opcional(
  z.coerce
    .number('debe ser un número')
    .int('debe ser un número entero')
    .positive('debe ser mayor que cero')
    .max(2_147_483_647, 'no existe un registro con ese número'),
);
const fecha = opcional(unaFecha);
const pagina = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.coerce
    .number('debe ser un número')
    .int('debe ser un número entero')
    .min(1, 'debe ser 1 o más')
    .max(10_000, 'admite a lo más 10,000')
    .default(1),
);

const filtro = {
  usuario,
  personaId: id,
  creditoId: id,
  accion: opcional(
    z
      .string()
      .trim()
      .max(60, 'admite a lo más 60 caracteres')
      .regex(/^[a-z_]+(\.[a-z_]+)*$/, 'debe ser una acción como «pago.registrar» o «pago»'),
  ),
  desde: fecha,
  hasta: fecha,
};
const consultaExportacion = z.strictObject(filtro);
const consultaBusqueda = z.strictObject({ ...filtro, pagina });
const consultaDenegaciones = z.strictObject({ usuario, desde: fecha, hasta: fecha, pagina });

function rango<T extends { desde?: Fecha | undefined; hasta?: Fecha | undefined }>(f: T): T {
  if (f.desde !== undefined && f.hasta !== undefined && f.hasta < f.desde) {
    throw new ErrorDominio('entrada_invalida', 'La fecha «hasta» es anterior a «desde».', 'hasta');
  }
  return f;
}

export function rutasBitacora(contexto: ContextoApp): void {
  const { db } = contexto.deps;
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/bitacora',
    {
      accion: 'bitacora.consultar',
      resumen: 'Busca en la bitácora, lo más reciente primero, por páginas',
      query: consultaBusqueda,
      respuesta: paginaBitacora,
    },
    async ({ query, ctx, enTransaccion }) => {
      const { pagina: n, ...f } = rango(query);
      return enTransaccion((trx) => buscarEnBitacora(trx, f, n, ctx));
    },
  );

  rutas.get(
    '/api/bitacora.csv',
    {
      accion: 'bitacora.consultar',
      resumen: 'Exporta una búsqueda de la bitácora completa, todas sus páginas (CSV)',
      query: consultaExportacion,
      archivo: ['csv'],
    },
    async ({ query, ctx, enTransaccion, reply }) => {
      const filtroBitacora: FiltroBitacora = rango(query);
      const tope = await enTransaccion((trx) =>
        prepararExportacionBitacora(trx, filtroBitacora, ctx),
      );
      // The rows stream after the transaction, up to the `tope` it fixed.
      return descarga(reply, {
        tipo: 'csv',
        nombre: `bitacora-${filtroBitacora.desde ?? 'inicio'}-a-${filtroBitacora.hasta ?? ctx.reloj.hoy()}.csv`,
        cuerpo: Readable.from(lineasCsvBitacora(db, filtroBitacora, tope)),
      });
    },
  );

  rutas.get(
    '/api/denegaciones',
    {
      accion: 'bitacora.consultar',
      resumen: 'Los accesos denegados, agrupados por usuario, dirección, ruta y minuto',
      query: consultaDenegaciones,
      respuesta: paginaDenegaciones,
    },
    async ({ query, ctx, enTransaccion }) => {
      const { pagina: n, ...f } = rango(query);
      return enTransaccion((trx) => listarDenegaciones(trx, f, n, ctx));
    },
  );
}
