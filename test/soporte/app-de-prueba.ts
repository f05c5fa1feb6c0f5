import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { conectar } from '../../src/db/conexion.ts';
import { construirApp, type Dependencias } from '../../src/http/app.ts';
import { cookieDeSesion } from '../../src/http/autenticacion.ts';
import { CONTRASENA_DEMO, cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from './base-de-prueba.ts';

export interface Sesion {
  cookie: string;
  csrf: string;
}

export interface AppDePrueba {
  app: FastifyInstance;
  rutasApi: readonly string[];
  base: BaseDePrueba;
  reloj: RelojManual;
  entrar(usuario: string, contrasena?: string): Promise<Sesion>;
  pedir(
    metodo: string,
    url: string,
    opciones?: {
      sesion?: Sesion;
      cuerpo?: unknown;
      encabezados?: Record<string, string>;
      /** The client's address (inject's remoteAddress; 127.0.0.1 when absent). */
      ip?: string;
    },
  ): Promise<LightMyRequestResponse>;
  cerrar(): Promise<void>;
}

export interface OpcionesDePrueba {
  /**
   * Start as a new installation does, before the administrador captures the institute's data
   * (the demo's are saved otherwise, so that every document prints).
   */
  sinDatosDelInstituto?: boolean;
}

/**
 * The real app on a fresh database with the demo logins, a settable clock, and inject(). The
 * app connects as its own role (src/db/roles.ts), as in production; `base.db` stays the
 * superuser's, for setting up and for checking.
 */
export async function crearAppDePrueba(
  extra: Partial<Dependencias> = {},
  baseDada?: BaseDePrueba,
  opciones: OpcionesDePrueba = {},
): Promise<AppDePrueba> {
  const base = baseDada ?? (await crearBaseDePrueba());
  const reloj = new RelojManual('2026-03-10T16:00:00Z');
  await base.db
    .transaction()
    .execute((trx) =>
      cargarDemo(
        trx,
        { reloj, ip: null },
        { datosDelInstituto: opciones.sinDatosDelInstituto !== true },
      ),
    );
  const comoApp = extra.db ? null : conectar(base.urlApp);
  const { app, rutasApi } = await construirApp({
    db: comoApp?.db ?? base.db,
    reloj,
    sessionSecret: 'secreto-de-pruebas-de-al-menos-32-caracteres',
    cookieSegura: false,
    limitePorMinuto: 100_000,
    limiteLoginPorMinuto: 100_000,
    ...extra,
  });
  await app.ready();

  const pedir: AppDePrueba['pedir'] = (metodo, url, opciones = {}) => {
    const encabezados: Record<string, string> = { ...opciones.encabezados };
    if (opciones.sesion) {
      encabezados.cookie = opciones.sesion.cookie;
      encabezados['x-csrf-token'] ??= opciones.sesion.csrf;
    }
    return app.inject({
      method: metodo as 'GET',
      url,
      headers: encabezados,
      ...(opciones.ip === undefined ? {} : { remoteAddress: opciones.ip }),
      ...(opciones.cuerpo === undefined ? {} : { payload: opciones.cuerpo as object }),
    });
  };

  const nombreCookie = cookieDeSesion(extra.cookieSegura ?? false).nombre;
  const entrar = async (usuario: string, contrasena = CONTRASENA_DEMO): Promise<Sesion> => {
    const r = await pedir('POST', '/api/sesion', { cuerpo: { usuario, contrasena } });
    if (r.statusCode !== 200) throw new Error(`no se pudo entrar como ${usuario}: ${r.body}`);
    const galleta = r.cookies.find((c) => c.name === nombreCookie);
    if (!galleta) throw new Error('sin cookie de sesión');
    return {
      cookie: `${nombreCookie}=${galleta.value}`,
      csrf: (r.json() as { csrf: string }).csrf,
    };
  };

  return {
    app,
    rutasApi,
    base,
    reloj,
    entrar,
    pedir,
    cerrar: async () => {
      await app.close();
      await comoApp?.cerrar();
      await base.cerrar();
    },
  };
}
