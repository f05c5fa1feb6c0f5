import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { construirApp } from '../../src/http/app.ts';
import { CONTRASENA_DEMO, cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { iniciarAvisos } from '../../src/plataforma/avisos.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { iniciarTrabajos } from '../../src/plataforma/trabajos.ts';
import { PaginaRecupera } from '../navegador/paginas/recupera.ts';
import { type BaseDePrueba, crearBaseDePrueba } from './base-de-prueba.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hayChromium = existsSync(CHROMIUM);
if (!hayChromium) {
  console.log(
    'Chromium no está instalado (apt-get install -y chromium): se omiten las pruebas de navegador.',
  );
}

const raiz = join(import.meta.dirname, '..', '..');

export interface Escenario {
  url: string;
  navegador: Browser;
  base: BaseDePrueba;
  reloj: RelojManual;
  /** A new browser window (its own cookies) logged in as a demo user, on the Inicio page. */
  entrarComo(usuario: string): Promise<PaginaRecupera>;
  cerrar(): Promise<void>;
}

/** The real app with the built UI on a free port, a fresh database with demo logins, and Chromium. */
export async function crearEscenario(): Promise<Escenario> {
  const construccion = spawnSync(process.execPath, ['scripts/construir-web-si-hace-falta.mjs'], {
    cwd: raiz,
    stdio: 'inherit',
  });
  if (construccion.status !== 0) throw new Error('no se pudo construir la interfaz web');
  const base = await crearBaseDePrueba();
  const reloj = new RelojManual(new Date());
  await base.db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
  // The same services as `npm start`: the job queue and the live notices, on this database.
  const trabajos = await iniciarTrabajos(base.url, base.db, reloj, 'America/Hermosillo');
  const avisos = await iniciarAvisos(base.url, ['turnos', 'recados', 'convenios']);
  const { app } = await construirApp({
    trabajos,
    avisos,
    db: base.db,
    reloj,
    sessionSecret: 'secreto-de-pruebas-de-al-menos-32-caracteres',
    cookieSegura: false,
    carpetaWeb: join(raiz, 'web', 'dist'),
    limiteLoginPorMinuto: 1000,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const direccion = app.server.address();
  const puerto = typeof direccion === 'object' && direccion ? direccion.port : 0;
  const navegador = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      // As a person who asked their system for less motion: the app then drops antd's
      // animations, so axe never measures a notice's contrast halfway through a fade.
      '--force-prefers-reduced-motion',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const url = `http://127.0.0.1:${puerto}`;
  const contextos: BrowserContext[] = [];
  return {
    url,
    navegador,
    base,
    reloj,
    entrarComo: async (usuario) => {
      const contexto = await navegador.newContext({
        viewport: { width: 1366, height: 768 },
        locale: 'es-MX',
        acceptDownloads: true,
      });
      contextos.push(contexto);
      const r = new PaginaRecupera(await contexto.newPage(), url);
      await r.abrir('/entrar');
      await r.entrar(usuario, CONTRASENA_DEMO);
      await r.page.getByRole('heading', { name: 'Inicio' }).waitFor();
      return r;
    },
    cerrar: async () => {
      for (const c of contextos) await c.close();
      await navegador.close();
      await app.close();
      await trabajos.detener();
      await avisos.cerrar();
      await base.cerrar();
    },
  };
}
