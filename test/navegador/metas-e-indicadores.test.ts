import { mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Centavos } from '../../src/domain/dinero.ts';
import { type Fecha, sumarDias } from '../../src/domain/fecha.ts';
import {
  type Mes,
  mesAnterior,
  mesDeFecha,
  mesSiguiente,
  nombreDelMes,
  primerDia,
  ultimoDia,
} from '../../src/domain/metas/mes.ts';
import { calcularAntiguedad } from '../../src/modules/cartera/calcular-antiguedad.ts';
import type { ContextoAutenticado } from '../../src/modules/contexto.ts';
import { definirMeta } from '../../src/modules/metas/definir-meta.ts';
import { registrarPago } from '../../src/modules/pagos/registrar-pago.ts';
import { infraccionesDeAccesibilidad } from '../soporte/accesibilidad.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { PaginaMetas } from './paginas/metas.ts';
import { GRAFICAS, PaginaTablero } from './paginas/tablero.ts';

const CASO = casoPublicado('01-pago-parcial-con-atraso.json');
/** Hermosillo's gestores and how many accounts, and $500 payments today, each one holds. */
const REPARTO = [
  { usuario: 'gestor', cuentas: 6, pagos: 3 },
  { usuario: 'gestor.ruiz', cuentas: 3, pagos: 2 },
  { usuario: 'gestor.leyva', cuentas: 3, pagos: 0 },
] as const;
const PAGO = 50_000;

