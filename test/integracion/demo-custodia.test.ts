import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cargarCarteraDemo } from '../../src/modules/demo/cargar-cartera-demo.ts';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { listarPrestamosVencidos } from '../../src/modules/expedientes/custodia/listar-prestamos-vencidos.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

const reloj = new RelojManual('2026-03-10T18:00:00Z');
const ctx = { reloj, ip: null };
let b: BaseDePrueba;

beforeAll(async () => {
  b = await crearBaseDePrueba();
  await b.db.transaction().execute(async (trx) => {
    await cargarDemo(trx, ctx);
    await cargarCarteraDemo(trx, { acreditados: 300, semilla: 11 }, ctx);
  });
});
afterAll(() => b.cerrar());

describe('custodia de la demostración', () => {
  it('cada oficina tiene expedientes y pagarés en estantes y cajas, por acuses de su archivista', async () => {
    const porOficina = await b.db
      .selectFrom('custodia_piezas as cp')
      .innerJoin('oficinas as o', 'o.id', 'cp.oficina_id')
      .innerJoin('creditos as c', 'c.id', 'cp.credito_id')
      .select(['o.clave'])
      .select((eb) => eb.fn.countAll<number>().as('piezas'))
      .where('cp.ubicacion', '=', 'archivo')
      .where('cp.estante', 'is not', null)
      .where('c.despacho_id', 'is', null)
      .groupBy('o.clave')
      .orderBy('o.clave')
      .execute();
    expect(porOficina.map((o) => o.clave)).toEqual(['HMO', 'NOG', 'OBR']);
    for (const o of porOficina) expect(Number(o.piezas)).toBeGreaterThan(24);
    // Every shelved credit has its expediente and all its pagarés there.
    const incompletos = await b.db
      .selectFrom('ministraciones as m')
      .innerJoin('custodia_piezas as e', (j) =>
        j.onRef('e.credito_id', '=', 'm.credito_id').on('e.ministracion_id', 'is', null),
      )
      .leftJoin('custodia_piezas as p', 'p.ministracion_id', 'm.id')
      .select('m.id')
      .where('p.credito_id', 'is', null)
      .execute();
    expect(incompletos).toEqual([]);
  });

  it('tres expedientes de Hermosillo están prestados y uno ya venció', async () => {
    const admin = await b.db
      .selectFrom('usuarios')
      .select([
        'id',
        'usuario',
        'nombre',
        'rol',
        'oficina_id as oficinaId',
        'despacho_id as despachoId',
      ])
      .where('usuario', '=', 'admin')
      .executeTakeFirstOrThrow();
    const prestados = await b.db
      .selectFrom('custodia_piezas')
      .select(['devolver_a_mas_tardar'])
      .where('ubicacion', '=', 'persona')
      .orderBy('devolver_a_mas_tardar')
      .execute();
    expect(prestados).toHaveLength(3);
    const vencidos = await b.db
      .transaction()
      .execute((trx) => listarPrestamosVencidos(trx, {}, { ...ctx, actor: admin }));
    expect(vencidos.piezas).toHaveLength(1);
    expect(vencidos.piezas[0]).toMatchObject({
      diasDeRetraso: 10,
      ubicacion: { tipo: 'persona', oficina: { clave: 'HMO' }, vencida: true },
    });
  });
});
