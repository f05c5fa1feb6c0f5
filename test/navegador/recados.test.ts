import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infraccionesDeAccesibilidad } from '../soporte/accesibilidad.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { elegirOpcion } from './paginas/asignacion.ts';
import { PaginaRecados } from './paginas/recados.ts';
import type { PaginaRecupera } from './paginas/recupera.ts';

const CASO = casoPublicado('01-pago-parcial-con-atraso.json');
const ACREDITADO = 'José Ángel Núñez Ibáñez';
const LLAMANTE = 'José Ángel Núñez Ibáñez';
const MENSAJE = 'Quiere saber cuánto debe para liquidar; pide que le llamen por la tarde.';

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: recados', () => {
  let e: Escenario;
  let credito: { id: number; numero: string };
  let gestorId: number;
  let hoy: string;

  beforeAll(async () => {
    e = await crearEscenario();
    // 11:00 in Hermosillo: calling the debtor back is within the contact hours.
    hoy = e.reloj.hoy();
    e.reloj.fijar(`${hoy}T18:00:00Z`);
    const db = e.base.db;
    credito = await guardarCaso(db, CASO, { oficina: 'HMO' });
    const gestor = await db
      .selectFrom('usuarios')
      .select('id')
      .where('usuario', '=', 'gestor')
      .executeTakeFirstOrThrow();
    gestorId = gestor.id;
    // The account is the gestor's, and its acreditado has a Hermosillo mobile number.
    await db
      .updateTable('creditos')
      .set({ gestor_id: gestorId })
      .where('id', '=', credito.id)
      .execute();
    await db
      .insertInto('asignaciones')
      .values({ credito_id: credito.id, gestor_id: gestorId, desde: e.reloj.ahora() })
      .execute();
    const { persona_id } = await db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', credito.id)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('telefonos')
      .values({ persona_id, numero: '6621234567', tipo: 'movil' })
      .execute();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  const ancho = (r: PaginaRecupera) =>
    r.page.evaluate<number>('document.documentElement.scrollWidth');

  it('el coordinador deja un recado para el gestor, que le aparece en vivo; el gestor lo atiende con una gestión y queda atendido', async () => {
    // The gestor works on his recados page; nothing new yet.
    const gestor = await e.entrarComo('gestor');
    const recadosGestor = new PaginaRecados(gestor.page);
    await recadosGestor.abrirDesdeLaNavegacion();
    await gestor.page.getByText('No tienes recados por atender.').waitFor();
    expect(await recadosGestor.insignia().textContent()).toBe('');
    let navegaciones = 0;
    gestor.page.on('framenavigated', (marco) => {
      if (marco === gestor.page.mainFrame()) navegaciones++;
    });

    // The coordinador answers the debtor's call and leaves the message for the account's gestor.
    const coordinador = await e.entrarComo('coordinador');
    const recados = new PaginaRecados(coordinador.page);
    await recados.abrirDesdeLaNavegacion();
    await recados.buscarDeudor('nunez', ACREDITADO);
    expect(await coordinador.page.getByLabel('Nombre de quien llama').inputValue()).toBe(LLAMANTE);
    await recados.elegirCredito(credito.numero);
    await coordinador.page
      .locator('.ant-form-item')
      .filter({ has: coordinador.page.getByText('Para', { exact: true }) })
      .getByText('El gestor de la cuenta')
      .waitFor();
    await coordinador.page.getByLabel('Teléfono para devolver la llamada').fill('662 123 4567');
    const [anio, mes, dia] = hoy.split('-');
    await recados.volverALlamar(`${dia}/${mes}/${anio} 15:30`);
    await coordinador.page.getByLabel('Qué quiere').fill(MENSAJE);
    expect(await infraccionesDeAccesibilidad(coordinador.page)).toEqual([]);
    await coordinador.page.getByRole('button', { name: 'Dejar recado' }).click();
    await coordinador.page.getByText('Recado para Sofía Valenzuela Peña registrado.').waitFor();

    // It reaches the gestor by itself: the count in the navigation and the list, no reload.
    await recadosGestor.insignia().getByText('1 recado nuevo').waitFor({ timeout: 10_000 });
    const recado = recadosGestor.recado(LLAMANTE);
    await recado.waitFor();
    expect(navegaciones).toBe(0);
    const texto = (await recado.textContent()) ?? '';
    expect(texto).toContain('Nuevo');
    expect(texto).toContain(MENSAJE);
    expect(texto).toContain(credito.numero);
    // The number to call back, masked in the list.
    expect(texto).toContain('•••• 4567');
    expect(texto).not.toContain('662 123 4567');
    expect(texto).toContain(`Volver a llamar: ${dia}/${mes}/${anio} 15:30`);
    expect(texto).toContain('Lo tomó Martín Ibarra Núñez');
    expect(await infraccionesDeAccesibilidad(gestor.page)).toEqual([]);
    await gestor.page.screenshot({ path: 'test-results/recados-en-vivo.png', fullPage: true });

    // Read: the count goes away.
    await recado.getByRole('button', { name: `Marcar leído el recado de ${LLAMANTE}` }).click();
    await recado.getByText('Leído', { exact: true }).waitFor();
    await recadosGestor.insignia().getByText('1 recado nuevo').waitFor({ state: 'detached' });

    // To call back she needs the whole number: a deliberate click, which the bitácora keeps.
    await recado.getByRole('button', { name: `Mostrar teléfono completo de ${LLAMANTE}` }).click();
    await recado.getByText('662 123 4567', { exact: true }).waitFor();
    expect(
      await e.base.db
        .selectFrom('bitacora')
        .select(['actor_usuario', 'objeto_tipo'])
        .where('accion', '=', 'dato_personal.revelado')
        .execute(),
    ).toEqual([{ actor_usuario: 'gestor', objeto_tipo: 'recado' }]);

    // Attended with a gestión: the call back, on the acreditado's mobile.
    await recado.getByRole('button', { name: `Atender el recado de ${LLAMANTE}` }).click();
    const dialogo = gestor.page.getByRole('dialog', {
      name: `Atender el recado de ${LLAMANTE}`,
    });
    await dialogo.waitFor();
    await dialogo.getByText(`${ACREDITADO} (acreditado)`).waitFor();
    // The acreditado's only phone is offered already (masked, with its «Mostrar»).
    await dialogo
      .getByRole('button', { name: 'Mostrar teléfono completo, terminado en 4567' })
      .waitFor();
    await elegirOpcion(gestor.page, dialogo.getByLabel('Resultado'), 'Contacto efectivo');
    await dialogo.getByLabel('Duración (minutos o min:seg)').fill('4');
    await dialogo.getByLabel('Nota').fill('Se le dio el saldo para liquidar; pagará el viernes.');
    expect(await infraccionesDeAccesibilidad(gestor.page, '.ant-modal')).toEqual([]);
    await dialogo.getByRole('button', { name: 'Registrar gestión' }).click();
    await gestor.page.getByText(`Recado de ${LLAMANTE} atendido.`).waitFor();
    await gestor.page.getByText('No tienes recados por atender.').waitFor();
    await gestor.page.getByRole('button', { name: 'Atendidos (1)' }).click();
    await recado.getByText('Atendido', { exact: true }).waitFor();
    // Until the panel has finished opening its text is still fading in.
    await gestor.page.locator('.ant-motion-collapse').waitFor({ state: 'detached' });
    expect(navegaciones).toBe(0);

    const guardado = await e.base.db
      .selectFrom('recados as r')
      .innerJoin('gestiones as g', 'g.id', 'r.gestion_id')
      .innerJoin('resultados_gestion as rg', 'rg.id', 'g.resultado_id')
      .select(['r.estado', 'g.canal', 'g.credito_id', 'g.duracion_segundos', 'rg.clave'])
      .executeTakeFirstOrThrow();
    expect(guardado).toEqual({
      estado: 'atendido',
      canal: 'llamada_saliente',
      credito_id: credito.id,
      duracion_segundos: 240,
      clave: 'contacto_efectivo',
    });

    // On a phone (360 px): nothing scrolls sideways and it stays accessible.
    await gestor.page.setViewportSize({ width: 360, height: 800 });
    await recado.getByText('Atendido', { exact: true }).waitFor();
    expect(await ancho(gestor)).toBeLessThanOrEqual(360);
    expect(await infraccionesDeAccesibilidad(gestor.page)).toEqual([]);
    await gestor.page.screenshot({ path: 'test-results/recados-360.png', fullPage: true });
  }, 120_000);
});
