import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infraccionesDeAccesibilidad } from '../soporte/accesibilidad.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { textoDePdf } from '../soporte/pdf.ts';
import { PaginaExpediente } from './paginas/expedientes.ts';

const CASO = casoPublicado('01-pago-parcial-con-atraso.json');
const COLEGA = 'Daniel Ruiz Moreno';
// A 1×1 PNG: a real image, so the server's check of the bytes accepts it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** `aaaa-mm-dd` plus some days, as a calendar date. */
function masDias(fecha: string, dias: number): string {
  const d = new Date(`${fecha}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dias);
  return d.toISOString().slice(0, 10);
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: expediente y custodia', () => {
  let e: Escenario;
  let credito: { id: number; numero: string };
  let pagare: string;
  let hoy: string;

  beforeAll(async () => {
    e = await crearEscenario();
    hoy = e.reloj.hoy();
    const db = e.base.db;
    credito = await guardarCaso(db, CASO, { oficina: 'HMO' });
    const primera = await db
      .selectFrom('ministraciones')
      .select(['id', 'pagare_numero'])
      .where('credito_id', '=', credito.id)
      .orderBy('numero')
      .executeTakeFirstOrThrow();
    pagare = primera.pagare_numero;
    // Its pagaré fell due almost three years ago: it prescribes in 60 days.
    const prescribe = masDias(hoy, 60);
    const vencimiento = `${Number(prescribe.slice(0, 4)) - 3}${prescribe.slice(4)}`;
    await db
      .updateTable('ministraciones')
      .set({ pagare_vencimiento: vencimiento })
      .where('id', '=', primera.id)
      .execute();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  it('el gestor imprime las etiquetas, presta un pagaré a un colega y lo recibe de vuelta, y adjunta un escaneo', async () => {
    const r = await e.entrarComo('gestor');
    const expediente = new PaginaExpediente(r.page, r.url);
    const etiquetaExpediente = `EXP-${credito.numero}`;
    const etiquetaPagare = `PAG-${pagare}`;
    await expediente.abrirDelCredito(credito.id);

    // Every piece, with its state, its prescription (highlighted: 60 days) and where it is.
    const filaPagare = expediente.pieza(etiquetaPagare);
    await filaPagare.getByText('Prescribe en 60 días').waitFor();
    expect(await filaPagare.textContent()).toContain(dmy(masDias(hoy, 60)));
    expect(await filaPagare.textContent()).toContain('3 años desde el vencimiento del pagaré');
    expect(await expediente.pieza(etiquetaExpediente).textContent()).toContain(
      'Archivo de Hermosillo',
    );
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);

    // The labels sheet: a QR per piece, its code printed below.
    const etiquetas = await expediente.imprimirEtiquetas();
    const textoEtiquetas = textoDePdf(readFileSync(await etiquetas.path()));
    expect(textoEtiquetas).toContain(etiquetaExpediente);
    expect(textoEtiquetas).toContain(etiquetaPagare);

    // Lent to a colleague until next week, with an acuse to sign.
    const devolver = masDias(hoy, 7);
    const prestamo = await expediente.llenarPrestamo(etiquetaPagare, COLEGA, dmy(devolver));
    await r.page.screenshot({ path: 'test-results/expediente-prestamo.png' });
    expect(await prestamo.getByLabel('Devolver a más tardar').inputValue()).toBe(dmy(devolver));
    expect(await infraccionesDeAccesibilidad(r.page, '.ant-modal')).toEqual([]);
    await prestamo.getByRole('button', { name: 'Prestar', exact: true }).click();
    await prestamo.getByText(/^Préstamo registrado: 1 pieza/).waitFor();
    const acuse = textoDePdf(
      readFileSync(await (await expediente.descargarAcuse(prestamo)).path()),
    );
    expect(acuse).toContain(etiquetaPagare);
    expect(acuse).toContain(COLEGA);
    await expediente.cerrar(prestamo);
    await filaPagare.getByText(`Prestado a ${COLEGA} hasta el ${dmy(devolver)}`).waitFor();
    const movida = await e.base.db
      .selectFrom('custodia_piezas as p')
      .innerJoin('usuarios as u', 'u.id', 'p.usuario_id')
      .select(['p.ubicacion', 'u.usuario', 'p.devolver_a_mas_tardar'])
      .where('p.credito_id', '=', credito.id)
      .executeTakeFirstOrThrow();
    expect(movida).toEqual({
      ubicacion: 'persona',
      usuario: 'gestor.ruiz',
      devolver_a_mas_tardar: devolver,
    });

    // Back in the archive, on a named shelf.
    const recepcion = await expediente.recibir(etiquetaPagare, 'A-1');
    await expediente.cerrar(recepcion);
    await filaPagare.getByText('Archivo de Hermosillo, estante A-1').waitFor();

    // A scan of the pagaré, listed at once.
    const escaneo = await expediente.adjuntarEscaneo(
      { name: 'pagaré-frente.png', mimeType: 'image/png', buffer: PNG },
      `Pagaré ${pagare}`,
      'Frente del pagaré',
    );
    await escaneo.waitFor({ state: 'detached' });
    const lista = expediente.escaneos();
    await lista.getByRole('link', { name: 'pagaré-frente.png' }).waitFor();
    expect(await lista.textContent()).toContain(`Pagaré ${pagare} · Frente del pagaré`);

    // A text file named .png: the server reads the bytes, and its 415 message is shown.
    const rechazado = await expediente.adjuntarEscaneo(
      { name: 'nota.png', mimeType: 'image/png', buffer: Buffer.from('no es una imagen') },
      null,
      'No es un escaneo',
    );
    await rechazado.getByText(/no es un PDF, un JPG ni un PNG/).waitFor();
    await rechazado.getByRole('button', { name: 'Volver' }).click();
    await rechazado.waitFor({ state: 'detached' });
    expect(await lista.getByRole('listitem').count()).toBe(1);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/expediente.png', fullPage: true });

    // On a phone (390 × 844): the tab fits, its table scrolls inside itself. (The credit page's
    // own frame above the tabs is not this journey's.)
    await r.page.setViewportSize({ width: 390, height: 844 });
    await filaPagare.waitFor();
    const pestana = await r.page.getByRole('tabpanel', { name: 'Expediente' }).boundingBox();
    expect((pestana?.x ?? 0) + (pestana?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(
      390,
    );
    const tabla = r.page.getByRole('region', { name: 'Tabla de piezas' });
    expect(
      await tabla.evaluate(
        (el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth > el.clientWidth,
      ),
    ).toBe(true);
    await r.page.getByRole('button', { name: 'Imprimir etiquetas' }).scrollIntoViewIfNeeded();
    const boton = await r.page.getByRole('button', { name: 'Imprimir etiquetas' }).boundingBox();
    expect((boton?.x ?? 0) + (boton?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(390);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/expediente-390.png', fullPage: true });
  }, 120_000);

  it('en Expedientes el gestor ve el pagaré por prescribir y hace el inventario de un estante', async () => {
    const r = await e.entrarComo('gestor');
    const expediente = new PaginaExpediente(r.page, r.url);
    await expediente.abrirExpedientesDesdeLaNavegacion();
    await r.page.getByText('No hay préstamos vencidos', { exact: false }).waitFor();

    // The pagaré that prescribes in 60 days is within 90, not within 30.
    await r.page.getByRole('tab', { name: 'Prescripción' }).click();
    const prescripcion = r.page.getByRole('region', { name: 'Pagarés por prescribir' });
    await prescripcion.getByRole('link', { name: credito.numero }).waitFor();
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.getByText('30 días', { exact: true }).click();
    await prescripcion.getByText('Ningún pagaré prescribe en los próximos 30 días.').waitFor();
    await r.page.getByText('90 días', { exact: true }).click();
    await prescripcion.getByRole('row').filter({ hasText: pagare }).waitFor();

    // The shelf A-1 holds the pagaré (received there in the other journey) — and a stray label.
    await r.page.getByRole('tab', { name: 'Inventario' }).click();
    await r.page.getByLabel('Estante', { exact: true }).fill('A-1');
    const lector = r.page.getByLabel('Etiqueta leída', { exact: true });
    await lector.fill(`pag-${pagare}`);
    await lector.press('Enter');
    await lector.fill('EXP-NO-EXISTE');
    await lector.press('Enter');
    await r.page.getByRole('heading', { name: '2 etiquetas leídas' }).waitFor();
    await r.page.getByRole('button', { name: 'Comparar' }).click();
    await r.page.getByRole('heading', { name: 'Coinciden (1)' }).waitFor();
    await r.page.getByRole('heading', { name: 'Desconocidas (1)' }).waitFor();
    await r.page.getByRole('heading', { name: 'Faltan (0)' }).waitFor();
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);

    // On a phone (360 px): the tabs wrap, nothing scrolls sideways, still accessible.
    await r.page.setViewportSize({ width: 360, height: 800 });
    await r.page.getByRole('heading', { name: 'Coinciden (1)' }).waitFor();
    expect(
      await r.page.evaluate<number>('document.documentElement.scrollWidth'),
    ).toBeLessThanOrEqual(360);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/expedientes-360.png', fullPage: true });
    await r.page.setViewportSize({ width: 1366, height: 768 });

    // Then the credit opens from its row.
    await r.page.getByRole('tab', { name: 'Prescripción' }).click();
    await prescripcion.getByRole('row').filter({ hasText: pagare }).click();
    await r.page.getByRole('tab', { name: 'Expediente', exact: true }).waitFor();
    expect(r.page.url()).toBe(`${r.url}/creditos/${credito.id}`);
  }, 120_000);

  it('al entrar, el gestor que tiene un expediente prestado con la fecha vencida lo ve avisado, y el aviso lleva a la lista', async () => {
    const db = e.base.db;
    // Another account's expediente, lent to the gestor by his coordinador; due three days ago.
    const prestado = await guardarCaso(db, CASO, { oficina: 'HMO', nombres: 'Prestado' });
    const [gestor, coordinador] = await Promise.all(
      ['gestor', 'coordinador'].map((usuario) =>
        db
          .selectFrom('usuarios')
          .select(['id', 'oficina_id'])
          .where('usuario', '=', usuario)
          .executeTakeFirstOrThrow(),
      ),
    );
    if (!gestor || !coordinador) throw new Error('sin usuarios');
    const vencio = masDias(hoy, -3);
    const acuse = await db
      .insertInto('custodia_acuses')
      .values({
        tipo: 'prestamo',
        entrega_usuario_id: coordinador.id,
        recibe_usuario_id: gestor.id,
        registrado_por: coordinador.id,
        registrado_en: e.reloj.ahora(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lugar = {
      credito_id: prestado.id,
      ministracion_id: null,
      ubicacion: 'persona' as const,
      oficina_id: gestor.oficina_id,
      usuario_id: gestor.id,
      devolver_a_mas_tardar: vencio,
    };
    const movimiento = await db
      .insertInto('custodia_movimientos')
      .values({ acuse_id: acuse.id, ...lugar })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('custodia_piezas')
      .values({ ...lugar, ultimo_movimiento_id: movimiento.id })
      .execute();

    // The gestor is told as he comes in; on a phone too.
    const r = await e.entrarComo('gestor');
    const aviso = r.page
      .getByRole('alert')
      .filter({ hasText: 'Tienes 1 pieza de expediente con devolución vencida' });
    await aviso.waitFor();
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.setViewportSize({ width: 360, height: 800 });
    await aviso.waitFor();
    expect(
      await r.page.evaluate<number>('document.documentElement.scrollWidth'),
    ).toBeLessThanOrEqual(360);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/inicio-prestamos-vencidos-360.png' });
    await r.page.setViewportSize({ width: 1366, height: 768 });

    // Its link opens the overdue loans, his own: the piece, three days late.
    await aviso.getByRole('link', { name: 'Ver los préstamos vencidos' }).click();
    await r.page.getByRole('heading', { name: 'Expedientes', level: 1 }).waitFor();
    await r.page.getByRole('tab', { name: 'Préstamos vencidos', selected: true }).waitFor();
    expect(await r.page.getByRole('checkbox', { name: 'Solo las que tengo yo' }).isChecked()).toBe(
      true,
    );
    const fila = r.page
      .getByRole('region', { name: 'Préstamos vencidos' })
      .getByRole('row')
      .filter({ hasText: `EXP-${prestado.numero}` });
    await fila.waitFor();
    expect(await fila.textContent()).toContain('3 días');
    expect(await fila.textContent()).toContain(dmy(vencio));
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    // The address names the tab: a reload keeps it.
    expect(new URL(r.page.url()).searchParams.get('pestana')).toBe('vencidos');
    await r.page.reload();
    await fila.waitFor();

    // The coordinador answers for his office's papers; a gestor of another office is not told.
    const c = await e.entrarComo('coordinador');
    await c.page
      .getByRole('alert')
      .filter({ hasText: 'Tu oficina tiene 1 pieza de expediente con devolución vencida' })
      .waitFor();
    const otro = await e.entrarComo('gestor.obregon');
    // Nothing shown only once the start page's question has been answered (with nothing).
    const [respuesta] = await Promise.all([
      otro.page.waitForResponse((res) => res.url().includes('/api/custodia/prestamos-vencidos')),
      otro.page.reload(),
    ]);
    expect(await respuesta.json()).toEqual({ piezas: [] });
    await otro.page.getByText('Fecha de operación').waitFor();
    expect(await otro.page.getByText(/devolución vencida/).count()).toBe(0);
  }, 120_000);
});
