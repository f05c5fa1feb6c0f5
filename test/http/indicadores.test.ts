import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trabajo as estadoDeTrabajo, trabajoEncolado } from '../../src/contrato/comun.ts';
import type { Indicadores } from '../../src/modules/indicadores/tipos.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type ColaDeTrabajos, iniciarTrabajos } from '../../src/plataforma/trabajos.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

/**
 * GET /api/indicadores over HTTP: who sees what (docs/metas-e-indicadores.md, «Indicadores»),
 * what the edge refuses, money as decimal text; and the on-demand recomputation as a job.
 * The clock stands at 2026-03-10 (test/soporte/app-de-prueba.ts).
 */
let t: AppDePrueba;
let cola: ColaDeTrabajos;
const s: Record<string, Sesion> = {};
const id: Record<string, number> = {};
const oficina: Record<string, number> = {};
let creditoHmo = 0;

beforeAll(async () => {
  const base = await crearBaseDePrueba();
  cola = await iniciarTrabajos(
    base.url,
    base.db,
    new RelojManual('2026-03-10T16:00:00Z'),
    'America/Hermosillo',
  );
  t = await crearAppDePrueba({ trabajos: cola }, base);
  for (const u of await t.base.db.selectFrom('usuarios').select(['id', 'usuario']).execute())
    id[u.usuario] = u.id;
  for (const o of await t.base.db.selectFrom('oficinas').select(['id', 'clave']).execute())
    oficina[o.clave] = o.id;
  for (const u of ['gestor', 'gestor.ruiz', 'coordinador', 'contabilidad', 'admin', 'abogado'])
    s[u] = await t.entrar(u);
  // Two payments on the 5th: one of `gestor`'s account, one of an Obregón account nobody holds.
  const caso = { ...casoPublicado('01-pago-parcial-con-atraso.json'), movimientos: [] };
  const hmo = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
  creditoHmo = hmo.id;
  const obr = await guardarCaso(t.base.db, caso, { oficina: 'OBR' });
  await t.base.db
    .insertInto('asignaciones')
    .values({ credito_id: hmo.id, gestor_id: id.gestor ?? 0, desde: '2026-02-01T17:00:00Z' })
    .execute();
  for (const [credito, monto] of [
    [hmo.id, 123_456],
    [obr.id, 5],
  ] as const) {
    await t.base.db
      .insertInto('movimientos')
      .values({
        credito_id: credito,
        tipo: 'pago',
        fecha: '2026-03-05',
        monto_centavos: monto,
        excedente: 'reducir_plazo',
        canal: 'caja',
        registrado: '2026-03-05T18:00:00Z',
      })
      .execute();
  }
});
afterAll(async () => {
  await cola?.detener();
  await t?.cerrar();
});

const pedir = (quien: string, consulta: string) =>
  t.pedir('GET', `/api/indicadores?${consulta}`, { sesion: s[quien] });

async function leer(quien: string, consulta: string): Promise<Indicadores> {
  const r = await pedir(quien, consulta);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Indicadores;
}

describe('el trabajo nocturno', () => {
  it('al terminar la antigüedad (aquí, la del arranque) materializa ese día y el anterior', async () => {
    // Before any read: only the job can have materialized them.
    const dias = () =>
      t.base.db
        .selectFrom('hechos_materializados')
        .select('fecha')
        .orderBy('fecha')
        .execute()
        .then((f) => f.map((x) => x.fecha));
    for (let i = 0; i < 100 && (await dias()).length < 2; i++)
      await new Promise((listo) => setTimeout(listo, 200));
    expect(await dias()).toEqual(['2026-03-09', '2026-03-10']);
  });
});

