import { z } from 'zod';
import {
  calendarioDelAnio,
  listaSolicitudes,
  parametrosArco,
  solicitudConEventos,
} from '../../contrato/arco.ts';
import { DERECHOS_ARCO, ESTADOS_ARCO } from '../../domain/arco/solicitud-arco.ts';
import { generarPdfDeAcceso } from '../../modules/arco/acceso-pdf.ts';
import { consultarDiasInhabiles } from '../../modules/arco/consultar-dias-inhabiles.ts';
import { consultarSolicitud } from '../../modules/arco/consultar-solicitud.ts';
import { fijarDiasInhabiles } from '../../modules/arco/fijar-dias-inhabiles.ts';
import { generarReporteDeAcceso } from '../../modules/arco/generar-reporte-de-acceso.ts';
import { listarSolicitudes } from '../../modules/arco/listar-solicitudes.ts';
import { cambiarParametrosArco, leerParametrosArco } from '../../modules/arco/parametros-arco.ts';
import { procesarSolicitud } from '../../modules/arco/procesar-solicitud.ts';
import { registrarSolicitud } from '../../modules/arco/registrar-solicitud.ts';
import { razonSocialParaImprimir } from '../../modules/instituto/datos-del-instituto.ts';
import type { ContextoApp } from '../app.ts';
import { descarga, enrutador } from '../ruta.ts';
import { fecha, idEnRuta, texto } from '../validacion.ts';
import { evento, solicitudNueva } from './esquema-arco.ts';

const consultaLista = z.strictObject({
  estado: z
    .enum(['abiertas', 'todas', ...ESTADOS_ARCO], 'debe ser abiertas, todas o un estado')
    .default('abiertas'),
  derecho: z
    .enum(DERECHOS_ARCO, 'debe ser acceso, rectificacion, cancelacion, oposicion o portabilidad')
    .nullable()
    .default(null),
});

const anio = z.coerce
  .number('debe ser un año, p. ej. 2026')
  .int('debe ser un año, p. ej. 2026')
  .min(2000, 'debe ser un año entre 2000 y 2100')
  .max(2100, 'debe ser un año entre 2000 y 2100');

const calendario = z.strictObject({
  anio,
  dias: z
    .array(z.strictObject({ fecha, descripcion: texto(120) }), 'debe ser una lista de días')
    .max(366, 'admite a lo más 366 días'),
});

const dias = (min: number, max: number) =>
  z
    .number('debe ser un número de días')
    .int('debe ser un número entero')
    .min(min, `debe ser al menos ${min}`)
    .max(max, `debe ser a lo más ${max}`);
const parametros = z.strictObject({
  diasParaResponder: dias(1, 100),
  diasDeAmpliacion: dias(0, 100),
  diasParaEjecutar: dias(1, 100),
  diasDeAviso: dias(0, 30),
  aniosDeBloqueo: z
    .number('debe ser un número de años')
    .int('debe ser un número entero')
    .min(1, 'debe ser al menos 1')
    .max(30, 'debe ser a lo más 30'),
});

