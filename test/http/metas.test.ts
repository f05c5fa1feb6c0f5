import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: AppDePrueba;
const s: Record<string, Sesion> = {};
const uid: Record<string, number> = {};
const ofi: Record<string, number> = {};

beforeAll(async () => {
  t = await crearAppDePrueba();
  for (const u of await t.base.db.selectFrom('usuarios').select(['id', 'usuario']).execute())
    uid[u.usuario] = u.id;
  for (const o of await t.base.db.selectFrom('oficinas').select(['id', 'clave']).execute())
    ofi[o.clave] = o.id;
  for (const u of ['gestor', 'coordinador', 'admin', 'gestor.obregon']) s[u] = await t.entrar(u);
});
afterAll(() => t.cerrar());

const fijar = (sesion: Sesion | undefined, mes: string, cuerpo: unknown) =>
  t.pedir('PUT', `/api/metas/${mes}`, { sesion, cuerpo });
const listar = (sesion: Sesion | undefined, mes?: string) =>
  t.pedir('GET', `/api/metas${mes === undefined ? '' : `?mes=${mes}`}`, { sesion });

const ITEMS = {
  recuperacion: { meta: '150000.00', peso: '40' },
  contactosEfectivos: { meta: 120, peso: '30' },
};

describe('PUT /api/metas/:mes y su historial', () => {
  it('el coordinador fija la meta de su gestor: versiones 1, 2 y 3 con quién y cuándo; lo mismo otra vez no crea versión', async () => {
    const gestorId = uid.gestor ?? 0;
    t.reloj.fijar(new Date('2026-03-10T16:00:00Z'));
    const r1 = await fijar(s.coordinador, '2026-04', { gestorId, items: ITEMS });
    expect(r1.statusCode).toBe(200);
    expect(r1.json()).toEqual({
      oficina: { id: ofi.HMO, clave: 'HMO', nombre: expect.any(String) },
      gestor: { id: gestorId, usuario: 'gestor', nombre: 'Sofía Valenzuela Peña' },
      version: 1,
      items: {
        recuperacion: { meta: '150000.00', peso: '40.00' },
        contactosEfectivos: { meta: '120', peso: '30.00' },
      },
      motivo: null,
      registradaPor: { id: uid.coordinador, nombre: 'Martín Ibarra Núñez' },
      registrada: '2026-03-10T16:00:00.000Z',
      cambio: true,
    });

    // Ten minutes later each time: the sessions stay alive (30 minutes idle).
    t.reloj.avanzarMinutos(10);
    const r2 = await fijar(s.coordinador, '2026-04', {
      gestorId,
      items: { ...ITEMS, convenios: { meta: 5, peso: '12.5' } },
      motivo: 'Campaña de abril',
    });
    expect(r2.json()).toMatchObject({ version: 2, cambio: true, motivo: 'Campaña de abril' });

    // The same content (weights written differently) and another reason: no new version.
    const igual = await fijar(s.coordinador, '2026-04', {
      gestorId,
      items: {
        recuperacion: { meta: '150000', peso: '40.00' },
        contactosEfectivos: { meta: 120, peso: '30' },
        convenios: { meta: 5, peso: '12.50' },
      },
      motivo: 'otra vez',
    });
    expect(igual.statusCode).toBe(200);
    expect(igual.json()).toMatchObject({ version: 2, cambio: false, motivo: 'Campaña de abril' });

    t.reloj.avanzarMinutos(10);
    const r3 = await fijar(s.admin, '2026-04', {
      gestorId,
      items: { turnosAtendidos: { meta: 0, peso: '0' } },
    });
    expect(r3.json()).toMatchObject({
      version: 3,
      items: { turnosAtendidos: { meta: '0', peso: '0.00' } },
      registradaPor: { id: uid.admin },
    });

    const h = await t.pedir('GET', `/api/metas/historial?mes=2026-04&gestorId=${gestorId}`, {
      sesion: s.gestor,
    });
    expect(h.statusCode).toBe(200);
    const versiones = h.json().versiones as Array<{
      version: number;
      registrada: string;
      registradaPor: { id: number };
      items: Record<string, unknown>;
    }>;
    expect(versiones.map((v) => [v.version, v.registrada, v.registradaPor.id])).toEqual([
      [3, '2026-03-10T16:20:00.000Z', uid.admin],
      [2, '2026-03-10T16:10:00.000Z', uid.coordinador],
      [1, '2026-03-10T16:00:00.000Z', uid.coordinador],
    ]);
    expect(Object.keys(versiones[2]?.items ?? {})).toEqual(['recuperacion', 'contactosEfectivos']);

    const filas = await t.base.db
      .selectFrom('metas')
      .select('version')
      .where('gestor_id', '=', gestorId)
      .where('mes', '=', '2026-04-01')
      .execute();
    expect(filas).toHaveLength(3);
  });

  it('cada cambio deja su renglón en la bitácora con el antes y el después', async () => {
    const r = await fijar(s.coordinador, '2026-05', {
      gestorId: uid['gestor.ruiz'],
      items: { convenios: { meta: 8, peso: '100' } },
      motivo: 'Primera meta',
    });
    expect(r.statusCode).toBe(200);
    const b = await t.base.db
      .selectFrom('bitacora')
      .select(['actor_usuario', 'objeto_tipo', 'detalle'])
      .where('accion', '=', 'metas.definir')
      .where('objeto_id', '=', String(await idDeMeta('2026-05-01', uid['gestor.ruiz'] ?? 0)))
      .executeTakeFirstOrThrow();
    expect(b.actor_usuario).toBe('coordinador');
    expect(b.objeto_tipo).toBe('meta');
    expect(b.detalle).toMatchObject({
      mes: '2026-05',
      gestorId: uid['gestor.ruiz'],
      version: 1,
      antes: null,
      despues: { convenios: { meta: '8', peso: '100.00' } },
      motivo: 'Primera meta',
    });
  });

  it('alcance: el gestor no fija; el coordinador ni otra oficina ni la meta de una oficina; el administrador sí', async () => {
    const cuerpo = { items: { convenios: { meta: 3, peso: '1' } } };
    expect((await fijar(s.gestor, '2026-04', { gestorId: uid.gestor, ...cuerpo })).statusCode).toBe(
      403,
    );
    const otra = await fijar(s.coordinador, '2026-04', {
      gestorId: uid['gestor.obregon'],
      ...cuerpo,
    });
    expect(otra.statusCode).toBe(403);
    expect(otra.json().error.mensaje).toMatch(/no es gestor de tu oficina/);
    const oficina = await fijar(s.coordinador, '2026-04', { oficinaId: ofi.HMO, ...cuerpo });
    expect(oficina.statusCode).toBe(403);
    expect(oficina.json().error.mensaje).toMatch(/administrador/);
    // A coordinador is not a gestor: goals per person are the gestores'.
    const coord = await fijar(s.admin, '2026-04', { gestorId: uid.coordinador, ...cuerpo });
    expect(coord.statusCode).toBe(422);
    expect(coord.json().error.campo).toBe('gestorId');

    const admin = await fijar(s.admin, '2026-04', { oficinaId: ofi.OBR, ...cuerpo });
    expect(admin.statusCode).toBe(200);
    expect(admin.json()).toMatchObject({ oficina: { clave: 'OBR' }, gestor: null, version: 1 });
    expect(
      (await fijar(s.admin, '2026-04', { gestorId: uid['gestor.obregon'], ...cuerpo })).statusCode,
    ).toBe(200);
    // Nothing was written by the refused calls.
    const hmo = await t.base.db
      .selectFrom('metas')
      .select('id')
      .where('oficina_id', '=', ofi.HMO ?? 0)
      .where('gestor_id', 'is', null)
      .execute();
    expect(hmo).toHaveLength(0);
  });

  it('un gestor inactivo no recibe metas', async () => {
    await t.base.db
      .updateTable('usuarios')
      .set({ activo: false })
      .where('usuario', '=', 'gestor.leyva')
      .execute();
    const r = await fijar(s.coordinador, '2026-04', {
      gestorId: uid['gestor.leyva'],
      items: { convenios: { meta: 1, peso: '1' } },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ codigo: 'gestor_invalido', campo: 'gestorId' });
    await t.base.db
      .updateTable('usuarios')
      .set({ activo: true })
      .where('usuario', '=', 'gestor.leyva')
      .execute();
  });

  it('un mes anterior al actual está cerrado (422); el mes en curso sí se fija', async () => {
    const cerrado = await fijar(s.admin, '2026-02', {
      oficinaId: ofi.HMO,
      items: { convenios: { meta: 1, peso: '1' } },
    });
    expect(cerrado.statusCode).toBe(422);
    expect(cerrado.json().error).toMatchObject({ codigo: 'mes_cerrado', campo: 'mes' });
    expect(cerrado.json().error.mensaje).toMatch(/ya cerró/);
    const actual = await fijar(s.admin, '2026-03', {
      oficinaId: ofi.NOG,
      items: { convenios: { meta: 1, peso: '1' } },
    });
    expect(actual.statusCode).toBe(200);
  });

  it.each([
    ['un campo desconocido', { gestorId: 1, items: ITEMS, extra: 1 }, 'extra'],
    [
      'un monto con tres decimales',
      { gestorId: 1, items: { recuperacion: { meta: '12.345', peso: '1' } } },
      'items.recuperacion.meta',
    ],
    [
      'un monto negativo',
      { gestorId: 1, items: { recuperacion: { meta: '-5.00', peso: '1' } } },
      'items.recuperacion.meta',
    ],
    [
      'un conteo negativo',
      { gestorId: 1, items: { convenios: { meta: -1, peso: '1' } } },
      'items.convenios.meta',
    ],
    [
      'un peso con tres decimales',
      { gestorId: 1, items: { convenios: { meta: 1, peso: '1.234' } } },
      'items.convenios.peso',
    ],
    [
      'un peso de 1000',
      { gestorId: 1, items: { convenios: { meta: 1, peso: '1000' } } },
      'items.convenios.peso',
    ],
    [
      'un rubro desconocido',
      { gestorId: 1, items: { llamadas: { meta: 1, peso: '1' } } },
      'items.llamadas',
    ],
    ['ni gestor ni oficina', { items: ITEMS }, 'gestorId'],
    ['gestor y oficina', { gestorId: 1, oficinaId: 1, items: ITEMS }, 'gestorId'],
  ])('400 con %s, nombrando el campo', async (_caso, cuerpo, campo) => {
    const r = await fijar(s.admin, '2026-04', cuerpo);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.campo).toBe(campo);
    expect(r.json().error.mensaje).toContain(campo.split('.').at(-1));
  });

  it('400 sin ningún rubro y con un mes mal escrito', async () => {
    const vacia = await fijar(s.admin, '2026-04', { oficinaId: ofi.HMO, items: {} });
    expect(vacia.statusCode).toBe(400);
    expect(vacia.json().error.campo).toBe('items');
    for (const mes of ['2026-13', 'abril', '2026-4']) {
      const r = await fijar(s.admin, mes, { oficinaId: ofi.HMO, items: ITEMS });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.campo).toBe('mes');
    }
    expect((await listar(s.admin, '2026-00')).statusCode).toBe(400);
  });
});