describe('alcance por rol', () => {
  it('el gestor ve solo su fila; oficina, instituto y otra oficina: 403', async () => {
    const r = await leer('gestor', 'mes=2026-03&nivel=gestor');
    expect(r.alCorte).toBe('2026-03-10');
    expect(r.filas.map((f) => f.sujeto.id)).toEqual([id.gestor]);
    expect(r.filas[0]?.recuperacion?.neto).toBe('1234.56');
    expect(r.filas[0]?.cobertura).not.toBeNull();
    expect(r.filas[0]?.metas).toEqual({ items: {}, indice: null, version: null });
    const ruiz = await leer('gestor.ruiz', 'mes=2026-03&nivel=gestor');
    expect(ruiz.filas.map((f) => f.sujeto.id)).toEqual([id['gestor.ruiz']]);
    expect(ruiz.filas[0]?.recuperacion?.neto).toBe('0.00');
    for (const consulta of [
      'mes=2026-03&nivel=oficina',
      'mes=2026-03&nivel=instituto',
      `mes=2026-03&nivel=gestor&oficinaId=${oficina.OBR}`,
    ]) {
      expect((await pedir('gestor', consulta)).statusCode).toBe(403);
    }
  });

  it('el coordinador ve su oficina, sus gestores y «Sin asignar» si lo hay; el instituto no', async () => {
    const g = await leer('coordinador', 'mes=2026-03&nivel=gestor');
    expect(new Set(g.filas.map((f) => f.sujeto.oficinaId))).toEqual(new Set([oficina.HMO]));
    expect(g.filas.map((f) => f.sujeto.id)).toContain(id['gestor.leyva']);
    const o = await leer('coordinador', 'mes=2026-03&nivel=oficina');
    expect(o.filas).toHaveLength(1);
    expect(o.filas[0]?.sujeto).toMatchObject({ tipo: 'oficina', id: oficina.HMO });
    expect(o.filas[0]?.recuperacion?.neto).toBe('1234.56');
    expect((await pedir('coordinador', 'mes=2026-03&nivel=instituto')).statusCode).toBe(403);
    expect(
      (await pedir('coordinador', `mes=2026-03&nivel=oficina&oficinaId=${oficina.OBR}`)).statusCode,
    ).toBe(403);
  });

  it('contabilidad ve todas las oficinas, solo la recuperación', async () => {
    const i = await leer('contabilidad', 'mes=2026-03&nivel=instituto');
    expect(i.filas[0]?.recuperacion?.neto).toBe('1234.61');
    const { sujeto, recuperacion, ...resto } = i.filas[0] ?? {};
    expect(Object.values(resto).every((v) => v === null)).toBe(true);
    const obr = await leer('contabilidad', `mes=2026-03&nivel=gestor&oficinaId=${oficina.OBR}`);
    expect(obr.filas.find((f) => f.sujeto.id === null)).toMatchObject({
      sujeto: { tipo: 'gestor', id: null, nombre: 'Sin asignar', oficinaId: oficina.OBR },
      recuperacion: { neto: '0.05', cobrado: '0.05', cancelado: '0.00' },
      metas: null,
    });
  });

  it('el administrador ve todo; el abogado externo, nada', async () => {
    const o = await leer('admin', 'mes=2026-03&nivel=oficina');
    // By clave: HMO, NOG, OBR.
    expect(o.filas.map((f) => f.sujeto.nombre)).toEqual(['Hermosillo', 'Nogales', 'Cd. Obregón']);
    expect(o.filas[0]?.turnos).not.toBeNull();
    expect(o.hechosAl).toMatch(/^2026-03-10T/);
    expect((await pedir('abogado', 'mes=2026-03&nivel=gestor')).statusCode).toBe(403);
  });
});

describe('entradas inválidas', () => {
  it.each([
    ['mes=2026-13&nivel=gestor', 'mes'],
    ['nivel=gestor', 'mes'],
    ['mes=2026-03&nivel=pais', 'nivel'],
    ['mes=2026-03', 'nivel'],
    ['mes=2026-03&nivel=gestor&alCorte=2026-02-30', 'alCorte'],
    ['mes=2026-03&nivel=gestor&alCorte=2026-03-20', 'alCorte'],
    ['mes=2026-03&nivel=gestor&alCorte=2026-02-28', 'alCorte'],
    ['mes=2026-04&nivel=gestor', 'mes'],
    ['mes=2026-03&nivel=oficina&oficinaId=abc', 'oficinaId'],
    ['mes=2026-03&nivel=oficina&oficinaId=99999', 'oficinaId'],
    ['mes=2026-03&nivel=gestor&otro=1', 'otro'],
  ])('%s → 400 nombrando %s', async (consulta, campo) => {
    const r = await pedir('admin', consulta);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.campo).toBe(campo);
  });

  it('un corte pasado del mes en curso se respeta', async () => {
    const r = await leer('admin', 'mes=2026-03&nivel=oficina&alCorte=2026-03-04');
    expect(r.alCorte).toBe('2026-03-04');
    expect(r.filas[0]?.recuperacion?.neto).toBe('0.00');
    expect(r.filas[0]?.recuperacion?.porDia).toHaveLength(4);
  });
});

