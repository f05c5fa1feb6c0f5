import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARTERA_DEMO } from '../../src/modules/demo/cargar-cartera-demo.ts';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { BuscadorGlobal, PaginaFicha } from './paginas/atencion.ts';
import { PaginaCredito } from './paginas/cartera.ts';
import {
  ESCRITORIO,
  elegirOpcion,
  esperarPaginaLista,
  infraccionesGraves,
  MenuMovil,
  queSobresale,
  sobranteHorizontal,
  sobranteTrasAcomodarse,
  TELEFONO,
  TELEFONO_CHICO,
  tituloDePagina,
} from './paginas/pantallas.ts';
import type { PaginaRecupera } from './paginas/recupera.ts';

/**
 * Every screen of Recupera, the demo user(s) that open it, and the start of its h1 (so that a
 * «Sin permiso» or a 404 in its place fails). `:credito`, `:persona` and `:convenio` become
 * the ids of the data this suite stores. A new page is one more line here; the first test
 * fails while a route of web/src/navegacion.ts is missing.
 */
const PANTALLAS: ReadonlyArray<{ ruta: string; usuarios: readonly string[]; titulo: string }> = [
  {
    ruta: '/',
    usuarios: ['gestor', 'coordinador', 'contabilidad', 'abogado', 'admin'],
    titulo: 'Inicio',
  },
  { ruta: '/cola', usuarios: ['gestor'], titulo: 'Mi cartera hoy' },
  { ruta: '/agenda', usuarios: ['gestor'], titulo: 'Agenda' },
  { ruta: '/recados', usuarios: ['gestor', 'contabilidad'], titulo: 'Recados' },
  { ruta: '/turnos', usuarios: ['gestor'], titulo: 'Turnos' },
  { ruta: '/cartera', usuarios: ['gestor', 'abogado'], titulo: 'Cartera' },
  { ruta: '/asignacion', usuarios: ['coordinador'], titulo: 'Asignación' },
  { ruta: '/cobertura', usuarios: ['coordinador'], titulo: 'Cobertura' },
  { ruta: '/tablero', usuarios: ['coordinador'], titulo: 'Tablero' },
  { ruta: '/metas', usuarios: ['gestor', 'coordinador'], titulo: 'Metas' },
  { ruta: '/creditos/:credito', usuarios: ['gestor', 'contabilidad', 'admin'], titulo: 'Crédito' },
  { ruta: '/personas/:persona', usuarios: ['gestor'], titulo: '' },
  { ruta: '/simulador?creditoId=:credito', usuarios: ['gestor'], titulo: 'Simular alternativas' },
  { ruta: '/convenios/pendientes', usuarios: ['coordinador'], titulo: 'Convenios por autorizar' },
  { ruta: '/convenios/:convenio', usuarios: ['coordinador'], titulo: 'Convenio' },
  { ruta: '/juridico', usuarios: ['coordinador'], titulo: 'Jurídico' },
  { ruta: '/expedientes', usuarios: ['coordinador'], titulo: 'Expedientes' },
  { ruta: '/caja', usuarios: ['contabilidad'], titulo: 'Corte de caja' },
  { ruta: '/conciliacion', usuarios: ['contabilidad'], titulo: 'Conciliación' },
  { ruta: '/importacion', usuarios: ['admin'], titulo: 'Importar cartera' },
  { ruta: '/alternativas', usuarios: ['admin'], titulo: 'Alternativas' },
  { ruta: '/gestion/configuracion', usuarios: ['admin'], titulo: 'Configuración' },
  { ruta: '/arco', usuarios: ['admin'], titulo: 'Derechos ARCO' },
  { ruta: '/usuarios', usuarios: ['admin'], titulo: 'Usuarios' },
  { ruta: '/bitacora', usuarios: ['admin'], titulo: 'Bitácora' },
  { ruta: '/instituto', usuarios: ['admin'], titulo: 'Datos del instituto' },
  { ruta: '/plantillas', usuarios: ['admin'], titulo: 'Plantillas de documentos' },
  { ruta: '/contrasena', usuarios: ['gestor'], titulo: 'Cambiar contraseña' },
  { ruta: '/no-existe', usuarios: ['gestor'], titulo: 'Página no encontrada' },
];

