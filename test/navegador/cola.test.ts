import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infraccionesDeAccesibilidad } from '../soporte/accesibilidad.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { RegistroDePago } from './paginas/atencion.ts';
import { PaginaCredito } from './paginas/cartera.ts';
import { DialogoDeGestion, PaginaCola } from './paginas/cola.ts';

// A credit owing several amortizaciones by 2026: a payment of $1,500 is all applied.
const CASO = casoPublicado('01-pago-parcial-con-atraso.json');

/** 06:45 in Hermosillo (UTC−7 all year): a quarter of an hour before calls are allowed. */
const ANTES_DE_LAS_SIETE = '2026-03-10T13:45:00Z';

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: mi cartera hoy', () => {
  let e: Escenario;
  let cuentas: Array<{ id: number; numero: string }>;

  beforeAll(async () => {
    e = await crearEscenario();
    e.reloj.fijar(ANTES_DE_LAS_SIETE);
    const db = e.base.db;
    const gestor = await db
      .selectFrom('usuarios')
      .select('id')
      .where('usuario', '=', 'gestor')
      .executeTakeFirstOrThrow();
    cuentas = [];
    for (const [nombres, primerApellido, numero] of [
      ['Ramona', 'Quiroga', '6622145591'],
      ['Teodoro', 'Valdez', '6622145592'],
    ] as const) {
      const c = await guardarCaso(db, CASO, { oficina: 'HMO', nombres, primerApellido });
      await db
        .updateTable('creditos')
        .set({ gestor_id: gestor.id })
        .where('id', '=', c.id)
        .execute();
      await db
        .insertInto('asignaciones')
        .values({ credito_id: c.id, gestor_id: gestor.id, desde: new Date(ANTES_DE_LAS_SIETE) })
        .execute();
      const { persona_id } = await db
        .selectFrom('participantes_credito')
        .select('persona_id')
        .where('credito_id', '=', c.id)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('telefonos')
        .values({ persona_id, numero, tipo: 'movil', consentimiento: true })
        .execute();
      cuentas.push(c);
    }
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  it('el gestor toma la siguiente cuenta, registra con el teclado una llamada con promesa, y al pagarse la promesa deja de encabezar su cola', async () => {
    const r = await e.entrarComo('gestor');
    const cola = new PaginaCola(r.page);
    await cola.abrirDesdeLaNavegacion();

    // Two accounts never worked: both in the queue, each saying why.
    expect((await cola.numeros()).toSorted()).toEqual(cuentas.map((c) => c.numero).toSorted());
    for (const c of cuentas) expect(await cola.motivos(c.numero)).toContain('Nunca contactado');
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);

    // On a phone: the whole page fits 360 px, nothing scrolls sideways.
    await r.page.setViewportSize({ width: 360, height: 800 });
    await cola.lista.waitFor();
    expect(await cola.anchoDePagina()).toBeLessThanOrEqual(360);
    await r.page.setViewportSize({ width: 1366, height: 768 });

    // «Siguiente cuenta» takes the top one and opens it.
    const primera = (await cola.numeros())[0] ?? '';
    await cola.siguienteCuenta();
    const credito = new PaginaCredito(r.page);
    await credito.esperar(primera);
    const tomada = cuentas.find((c) => c.numero === primera);
    const otra = cuentas.find((c) => c.numero !== primera);
    if (tomada === undefined || otra === undefined)
      throw new Error('la cuenta tomada no es de la cola');

    // The dialog: the keyboard alone. It opens with the channel focused; Esc closes it.
    const boton = r.page.getByRole('button', { name: 'Registrar gestión' });
    await boton.focus();
    await r.page.keyboard.press('Enter');
    const dialogo = new DialogoDeGestion(r.page);
    await dialogo.dialogo.waitFor();
    await dialogo.esperarFoco('registrar-gestion_canal');
    await r.page.keyboard.press('Escape');
    await dialogo.dialogo.waitFor({ state: 'hidden' });
    await boton.focus();
    await r.page.keyboard.press('Enter');
    await dialogo.dialogo.waitFor();
    await dialogo.esperarFoco('registrar-gestion_canal');

    // Llamada saliente (by default) to the acreditado (by default) at his phone (by default),
    // shown masked: «Mostrar» brings the whole number to dial (the server logs it). The
    // contacts load after the dialog opens: tabbing before they are on screen skips them.
    await dialogo.dialogo.getByRole('button', { name: /^Mostrar teléfono completo/ }).waitFor();
    await dialogo.tab(3);
    expect(await dialogo.etiquetaEnfocada()).toMatch(
      /^Mostrar teléfono completo, terminado en 559[12]$/,
    );
    await r.page.keyboard.press('Enter');
    await dialogo.dialogo.getByText(/^662 214 559[12]$/).waitFor();
    await dialogo.tab();
    expect(await dialogo.enfocado()).toBe('registrar-gestion_resultado');
    await dialogo.elegir('Promesa de pago');
    await dialogo.dialogo.getByRole('group', { name: 'Promesa de pago' }).waitFor();
    await dialogo.tab();
    expect(await dialogo.enfocado()).toBe('registrar-gestion_monto');
    await dialogo.escribir('1500');
    await dialogo.tab();
    expect(await dialogo.enfocado()).toBe('registrar-gestion_fechaPromesa');
    await dialogo.escribir('10/03/2026');
    await dialogo.tab();
    expect(await dialogo.enfocado()).toBe('registrar-gestion_tolerancia');
    await dialogo.tab();
    expect(await dialogo.enfocado()).toBe('registrar-gestion_nota');
    await dialogo.escribir('Paga hoy en el banco.');
    await r.page.keyboard.press('Shift+Tab');
    // Enter on a field registers; at 06:45 his time the server refuses the call.
    await r.page.keyboard.press('Enter');
    expect(await dialogo.error()).toMatch(/07:00/);
    expect(await infraccionesDeAccesibilidad(r.page, '.ant-modal')).toEqual([]);

    // Twenty minutes later it is allowed: the same form, Enter again.
    e.reloj.avanzarMinutos(20);
    await r.page.keyboard.press('Enter');
    await dialogo.dialogo.waitFor({ state: 'hidden' });

    // The promise and the call are on the account's timeline, newest first.
    const historia = r.page.getByRole('list', { name: 'Historia de la cuenta' });
    const eventos = historia.locator(':scope > li');
    await eventos.filter({ hasText: 'Promesa de pago de $1,500.00 para el 10/03/2026' }).waitFor();
    const textos = await eventos.allTextContents();
    const promesa = textos.findIndex((t) => t.includes('Promesa de pago de $1,500.00'));
    const llamada = textos.findIndex((t) => t.includes('Llamada saliente: Promesa de pago'));
    expect(textos[promesa]).toContain('Pendiente');
    expect(textos[llamada]).toContain('Paga hoy en el banco.');
    // Newest first: the promise was made by (just after) the call.
    expect(llamada).toBe(promesa + 1);

    // The agenda shows the promise today; the event opens the account.
    await r.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Agenda' })
      .click();
    await r.page.getByRole('heading', { name: 'Agenda del martes 10/03/2026' }).waitFor();
    const hoy = r.page.getByRole('region', { name: 'martes 10/03/2026' });
    const evento = hoy.getByRole('listitem').filter({ hasText: 'Promesa de pago por $1,500.00' });
    await evento.waitFor();
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.locator('.ant-segmented-item').filter({ hasText: 'Semana' }).click();
    await r.page.getByRole('heading', { name: 'Semana del 09/03/2026 al 15/03/2026' }).waitFor();
    await evento.waitFor();
    await r.page.setViewportSize({ width: 360, height: 800 });
    expect(await cola.anchoDePagina()).toBeLessThanOrEqual(360);
    await r.page.setViewportSize({ width: 1366, height: 768 });
    await evento.getByRole('link', { name: tomada.numero }).click();
    await credito.esperar(tomada.numero);

    // Back in the queue the promise due today puts the account on top.
    await cola.abrirDesdeLaNavegacion();
    expect((await cola.numeros())[0]).toBe(tomada.numero);
    const conPromesa = await cola.motivos(tomada.numero);
    expect(conPromesa[0]).toBe('Promesa de pago de $1,500.00 vence hoy');
    expect(conPromesa).not.toContain('Nunca contactado');

    // The coordinador sees the same in the gestor's queue (reading it takes nothing).
    const coordinador = await e.entrarComo('coordinador');
    const colaDelCoordinador = new PaginaCola(coordinador.page);
    await coordinador.abrir('/cola');
    await coordinador.page.getByRole('heading', { name: 'Mi cartera hoy', level: 1 }).waitFor();
    await coordinador.page.getByLabel('Cartera de').click();
    await coordinador.page.keyboard.type('Sofía');
    await coordinador.page.keyboard.press('Enter');
    await coordinador.page
      .getByText('Cuentas de Sofía Valenzuela Peña ordenadas por lo que conviene hacer primero')
      .waitFor();
    expect((await colaDelCoordinador.numeros())[0]).toBe(tomada.numero);
    expect(await coordinador.page.getByRole('button', { name: 'Siguiente cuenta' }).count()).toBe(
      0,
    );

    // He registers the deposit the debtor made.
    await coordinador.abrir(`/creditos/${tomada.id}`);
    await new PaginaCredito(coordinador.page).esperar(tomada.numero);
    const pago = new RegistroDePago(coordinador.page);
    await pago.llenar({ monto: '1500', canal: 'Depósito bancario', referencia: 'DEP-7781' });
    await coordinador.page.getByRole('button', { name: 'Registrar pago' }).click();
    await pago.esperarRegistrado();

    // The promise is kept: it leaves the top of the gestor's queue and its row.
    await r.page.reload();
    await cola.lista.locator(':scope > li').first().waitFor();
    expect(await cola.numeros()).toEqual([otra.numero, tomada.numero]);
    expect((await cola.motivos(tomada.numero)).filter((m) => m.includes('Promesa'))).toEqual([]);
    await cola.lista.getByRole('link', { name: tomada.numero, exact: true }).click();
    await credito.esperar(tomada.numero);
    await eventos.filter({ hasText: 'Cumplida' }).first().waitFor();
  }, 180_000);

  it('el gestor corrige los datos de contacto sin perder el historial, y un SMS sin consentimiento se rechaza en el diálogo', async () => {
    const cuenta = cuentas[1];
    if (cuenta === undefined) throw new Error('falta la segunda cuenta');
    // 09:00 in Hermosillo: inside the contact window, so only the consent can stop an SMS.
    e.reloj.fijar('2026-03-10T16:00:00Z');
    const r = await e.entrarComo('gestor');
    await r.abrir(`/creditos/${cuenta.id}`);
    await new PaginaCredito(r.page).esperar(cuenta.numero);
    await r.page.getByRole('tab', { name: 'Datos de contacto' }).click();
    const telefonos = r.page.getByRole('region', { name: 'Teléfonos' });
    const original = telefonos.getByRole('listitem').filter({ hasText: '•••• 5592' });
    await original.getByText('Móvil · Hora de Sonora').waitFor();
    await original.getByText('Con consentimiento').waitFor();

    // A new number, without consent: it is added, the first one stays.
    await r.page.getByRole('button', { name: 'Agregar teléfono' }).click();
    const alta = r.page.getByRole('dialog', { name: 'Agregar teléfono' });
    await alta.getByLabel('Número').fill('(662) 555-0101');
    await alta.getByRole('button', { name: 'Agregar teléfono' }).click();
    await alta.waitFor({ state: 'hidden' });
    const nuevo = telefonos.getByRole('listitem').filter({ hasText: '•••• 0101' });
    await nuevo.getByText('Sin consentimiento').waitFor();
    // Listed masked; the whole number on a deliberate click, which the bitácora keeps.
    await nuevo
      .getByRole('button', { name: 'Mostrar teléfono completo, terminado en 0101' })
      .click();
    await telefonos.getByText('662 555 0101', { exact: true }).waitFor();
    const revelado = await e.base.db
      .selectFrom('bitacora')
      .select(['actor_usuario', 'detalle'])
      .where('accion', '=', 'dato_personal.revelado')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(revelado).toMatchObject({ actor_usuario: 'gestor', detalle: { campo: 'telefono' } });

    // The first number turns out wrong: marked so, with the reason, not deleted.
    await original
      .getByRole('button', { name: 'Marcar como equivocado el teléfono terminado en 5592' })
      .click();
    const marca = r.page.getByRole('dialog', {
      name: 'Marcar como equivocado el teléfono terminado en 5592',
    });
    await marca.getByLabel('Motivo').fill('Contestó otra persona: no conoce al acreditado.');
    await marca.getByRole('button', { name: 'Marcar como equivocado' }).click();
    await marca.waitFor({ state: 'hidden' });
    await original.getByText('Equivocado').waitFor();
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);

    await r.page.getByText('Historial de cambios (2)').click();
    const historial = r.page.getByRole('list', { name: /^Historial de contacto de / });
    const cambios = await historial.locator(':scope > li').allTextContents();
    expect(cambios[0]).toContain('Teléfono: Marcado como equivocado');
    expect(cambios[0]).toContain('válido: sí → no');
    expect(cambios[0]).toContain('Motivo: Contestó otra persona: no conoce al acreditado.');
    expect(cambios[0]).toContain('Por Sofía Valenzuela Peña.');
    expect(cambios[1]).toContain('Teléfono: Alta');
    expect(cambios[1]).toContain('número: •••• 0101');

    // An SMS goes to the valid number, which has no consent: the server refuses, in words.
    await r.page.getByRole('button', { name: 'Registrar gestión' }).click();
    const dialogo = new DialogoDeGestion(r.page);
    await dialogo.dialogo.waitFor();
    await dialogo.esperarFoco('registrar-gestion_canal');
    // On a phone the dialog fits the screen, its fields one under another.
    await r.page.setViewportSize({ width: 360, height: 800 });
    const caja = await r.page.locator('.ant-modal').boundingBox();
    expect((caja?.x ?? 0) + (caja?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(360);
    await r.page.setViewportSize({ width: 1366, height: 768 });
    await dialogo.elegir('SMS');
    await dialogo.dialogo
      .getByText(/^•••• 0101 · Móvil · Hora de Sonora \(sin consentimiento\)$/)
      .waitFor();
    // Past the number's «Mostrar» (an SMS is sent from the phone system: no need to see it).
    await dialogo.tab(4);
    expect(await dialogo.enfocado()).toBe('registrar-gestion_resultado');
    await dialogo.elegir('Enviado');
    await dialogo.tab();
    expect(await dialogo.enfocado()).toBe('registrar-gestion_nota');
    await dialogo.escribir('Recordatorio de pago.');
    await r.page.keyboard.press('Control+Enter');
    expect(await dialogo.error()).toMatch(/consentimiento/);
    // Nothing was saved: the timeline has no gestión.
    await r.page.keyboard.press('Escape');
    await dialogo.dialogo.waitFor({ state: 'hidden' });
    await r.page.getByRole('tab', { name: 'Historia' }).click();
    const historia = r.page.getByRole('list', { name: 'Historia de la cuenta' });
    await historia.waitFor();
    expect(await historia.getByText(/^SMS/).count()).toBe(0);
  }, 120_000);
});
