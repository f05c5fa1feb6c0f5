import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infraccionesDeAccesibilidad } from '../soporte/accesibilidad.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { PNG } from '../soporte/imagenes.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { textoDePdf } from '../soporte/pdf.ts';
import { PaginaAbogado, PaginaJuridico } from './paginas/juridico.ts';
import type { PaginaRecupera } from './paginas/recupera.ts';

const CASO = casoPublicado('01-pago-parcial-con-atraso.json');
const DESPACHO = 'Despacho Jurídico Quijada y Asociados, S.C.';
const OTRO_DESPACHO = 'Bufete Valenzuela Encinas Abogados, S.C.';
const DEUDORES = [
  { nombres: 'Ana Lucía', primerApellido: 'Moreno' },
  { nombres: 'Bernardo', primerApellido: 'Escalante' },
  { nombres: 'Carmen', primerApellido: 'Durazo' },
];

/** `aaaa-mm-dd` moved by whole days, in UTC (calendar dates have no time zone). */
function sumarDias(fecha: string, dias: number): string {
  const d = new Date(`${fecha}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dias);
  return d.toISOString().slice(0, 10);
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

function restarAnios(fecha: string, anios: number): string {
  return `${Number(fecha.slice(0, 4)) - anios}${fecha.slice(4)}`;
}

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: turnado a un despacho', () => {
  let e: Escenario;
  let hoy: string;
  const cercanos: Array<{ id: number; numero: string; pagare: string; nombre: string }> = [];
  let lejano: { id: number; numero: string };
  let ajeno: { id: number; numero: string };

  beforeAll(async () => {
    e = await crearEscenario();
    hoy = e.reloj.hoy();
    const db = e.base.db;
    // The demo's law firms; the demo lawyer works at the first one.
    const [despacho, otro] = await Promise.all(
      [DESPACHO, OTRO_DESPACHO].map((nombre) =>
        db.insertInto('despachos').values({ nombre }).returning('id').executeTakeFirstOrThrow(),
      ),
    );
    if (!despacho || !otro) throw new Error('sin despachos');
    await db
      .updateTable('usuarios')
      .set({ despacho_id: despacho.id })
      .where('usuario', '=', 'abogado')
      .execute();
    // Three Hermosillo accounts whose pagaré prescribes in 40 to 60 days (3 years after it fell due).
    for (const [i, deudor] of DEUDORES.entries()) {
      const c = await guardarCaso(db, CASO, { oficina: 'HMO', ...deudor });
      const vencimiento = restarAnios(sumarDias(hoy, 40 + 10 * i), 3);
      const m = await db
        .updateTable('ministraciones')
        .set({ pagare_vencimiento: vencimiento })
        .where('credito_id', '=', c.id)
        .returning('pagare_numero')
        .executeTakeFirstOrThrow();
      cercanos.push({
        id: c.id,
        numero: c.numero,
        pagare: m.pagare_numero,
        nombre: `${deudor.nombres} ${deudor.primerApellido} Ibáñez`,
      });
    }
    // One that prescribes in two years: not a candidate.
    lejano = await guardarCaso(db, CASO, { oficina: 'HMO', nombres: 'Lejano' });
    await db
      .updateTable('ministraciones')
      .set({ pagare_vencimiento: restarAnios(hoy, 1) })
      .where('credito_id', '=', lejano.id)
      .execute();
    // Another firm's account: the lawyer never sees it.
    ajeno = await guardarCaso(db, CASO, { oficina: 'HMO', despachoId: otro.id, nombres: 'Ajeno' });
    await db
      .insertInto('turnados')
      .values({
        credito_id: ajeno.id,
        despacho_id: otro.id,
        motivo: 'Turnado de otra prueba',
        desde: hoy,
        hasta: '2099-12-31',
        turnado_por: (
          await db
            .selectFrom('usuarios')
            .select('id')
            .where('usuario', '=', 'admin')
            .executeTakeFirstOrThrow()
        ).id,
        turnado_en: e.reloj.ahora(),
      })
      .execute();
    await db
      .updateTable('creditos')
      .set({ estado: 'en_juridico' })
      .where('id', '=', ajeno.id)
      .execute();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  const ancho = (r: PaginaRecupera) =>
    r.page.evaluate<number>('document.documentElement.scrollWidth');

  it('el coordinador turna tres cuentas por prescribir; el abogado ve solo esas, descarga el paquete y registra la demanda; el coordinador devuelve una', async () => {
    // The coordinador finds the accounts that prescribe within 90 days and turns them over.
    const coordinador = await e.entrarComo('coordinador');
    const juridico = new PaginaJuridico(coordinador.page);
    await juridico.abrirDesdeLaNavegacion();
    await juridico.buscarPorPrescripcion(90);
    await coordinador.page
      .getByRole('heading', { name: '3 cuentas cumplen los criterios', level: 2 })
      .waitFor();
    const encontradas = await juridico.filas().allTextContents();
    for (const c of cercanos) expect(encontradas.join('\n')).toContain(c.numero);
    expect(encontradas.join('\n')).not.toContain(lejano.numero);
    expect(encontradas.join('\n')).not.toContain(ajeno.numero);
    expect(await infraccionesDeAccesibilidad(coordinador.page)).toEqual([]);
    // On a phone (360 px) the table scrolls by itself; the page does not.
    await coordinador.page.setViewportSize({ width: 360, height: 800 });
    await juridico.filas().first().waitFor();
    expect(await ancho(coordinador)).toBeLessThanOrEqual(360);
    expect(await infraccionesDeAccesibilidad(coordinador.page)).toEqual([]);
    await coordinador.page.screenshot({ path: 'test-results/juridico-360.png', fullPage: true });
    await coordinador.page.setViewportSize({ width: 1366, height: 768 });
    await juridico.elegirTodas();
    await juridico.turnar(DESPACHO, 'Pagarés a menos de 90 días de prescribir.');
    await coordinador.page
      .getByText(new RegExp(`^3 cuentas turnadas a ${DESPACHO.replace(/\./g, '\\.')} hasta el`))
      .waitFor();
    await coordinador.page
      .getByRole('heading', { name: 'Ninguna cuenta cumple los criterios', level: 2 })
      .waitFor();
    const turnados = await e.base.db
      .selectFrom('turnados as t')
      .innerJoin('creditos as c', 'c.id', 't.credito_id')
      .select(['t.credito_id', 'c.estado'])
      .where('t.devuelto_en', 'is', null)
      .where(
        't.credito_id',
        'in',
        cercanos.map((c) => c.id),
      )
      .orderBy('t.credito_id')
      .execute();
    expect(turnados).toEqual(cercanos.map((c) => ({ credito_id: c.id, estado: 'en_juridico' })));
    await coordinador.page.screenshot({
      path: 'test-results/juridico-turnado.png',
      fullPage: true,
    });

    // The lawyer starts from his firm's accounts: exactly those three.
    const abogado = await e.entrarComo('abogado');
    const vista = new PaginaAbogado(abogado.page);
    await vista.esperarCuentas(3);
    expect((await vista.numeros()).sort()).toEqual(cercanos.map((c) => c.numero).sort());
    expect(await infraccionesDeAccesibilidad(abogado.page)).toEqual([]);
    await abogado.page.setViewportSize({ width: 360, height: 800 });
    await vista.esperarCuentas(3);
    expect(await ancho(abogado)).toBeLessThanOrEqual(360);
    expect(await infraccionesDeAccesibilidad(abogado.page)).toEqual([]);
    await abogado.page.screenshot({
      path: 'test-results/juridico-abogado-360.png',
      fullPage: true,
    });
    await abogado.page.setViewportSize({ width: 1366, height: 768 });

    // He opens one: the ficha he may see, its evidence pack and «Demanda presentada».
    const [primero] = cercanos;
    if (!primero) throw new Error('sin cuentas');
    await abogado.page.getByRole('link', { name: primero.numero }).click();
    await abogado.page.getByRole('heading', { name: 'Actuaciones', level: 2 }).waitFor();
    await vista.actuaciones().getByText('El despacho aún no registra actuaciones.').waitFor();
    // What he cannot do is not offered.
    for (const accion of [
      'Registrar pago',
      'Simular alternativas',
      'Registrar gestión',
      'Devolver del despacho',
    ]) {
      expect(await abogado.page.getByRole('button', { name: accion }).count()).toBe(0);
    }
    const paquete = await vista.descargarPaquete();
    const texto = textoDePdf(readFileSync(await paquete.path()));
    expect(texto).toContain('Paquete de evidencia');
    expect(texto).toContain(primero.nombre);
    expect(texto).toContain(primero.pagare);

    await vista.registrarDemanda(
      primero.numero,
      'Juzgado Segundo de Primera Instancia de lo Civil de Hermosillo',
      '1234/2026',
    );
    await vista.actuaciones().getByText('Demanda presentada').waitFor();
    await vista
      .actuaciones()
      .getByText(/Exp\. 1234\/2026/)
      .waitFor();
    expect(
      await e.base.db
        .selectFrom('actuaciones_juridicas')
        .select(['credito_id', 'estado', 'juzgado', 'expediente_judicial'])
        .execute(),
    ).toEqual([
      {
        credito_id: primero.id,
        estado: 'demanda_presentada',
        juzgado: 'Juzgado Segundo de Primera Instancia de lo Civil de Hermosillo',
        expediente_judicial: '1234/2026',
      },
    ]);
    // The lawsuit as filed, with the court's stamp: a document of that actuación.
    const demanda = `Demanda presentada del ${dmy(hoy)}`;
    await vista.actuaciones().getByText('Sin documentos').waitFor();
    const adjuntar = await vista.adjuntarDocumento(
      demanda,
      { name: 'demanda-sellada.png', mimeType: 'image/png', buffer: PNG },
      'Acuse de recibo del juzgado',
    );
    await adjuntar.waitFor({ state: 'detached' });
    const documento = vista.documentos(demanda).getByRole('link', { name: 'demanda-sellada.png' });
    await documento.waitFor();
    expect(await vista.documentos(demanda).textContent()).toContain('Acuse de recibo del juzgado');
    const guardado = await e.base.db
      .selectFrom('escaneos as s')
      .innerJoin('actuaciones_juridicas as a', 'a.id', 's.actuacion_id')
      .select(['s.id', 's.credito_id', 'a.estado', 's.nombre_original', 's.tipo_mime'])
      .executeTakeFirstOrThrow();
    expect(guardado).toMatchObject({
      credito_id: primero.id,
      estado: 'demanda_presentada',
      nombre_original: 'demanda-sellada.png',
      tipo_mime: 'image/png',
    });
    // It opens in a new tab (the server forbids framing it), as the bytes uploaded.
    expect(await documento.getAttribute('href')).toBe(`/api/escaneos/${guardado.id}`);
    expect(await documento.getAttribute('target')).toBe('_blank');
    const bytes = await abogado.page.request.get(`${abogado.url}/api/escaneos/${guardado.id}`);
    expect(Buffer.from(await bytes.body()).equals(PNG)).toBe(true);
    expect(await infraccionesDeAccesibilidad(abogado.page)).toEqual([]);
    await abogado.page.screenshot({ path: 'test-results/juridico-actuacion.png', fullPage: true });

    // The coordinador sees the firm's actuación on the credit page.
    await coordinador.abrir(`/creditos/${primero.id}`);
    await coordinador.page
      .getByRole('region', { name: 'Actuaciones' })
      .getByText('Demanda presentada')
      .waitFor();
    // He reads the firm's documents; attaching them is the firm's.
    await coordinador.page
      .getByRole('list', { name: `Documentos de ${demanda}` })
      .getByRole('link', { name: 'demanda-sellada.png' })
      .waitFor();
    expect(
      await coordinador.page.getByRole('button', { name: /^Adjuntar documento/ }).count(),
    ).toBe(0);
    // He may recall it and read the pack, not record what the firm did.
    await coordinador.page.getByRole('button', { name: 'Devolver del despacho' }).waitFor();
    await coordinador.page.getByRole('link', { name: 'Descargar paquete de evidencia' }).waitFor();
    expect(
      await coordinador.page.getByRole('button', { name: 'Registrar actuación' }).count(),
    ).toBe(0);

    // He recalls another account; the lawyer no longer sees it.
    const devuelta = cercanos[2];
    if (!devuelta) throw new Error('sin cuentas');
    await juridico.abrirDesdeLaNavegacion();
    await juridico.seccion('Cuentas turnadas');
    await coordinador.page
      .getByRole('button', { name: `Devolver el crédito ${devuelta.numero}` })
      .waitFor();
    await juridico.devolver(devuelta.numero, 'El acreditado se presentó a negociar en la oficina.');
    await coordinador.page.getByText(`Crédito ${devuelta.numero} devuelto a su oficina.`).waitFor();
    await coordinador.page
      .getByRole('button', { name: `Devolver el crédito ${devuelta.numero}` })
      .waitFor({ state: 'detached' });

    // The month's report: the firm held three accounts and one came back.
    await juridico.seccion('Reporte por despacho');
    const renglon = coordinador.page.getByRole('row').filter({ hasText: DESPACHO });
    await renglon.waitFor();
    const celdas = (await renglon.getByRole('cell').allTextContents()).map((t) => t.trim());
    expect(celdas[0]).toBe(DESPACHO);
    expect(celdas[1]).toBe('3');
    expect(celdas[5]).toBe('1');
    expect(await infraccionesDeAccesibilidad(coordinador.page)).toEqual([]);

    await abogado.abrir('/');
    await vista.esperarCuentas(2);
    expect((await vista.numeros()).sort()).toEqual(
      cercanos
        .filter((c) => c.id !== devuelta.id)
        .map((c) => c.numero)
        .sort(),
    );
    await abogado.abrir(`/creditos/${devuelta.id}`);
    await abogado.page
      .getByRole('heading', { name: /no está en tu cartera|no existe|no encontrado/i })
      .waitFor();
    expect(await abogado.page.getByText(devuelta.nombre).count()).toBe(0);
  }, 180_000);

  it('el administrador registra un despacho con su abogado y lo da de baja', async () => {
    const admin = await e.entrarComo('admin');
    const juridico = new PaginaJuridico(admin.page);
    await juridico.abrirDesdeLaNavegacion();
    await juridico.seccion('Despachos');
    await admin.page.getByRole('cell', { name: DESPACHO, exact: true }).waitFor();
    await admin.page.getByRole('button', { name: 'Nuevo despacho' }).click();
    const dialogo = admin.page.getByRole('dialog', { name: 'Nuevo despacho' });
    await dialogo.getByLabel('Nombre').fill('Litigio Sonorense, S.C.');
    await dialogo.getByLabel('Contacto (opcional)').fill('Lic. Rosa Amparo Félix');
    await dialogo.getByLabel('Correo (opcional)').fill('contacto@litigio.mx');
    await juridico.elegirAbogado(dialogo, 'Lic. Ernesto Quijada Soto');
    expect(await infraccionesDeAccesibilidad(admin.page, '.ant-modal')).toEqual([]);
    await dialogo.getByRole('button', { name: 'Registrar despacho' }).click();
    await admin.page.getByText('Despacho Litigio Sonorense, S.C. registrado.').waitFor();
    const fila = admin.page.getByRole('row').filter({ hasText: 'Litigio Sonorense, S.C.' });
    await fila.getByText('Lic. Ernesto Quijada Soto').waitFor();
    expect(
      await e.base.db
        .selectFrom('usuarios as u')
        .innerJoin('despachos as d', 'd.id', 'u.despacho_id')
        .select('d.nombre')
        .where('u.usuario', '=', 'abogado')
        .executeTakeFirst(),
    ).toEqual({ nombre: 'Litigio Sonorense, S.C.' });

    await fila.getByRole('button', { name: 'Editar el despacho Litigio Sonorense, S.C.' }).click();
    const edicion = admin.page.getByRole('dialog', { name: 'Editar Litigio Sonorense, S.C.' });
    await edicion.getByRole('checkbox', { name: 'Activo (puede recibir cuentas)' }).uncheck();
    await edicion.getByRole('button', { name: 'Guardar cambios' }).click();
    await admin.page.getByText('Despacho Litigio Sonorense, S.C. actualizado.').waitFor();
    await fila.getByText('Inactivo').waitFor();
    expect(await infraccionesDeAccesibilidad(admin.page)).toEqual([]);
  }, 60_000);
});