/** The routes web/src/navegacion.ts declares, read as text (the web's modules need a DOM). */
function rutasDeLaNavegacion(): string[] {
  const fuente = readFileSync(
    join(import.meta.dirname, '..', '..', 'web', 'src', 'navegacion.ts'),
    'utf8',
  );
  return [...fuente.matchAll(/ruta: '([^']+)'/g)].map((m) => m[1] ?? '');
}

/** `/creditos/:id` matches `/creditos/:credito`; a query string does not count. */
const mismaRuta = (declarada: string, listada: string) =>
  declarada.replace(/:\w+/g, ':') === listada.split('?')[0]?.replace(/:\w+/g, ':');

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('pantallas: en un teléfono y para todos', () => {
  let e: Escenario;
  const ids: Record<string, number> = {};
  let numeroCredito = '';
  let nombreDeudor = '';
  const sesiones = new Map<string, PaginaRecupera>();

  /** One browser window per user, opened once and reused by every test. */
  async function como(usuario: string): Promise<PaginaRecupera> {
    const abierta = sesiones.get(usuario);
    if (abierta) return abierta;
    const r = await e.entrarComo(usuario);
    sesiones.set(usuario, r);
    return r;
  }

  /** A call to the API with this window's session, as the page would make it. */
  async function api(r: PaginaRecupera, ruta: string, cuerpo: unknown): Promise<unknown> {
    const peticion = r.page.context().request;
    const sesion = (await (await peticion.get(`${e.url}/api/sesion`)).json()) as { csrf: string };
    const respuesta = await peticion.post(`${e.url}${ruta}`, {
      data: cuerpo as object,
      headers: { 'x-csrf-token': sesion.csrf },
    });
    if (!respuesta.ok())
      throw new Error(`${ruta}: ${respuesta.status()} ${await respuesta.text()}`);
    return respuesta.json();
  }

  beforeAll(async () => {
    e = await crearEscenario();
    const db = e.base.db;
    // A small demo portfolio, so that lists, queues, charts and the agenda have rows to show.
    await db
      .transaction()
      .execute((trx) =>
        cargarDemo(
          trx,
          { reloj: e.reloj, ip: null },
          { cartera: { ...CARTERA_DEMO, acreditados: 60 } },
        ),
      );
    // A credit of the gestor, overdue since 2024, whose offers qualify for a convenio.
    const gestor = await db
      .selectFrom('usuarios')
      .select('id')
      .where('usuario', '=', 'gestor')
      .executeTakeFirstOrThrow();
    const caso = await guardarCaso(db, casoPublicado('01-pago-parcial-con-atraso.json'), {
      oficina: 'HMO',
      nombres: 'Araceli',
      primerApellido: 'Montijo',
    });
    await db
      .updateTable('creditos')
      .set({ gestor_id: gestor.id })
      .where('id', '=', caso.id)
      .execute();
    await db
      .insertInto('asignaciones')
      .values({ credito_id: caso.id, gestor_id: gestor.id, desde: e.reloj.ahora() })
      .execute();
    const { persona_id } = await db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', caso.id)
      .where('rol', '=', 'acreditado')
      .executeTakeFirstOrThrow();
    ids.credito = caso.id;
    ids.persona = persona_id;
    numeroCredito = caso.numero;
    nombreDeudor = 'Araceli Montijo Ibáñez';
    // A convenio beyond the gestor's limit: it waits for the coordinador.
    const r = await como('gestor');
    const simulacion = (await api(r, '/api/simulaciones', { creditoId: caso.id })) as {
      ofertas: Array<{ clave: string; versionId: number }>;
    };
    const oferta = simulacion.ofertas.find((o) => o.clave === 'reestructura');
    const { convenio } = (await api(r, '/api/convenios', {
      creditoId: caso.id,
      origen: 'alternativa',
      versionId: oferta?.versionId,
      plazo: 12,
      condiciones: 'El acreditado se obliga a pagar en las fechas pactadas.',
      firmantes: [persona_id],
    })) as { convenio: { id: number } };
    ids.convenio = convenio.id;
  }, 120_000);
  afterAll(async () => {
    await e?.cerrar();
  });

  it('la lista de pantallas incluye cada ruta de la navegación', () => {
    const faltan = rutasDeLaNavegacion().filter(
      (ruta) => !PANTALLAS.some((p) => mismaRuta(ruta, p.ruta)),
    );
    expect(faltan).toEqual([]);
  });

  /**
   * Opens `ruta` at the desktop size, then at a phone's and at the narrowest phone's, and
   * returns what is wrong at each: serious or critical axe violations (desktop and 390 px),
   * and a page wider than the window (all three).
   */
  async function revisar(r: PaginaRecupera, ruta: string, titulo: string): Promise<string[]> {
    const problemas: string[] = [];
    await r.page.setViewportSize(ESCRITORIO);
    await r.abrir(ruta);
    await esperarPaginaLista(r.page);
    const h1 = await tituloDePagina(r.page);
    if (!h1.startsWith(titulo)) problemas.push(`${ruta}: el título es «${h1}»`);
    for (const [tamano, ventana, conAxe] of [
      ['escritorio', ESCRITORIO, true],
      ['390 px', TELEFONO, true],
      ['360 px', TELEFONO_CHICO, false],
    ] as const) {
      await r.page.setViewportSize(ventana);
      await esperarPaginaLista(r.page);
      if (conAxe) {
        for (const i of await infraccionesGraves(r.page))
          problemas.push(`${ruta} (${tamano}) ${i}`);
      }
      const sobra = await sobranteTrasAcomodarse(r.page);
      if (sobra > 0) {
        problemas.push(
          `${ruta} (${tamano}) ${sobra} px más ancha: ${(await queSobresale(r.page)).join(', ')}`,
        );
      }
    }
    return problemas;
  }

  const usuarios = [...new Set(PANTALLAS.flatMap((p) => p.usuarios))];
  it.each(usuarios)(
    'cada pantalla de %s, en escritorio y a 390 y 360 px: sin infracciones graves y sin desbordar',
    async (usuario) => {
      const r = await como(usuario);
      const problemas: string[] = [];
      for (const p of PANTALLAS.filter((q) => q.usuarios.includes(usuario))) {
        const ruta = p.ruta.replace(/:(\w+)/g, (_, nombre: string) => String(ids[nombre]));
        // A page that never finishes loading is one more problem, named, not the end of the list.
        problemas.push(
          ...(await revisar(r, ruta, p.titulo).catch((error: Error) => [
            `${ruta}: ${error.message.split('\n')[0]}`,
          ])),
        );
      }
      expect(problemas).toEqual([]);
    },
    90_000,
  );

  it('la entrada, en escritorio y a 390 y 360 px', async () => {
    const contexto = await e.navegador.newContext({ viewport: ESCRITORIO, locale: 'es-MX' });
    try {
      const page = await contexto.newPage();
      const problemas: string[] = [];
      await page.goto(`${e.url}/entrar`);
      for (const ventana of [ESCRITORIO, TELEFONO, TELEFONO_CHICO]) {
        await page.setViewportSize(ventana);
        await page.getByRole('button', { name: 'Entrar' }).waitFor();
        for (const i of await infraccionesGraves(page)) problemas.push(`${ventana.width}: ${i}`);
        const sobra = await sobranteHorizontal(page);
        if (sobra > 0) problemas.push(`${ventana.width}: ${sobra} px más ancha`);
      }
      expect(problemas).toEqual([]);
    } finally {
      await contexto.close();
    }
  });

  it('a 390×844 el gestor abre el menú, busca al deudor, abre su crédito, lee el estado de cuenta, registra una gestión y vuelve a su cola, sin desplazarse de lado', async () => {
    const r = await como('gestor');
    const page = r.page;
    await page.setViewportSize(TELEFONO);
    await r.abrir('/');
    await esperarPaginaLista(page);
    const menu = new MenuMovil(page);
    // On a phone the sections hide behind the «Menú» button: the page gets the whole width.
    expect(await menu.navegacion.isVisible()).toBe(false);
    expect(await menu.boton.getAttribute('aria-expanded')).toBe('false');
    await menu.abrir();
    expect(await menu.boton.getAttribute('aria-expanded')).toBe('true');
    expect(await infraccionesGraves(page)).toEqual([]);
    // Esc closes it and gives the focus back to the button; opened again, a section is a tap.
    await page.keyboard.press('Escape');
    await menu.navegacion.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { activeElement: { textContent: string } | null } })
          .document.activeElement?.textContent === 'Menú',
    );
    await menu.abrir();
    await menu.navegacion.getByRole('link', { name: 'Mi cartera hoy', exact: true }).click();
    await menu.navegacion.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Mi cartera hoy', level: 1 }).waitFor();
    await esperarPaginaLista(page);
    // The queue lists the debtor's credit, readable at this width.
    await page.getByRole('link', { name: numeroCredito, exact: true }).waitFor();
    expect(await sobranteHorizontal(page)).toBe(0);

    // The header's search works at this width: type a name, open the result with the keyboard.
    const buscador = new BuscadorGlobal(page);
    expect((await buscador.caja.boundingBox())?.width ?? 0).toBeGreaterThan(200);
    await buscador.escribir('Araceli Mont');
    await buscador.abrirConTeclado(nombreDeudor);
    const ficha = new PaginaFicha(page);
    await ficha.esperar(nombreDeudor);
    await esperarPaginaLista(page);
    expect(await sobranteHorizontal(page)).toBe(0);

    await ficha.abrirCredito(numeroCredito);
    const credito = new PaginaCredito(page);
    await credito.esperar(numeroCredito);
    await esperarPaginaLista(page);
    // The statement's figures are on screen, and its wide tables scroll inside themselves.
    expect(await credito.cifra('Saldo exigible')).toMatch(/^\$[\d,]+\.\d{2}$/);
    expect(await sobranteHorizontal(page)).toBe(0);
    expect(await infraccionesGraves(page)).toEqual([]);
    // A table wider than the phone scrolls in its own box, which the keyboard reaches and moves.
    const caja = page.getByRole('region', { name: /^Tabla/ }).first();
    await caja.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => caja.evaluate((el: { scrollLeft: number }) => el.scrollLeft))
      .toBeGreaterThan(0);

    // The debtor called: the gestor writes it down from the phone, in a dialog that fits.
    await page.getByRole('button', { name: 'Registrar gestión' }).click();
    const dialogo = page.getByRole('dialog', { name: 'Registrar gestión' });
    await dialogo.waitFor();
    await elegirOpcion(page, dialogo.getByLabel('Canal'), 'Llamada entrante');
    await elegirOpcion(page, dialogo.getByLabel('Resultado'), 'Pide información');
    await dialogo.getByLabel('Nota').fill('Pidió su estado de cuenta en la visita.');
    expect(await sobranteHorizontal(page)).toBe(0);
    expect(await infraccionesGraves(page)).toEqual([]);
    await dialogo.getByRole('button', { name: 'Registrar gestión' }).click();
    await dialogo.waitFor({ state: 'hidden' });
    await page
      .getByRole('list', { name: 'Historia de la cuenta' })
      .getByText('Pidió su estado de cuenta en la visita.')
      .waitFor();
    expect(await sobranteHorizontal(page)).toBe(0);

    // Back to the queue through the menu: the same credit, still nothing sideways.
    await menu.ir('Mi cartera hoy');
    await page.getByRole('heading', { name: 'Mi cartera hoy', level: 1 }).waitFor();
    await page.getByRole('link', { name: numeroCredito, exact: true }).waitFor();
    expect(await sobranteHorizontal(page)).toBe(0);
    // A whole journey: 11 s on an idle machine, well over 30 s with the suite running beside it.
  }, 120_000);
});