const nombreMes = nombreDelMes;
const pesos = (centavos: number) =>
  `$${(centavos / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: metas e indicadores', () => {
  let e: Escenario;
  let hoy: Fecha;
  let mes: Mes;
  const usuarios = new Map<string, { id: number; nombre: string }>();
  let hmo = 0;

  beforeAll(async () => {
    e = await crearEscenario();
    const db = e.base.db;
    hoy = e.reloj.hoy();
    // Mid-morning in Hermosillo: nothing in the journey crosses into another day.
    e.reloj.fijar(`${hoy}T17:00:00Z`);
    mes = mesDeFecha(hoy);
    hmo = (
      await db
        .selectFrom('oficinas')
        .select('id')
        .where('clave', '=', 'HMO')
        .executeTakeFirstOrThrow()
    ).id;
    for (const u of await db.selectFrom('usuarios').select(['id', 'usuario', 'nombre']).execute()) {
      usuarios.set(u.usuario, u);
    }
    const actor = async (usuario: string): Promise<ContextoAutenticado> => {
      const u = await db
        .selectFrom('usuarios')
        .select(['id', 'usuario', 'nombre', 'rol', 'oficina_id', 'despacho_id'])
        .where('usuario', '=', usuario)
        .executeTakeFirstOrThrow();
      return {
        reloj: e.reloj,
        ip: null,
        actor: { ...u, oficinaId: u.oficina_id, despachoId: u.despacho_id },
      };
    };
    const admin = await actor('admin');
    const coordinador = await actor('coordinador');

    // Each gestor holds his accounts since the start of last month (so at its close too).
    const desde = `${primerDia(mesAnterior(mes))}T07:00:00Z`;
    const pagadas: number[] = [];
    for (const g of REPARTO) {
      const gestorId = usuarios.get(g.usuario)?.id ?? 0;
      for (let i = 0; i < g.cuentas; i++) {
        const { id } = await guardarCaso(db, CASO, { oficina: 'HMO' });
        await db
          .updateTable('creditos')
          .set({ gestor_id: gestorId })
          .where('id', '=', id)
          .execute();
        await db
          .insertInto('asignaciones')
          .values({ credito_id: id, gestor_id: gestorId, desde, hasta: null })
          .execute();
        if (i < g.pagos) pagadas.push(id);
      }
    }
    // Last month's close (the roll rates' start), yesterday (the payments' bucket) and today.
    const cortes = [...new Set([ultimoDia(mesAnterior(mes)), sumarDias(hoy, -1), hoy])];
    for (const f of cortes) {
      await db.transaction().execute((trx) => calcularAntiguedad(trx, f, admin));
    }
    for (const [n, id] of pagadas.entries()) {
      await db.transaction().execute((trx) =>
        registrarPago(
          trx,
          id,
          {
            fecha: null,
            monto: PAGO as Centavos,
            canal: n % 2 === 0 ? 'caja' : 'banco',
            referencia: `PRUEBA-${n}`,
            excedente: 'reducir_plazo',
          },
          admin,
        ),
      );
    }
    // This month's goals: the office's (the administrador's) and each gestor's.
    await db.transaction().execute(async (trx) => {
      await definirMeta(
        trx,
        mes,
        {
          sujeto: { oficinaId: hmo },
          items: {
            recuperacion: { meta: 1_000_000n, peso: '60' },
            contactosEfectivos: { meta: 20n, peso: '40' },
          },
          motivo: null,
        },
        admin,
      );
      for (const g of REPARTO) {
        await definirMeta(
          trx,
          mes,
          {
            sujeto: { gestorId: usuarios.get(g.usuario)?.id ?? 0 },
            items: { recuperacion: { meta: 200_000n, peso: '100' } },
            motivo: null,
          },
          coordinador,
        );
      }
    });
    mkdirSync('test-results', { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await e?.cerrar();
  });

  const nombre = (usuario: string) => usuarios.get(usuario)?.nombre ?? usuario;
  const ancho = (page: Parameters<typeof infraccionesDeAccesibilidad>[0]) =>
    page.evaluate<number>('document.documentElement.scrollWidth');

  it('el coordinador fija las metas del mes siguiente de un gestor, con el teclado, y quedan con versión e historial', async () => {
    const r = await e.entrarComo('coordinador');
    const metas = new PaginaMetas(r.page);
    await metas.abrirDesdeLaNavegacion();
    const siguiente = mesSiguiente(mes);
    await r.page
      .getByRole('heading', { name: `Metas de ${nombreMes(siguiente)}`, level: 1 })
      .waitFor();
    await metas.fila(nombre('gestor')).getByText('Sin metas').waitFor();
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);

    const dialogo = await metas.editar(nombre('gestor'));
    await metas.escribirItem(dialogo, 'Recuperación', '150,000', '40');
    await metas.escribirItem(dialogo, 'Contactos efectivos', '120', '30');
    await metas.escribirItem(dialogo, 'Convenios firmados', '5', '30');
    // Turnos atendidos stays empty: Tab past its two fields to the reason.
    await metas.tabuladorHasta(dialogo.getByLabel('Motivo del cambio (opcional)'));
    await r.page.keyboard.type('Metas del trimestre');
    expect(await infraccionesDeAccesibilidad(r.page, '.ant-modal')).toEqual([]);
    await expect
      .poll(() => dialogo.getByLabel('Motivo del cambio (opcional)').inputValue())
      .toBe('Metas del trimestre');
    // From the reason's text area (where Enter is a new line) Tab reaches «Guardar metas»,
    // past «Cancelar». A few presses at most: the test is that the keyboard gets there, not
    // how many stops antd's dialog puts on the way (CI once found one more under load).
    await metas.tabuladorHasta(dialogo.getByRole('button', { name: 'Guardar metas' }));
    await r.page.keyboard.press('Enter');
    await dialogo.waitFor({ state: 'hidden' });
    await r.page
      .getByText(`Metas de ${nombre('gestor')} para ${nombreMes(siguiente)} guardadas (versión 1).`)
      .waitFor();
    const fila = metas.fila(nombre('gestor'));
    await fila.getByText('$150,000.00').waitFor();
    const celdas = (await fila.getByRole('cell').allTextContents()).map((t) => t.trim());
    expect(celdas.slice(1, 6)).toEqual([
      '$150,000.00Peso 40',
      '120Peso 30',
      '5Peso 30',
      '—Sin meta',
      '1',
    ]);
    expect(celdas[6]).toContain(nombre('coordinador'));

    const guardadas = await e.base.db
      .selectFrom('metas')
      .select(['version', 'recuperacion_centavos', 'contactos_efectivos', 'convenios', 'motivo'])
      .where('gestor_id', '=', usuarios.get('gestor')?.id ?? 0)
      .where('mes', '=', primerDia(siguiente))
      .execute();
    expect(guardadas).toEqual([
      {
        version: 1,
        recuperacion_centavos: expect.anything(),
        contactos_efectivos: 120,
        convenios: 5,
        motivo: 'Metas del trimestre',
      },
    ]);
    expect(String(guardadas[0]?.recuperacion_centavos)).toBe('15000000');

    const historial = await metas.historial(nombre('gestor'));
    await historial.getByRole('row').filter({ hasText: 'Metas del trimestre' }).waitFor();
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.keyboard.press('Escape');
    await historial.waitFor({ state: 'hidden' });
    await r.page.screenshot({ path: 'test-results/metas.png', fullPage: true });

    // The month's goals go out as a workbook and come back with Ruiz's filled in.
    const [descarga] = await Promise.all([
      r.page.waitForEvent('download'),
      r.page.getByRole('link', { name: 'Exportar metas (XLSX)' }).click(),
    ]);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.readFile((await descarga.path()) ?? '');
    const hoja = libro.getWorksheet('Metas');
    if (hoja === undefined) throw new Error('el libro no tiene la hoja «Metas»');
    const encabezados = hoja.getRow(1).values as unknown[];
    const columna = (n: string) => encabezados.indexOf(n);
    let filaRuiz = 0;
    hoja.eachRow((f, n) => {
      if (f.getCell(columna('gestor')).value === 'gestor.ruiz') filaRuiz = n;
    });
    expect(filaRuiz).toBeGreaterThan(1);
    hoja.getRow(filaRuiz).getCell(columna('recuperacion')).value = 90_000;
    hoja.getRow(filaRuiz).getCell(columna('recuperacion_peso')).value = 100;
    const editado = 'test-results/metas-editadas.xlsx';
    await libro.xlsx.writeFile(editado);
    await r.page.getByLabel('Libro de metas (XLSX)').setInputFiles(editado);
    await r.page.getByRole('button', { name: 'Importar metas' }).click();
    await r.page.getByText(/^Metas importadas: 1;/).waitFor();
    await metas.fila(nombre('gestor.ruiz')).getByText('$90,000.00').waitFor();
    // Its «Historial» just became enabled: axe must not read its colour mid-transition.
    await expect.poll(() => infraccionesDeAccesibilidad(r.page)).toEqual([]);
  }, 90_000);

  it('el coordinador abre el tablero de su oficina: cada gráfica dibujada con su tabla, el comparativo y el reporte XLSX', async () => {
    const r = await e.entrarComo('coordinador');
    const tablero = new PaginaTablero(r.page);
    await tablero.abrirDesdeLaNavegacion();
    await r.page.getByRole('heading', { name: `Tablero de ${nombreMes(mes)}`, level: 1 }).waitFor();

    for (const titulo of GRAFICAS) {
      await tablero.imagen(titulo).waitFor();
      expect(await tablero.marcas(titulo), titulo).toBeGreaterThan(0);
    }
    const total = REPARTO.reduce((s, g) => s + g.pagos, 0) * PAGO;
    const porCanal = await tablero.verTabla('Recuperación por canal');
    expect(porCanal[0]).toEqual(['Canal', 'Recuperación neta']);
    expect(porCanal).toContainEqual(['Caja', pesos(3 * PAGO)]);
    expect(porCanal).toContainEqual(['Banco', pesos(2 * PAGO)]);
    expect(porCanal.at(-1)).toEqual(['Total', pesos(total)]);
    const porDia = await tablero.verTabla('Recuperación por día');
    expect(porDia.at(-1)?.slice(0, 2)).toEqual(['Total del mes', pesos(total)]);
    expect(porDia).toContainEqual([hoy.split('-').reverse().join('/'), pesos(total), pesos(total)]);
    const porBucket = await tablero.verTabla('Recuperación por antigüedad');
    expect(porBucket.at(-1)).toEqual(['Total', pesos(total)]);
    const metas = await tablero.verTabla('Metas contra lo logrado');
    expect(metas).toContainEqual(['Recuperación', '$10,000.00', pesos(total), '60', '25.0 %']);
    const cartera = await tablero.verTabla('Cartera por antigüedad');
    const cuentas = REPARTO.reduce((s, g) => s + g.cuentas, 0);
    expect(cartera.at(-1)?.at(-2)).toBe(String(cuentas));
    // The roll-rate matrix is a table; its rates are the other table.
    const matriz = tablero.tarjeta('Rodamiento y cura').getByRole('table').first();
    await matriz.waitFor();
    expect(await matriz.getByRole('row').count()).toBe(8);
    const tasas = await tablero.verTabla('Rodamiento y cura', 'Ver tasas y saldos');
    expect(tasas[0]?.[0]).toBe('Desde');

    // The gestores side by side, sortable by recovery.
    const comparativo = r.page.getByRole('region', { name: 'Gestores de la oficina' });
    for (const g of REPARTO) {
      await comparativo
        .getByRole('row')
        .filter({ hasText: nombre(g.usuario) })
        .waitFor();
    }
    await comparativo.getByRole('columnheader', { name: /Recuperación neta/ }).click();
    await comparativo.getByRole('columnheader', { name: /Recuperación neta/ }).click();
    const primera = comparativo.locator('.ant-table-tbody').getByRole('row').first();
    expect(await primera.textContent()).toContain(nombre('gestor'));
    expect(await primera.textContent()).toContain(pesos(3 * PAGO));
    await tablero.imagen('Índice de cumplimiento por gestor').waitFor();

    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/tablero-oficina.png', fullPage: true });

    const [descarga] = await Promise.all([
      r.page.waitForEvent('download'),
      r.page.getByRole('link', { name: 'Descargar reporte (XLSX)' }).click(),
    ]);
    const ruta = 'test-results/reporte-indicadores.xlsx';
    await descarga.saveAs(ruta);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.readFile(ruta);
    const hojas = libro.worksheets.map((h) => h.name);
    expect(hojas).toContain('Resumen y metas');
    expect(hojas).toContain('Recuperación');
    expect(hojas).toContain('Cartera y rodamiento');
    const recuperacion = libro.getWorksheet('Recuperación');
    const netos = new Map<string, number>();
    recuperacion?.eachRow((fila) => {
      const quien = fila.getCell(1).value;
      const neto = fila.getCell(4).value;
      if (typeof quien === 'string' && typeof neto === 'number') netos.set(quien, neto);
    });
    expect(netos.get(nombre('gestor'))).toBe((3 * PAGO) / 100);
    expect(netos.get(nombre('gestor.ruiz'))).toBe((2 * PAGO) / 100);
    expect(netos.get(nombre('gestor.leyva'))).toBe(0);
  }, 120_000);

  it('el gestor ve su tablero contra sus metas en un teléfono de 360 px, sin desplazamiento lateral', async () => {
    const r = await e.entrarComo('gestor');
    await r.page.setViewportSize({ width: 360, height: 800 });
    await r.abrir('/tablero');
    const tablero = new PaginaTablero(r.page);
    await tablero.esperar();
    await r.page.getByRole('definition').filter({ hasText: '75.0 %' }).first().waitFor();
    await r.page.getByRole('link', { name: 'Ir a mi cartera de hoy' }).waitFor();
    // The day's progress: no gestión logged today on his six accounts.
    await r.page.getByText('Hoy has gestionado 0 de 6 cuentas de tu cartera.').waitFor();
    for (const titulo of GRAFICAS) {
      await tablero.imagen(titulo).waitFor();
      expect(await tablero.marcas(titulo), titulo).toBeGreaterThan(0);
    }
    // No comparison and no report for a gestor.
    expect(await r.page.getByRole('link', { name: 'Descargar reporte (XLSX)' }).count()).toBe(0);
    await tablero.verTabla('Recuperación por canal');
    expect(await ancho(r.page)).toBeLessThanOrEqual(360);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/tablero-gestor-360.png', fullPage: true });
  }, 90_000);

  it('el administrador ve el instituto y sus tres oficinas; contabilidad, solo la recuperación', async () => {
    const r = await e.entrarComo('admin');
    const tablero = new PaginaTablero(r.page);
    await tablero.abrirDesdeLaNavegacion();
    const oficinas = r.page.getByRole('region', { name: 'Oficinas del instituto' });
    for (const o of ['Hermosillo', 'Obregón', 'Nogales']) {
      await oficinas.getByRole('row').filter({ hasText: o }).first().waitFor();
    }
    const hermosillo = oficinas.getByRole('row').filter({ hasText: 'Hermosillo' }).first();
    expect(await hermosillo.textContent()).toContain('$2,500.00');
    // The institute has no goals of its own; its offices' indices are side by side.
    for (const titulo of GRAFICAS.slice(1)) await tablero.imagen(titulo).waitFor();
    expect(await tablero.tarjeta('Metas contra lo logrado').count()).toBe(0);
    expect(await tablero.marcas('Índice de cumplimiento por oficina')).toBeGreaterThan(0);
    expect(await tablero.verTabla('Índice de cumplimiento por oficina')).toContainEqual([
      'Hermosillo',
      '15.0 %',
    ]);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);

    const c = await e.entrarComo('contabilidad');
    const deContabilidad = new PaginaTablero(c.page);
    await deContabilidad.abrirDesdeLaNavegacion();
    for (const titulo of [
      'Recuperación por día',
      'Recuperación por antigüedad',
      'Recuperación por canal',
    ]) {
      await deContabilidad.imagen(titulo).waitFor();
      expect(await deContabilidad.marcas(titulo), titulo).toBeGreaterThan(0);
    }
    // The other families are not hers: no goals, no portfolio, no coverage.
    expect(await deContabilidad.tarjeta('Metas contra lo logrado').count()).toBe(0);
    expect(await deContabilidad.tarjeta('Cartera por antigüedad').count()).toBe(0);
    expect(await c.page.getByText('Cartera gestionada').count()).toBe(0);
    await c.page.getByRole('link', { name: 'Descargar reporte (PDF)' }).waitFor();
    expect(await infraccionesDeAccesibilidad(c.page)).toEqual([]);
  }, 90_000);
});