describe('pagos registrados después de materializar su día', () => {
  const pagar = (fecha: string, monto: number) =>
    t.base.db
      .insertInto('movimientos')
      .values({
        credito_id: creditoHmo,
        tipo: 'pago',
        fecha,
        monto_centavos: monto,
        excedente: 'reducir_plazo',
        canal: 'caja',
        registrado: '2026-03-10T16:00:00Z',
      })
      .execute();
  const neto = async (mes: string) =>
    (await leer('coordinador', `mes=${mes}&nivel=oficina`)).filas[0]?.recuperacion?.neto;

  it('el de hoy cuenta en la siguiente lectura, sin esperar', async () => {
    expect(await neto('2026-03')).toBe('1234.56');
    await pagar('2026-03-10', 1_000);
    expect(await neto('2026-03')).toBe('1244.56');
  });

  it('uno con fecha de un día ya materializado de este mes o del anterior también', async () => {
    // The 5th and every day of February were materialized by earlier reads.
    expect(await neto('2026-02')).toBe('0.00');
    await pagar('2026-03-05', 2_000);
    await pagar('2026-02-27', 3_000);
    expect(await neto('2026-03')).toBe('1264.56');
    expect(await neto('2026-02')).toBe('30.00');
    const dia = await t.base.db
      .selectFrom('hechos_recuperacion')
      .select((eb) => eb.fn.sum<string>('cobrado_centavos').as('c'))
      .where('fecha', '=', '2026-03-05')
      .executeTakeFirstOrThrow();
    expect(Number(dia.c)).toBe(123_456 + 5 + 2_000);
  });
});

describe('recalcular un mes', () => {
  it('202 con el trabajo, que termina con los días del mes materializados y deja bitácora', async () => {
    const r = await t.pedir('POST', '/api/indicadores/recalcular', {
      sesion: s.coordinador,
      cuerpo: { mes: '2026-02' },
    });
    expect(r.statusCode, r.body).toBe(202);
    // The job's answers against their wire contract (src/contrato/comun.ts), strictly.
    const { trabajo } = trabajoEncolado.parse(r.json());
    let estado = '';
    let cuerpo: { estado: string; resultado: unknown } = { estado: '', resultado: null };
    for (let i = 0; i < 150 && estado !== 'terminado' && estado !== 'fallido'; i++) {
      await new Promise((listo) => setTimeout(listo, 200));
      const e = await t.pedir('GET', `/api/indicadores/trabajos/${trabajo}`, {
        sesion: s.coordinador,
      });
      cuerpo = estadoDeTrabajo.parse(e.json());
      estado = cuerpo.estado;
    }
    expect(cuerpo).toMatchObject({
      estado: 'terminado',
      resultado: { desde: '2026-02-01', hasta: '2026-02-28', dias: 28, mes: '2026-02' },
    });
    const dias = await t.base.db
      .selectFrom('hechos_materializados')
      .select('fecha')
      .where('fecha', '>=', '2026-02-01')
      .where('fecha', '<=', '2026-02-28')
      .execute();
    expect(dias).toHaveLength(28);
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['actor_id', 'detalle'])
      .where('accion', '=', 'indicadores.recalcular')
      .execute();
    expect(bitacora).toEqual([{ actor_id: id.coordinador, detalle: { mes: '2026-02', trabajo } }]);
  });

  it('un mes inválido o futuro es 400; un trabajo que no existe, 404', async () => {
    for (const mes of ['2026-13', '2026-04']) {
      const r = await t.pedir('POST', '/api/indicadores/recalcular', {
        sesion: s.admin,
        cuerpo: { mes },
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.campo).toBe('mes');
    }
    const r = await t.pedir(
      'GET',
      '/api/indicadores/trabajos/00000000-0000-4000-8000-000000000000',
      { sesion: s.admin },
    );
    expect(r.statusCode).toBe(404);
  });
});

describe('una cartera grande', () => {
  it('un mes sin calcular no se calcula al leer: 409 pidiendo «Recalcular»', async () => {
    const version = await t.base.db
      .selectFrom('versiones_producto')
      .select('id')
      .executeTakeFirstOrThrow();
    await sql`
      INSERT INTO creditos (numero, version_producto_id, oficina_id, fecha_inicio_interes)
      SELECT 'MASIVO-' || n, ${version.id}, ${oficina.OBR ?? 0}, '2025-01-01'
        FROM generate_series(1, 20000) n`.execute(t.base.db);
    const r = await pedir('admin', 'mes=2026-01&nivel=oficina');
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error).toMatchObject({ codigo: 'conflicto', campo: 'mes' });
    expect(r.json().error.mensaje).toMatch(/Recalcular/);
    // Days already materialized are read as usual.
    expect((await pedir('admin', 'mes=2026-02&nivel=oficina')).statusCode).toBe(200);
  });
});