describe('GET /api/metas', () => {
  it('el coordinador ve su oficina y cada gestor activo, con o sin meta', async () => {
    const r = await listar(s.coordinador, '2026-04');
    expect(r.statusCode).toBe(200);
    const { mes, metas } = r.json() as {
      mes: string;
      metas: Array<{
        oficina: { clave: string };
        gestor: { usuario: string } | null;
        version: number | null;
      }>;
    };
    expect(mes).toBe('2026-04');
    expect(metas.map((m) => [m.oficina.clave, m.gestor?.usuario ?? null, m.version])).toEqual([
      ['HMO', null, null],
      ['HMO', 'gestor.ruiz', null],
      ['HMO', 'gestor.leyva', null],
      ['HMO', 'gestor', 3],
    ]);
  });

  it('el gestor sólo se ve a sí mismo; el administrador ve las tres oficinas', async () => {
    const g = (await listar(s.gestor, '2026-04')).json().metas as Array<{
      gestor: { usuario: string };
    }>;
    expect(g.map((m) => m.gestor.usuario)).toEqual(['gestor']);
    const a = (await listar(s.admin, '2026-04')).json().metas as Array<{
      oficina: { clave: string };
      gestor: unknown;
      version: number | null;
    }>;
    expect(a.filter((m) => m.gestor === null).map((m) => [m.oficina.clave, m.version])).toEqual([
      ['HMO', null],
      ['NOG', null],
      ['OBR', 1],
    ]);
  });

  it('sin mes, el mes en curso', async () => {
    const r = await listar(s.admin);
    expect(r.json().mes).toBe('2026-03');
    expect(
      (
        r.json().metas as Array<{
          oficina: { clave: string };
          gestor: unknown;
          version: number | null;
        }>
      ).find((m) => m.oficina.clave === 'NOG' && m.gestor === null)?.version,
    ).toBe(1);
  });

  it('el historial de otra oficina no es del coordinador', async () => {
    const r = await t.pedir('GET', `/api/metas/historial?mes=2026-04&oficinaId=${ofi.OBR}`, {
      sesion: s.coordinador,
    });
    expect(r.statusCode).toBe(403);
    const g = await t.pedir(
      'GET',
      `/api/metas/historial?mes=2026-04&gestorId=${uid['gestor.ruiz']}`,
      {
        sesion: s.gestor,
      },
    );
    expect(g.statusCode).toBe(403);
  });
});

