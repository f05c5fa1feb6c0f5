import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fecha } from '../../src/domain/fecha.ts';
import { calcularAntiguedad } from '../../src/modules/cartera/calcular-antiguedad.ts';
import { CONTRASENA_DEMO } from '../../src/modules/demo/cargar-demo.ts';
import { crearUsuario } from '../../src/modules/usuarios/crear-usuario.ts';
import { infraccionesDeAccesibilidad } from '../soporte/accesibilidad.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { elegirOpcion, PaginaAsignacion } from './paginas/asignacion.ts';
import type { PaginaRecupera } from './paginas/recupera.ts';

const CASO = casoPublicado('01-pago-parcial-con-atraso.json');
const CUENTAS = 200;
/** The three Hermosillo gestores of the demo. */
const GESTORES = ['gestor', 'gestor.ruiz', 'gestor.leyva'] as const;
const NOMBRES_DE_RESPALDO: Record<string, string> = {
  'gestor.ruiz': 'Daniel Ruiz Moreno',
  'gestor.leyva': 'Karla Leyva Soto',
};

/** `2026-03-10` → `10/03/2026`. */
const ddmmaaaa = (iso: string) => iso.split('-').reverse().join('/');

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: asignación de cartera', () => {
  let e: Escenario;
  let hoy: Fecha;
  /** Login → { id, nombre } of the three gestores. */
  const gestores = new Map<string, { id: number; nombre: string }>();

  beforeAll(async () => {
    e = await crearEscenario();
    const db = e.base.db;
    hoy = e.reloj.hoy();
    // Mid-morning in Hermosillo, so that moving the clock on never crosses into another day.
    e.reloj.fijar(`${hoy}T17:00:00Z`);
    const hmo = await db
      .selectFrom('oficinas')
      .select('id')
      .where('clave', '=', 'HMO')
      .executeTakeFirstOrThrow();
    // The demo brings the three; an older demo lacks two: they are made here, as an
    // administrador would.
    for (const usuario of GESTORES) {
      const existe = await db
        .selectFrom('usuarios')
        .select('id')
        .where('usuario', '=', usuario)
        .executeTakeFirst();
      if (!existe) {
        await db.transaction().execute((trx) =>
          crearUsuario(
            trx,
            {
              usuario,
              nombre: NOMBRES_DE_RESPALDO[usuario] ?? usuario,
              rol: 'gestor',
              oficinaId: hmo.id,
              contrasena: CONTRASENA_DEMO,
            },
            { reloj: e.reloj, ip: null, actor: null },
          ),
        );
      }
      const u = await db
        .selectFrom('usuarios')
        .select(['id', 'nombre'])
        .where('usuario', '=', usuario)
        .executeTakeFirstOrThrow();
      gestores.set(usuario, u);
    }
    // 200 unassigned Hermosillo accounts and one of Obregón, with last night's aging.
    for (let i = 0; i < CUENTAS; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, () => guardarCaso(db, CASO, { oficina: 'HMO' })),
      );
    }
    await guardarCaso(db, CASO, { oficina: 'OBR' });
    await db
      .transaction()
      .execute((trx) => calcularAntiguedad(trx, hoy, { reloj: e.reloj, ip: null, actor: null }));
    mkdirSync('test-results', { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await e?.cerrar();
  });

  const nombre = (usuario: string) => gestores.get(usuario)?.nombre ?? usuario;
  const id = (usuario: string) => gestores.get(usuario)?.id ?? 0;
  const ancho = (r: PaginaRecupera) =>
    r.page.evaluate<number>('document.documentElement.scrollWidth');

  it('el coordinador reparte 200 cuentas entre tres gestores con vista previa; si el plan cambió, pide otra; la lista las muestra asignadas', async () => {
    const r = await e.entrarComo('coordinador');
    const asignacion = new PaginaAsignacion(r.page);
    await asignacion.abrirDesdeLaNavegacion();
    // It opens on the office's unassigned accounts (Obregón's is not his).
    await asignacion.esperarCoincidencias(`${CUENTAS} cuentas coinciden`);
    expect(await asignacion.filas().count()).toBe(50);
    expect(await r.page.getByText('Página 1 de 4').count()).toBe(1);

    await asignacion.elegirGestoresParaRepartir(GESTORES.map(nombre));
    await asignacion.elegirRegla('Mismo número de cuentas');
    await asignacion.vistaPrevia();
    const reparto = await asignacion.reparto();
    expect(reparto).toHaveLength(4);
    const porGestor = new Map(reparto.slice(0, 3).map(([g = '', n = '']) => [g, Number(n)]));
    expect([...porGestor.keys()].sort()).toEqual(GESTORES.map(nombre).sort());
    expect([...porGestor.values()].sort()).toEqual([66, 67, 67]);
    expect(reparto[3]?.slice(0, 2)).toEqual(['Total', '200']);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/asignacion-vista-previa.png', fullPage: true });

    // Meanwhile one account is assigned elsewhere: the plan is no longer what was previewed.
    const [una] = await e.base.db
      .selectFrom('creditos')
      .select('id')
      .where('gestor_id', 'is', null)
      .orderBy('id')
      .limit(1)
      .execute();
    await e.base.db
      .updateTable('creditos')
      .set({ gestor_id: id('gestor') })
      .where('id', '=', una?.id ?? 0)
      .execute();
    await asignacion.aplicar();
    await r.page
      .getByRole('alert')
      .filter({ hasText: 'Genera otra vez la vista previa antes de aplicar.' })
      .waitFor();
    expect(await r.page.getByRole('region', { name: 'Vista previa del reparto' }).count()).toBe(0);
    expect(
      await e.base.db
        .selectFrom('creditos')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('gestor_id', 'in', GESTORES.map(id))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 1 });
    // It is undone; a new preview, and this time it applies.
    await e.base.db
      .updateTable('creditos')
      .set({ gestor_id: null })
      .where('id', '=', una?.id ?? 0)
      .execute();
    await asignacion.vistaPrevia();
    expect((await asignacion.reparto())[3]?.slice(0, 2)).toEqual(['Total', '200']);
    await asignacion.aplicar();
    await r.page.getByText(`Se asignaron ${CUENTAS} cuentas.`).waitFor();
    await asignacion.esperarCoincidencias('0 cuentas coinciden');

    // Without «Sin asignar» the 200 are listed, each with its gestor.
    await asignacion.cambiarCasilla('Sin asignar', false);
    await asignacion.buscar();
    await asignacion.esperarCoincidencias(`${CUENTAS} cuentas coinciden`);
    const gestoresEnPagina = await asignacion.filas().locator('td:nth-child(7)').allTextContents();
    expect(gestoresEnPagina).toHaveLength(50);
    for (const g of gestoresEnPagina) expect(GESTORES.map(nombre)).toContain(g);
    const leyva = porGestor.get(nombre('gestor.leyva')) ?? 0;
    await asignacion.filtrarPorGestor(nombre('gestor.leyva'));
    await asignacion.buscar();
    await asignacion.esperarCoincidencias(`${leyva} cuentas coinciden`);

    // The database agrees: every account has one of the three, with its history row.
    for (const [g, n] of porGestor) {
      const usuario = GESTORES.find((u) => nombre(u) === g) ?? '';
      const { cuentas } = await e.base.db
        .selectFrom('creditos as c')
        .innerJoin('asignaciones as a', (j) =>
          j.onRef('a.credito_id', '=', 'c.id').on('a.hasta', 'is', null),
        )
        .select((eb) => eb.fn.countAll<number>().as('cuentas'))
        .where('c.gestor_id', '=', id(usuario))
        .whereRef('a.gestor_id', '=', 'c.gestor_id')
        .executeTakeFirstOrThrow();
      expect(cuentas).toBe(n);
    }

    // Later, by hand: two of Leyva's go to Valenzuela, with a reason kept in the history.
    e.reloj.avanzarMinutos(5);
    await r.page
      .getByRole('checkbox', { name: /^Elegir el crédito / })
      .nth(0)
      .check();
    await r.page
      .getByRole('checkbox', { name: /^Elegir el crédito / })
      .nth(1)
      .check();
    await r.page.getByRole('button', { name: 'Asignar elegidas (2)' }).click();
    const dialogo = r.page.getByRole('dialog', { name: 'Asignar 2 cuentas' });
    await elegirOpcion(r.page, dialogo.getByLabel('Gestor responsable'), nombre('gestor'));
    await dialogo.getByLabel('Motivo (opcional)').fill('Conoce al acreditado');
    await dialogo.getByRole('button', { name: 'Asignar' }).click();
    await r.page.getByText(`2 cuentas asignadas a ${nombre('gestor')}.`).waitFor();
    await asignacion.esperarCoincidencias(`${leyva - 2} cuentas coinciden`);
    const historial = await e.base.db
      .selectFrom('asignaciones')
      .select(['credito_id', 'gestor_id', 'hasta', 'motivo'])
      .where('motivo', '=', 'Conoce al acreditado')
      .execute();
    expect(historial).toHaveLength(2);
    for (const h of historial) {
      expect(h.gestor_id).toBe(id('gestor'));
      expect(h.hasta).toBeNull();
      const anterior = await e.base.db
        .selectFrom('asignaciones')
        .select(['gestor_id', 'hasta'])
        .where('credito_id', '=', h.credito_id)
        .where('hasta', 'is not', null)
        .execute();
      expect(anterior.map((a) => a.gestor_id)).toEqual([id('gestor.leyva')]);
    }

    // On a phone (360 px): the page does not scroll sideways and stays accessible.
    await r.page.setViewportSize({ width: 360, height: 800 });
    await asignacion.esperarCoincidencias(`${leyva - 2} cuentas coinciden`);
    expect(await ancho(r)).toBeLessThanOrEqual(360);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/asignacion-360.png', fullPage: true });
  }, 120_000);

  it('el coordinador registra una suplencia y la cancela', async () => {
    const r = await e.entrarComo('coordinador');
    const asignacion = new PaginaAsignacion(r.page);
    await asignacion.abrirDesdeLaNavegacion();
    await r.page.getByRole('tab', { name: 'Suplencias' }).click();
    await r.page.getByText('No hay suplencias vigentes.').waitFor();
    await r.page.getByRole('button', { name: 'Nueva suplencia' }).click();
    const dialogo = r.page.getByRole('dialog', { name: 'Nueva suplencia' });
    await elegirOpcion(r.page, dialogo.getByLabel('Titular (quien se ausenta)'), nombre('gestor'));
    await elegirOpcion(
      r.page,
      dialogo.getByLabel('Suplente (quien atiende sus cuentas)'),
      nombre('gestor.ruiz'),
    );
    const desde = dialogo.getByPlaceholder('Desde');
    await desde.click();
    await desde.fill(ddmmaaaa(hoy));
    await desde.press('Enter');
    const hasta = dialogo.getByPlaceholder('Hasta');
    await hasta.fill(ddmmaaaa(hoy));
    await hasta.press('Enter');
    await dialogo.getByLabel('Motivo').fill('Curso de capacitación');
    expect(await infraccionesDeAccesibilidad(r.page, '.ant-modal')).toEqual([]);
    await dialogo.getByRole('button', { name: 'Registrar suplencia' }).click();
    await dialogo.waitFor({ state: 'hidden' });
    const fila = r.page.getByRole('row').filter({ hasText: 'Curso de capacitación' });
    await fila.waitFor();
    expect(await fila.textContent()).toContain(nombre('gestor.ruiz'));
    expect(await fila.textContent()).toContain('Vigente');
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);

    await fila
      .getByRole('button', { name: `Cancelar la suplencia de ${nombre('gestor')}` })
      .click();
    await r.page.getByRole('button', { name: 'Cancelar suplencia' }).click();
    await r.page.getByText('No hay suplencias vigentes.').waitFor();
    await r.page.getByLabel('Solo las vigentes hoy').click();
    await r.page
      .getByRole('row')
      .filter({ hasText: 'Curso de capacitación' })
      .filter({ hasText: 'Cancelada' })
      .waitFor();
  }, 60_000);

  it('la cobertura del mes muestra, por gestor, las cuentas que tuvo asignadas', async () => {
    // Every assignment is of this month: each gestor counts the accounts he held at any moment
    // of it, also the two that changed hands.
    const esperado = await e.base.db
      .selectFrom('asignaciones')
      .select((eb) => ['gestor_id', eb.fn.count<number>('credito_id').distinct().as('n')])
      .groupBy('gestor_id')
      .execute();
    const r = await e.entrarComo('coordinador');
    await r.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Cobertura' })
      .click();
    await r.page.getByRole('heading', { name: /^Cobertura de \w+ de \d{4}$/, level: 1 }).waitFor();
    const tarjeta = r.page
      .locator('.ant-card')
      .filter({ has: r.page.getByRole('heading', { name: 'Oficina Hermosillo' }) });
    for (const usuario of GESTORES) {
      const fila = tarjeta.getByRole('row').filter({ hasText: nombre(usuario) });
      await fila.waitFor();
      const celdas = (await fila.getByRole('cell').allTextContents()).map((t) => t.trim());
      const n = esperado.find((x) => x.gestor_id === id(usuario))?.n ?? 0;
      // Asignadas, gestionadas, con contacto efectivo, % gestionado, promesas hechas y cumplidas.
      expect(celdas.slice(1)).toEqual([String(n), '0', '0', '0.0 %', '0', '0']);
    }
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.setViewportSize({ width: 360, height: 800 });
    await tarjeta.waitFor();
    expect(await ancho(r)).toBeLessThanOrEqual(360);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/cobertura-360.png', fullPage: true });
  }, 60_000);

  it('el administrador elige la oficina cuya cartera asigna', async () => {
    const r = await e.entrarComo('admin');
    const asignacion = new PaginaAsignacion(r.page);
    await asignacion.abrirDesdeLaNavegacion();
    await r.page.getByText('Elige la oficina cuya cartera vas a asignar.').waitFor();
    await elegirOpcion(r.page, r.page.getByLabel('Oficina', { exact: true }), 'Obregón');
    await asignacion.esperarCoincidencias('1 cuenta coincide');
    await elegirOpcion(r.page, r.page.getByLabel('Oficina', { exact: true }), 'Hermosillo');
    // The coordinador left none of Hermosillo's unassigned.
    await asignacion.esperarCoincidencias('0 cuentas coinciden');
    await r.page
      .getByRole('group', { name: 'Gestores que las reciben' })
      .getByRole('checkbox', { name: new RegExp(`^${nombre('gestor.ruiz')} \\(hoy`) })
      .waitFor();
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
  }, 60_000);

  it('el administrador agrega un resultado al catálogo, desactiva otro y cambia un parámetro', async () => {
    const r = await e.entrarComo('admin');
    await r.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Configuración de gestión' })
      .click();
    await r.page.getByRole('heading', { name: 'Configuración de gestión', level: 1 }).waitFor();
    await r.page.getByRole('row').filter({ hasText: 'Buzón de voz' }).waitFor();
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);

    await r.page.getByRole('button', { name: 'Nuevo resultado' }).click();
    const nuevo = r.page.getByRole('dialog', { name: 'Nuevo resultado de gestión' });
    await nuevo.getByLabel('Clave').fill('dejo_recado_familiar');
    await nuevo.getByLabel('Nombre').fill('Dejó recado con un familiar');
    await nuevo.getByRole('button', { name: 'Agregar' }).click();
    await r.page.getByText('Resultado «Dejó recado con un familiar» agregado.').waitFor();
    await r.page.getByRole('row').filter({ hasText: 'dejo_recado_familiar' }).waitFor();

    await r.page.getByRole('button', { name: 'Editar Buzón de voz' }).click();
    const edicion = r.page.getByRole('dialog', { name: 'Editar «Buzón de voz»' });
    await edicion.getByRole('checkbox', { name: /^Activo/ }).uncheck();
    await edicion.getByRole('button', { name: 'Guardar' }).click();
    await r.page.getByText('Resultado «Buzón de voz» guardado.').waitFor();
    const buzon = r.page.getByRole('row').filter({ hasText: 'Buzón de voz' });
    await expect
      .poll(async () => (await buzon.getByRole('cell').allTextContents()).at(3))
      .toBe('No');

    const intentos = r.page.getByLabel('Intentos de contacto por persona al día');
    await intentos.fill('4');
    await r.page.getByRole('button', { name: 'Guardar parámetros' }).click();
    await r.page.getByText('Parámetros guardados.').waitFor();
    const guardados = await e.base.db
      .selectFrom('parametros_gestion')
      .select('intentos_diarios_por_persona')
      .executeTakeFirstOrThrow();
    expect(guardados.intentos_diarios_por_persona).toBe(4);
    const catalogo = await e.base.db
      .selectFrom('resultados_gestion')
      .select(['clave', 'activo', 'contacto_efectivo'])
      .where('clave', 'in', ['dejo_recado_familiar', 'buzon'])
      .orderBy('clave')
      .execute();
    expect(catalogo).toEqual([
      { clave: 'buzon', activo: false, contacto_efectivo: false },
      { clave: 'dejo_recado_familiar', activo: true, contacto_efectivo: false },
    ]);

    await r.page.setViewportSize({ width: 360, height: 800 });
    await intentos.waitFor();
    expect(await ancho(r)).toBeLessThanOrEqual(360);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
  }, 60_000);
});