/** Derechos ARCO (docs/arco.md): the requests, their steps, the access report, the calendar. */
export function rutasArco(contexto: ContextoApp): void {
  const { reloj } = contexto.deps;
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/arco',
    {
      accion: 'arco.consultar',
      resumen: 'Las solicitudes ARCO, las que corren contra un plazo primero',
      query: consultaLista,
      respuesta: listaSolicitudes,
    },
    async ({ query, ctx, enTransaccion }) =>
      enTransaccion((trx) => listarSolicitudes(trx, query, ctx)),
  );

  rutas.post(
    '/api/arco',
    {
      accion: 'arco.registrar',
      resumen: 'Registra una solicitud de derechos ARCO',
      body: solicitudNueva,
      respuesta: solicitudConEventos,
    },
    async ({ body, ctx, enTransaccion, responder }) => {
      const s = await enTransaccion((trx) => registrarSolicitud(trx, body, ctx));
      return responder(201, s);
    },
  );

  rutas.get(
    '/api/arco/parametros',
    {
      accion: 'arco.parametros',
      resumen: 'Los plazos ARCO (días hábiles) y los años de bloqueo',
      respuesta: parametrosArco,
    },
    async ({ enTransaccion }) => enTransaccion((trx) => leerParametrosArco(trx)),
  );

  rutas.put(
    '/api/arco/parametros',
    {
      accion: 'arco.parametros_administrar',
      resumen: 'Cambia los plazos ARCO y los años de bloqueo',
      body: parametros,
      respuesta: parametrosArco,
    },
    async ({ body, ctx, enTransaccion }) =>
      enTransaccion((trx) => cambiarParametrosArco(trx, body, ctx)),
  );

  rutas.get(
    '/api/arco/:id',
    {
      accion: 'arco.consultar',
      resumen: 'Una solicitud ARCO con su expediente de eventos',
      params: idEnRuta,
      respuesta: solicitudConEventos,
    },
    async ({ params: { id }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarSolicitud(trx, id, ctx)),
  );

  rutas.post(
    '/api/arco/:id/eventos',
    {
      accion: 'arco.procesar',
      resumen: 'Avanza una solicitud ARCO: verificar, ampliar, responder, ejecutar o cerrar',
      params: idEnRuta,
      body: evento,
      respuesta: solicitudConEventos,
    },
    async ({ params: { id }, body, ctx, enTransaccion }) =>
      enTransaccion((trx) => procesarSolicitud(trx, id, body, ctx)),
  );

  rutas.get(
    '/api/arco/:id/acceso.pdf',
    {
      accion: 'arco.acceso',
      resumen: 'El reporte de acceso: todo lo que Recupera guarda del titular (PDF)',
      params: idEnRuta,
      archivo: ['pdf'],
    },
    async ({ params: { id }, ctx, enTransaccion, reply }) => {
      const { r, razonSocial } = await enTransaccion(async (trx) => ({
        r: await generarReporteDeAcceso(trx, id, 'pdf', ctx),
        razonSocial: await razonSocialParaImprimir(trx),
      }));
      const pdf = await generarPdfDeAcceso(r, razonSocial);
      return descarga(reply, { tipo: 'pdf', nombre: `acceso-${r.folio}.pdf`, cuerpo: pdf });
    },
  );

  rutas.get(
    '/api/arco/:id/acceso.json',
    {
      accion: 'arco.acceso',
      resumen: 'El reporte de acceso o portabilidad, legible por máquina (JSON para descargar)',
      params: idEnRuta,
      archivo: ['json'],
    },
    async ({ params: { id }, ctx, enTransaccion, reply }) => {
      const r = await enTransaccion((trx) => generarReporteDeAcceso(trx, id, 'json', ctx));
      return descarga(reply, { tipo: 'json', nombre: `acceso-${r.folio}.json`, cuerpo: r });
    },
  );

  rutas.get(
    '/api/dias-inhabiles',
    {
      accion: 'dias_inhabiles.consultar',
      resumen: 'Los días inhábiles de un año (por omisión, el actual)',
      query: z.strictObject({ anio: anio.optional() }),
      respuesta: calendarioDelAnio,
    },
    async ({ query, enTransaccion }) => {
      const delAnio = query.anio ?? Number(reloj.hoy().slice(0, 4));
      return enTransaccion((trx) => consultarDiasInhabiles(trx, delAnio));
    },
  );

  rutas.put(
    '/api/dias-inhabiles',
    {
      accion: 'dias_inhabiles.administrar',
      resumen: 'Fija los días inhábiles de un año (reemplaza los que había)',
      body: calendario,
      respuesta: calendarioDelAnio,
    },
    async ({ body: c, ctx, enTransaccion }) =>
      enTransaccion((trx) => fijarDiasInhabiles(trx, c.anio, c.dias, ctx)),
  );
}
