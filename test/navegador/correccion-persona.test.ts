import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infraccionesDeAccesibilidad } from '../soporte/accesibilidad.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');

// Issue 17, item 3: a person imported with an Excel error as her surname is corrected from the
// credit's page, with the keyboard, by the office's coordinador; the gestor does not see it.
describe.runIf(hayChromium)('recorrido en el navegador: corregir los datos de una persona', () => {
  let e: Escenario;
  let credito: { id: number; numero: string };

  beforeAll(async () => {
    e = await crearEscenario();
    credito = await guardarCaso(e.base.db, caso, { oficina: 'HMO', nombres: 'Itzel' });
    const { persona_id } = await e.base.db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', credito.id)
      .executeTakeFirstOrThrow();
    await e.base.db
      .updateTable('personas')
      .set({ primer_apellido: 'Ibáñez', segundo_apellido: '#N/A' })
      .where('id', '=', persona_id)
      .execute();
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  it('el coordinador corrige el segundo apellido con el teclado y ve el historial', async () => {
    const r = await e.entrarComo('coordinador');
    await r.abrir(`/creditos/${credito.id}`);
    const boton = r.page.getByRole('button', {
      name: 'Corregir datos de la persona: Itzel Ibáñez #N/A',
    });
    await boton.focus();
    await r.page.keyboard.press('Enter');
    const dialogo = r.page.getByRole('dialog', { name: 'Corregir datos de la persona' });
    await dialogo.waitFor();
    expect(await dialogo.getByLabel('Nombres').inputValue()).toBe('Itzel');
    await dialogo.getByText('Sin correcciones anteriores.').waitFor();
    expect(await infraccionesDeAccesibilidad(r.page, '.ant-modal')).toEqual([]);

    // Nombres has the focus; Tab moves through the fields in the order they read.
    await r.page.keyboard.press('Tab');
    await r.page.keyboard.press('Tab');
    const segundo = dialogo.getByLabel('Segundo apellido');
    expect(await segundo.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await r.page.keyboard.press('ControlOrMeta+A');
    await r.page.keyboard.type('Quiñónez');
    await dialogo.getByLabel('Motivo').fill('El libro traía #N/A; su acta dice Quiñónez.');
    // Enter in a field sends the form.
    await segundo.focus();
    await r.page.keyboard.press('Enter');
    await dialogo.waitFor({ state: 'hidden' });
    await r.page.getByText('Datos de Itzel Ibáñez Quiñónez corregidos.').waitFor();
    await r.page
      .getByRole('button', { name: 'Corregir datos de la persona: Itzel Ibáñez Quiñónez' })
      .click();
    const otra = r.page.getByRole('dialog', { name: 'Corregir datos de la persona' });
    await otra
      .getByText(
        'Segundo apellido de «#N/A» a «Quiñónez». Motivo: El libro traía #N/A; su acta dice Quiñónez.',
        { exact: false },
      )
      .waitFor();
    await r.page.screenshot({ path: 'test-results/corregir-persona.png' });
  });

  it('un motivo vacío se pide en el campo, y el gestor no ve el botón', async () => {
    const r = await e.entrarComo('coordinador');
    await r.abrir(`/creditos/${credito.id}`);
    await r.page.getByRole('button', { name: /^Corregir datos de la persona/ }).click();
    const dialogo = r.page.getByRole('dialog', { name: 'Corregir datos de la persona' });
    await dialogo.getByLabel('Nombres').fill('Itzel Guadalupe');
    await dialogo.getByRole('button', { name: 'Guardar corrección' }).click();
    await dialogo.getByText('Escribe el motivo de la corrección.').waitFor();

    const g = await e.entrarComo('gestor');
    await g.abrir(`/creditos/${credito.id}`);
    await g.page.getByText(credito.numero).first().waitFor();
    expect(await g.page.getByRole('button', { name: /Corregir datos de la persona/ }).count()).toBe(
      0,
    );
  });
});