async function idDeMeta(mes: string, gestorId: number): Promise<number> {
  const f = await t.base.db
    .selectFrom('metas')
    .select('id')
    .where('mes', '=', mes)
    .where('gestor_id', '=', gestorId)
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();
  return f.id;
}

async function abrir(cuerpo: Buffer): Promise<ExcelJS.Worksheet> {
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load(cuerpo as unknown as ArrayBuffer);
  const hoja = libro.getWorksheet('Metas');
  if (!hoja) throw new Error('sin hoja Metas');
  return hoja;
}

const subir = (sesion: Sesion | undefined, mes: string, libro: Buffer) =>
  t.pedir('POST', `/api/metas/importar?mes=${mes}`, {
    sesion,
    cuerpo: libro,
    encabezados: { 'content-type': XLSX },
  });

describe('XLSX de metas', () => {
  it('la exportación trae la hoja «Metas» con sus columnas, montos como números con formato', async () => {
    const r = await t.pedir('GET', '/api/metas/exportar.xlsx?mes=2026-04', {
      sesion: s.coordinador,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain(XLSX);
    const hoja = await abrir(r.rawPayload);
    expect(hoja.getRow(1).values).toEqual([
      undefined,
      'oficina',
      'gestor',
      'nombre',
      'recuperacion',
      'recuperacion_peso',
      'contactos_efectivos',
      'contactos_efectivos_peso',
      'convenios',
      'convenios_peso',
      'turnos_atendidos',
      'turnos_atendidos_peso',
      'motivo',
    ]);
    expect(hoja.rowCount).toBe(5);
    const oficina = hoja.getRow(2);
    expect([oficina.getCell(1).value, oficina.getCell(2).value]).toEqual(['HMO', null]);
    const sofia = hoja.getRow(5);
    expect(sofia.getCell(2).value).toBe('gestor');
    expect(sofia.getCell(3).value).toBe('Sofía Valenzuela Peña');
    // Version 3 asks for walk-ins only.
    expect(sofia.getCell(4).value).toBeNull();
    expect(sofia.getCell(10).value).toBe(0);
  });

  it('ida y vuelta: se edita el libro exportado y se sube; lo que no cambió no crea versión', async () => {
    const r = await t.pedir('GET', '/api/metas/exportar.xlsx?mes=2026-04', {
      sesion: s.coordinador,
    });
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const hoja = libro.getWorksheet('Metas');
    if (!hoja) throw new Error('sin hoja');
    // gestor.ruiz (row 3): money as a number cell, exactly 1234.5 pesos.
    hoja.getRow(3).getCell(4).value = 1234.5;
    hoja.getRow(3).getCell(5).value = 60;
    hoja.getRow(3).getCell(8).value = 4;
    hoja.getRow(3).getCell(9).value = '40';
    hoja.getRow(3).getCell(12).value = 'Meta desde Excel';
    // gestor.leyva (row 4): money as text with separators.
    hoja.getRow(4).getCell(4).value = '$2,500.75';
    hoja.getRow(4).getCell(5).value = 12.5;
    const subida = await subir(
      s.coordinador,
      '2026-04',
      Buffer.from(await libro.xlsx.writeBuffer()),
    );
    expect(subida.statusCode).toBe(200);
    // Sofía's row is her version 3 unchanged; the office row has no goal and is skipped.
    expect(subida.json()).toEqual({ importadas: 2, sinCambios: 1 });

    const ruiz = await t.base.db
      .selectFrom('metas')
      .selectAll()
      .where('gestor_id', '=', uid['gestor.ruiz'] ?? 0)
      .where('mes', '=', '2026-04-01')
      .executeTakeFirstOrThrow();
    expect(ruiz).toMatchObject({
      version: 1,
      recuperacion_centavos: 123_450,
      recuperacion_peso: '60.00',
      convenios: 4,
      convenios_peso: '40.00',
      contactos_efectivos: null,
      motivo: 'Meta desde Excel',
      registrada_por: uid.coordinador,
    });
    const lista = (await listar(s.coordinador, '2026-04')).json().metas as Array<{
      gestor: { usuario: string } | null;
      items: Record<string, { meta: string; peso: string }>;
    }>;
    expect(lista.find((m) => m.gestor?.usuario === 'gestor.leyva')?.items).toEqual({
      recuperacion: { meta: '2500.75', peso: '12.50' },
    });
    const sofia = await t.base.db
      .selectFrom('metas')
      .select('version')
      .where('gestor_id', '=', uid.gestor ?? 0)
      .where('mes', '=', '2026-04-01')
      .execute();
    expect(sofia).toHaveLength(3);

    // The same workbook again: nothing changes.
    const otraVez = await t.pedir('GET', '/api/metas/exportar.xlsx?mes=2026-04', {
      sesion: s.coordinador,
    });
    const ruizFila = (await abrir(otraVez.rawPayload)).getRow(3).getCell(4);
    expect(ruizFila.value).toBe(1234.5);
    expect(ruizFila.numFmt).toBe('#,##0.00');
    expect((await subir(s.coordinador, '2026-04', otraVez.rawPayload)).json()).toEqual({
      importadas: 0,
      sinCambios: 3,
    });
  });

  it('un libro con dos errores los dice todos (fila, columna, motivo) y no escribe nada', async () => {
    const antes = await t.base.db
      .selectFrom('metas')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const libro = new ExcelJS.Workbook();
    const hoja = libro.addWorksheet('Metas');
    hoja.addRow([
      'oficina',
      'gestor',
      'nombre',
      'recuperacion',
      'recuperacion_peso',
      'contactos_efectivos',
      'contactos_efectivos_peso',
      'convenios',
      'convenios_peso',
      'turnos_atendidos',
      'turnos_atendidos_peso',
      'motivo',
    ]);
    // A good row that would be written if it were alone.
    hoja.addRow(['HMO', 'gestor.ruiz', '', 99, 1, null, null, null, null, null, null, null]);
    hoja.addRow(['HMO', 'gestor.leyva', '', '12.345', 1, null, null, null, null, null, null, null]);
    hoja.addRow(['HMO', 'gestor', '', null, null, null, null, 3, '1.234', null, null, null]);
    const r = await subir(s.coordinador, '2026-04', Buffer.from(await libro.xlsx.writeBuffer()));
    expect(r.statusCode).toBe(422);
    expect(r.json()).toEqual({
      errores: [
        { fila: 3, columna: 'recuperacion', mensaje: '«12.345» tiene más de 2 decimales' },
        {
          fila: 4,
          columna: 'convenios_peso',
          mensaje: '«1.234» no es un peso entre 0 y 999.99 con a lo más 2 decimales',
        },
      ],
    });
    const despues = await t.base.db
      .selectFrom('metas')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(despues.n).toBe(antes.n);
  });

  it('el coordinador no importa metas de otra oficina ni de un mes cerrado', async () => {
    const libro = new ExcelJS.Workbook();
    const hoja = libro.addWorksheet('Metas');
    hoja.addRow([
      'oficina',
      'gestor',
      'nombre',
      'recuperacion',
      'recuperacion_peso',
      'contactos_efectivos',
      'contactos_efectivos_peso',
      'convenios',
      'convenios_peso',
      'turnos_atendidos',
      'turnos_atendidos_peso',
      'motivo',
    ]);
    hoja.addRow(['OBR', 'gestor.obregon', '', 100, 1, null, null, null, null, null, null, null]);
    hoja.addRow(['HMO', null, '', 100, 1, null, null, null, null, null, null, null]);
    const cuerpo = Buffer.from(await libro.xlsx.writeBuffer());
    const r = await subir(s.coordinador, '2026-04', cuerpo);
    expect(r.statusCode).toBe(422);
    expect(r.json().errores).toEqual([
      { fila: 2, columna: 'gestor', mensaje: 'no está en tu alcance' },
      { fila: 3, columna: 'oficina', mensaje: expect.stringMatching(/administrador/) },
    ]);
    const cerrado = await subir(s.admin, '2026-02', cuerpo);
    expect(cerrado.statusCode).toBe(422);
    expect(cerrado.json().error.codigo).toBe('mes_cerrado');
    const basura = await subir(s.admin, '2026-04', Buffer.from('no soy un libro'));
    expect(basura.statusCode).toBe(400);
    expect(basura.json().error.campo).toBe('archivo');
  });

  it('la lista sigue mostrando a quien tuvo meta en el mes aunque ya no esté activo', async () => {
    await t.base.db
      .updateTable('usuarios')
      .set({ activo: false })
      .where('usuario', 'in', ['gestor.ruiz', 'gestor.leyva'])
      .execute();
    // May: gestor.ruiz has a goal, gestor.leyva none.
    const metas = (await listar(s.coordinador, '2026-05')).json().metas as Array<{
      gestor: { usuario: string } | null;
      version: number | null;
    }>;
    expect(metas.map((m) => [m.gestor?.usuario ?? null, m.version])).toEqual([
      [null, null],
      ['gestor.ruiz', 1],
      ['gestor', null],
    ]);
    await t.base.db
      .updateTable('usuarios')
      .set({ activo: true })
      .where('usuario', 'in', ['gestor.ruiz', 'gestor.leyva'])
      .execute();
  });
});
