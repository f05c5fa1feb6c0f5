import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRASENA_DEMO, USUARIOS_DEMO } from '../../src/modules/demo/cargar-demo.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { PaginaRecupera } from './paginas/recupera.ts';

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: entrar y salir', () => {
  let e: Escenario;
  beforeAll(async () => {
    e = await crearEscenario();
  });
  afterAll(() => e?.cerrar());

  it('una contraseña equivocada muestra el error en español; la correcta lleva al inicio; salir regresa a la entrada', async () => {
    const contexto = await e.navegador.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'es-MX',
    });
    const r = new PaginaRecupera(await contexto.newPage(), e.url);
    await r.abrir('/');
    await r.botonEntrar();

    await r.entrar('gestor', 'no-es-la-clave');
    expect(await r.alerta()).toContain('Usuario o contraseña incorrectos.');

    await r.entrar('gestor', CONTRASENA_DEMO);
    await r.esperarInicio('Sofía Valenzuela Peña');
    await r.page.getByText('Hermosillo').first().waitFor();
    const anchoDePagina = await r.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(anchoDePagina).toBeLessThanOrEqual(1366);
    mkdirSync('test-results', { recursive: true });
    await r.page.screenshot({ path: 'test-results/inicio-gestor.png' });

    await r.cerrarSesion();
    await r.abrir('/');
    await r.botonEntrar();
    await contexto.close();
  });

  it('cada usuario de demostración llega al inicio, y solo el administrador ve «Usuarios»', async () => {
    for (const u of USUARIOS_DEMO) {
      const contexto = await e.navegador.newContext({ viewport: { width: 1366, height: 768 } });
      const r = new PaginaRecupera(await contexto.newPage(), e.url);
      await r.abrir('/entrar');
      await r.entrar(u.usuario, CONTRASENA_DEMO);
      await r.esperarInicio(u.nombre);
      const navegacion = r.page.getByRole('navigation', { name: 'Navegación principal' });
      await navegacion.getByRole('link', { name: 'Inicio' }).waitFor();
      expect(await navegacion.getByRole('link', { name: 'Usuarios' }).count()).toBe(
        u.rol === 'administrador' ? 1 : 0,
      );
      await contexto.close();
    }
  });
});
