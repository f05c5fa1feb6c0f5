import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fecha } from '../../src/domain/fecha.ts';
import { rutaCaso } from '../soporte/casos.ts';
import { type CasoEntrada, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { textoDePdf } from '../soporte/pdf.ts';
import { BuscadorGlobal, PaginaFicha, RegistroDePago } from './paginas/atencion.ts';
import { PaginaCaja } from './paginas/caja.ts';
import { PaginaCredito } from './paginas/cartera.ts';
import type { PaginaRecupera } from './paginas/recupera.ts';

const CASO = rutaCaso('01-pago-parcial-con-atraso.json');
const CASO_LIQUIDADO = rutaCaso('02-liquidacion-anticipada-con-saldo-a-favor.json');
const ACREDITADO = 'José Ángel Núñez Ibáñez';

/** `2024-06-30` → `30/06/2024`, as people read dates. */
const ddmmaaaa = (iso: string) => iso.split('-').reverse().join('/');

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: atención en ventanilla y pago', () => {
  let e: Escenario;
  let credito: { id: number; numero: string };
  let hoy: Fecha;
  /** The payment the gestor registers in the first journey; the second one reverses it. */
  let folio = 0;

  beforeAll(async () => {
    e = await crearEscenario();
    const { caso } = JSON.parse(readFileSync(CASO, 'utf8')) as { caso: CasoEntrada };
    credito = await guardarCaso(e.base.db, caso, { oficina: 'HMO' });
    hoy = e.reloj.hoy();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  const entrarComo = (usuario: string) => e.entrarComo(usuario);

  async function pagosDelCredito(): Promise<number> {
    const fila = await e.base.db
      .selectFrom('movimientos')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('credito_id', '=', credito.id)
      .where('tipo', '=', 'pago')
      .executeTakeFirstOrThrow();
    return Number(fila.n);
  }

  const ancho = (r: PaginaRecupera) =>
    r.page.evaluate<number>('document.documentElement.scrollWidth');

  it('el gestor busca «jose nunez» en el encabezado, abre la ficha y el crédito, ve la vista previa y registra $1,500.00 una sola vez aunque haga doble clic', async () => {
    const r = await entrarComo('gestor');

    // The header box: a name without accents, in pieces, finds the acreditado.
    const buscador = new BuscadorGlobal(r.page);
    await buscador.escribir('jose nunez');
    const opcion = buscador.resultado(ACREDITADO);
    await opcion.waitFor();
    expect(await opcion.textContent()).toContain('Acreditado');
    expect(await opcion.textContent()).toContain(credito.numero);
    await r.page.screenshot({ path: 'test-results/atencion-busqueda.png' });
    await buscador.abrirConTeclado(ACREDITADO);

    // The ficha: the person, their contacts and the credit, with today's figures.
    const ficha = new PaginaFicha(r.page);
    await ficha.esperar(ACREDITADO);
    const fila = ficha.filaDeCredito(credito.numero);
    await fila.waitFor();
    expect(await fila.textContent()).toContain('Acreditado');
    expect(await fila.textContent()).toContain('Vencido');
    expect(await ancho(r)).toBeLessThanOrEqual(1366);
    await r.page.screenshot({ path: 'test-results/atencion-ficha.png', fullPage: true });
    // The CURP shows masked; «Mostrar» brings it whole, a reveal the bitácora keeps.
    const { curp } = await e.base.db
      .selectFrom('participantes_credito as pc')
      .innerJoin('personas as p', 'p.id', 'pc.persona_id')
      .select('p.curp')
      .where('pc.credito_id', '=', credito.id)
      .where('pc.rol', '=', 'acreditado')
      .executeTakeFirstOrThrow();
    const completa = curp ?? '';
    await r.page
      .getByText(`${completa.slice(0, 6)}…${completa.slice(-3)}`, { exact: true })
      .waitFor();
    expect(await r.page.getByText(completa, { exact: true }).count()).toBe(0);
    await r.page.getByRole('button', { name: 'Mostrar CURP completa' }).click();
    await r.page.getByText(completa, { exact: true }).waitFor();
    await ficha.abrirCredito(credito.numero);

    const pagina = new PaginaCredito(r.page);
    await pagina.esperar(credito.numero);
    await pagina.esperarEstadoAl(ddmmaaaa(hoy));
    // The breadcrumb leads back to the ficha it came from.
    await r.page
      .getByRole('navigation', { name: 'Ruta de navegación' })
      .getByRole('link', { name: ACREDITADO })
      .waitFor();

    // Vista previa: how $1,500.00 paid today would be applied, nothing stored.
    const pago = new RegistroDePago(r.page);
    await pago.llenar({
      monto: '1500',
      canal: 'Depósito bancario',
      referencia: 'BBVA 0045 778812',
    });
    const previa = await pago.vistaPrevia();
    expect(previa).toContain(`Si paga $1,500.00 el ${ddmmaaaa(hoy)}, se aplica así:`);
    expect(previa).toContain('Interés moratorio');
    expect(previa).toContain('Capital');
    expect(await pagosDelCredito()).toBe(2);
    expect(await ancho(r)).toBeLessThanOrEqual(1366);
    await pago.panel.screenshot({ path: 'test-results/atencion-vista-previa.png' });

    // Registrar, with a double click: one request, one payment.
    let envios = 0;
    r.page.on('request', (solicitud) => {
      if (
        solicitud.method() === 'POST' &&
        new URL(solicitud.url()).pathname === `/api/creditos/${credito.id}/pagos`
      ) {
        envios++;
        expect(solicitud.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
    await pago.registrarConDobleClic();
    folio = await pago.esperarRegistrado();
    expect(folio).toBeGreaterThan(0);
    expect(envios).toBe(1);
    expect(await pagosDelCredito()).toBe(3);
    await pago.panel.screenshot({ path: 'test-results/atencion-pago-registrado.png' });

    // The receipt: a PDF with the amount as people read it.
    const descarga = await pago.descargarRecibo();
    const texto = textoDePdf(readFileSync(await descarga.path()));
    expect(texto).toContain('$1,500.00');
    expect(texto).toContain(ACREDITADO);

    // The statement refreshed: the new payment is among the applied ones.
    await pagina.esperarEstadoAl(ddmmaaaa(hoy));
    await r.page.getByRole('tab', { name: /^Pagos aplicados/ }).click();
    const aplicado = r.page
      .getByRole('tabpanel')
      .getByRole('row')
      .filter({ hasText: `Pago con folio ${folio}` });
    await aplicado.waitFor();
    expect(await aplicado.textContent()).toContain('$1,500.00');
    await aplicado
      .getByRole('link', { name: `Descargar recibo del pago con folio ${folio}` })
      .waitFor();
    // A gestor records payments but does not reverse them.
    expect(await aplicado.getByRole('button', { name: /^Cancelar/ }).count()).toBe(0);
    expect(await ancho(r)).toBeLessThanOrEqual(1366);
    await r.page.screenshot({ path: 'test-results/atencion-credito-pagado.png', fullPage: true });

    // The same deposit typed in again: the preview asks whether it is already registered.
    await pago.llenar({ monto: '1500', canal: 'Depósito bancario', referencia: 'BBVA 778812' });
    await pago.vistaPrevia();
    const aviso = pago.panel.getByRole('alert').filter({ hasText: '¿Ya está registrado?' });
    await aviso.waitFor();
    expect(await aviso.textContent()).toContain(
      `folio ${folio}, depósito bancario, referencia «BBVA 0045 778812»`,
    );
    await pago.panel.screenshot({ path: 'test-results/atencion-posible-duplicado.png' });
  }, 90_000);

  it('la coordinación cancela ese pago con su motivo; en el corte de caja su cancelación es otra línea que lo resta', async () => {
    expect(folio).toBeGreaterThan(0);
    const r = await entrarComo('coordinador');
    await r.abrir(`/creditos/${credito.id}`);
    const pagina = new PaginaCredito(r.page);
    await pagina.esperar(credito.numero);
    await pagina.esperarEstadoAl(ddmmaaaa(hoy));
    await r.page.getByRole('tab', { name: /^Pagos aplicados/ }).click();
    await r.page.getByRole('button', { name: `Cancelar el pago con folio ${folio}` }).click();

    const dialogo = r.page.getByRole('dialog', { name: `Cancelar el pago con folio ${folio}` });
    // The reason is required: the dialog says so next to the field.
    await dialogo.getByRole('button', { name: 'Cancelar pago' }).click();
    await dialogo.getByText('Explica por qué se cancela el pago.').waitFor();
    await dialogo
      .getByLabel('Motivo de la cancelación')
      .fill('El depósito corresponde a otro crédito; referencia capturada por error.');
    await r.page.screenshot({ path: 'test-results/atencion-cancelar-pago.png' });
    await dialogo.getByRole('button', { name: 'Cancelar pago' }).click();
    await dialogo.waitFor({ state: 'hidden' });

    // From today on the engine computes as if the payment had not been made.
    await r.page
      .getByRole('tabpanel')
      .getByRole('row')
      .filter({ hasText: `Pago con folio ${folio}` })
      .waitFor({ state: 'detached' });
    const cancelaciones = await e.base.db
      .selectFrom('movimientos')
      .select(['motivo'])
      .where('cancela_id', '=', folio)
      .execute();
    expect(cancelaciones).toHaveLength(1);

    // The day's cash report: listed, marked, not summed.
    const caja = new PaginaCaja(r.page);
    await caja.abrirDesdeLaNavegacion(ddmmaaaa(hoy));
    const fila = caja.fila(folio);
    await fila.waitFor();
    expect(await fila.textContent()).toContain('Cancelado');
    expect(await fila.textContent()).toContain('$1,500.00');
    // The payment and its cancellation are two lines that cancel out (issue 14).
    expect(await caja.cancelacionDe(folio).textContent()).toContain('-$1,500.00');
    expect(await caja.cifra('Total del día')).toBe('$0.00');
    expect(await caja.cifra('Pagos recibidos')).toBe('$1,500.00');
    expect(await caja.cifra('Cancelaciones')).toBe('-$1,500.00');
    expect(await r.page.getByRole('link', { name: 'Descargar XLSX' }).getAttribute('href')).toBe(
      `/api/caja/corte.xlsx?fecha=${hoy}`,
    );
    expect(await ancho(r)).toBeLessThanOrEqual(1366);
    await r.page.screenshot({ path: 'test-results/caja.png', fullPage: true });
  }, 60_000);

  it('el mismo depósito capturado otra vez hoy: la pantalla nombra el pago anterior y solo lo registra si se confirma; un excedente solo lo autoriza la coordinación', async () => {
    const { caso } = JSON.parse(readFileSync(CASO, 'utf8')) as { caso: CasoEntrada };
    const otro = await guardarCaso(e.base.db, caso, {
      oficina: 'HMO',
      nombres: 'Ramón',
      primerApellido: 'Félix',
    });
    const pagos = async () =>
      (
        await e.base.db
          .selectFrom('movimientos')
          .select('id')
          .where('credito_id', '=', otro.id)
          .where('tipo', '=', 'pago')
          .execute()
      ).length;
    const abrir = async (usuario: string) => {
      const r = await entrarComo(usuario);
      await r.abrir(`/creditos/${otro.id}`);
      const pagina = new PaginaCredito(r.page);
      await pagina.esperar(otro.numero);
      await pagina.esperarEstadoAl(ddmmaaaa(hoy));
      return { r, pago: new RegistroDePago(r.page) };
    };
    const deposito = { monto: '800', canal: 'Depósito bancario', referencia: 'BANORTE 55123' };

    const { pago } = await abrir('gestor');
    await pago.llenar(deposito);
    await pago.registrar();
    const primero = await pago.esperarRegistrado();
    await pago.cerrarResultado();

    // Typed again: nothing is posted until the gestor says it is another payment.
    await pago.llenar(deposito);
    await pago.registrar();
    const aviso = pago.aviso('¿Es otro pago?');
    await aviso.waitFor();
    expect(await aviso.textContent()).toMatch(
      new RegExp(
        `Ya se registró hoy un pago igual: folio ${primero}, \\$800\\.00, referencia BANORTE 55123, por Sofía Valenzuela Peña a las \\d\\d:\\d\\d\\.`,
      ),
    );
    expect(await pagos()).toBe(3);
    await pago.panel.screenshot({ path: 'test-results/atencion-confirmar-duplicado.png' });
    await aviso.getByRole('button', { name: 'Sí, registrar de todos modos' }).click();
    const segundo = await pago.esperarRegistrado();
    expect(segundo).toBeGreaterThan(primero);
    expect(await pagos()).toBe(4);
    await pago.cerrarResultado();

    // $100,000,000.00: the gestor is told what the credit owes and to ask the coordinación.
    await pago.llenar({ ...deposito, monto: '100000000', referencia: 'SPEI 99' });
    await pago.registrar();
    const excede = pago.aviso('El pago excede lo que debe el crédito');
    await excede.waitFor();
    expect(await excede.textContent()).toMatch(
      /El crédito debe \$[\d,]+\.\d\d para liquidar al .*pide a un coordinador o a contabilidad/,
    );
    expect(await pago.panel.getByLabel('Autorizo el excedente').count()).toBe(0);
    expect(await pagos()).toBe(4);

    // The coordinador may authorize it: the box, then the payment, with who authorized it.
    const coordinacion = await abrir('coordinador');
    await coordinacion.pago.llenar({ ...deposito, monto: '100000000', referencia: 'SPEI 99' });
    await coordinacion.pago.registrar();
    await coordinacion.pago.aviso('El pago excede lo que debe el crédito').waitFor();
    await coordinacion.pago.panel.getByLabel('Autorizo el excedente').check();
    await coordinacion.pago.panel.screenshot({
      path: 'test-results/atencion-autorizar-excedente.png',
    });
    await coordinacion.pago.registrar();
    await coordinacion.pago.esperarRegistrado();
    await coordinacion.pago.panel
      .getByText(/autorizó el excedente Martín Ibarra Núñez\.$/)
      .waitFor();
    expect(await pagos()).toBe(5);
  }, 90_000);

  it('en un crédito liquidado la coordinación emite la carta finiquito y la descarga', async () => {
    const { caso } = JSON.parse(readFileSync(CASO_LIQUIDADO, 'utf8')) as { caso: CasoEntrada };
    const liquidado = await guardarCaso(e.base.db, caso, {
      oficina: 'HMO',
      nombres: 'Lucía',
      primerApellido: 'Zazueta',
    });
    const r = await entrarComo('coordinador');
    await r.abrir(`/creditos/${liquidado.id}`);
    const pagina = new PaginaCredito(r.page);
    await pagina.esperar(liquidado.numero);
    await pagina.esperarEstadoAl(ddmmaaaa(hoy));
    await r.page.getByText('El crédito está liquidado.').waitFor();

    await r.page.getByRole('button', { name: 'Emitir carta finiquito' }).click();
    const enlace = r.page.getByRole('link', { name: 'Descargar carta finiquito' });
    await enlace.waitFor();
    const carta = await e.base.db
      .selectFrom('cartas_finiquito')
      .select(['folio'])
      .where('credito_id', '=', liquidado.id)
      .executeTakeFirstOrThrow();
    await r.page
      .getByText(`Carta finiquito con folio ${carta.folio}, emitida el ${ddmmaaaa(hoy)}.`)
      .waitFor();
    await r.page.screenshot({ path: 'test-results/atencion-carta-finiquito.png' });
    const [descarga] = await Promise.all([r.page.waitForEvent('download'), enlace.click()]);
    const texto = textoDePdf(readFileSync(await descarga.path()));
    expect(texto).toContain(String(carta.folio));
    // guardarCaso reuses a person when its random CURP repeats: the surname is what is certain.
    expect(texto).toContain('Ibáñez');
  }, 60_000);
});
