import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casoPublicado } from '../soporte/fabricas.ts';
import {
  ANGEL_DE_HERMOSILLO,
  ANGEL_DE_URES,
  type DatosDePersona,
  guardarPersonaConCredito,
  XOCHITL_DE_NOGALES,
} from '../soporte/homonimos.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { BuscadorGlobal, PaginaFicha } from './paginas/atencion.ts';
import { PaginaCredito } from './paginas/cartera.ts';
import { CapturaDeConvenio, PaginaConvenio, PaginaPendientes } from './paginas/convenios.ts';
import { PaginaSimulador } from './paginas/simulador.ts';

// Issue 14 item 6, the counter, smoother: homonyms told apart, an early Enter, «Ver más», the
// office of a walk-in from elsewhere, a projection, the breadcrumb, the avales as signers and
// the live notice of a decided convenio.
const CASO = casoPublicado('01-pago-parcial-con-atraso.json');
const ANGEL = 'Ángel Íñiguez Noriega';
const DIA_MS = 86_400_000;

/** `2026-11-27` → `27/11/2026`, as the UI shows dates. */
const ddmmaaaa = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const sumarDias = (iso: string, dias: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + dias * DIA_MS).toISOString().slice(0, 10);

describe.runIf(hayChromium)('recorrido en el navegador: el mostrador, más ágil', () => {
  let e: Escenario;

  const persona = (oficina: 'HMO' | 'NOG', datos: DatosDePersona) =>
    guardarPersonaConCredito(e.base.db, CASO, oficina, datos);

  let angel1: Awaited<ReturnType<typeof persona>>;
  let angel2: Awaited<ReturnType<typeof persona>>;

  beforeAll(async () => {
    e = await crearEscenario();
    angel1 = await persona('HMO', ANGEL_DE_HERMOSILLO);
    angel2 = await persona('HMO', ANGEL_DE_URES);
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  it('dos «Ángel Íñiguez Noriega» se distinguen en la lista; Enter antes de que lleguen los resultados abre el primero', async () => {
    const r = await e.entrarComo('gestor');
    const buscador = new BuscadorGlobal(r.page);

    await buscador.escribir('angel iniguez noriega');
    await buscador.personas().nth(1).waitFor();
    expect(await buscador.personas().count()).toBe(2);
    const primero = (await buscador.personas().nth(0).textContent()) ?? '';
    const segundo = (await buscador.personas().nth(1).textContent()) ?? '';
    expect(primero).toContain('Nació en 1985 · Hermosillo · CURP IINA85…N07');
    expect(primero).toContain(angel1.numero);
    expect(segundo).toContain('Nació en 1999 · Ures · CURP IINA99…N02');
    await r.page.screenshot({ path: 'test-results/mostrador-homonimos.png' });
    await buscador.caja.press('Escape');
    await buscador.caja.press('Escape');

    // The server answers slowly; Enter is pressed the moment the text is in.
    let respondidas = 0;
    await r.page.route('**/api/buscar?**', async (ruta) => {
      await new Promise((listo) => setTimeout(listo, 800));
      respondidas++;
      await ruta.continue();
    });
    // Another text than before, so that nothing of it is cached.
    await buscador.escribirYEnter('noriega angel');
    expect(respondidas).toBe(0);
    await buscador.aviso('Buscando… se abrirá el primer resultado.').waitFor();
    await r.page.waitForURL(new RegExp(`/personas/${angel1.personaId}$`));
    await new PaginaFicha(r.page).esperar(ANGEL);
    await r.page.unroute('**/api/buscar?**');
  });

  it('más de 20 resultados: «Ver más resultados» trae los siguientes, también con el teclado', async () => {
    for (let i = 0; i < 23; i++) {
      await persona('HMO', {
        nombres: `Homónimo ${String.fromCharCode(65 + i)}`,
        primerApellido: 'Paginado',
        segundoApellido: 'Bacum',
        curp: `PABH${800101 + i}HSRGJM0${i % 10}`,
        nacimiento: '1980-01-01',
        municipio: 'Bácum',
      });
    }
    const r = await e.entrarComo('gestor');
    const buscador = new BuscadorGlobal(r.page);
    await buscador.escribir('paginado bacum');
    await buscador.verMas().waitFor();
    expect(await buscador.personas().count()).toBe(20);
    // ↑ from the box chooses the last option, «Ver más»; Enter asks for the next page.
    await buscador.caja.press('ArrowUp');
    expect(await buscador.verMas().getAttribute('aria-selected')).toBe('true');
    await buscador.caja.press('Enter');
    await buscador.personas().nth(22).waitFor();
    expect(await buscador.personas().count()).toBe(23);
    expect(await buscador.verMas().count()).toBe(0);
    const nombres = await buscador.personas().locator('.buscador-nombre').allTextContents();
    expect(new Set(nombres).size).toBe(23);
  });

  it('a quien atiende otra oficina solo se le dice cuál', async () => {
    await persona('NOG', XOCHITL_DE_NOGALES);
    const r = await e.entrarComo('gestor');
    const buscador = new BuscadorGlobal(r.page);
    await buscador.escribir('xochitl zazueta');
    const aviso = buscador.aviso(/Lo atiende la oficina de Nogales/);
    await aviso.waitFor();
    expect(await aviso.textContent()).toBe(
      'Nadie coincide con «xochitl zazueta» en tu cartera. Lo atiende la oficina de Nogales: indícale que acuda allá.',
    );
    expect(await r.page.locator('.buscador-desplegable').textContent()).not.toContain('Quijada');
  });

  it('el estado de cuenta a una fecha futura dice «Proyección», y la ruta de navegación conserva al deudor al cambiar la fecha', async () => {
    const r = await e.entrarComo('gestor');
    await r.abrir(`/personas/${angel2.personaId}`);
    const ficha = new PaginaFicha(r.page);
    await ficha.esperar(ANGEL);
    await ficha.abrirCredito(angel2.numero);
    const credito = new PaginaCredito(r.page);
    await credito.esperar(angel2.numero);
    const hoy = e.reloj.hoy();
    await credito.esperarEstadoAl(ddmmaaaa(hoy));
    const migas = r.page.getByRole('navigation', { name: 'Ruta de navegación' });
    const aLaFicha = migas.getByRole('link', { name: ANGEL });
    expect(await aLaFicha.getAttribute('href')).toBe(`/personas/${angel2.personaId}`);
    expect(await r.page.getByRole('alert').filter({ hasText: 'Proyección' }).count()).toBe(0);

    const futura = sumarDias(hoy, 45);
    await credito.cambiarFechaDeCorte(ddmmaaaa(futura));
    await r.page
      .getByRole('heading', {
        name: `Proyección del estado de cuenta al ${ddmmaaaa(futura)}`,
        level: 2,
      })
      .waitFor();
    await r.page
      .getByRole('alert')
      .filter({ hasText: `Proyección al ${ddmmaaaa(futura)}` })
      .waitFor();
    // The debtor is still the way back.
    expect(await aLaFicha.getAttribute('href')).toBe(`/personas/${angel2.personaId}`);
    expect(await migas.getByRole('link', { name: 'Cartera' }).count()).toBe(0);
    await r.page.screenshot({ path: 'test-results/mostrador-proyeccion.png', fullPage: true });

    // A past date is no projection; the breadcrumb stays too.
    const pasada = sumarDias(hoy, -30);
    await credito.cambiarFechaDeCorte(ddmmaaaa(pasada));
    await r.page
      .getByRole('heading', { name: `Estado de cuenta al ${ddmmaaaa(pasada)}`, exact: true })
      .waitFor();
    expect(await r.page.getByRole('alert').filter({ hasText: 'Proyección' }).count()).toBe(0);
    await aLaFicha.click();
    await ficha.esperar(ANGEL);
  });

  it('al capturar un convenio los avales ya vienen como firmantes, y el gestor se entera en vivo de que lo autorizaron', async () => {
    // Angel 1's credit gets an aval.
    const { id: avalId } = await e.base.db
      .insertInto('personas')
      .values({
        nombres: 'Rosalba',
        primer_apellido: 'Cota',
        segundo_apellido: 'Yocupicio',
        curp: 'COYR700202MSRTCS05',
        fecha_nacimiento: '1970-02-02',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await e.base.db
      .insertInto('participantes_credito')
      .values({ credito_id: angel1.creditoId, persona_id: avalId, rol: 'aval' })
      .execute();

    const gestor = await e.entrarComo('gestor');
    await gestor.abrir(`/personas/${angel1.personaId}`);
    await new PaginaFicha(gestor.page).esperar(ANGEL);
    const sim = new PaginaSimulador(gestor.page);
    await sim.abrirDesdeBoton();
    const captura = new CapturaDeConvenio(gestor.page);
    await captura.elegirOferta('Liquidación con descuento');
    await captura.botonCapturar().click();
    const dialogo = captura.dialogo();
    const acreditado = dialogo.getByRole('checkbox', { name: `${ANGEL} (acreditado)` });
    const aval = dialogo.getByRole('checkbox', { name: 'Rosalba Cota Yocupicio (aval)' });
    await aval.waitFor();
    expect(await acreditado.isChecked()).toBe(true);
    expect(await aval.isChecked()).toBe(true);
    await dialogo
      .getByLabel('Condiciones')
      .fill('El acreditado pagará el total en una sola exhibición en la fecha pactada.');
    await dialogo.getByRole('button', { name: 'Capturar convenio' }).click();
    const convenio = new PaginaConvenio(gestor.page);
    await gestor.page.waitForURL(/\/convenios\/\d+$/);
    await convenio.esperarEstado('Propuesto');
    const id = convenio.id();
    expect(
      (
        await e.base.db
          .selectFrom('convenio_firmantes')
          .select(['persona_id', 'calidad'])
          .where('convenio_id', '=', id)
          .orderBy('calidad')
          .execute()
      ).map((f) => [f.persona_id, f.calidad]),
    ).toEqual([
      [angel1.personaId, 'acreditado'],
      [avalId, 'aval'],
    ]);
    // The gestor moves on to another page of the app (no reload): the notice still reaches him.
    await gestor.page.locator('a.marca').click();
    await gestor.page.getByRole('heading', { name: 'Inicio' }).waitFor();

    const coordinador = await e.entrarComo('coordinador');
    const cola = new PaginaPendientes(coordinador.page);
    await cola.abrirDesdeLaNavegacion();
    await cola.autorizar(id);

    const aviso = gestor.page
      .locator('.ant-notification-notice')
      .filter({ hasText: `Autorizaron tu convenio ${id}` });
    await aviso.waitFor();
    expect(await aviso.textContent()).toContain('ya puedes recabar las firmas');
    await gestor.page.screenshot({ path: 'test-results/mostrador-aviso-convenio.png' });
    await aviso.getByRole('link', { name: `Ver el convenio ${id}` }).click();
    await gestor.page.waitForURL(new RegExp(`/convenios/${id}$`));
    await convenio.esperarEstado('Autorizado');
    await aviso.waitFor({ state: 'detached' });
  });
});
