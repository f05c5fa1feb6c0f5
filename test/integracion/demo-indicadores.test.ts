import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Mes, mesAnterior, mesSiguiente } from '../../src/domain/metas/mes.ts';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { consultarIndicadores } from '../../src/modules/indicadores/consultar-indicadores.ts';
import type { Actor } from '../../src/modules/seguridad/actor.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

// The demo as the first `npm start` loads it (a smaller portfolio), on 10/03/2026.
const reloj = new RelojManual('2026-03-10T18:00:00Z');
const ctx = { reloj, ip: null };
let base: BaseDePrueba;
let admin: Actor;

/** The twelve months the dashboards chart: April 2025 to March 2026. */
const MESES: Mes[] = [];
for (let m = '2026-03' as Mes; MESES.length < 12; m = mesAnterior(m)) MESES.unshift(m);

beforeAll(async () => {
  base = await crearBaseDePrueba();
  await base.db
    .transaction()
    .execute((trx) => cargarDemo(trx, ctx, { cartera: { acreditados: 600, semilla: 11 } }));
  const u = await base.db
    .selectFrom('usuarios')
    .select(['id', 'usuario', 'nombre'])
    .where('usuario', '=', 'admin')
    .executeTakeFirstOrThrow();
  admin = { ...u, rol: 'administrador', oficinaId: null, despachoId: null };
}, 120_000);
afterAll(() => base.cerrar());

describe('la demostración trae un año de indicadores', () => {
  it('la antigüedad de cada uno de los últimos doce cierres de mes, de cada crédito ya ministrado', async () => {
    const { rows } = await sql<{ fecha: string; n: number; faltan: number }>`
      SELECT f.fecha::text AS fecha, count(a.credito_id)::int4 AS n,
             (SELECT count(*)::int4 FROM creditos c
               WHERE (SELECT min(fecha) FROM ministraciones m WHERE m.credito_id = c.id) <= f.fecha
                 AND NOT EXISTS (SELECT 1 FROM antiguedad_saldos x
                                  WHERE x.credito_id = c.id AND x.fecha = f.fecha)) AS faltan
        FROM (SELECT DISTINCT fecha FROM antiguedad_saldos) f
        LEFT JOIN antiguedad_saldos a ON a.fecha = f.fecha
       GROUP BY f.fecha ORDER BY f.fecha`.execute(base.db);
    expect(rows.map((r) => r.fecha)).toEqual([
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-10',
    ]);
    for (const r of rows) expect(r).toMatchObject({ faltan: 0 });
  });

  it('los hechos de cada día, del 01/04/2025 a hoy', async () => {
    const r = await sql<{ dias: number; primero: string; ultimo: string }>`
      SELECT count(*)::int4 AS dias, min(fecha)::text AS primero, max(fecha)::text AS ultimo
        FROM hechos_materializados`.execute(base.db);
    expect(r.rows[0]).toEqual({ dias: 344, primero: '2025-04-01', ultimo: '2026-03-10' });
  });

  it('metas de cada gestor con cartera y de cada oficina para los doce meses y el siguiente', async () => {
    const { rows } = await sql<{ mes: string; gestores: number; oficinas: number; v2: number }>`
      SELECT to_char(mes, 'YYYY-MM') AS mes,
             count(DISTINCT gestor_id)::int4 AS gestores,
             count(DISTINCT oficina_id) FILTER (WHERE gestor_id IS NULL)::int4 AS oficinas,
             count(*) FILTER (WHERE version = 2)::int4 AS v2
        FROM metas GROUP BY 1 ORDER BY 1`.execute(base.db);
    const conCartera = await sql<{ n: number }>`
      SELECT count(DISTINCT gestor_id)::int4 AS n FROM creditos WHERE gestor_id IS NOT NULL`.execute(
      base.db,
    );
    expect(rows.map((r) => r.mes)).toEqual([...MESES, mesSiguiente('2026-03' as Mes)]);
    for (const r of rows) {
      expect(r.gestores).toBe(conCartera.rows[0]?.n);
      expect(r.oficinas).toBe(3);
      // This month's office goals were adjusted once: their history has two versions.
      expect(r.v2).toBe(r.mes === '2026-03' ? 3 : 0);
    }
  });

  it('cada mes tiene datos para cada gráfica del tablero del instituto', async () => {
    for (const mes of MESES) {
      const r = await base.db
        .transaction()
        .execute((trx) =>
          consultarIndicadores(trx, { mes, nivel: 'instituto' }, { ...ctx, actor: admin }),
        );
      const f = r.filas[0];
      expect(r.hechosAl, mes).not.toBeNull();
      expect(Number(f?.recuperacion?.neto), mes).toBeGreaterThan(0);
      expect(
        f?.recuperacion?.porDia.some((d) => Number(d.monto) > 0),
        mes,
      ).toBe(true);
      expect(f?.cobertura?.gestionadas, mes).toBeGreaterThan(0);
      expect(f?.cobertura?.conContactoEfectivo, mes).toBeGreaterThan(0);
      expect(f?.promesas?.hechas, mes).toBeGreaterThan(0);
      expect(f?.cartera?.porBucket.filter((b) => b.cuentas > 0).length, mes).toBeGreaterThan(3);
      expect(
        f?.cartera?.rodamiento.some((x) => x.rodamientoCuentas !== null),
        mes,
      ).toBe(true);
      expect(f?.cartera?.matriz.length, mes).toBeGreaterThan(3);
      expect(f?.metas?.indice, mes).not.toBeNull();
    }
  });

  it('el cumplimiento de las metas de los gestores va de bajo a sobrado, como en una oficina', async () => {
    const r = await base.db
      .transaction()
      .execute((trx) =>
        consultarIndicadores(trx, { mes: '2026-02', nivel: 'gestor' }, { ...ctx, actor: admin }),
      );
    const cumplimientos = r.filas
      .map((f) => Number(f.metas?.items.recuperacion?.cumplimiento ?? Number.NaN))
      .filter((x) => !Number.isNaN(x));
    expect(cumplimientos.length).toBeGreaterThan(3);
    expect(Math.min(...cumplimientos)).toBeLessThan(100);
    expect(Math.max(...cumplimientos)).toBeGreaterThan(60);
  });
});
