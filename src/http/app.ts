import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../db/conexion.ts';
import type { Reloj } from '../domain/reloj.ts';
import type { Avisos } from '../plataforma/avisos.ts';
import type { ColaDeTrabajos } from '../plataforma/trabajos.ts';
import { registrarAutenticacion } from './autenticacion.ts';
import { registrarDenegaciones } from './denegaciones-http.ts';
import { cuerpoError, manejarError } from './errores-http.ts';
import { rutasAgenda } from './rutas/agenda.ts';
import { rutasAlternativas } from './rutas/alternativas.ts';
import { rutasAntiguedad } from './rutas/antiguedad.ts';
import { rutasArco } from './rutas/arco.ts';
import { rutasAsignacion } from './rutas/asignacion.ts';
import { rutasAtencion } from './rutas/atencion.ts';
import { rutasBitacora } from './rutas/bitacora.ts';
import { rutasConciliacion } from './rutas/conciliacion.ts';
import { rutasContactos } from './rutas/contactos.ts';
import { rutasConvenios } from './rutas/convenios.ts';
import { rutasCreditos } from './rutas/creditos.ts';
import { rutasCustodia } from './rutas/custodia.ts';
import { rutasDocs } from './rutas/docs.ts';
import { rutasDocumentosPago } from './rutas/documentos-pago.ts';
import { rutasEscaneos } from './rutas/escaneos.ts';
import { rutasExpedientes } from './rutas/expedientes.ts';
import { rutasGestion } from './rutas/gestion.ts';
import { rutasImportacion } from './rutas/importacion.ts';
import { rutasIndicadores } from './rutas/indicadores.ts';
import { rutasIndicadoresReporte } from './rutas/indicadores-reporte.ts';
import { rutasInstituto } from './rutas/instituto.ts';
import { rutasJuridico } from './rutas/juridico.ts';
import { rutasMetas } from './rutas/metas.ts';
import { rutasOficinas } from './rutas/oficinas.ts';
import { rutasPagos } from './rutas/pagos.ts';
import { rutasPersonas } from './rutas/personas.ts';
import { rutasPlantillas } from './rutas/plantillas.ts';
import { rutasRecados } from './rutas/recados.ts';
import { rutasReferencias } from './rutas/referencias.ts';
import { rutasSalud } from './rutas/salud.ts';
import { rutasSeguridad } from './rutas/seguridad.ts';
import { rutasSesion } from './rutas/sesion.ts';
import { rutasTurnos } from './rutas/turnos.ts';
import { rutasUsuarios } from './rutas/usuarios.ts';

export interface Dependencias {
  db: Db;
  reloj: Reloj;
  sessionSecret: string;
  cookieSegura: boolean;
  /** Built web UI; absent in API-only tests. */
  carpetaWeb?: string;
  registro?: boolean;
  /** Requests per minute per IP on the API, and on the login route alone. */
  limitePorMinuto?: number;
  limiteLoginPorMinuto?: number;
  /** Trust X-Forwarded-For (behind a load balancer). */
  confiarEnProxy?: boolean;
  /** The job queue; absent where a test does not need it. */
  trabajos?: ColaDeTrabajos;
  /** Live notices (LISTEN/NOTIFY) for server-sent events; absent where a test does not need them. */
  avisos?: Avisos;
  /** `DIAS_PAGO_ANTICIPADO_PUNTUAL`, for the routes that post payments; absent: 10. */
  diasPagoAnticipadoPuntual?: number;
  /**
   * DATA_DIR, where the scans of expedientes live (DATA_DIR/escaneos); absent (tests, the
   * browser journeys): a folder under the system's temporary one.
   */
  carpetaDatos?: string;
}

export interface ContextoApp {
  app: FastifyInstance;
  deps: Dependencias;
}

export interface AppRecupera {
  app: FastifyInstance;
  /** `METHOD /url` of every API route, as registered: the authorization suite walks them. */
  rutasApi: readonly string[];
}

export async function construirApp(deps: Dependencias): Promise<AppRecupera> {
  const app = Fastify({
    logger: deps.registro ? { level: 'info' } : false,
    bodyLimit: 64 * 1024,
    // Live event streams never go idle: closing the app must end them.
    forceCloseConnections: true,
    trustProxy: deps.confiarEnProxy ?? false,
  });
  const rutasApi: string[] = [];
  app.setErrorHandler(manejarError);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Over plain HTTP (demo on localhost) upgrading would break every request.
        upgradeInsecureRequests: deps.cookieSegura ? [] : null,
      },
    },
    // The same answer as frame-ancestors 'none' for browsers that only read this header
    // (helmet's default, SAMEORIGIN, contradicted it).
    xFrameOptions: { action: 'deny' },
    hsts: deps.cookieSegura,
  });
  await app.register(fastifyCookie, { secret: deps.sessionSecret });
  await app.register(fastifyRateLimit, {
    max: deps.limitePorMinuto ?? 6000,
    timeWindow: '1 minute',
    allowList: (request) => !request.url.startsWith('/api'),
    errorResponseBuilder: () => ({
      statusCode: 429,
      ...cuerpoError(
        'demasiados_intentos',
        'Demasiadas solicitudes; espera un momento e intenta de nuevo.',
      ),
    }),
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api')) reply.header('cache-control', 'no-store');
  });
  registrarAutenticacion(app, deps.db, deps.reloj, rutasApi, deps.cookieSegura);
  registrarDenegaciones(app, deps.db, deps.reloj);

  const ctx: ContextoApp = { app, deps };
  // First: it watches the others being registered, to publish them at /api/docs.
  rutasDocs(ctx);
  rutasSalud(ctx);
  rutasSesion(ctx);
  rutasSeguridad(ctx);
  rutasOficinas(ctx);
  rutasUsuarios(ctx);
  rutasCreditos(ctx);
  rutasAntiguedad(ctx);
  rutasPagos(ctx);
  rutasReferencias(ctx);
  rutasPlantillas(ctx);
  rutasConciliacion(ctx);
  rutasDocumentosPago(ctx);
  rutasAtencion(ctx);
  rutasContactos(ctx);
  rutasPersonas(ctx);
  rutasTurnos(ctx);
  rutasImportacion(ctx);
  rutasAlternativas(ctx);
  rutasConvenios(ctx);
  rutasRecados(ctx);
  rutasAgenda(ctx);
  rutasIndicadores(ctx);
  rutasGestion(ctx);
  rutasAsignacion(ctx);
  rutasArco(ctx);
  rutasBitacora(ctx);
  rutasMetas(ctx);
  rutasIndicadoresReporte(ctx);
  rutasCustodia(ctx);
  rutasJuridico(ctx);
  rutasEscaneos(ctx);
  rutasExpedientes(ctx);
  rutasInstituto(ctx);

  const web = deps.carpetaWeb;
  const hayWeb = web !== undefined && existsSync(join(web, 'index.html'));
  if (hayWeb) {
    await app.register(fastifyStatic, { root: web, wildcard: false, index: 'index.html' });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || !hayWeb || request.method !== 'GET') {
      return reply.status(404).send(cuerpoError('no_encontrado', 'No existe esa dirección.'));
    }
    // The UI routes on the client: every other page gets the app shell.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return { app, rutasApi };
}
