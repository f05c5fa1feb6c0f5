import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/conexion.ts';
import { escribirCartera } from '../../src/db/escritura-cartera.ts';
import { calcularEstado } from '../../src/modules/cartera/calcular-estado.ts';
import { cargarCreditos } from '../../src/modules/cartera/cargar-credito.ts';
import { cargarCarteraDemo } from '../../src/modules/demo/cargar-cartera-demo.ts';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { generarCartera } from '../../src/modules/demo/generar-cartera.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

const reloj = new RelojManual('2026-03-10T18:00:00Z');
const ctx = { reloj, ip: null };
const OPCIONES = { acreditados: 400, semilla: 7 };
let a: BaseDePrueba;
let b: BaseDePrueba;

async function cargar(db: Db) {
  return db.transaction().execute(async (trx) => {
    await cargarDemo(trx, ctx);
    return cargarCarteraDemo(trx, OPCIONES, ctx);
  });
}

/** Every portfolio row that the seed decides, in a stable order. */
async function huella(db: Db): Promise<string> {
  const h = createHash('sha256');
  const consultas = [
    sql`SELECT curp, nombres, primer_apellido, segundo_apellido, rfc, fecha_nacimiento FROM personas ORDER BY curp`,
    sql`SELECT p.curp, t.numero, t.tipo, t.consentimiento FROM telefonos t JOIN personas p ON p.id = t.persona_id ORDER BY 1, 2`,
    sql`SELECT c.numero, c.estado, c.fecha_inicio_interes, o.clave, v.vigente_desde FROM creditos c JOIN oficinas o ON o.id = c.oficina_id JOIN versiones_producto v ON v.id = c.version_producto_id ORDER BY 1`,
    sql`SELECT c.numero, p.curp, pc.rol FROM participantes_credito pc JOIN creditos c ON c.id = pc.credito_id JOIN personas p ON p.id = pc.persona_id ORDER BY 1, 3`,
    sql`SELECT c.numero, m.numero, m.fecha, m.monto_centavos, m.pagare_numero, m.pagare_vencimiento FROM ministraciones m JOIN creditos c ON c.id = m.credito_id ORDER BY 1, 2`,
    sql`SELECT c.numero, a.numero, a.fecha, a.capital_centavos FROM amortizaciones a JOIN creditos c ON c.id = a.credito_id ORDER BY 1, 2`,
    sql`SELECT c.numero, m.tipo, m.fecha, m.monto_centavos, m.excedente, m.concepto, m.canal FROM movimientos m JOIN creditos c ON c.id = m.credito_id ORDER BY 1, m.id`,
  ];
  for (const q of consultas) h.update(JSON.stringify((await q.execute(db)).rows));
  return h.digest('hex');
}

beforeAll(async () => {
  [a, b] = await Promise.all([crearBaseDePrueba(), crearBaseDePrueba()]);
});
afterAll(async () => {
  await Promise.all([a.cerrar(), b.cerrar()]);
});

describe('cartera de demostración en la base', () => {
  it('se carga una vez: la segunda no duplica nada', async () => {
    const r = await cargar(a.db);
    expect(r.creada).toBe(true);
    expect(r.creditos).toBeGreaterThanOrEqual(OPCIONES.acreditados);
    const creditos = await a.db
      .selectFrom('creditos')
      .select(sql<number>`count(*)::int4`.as('n'))
      .executeTakeFirstOrThrow();
    expect(creditos.n).toBe(r.creditos);
    const otra = await cargar(a.db);
    expect(otra.creada).toBe(false);
    expect(
      await a.db
        .selectFrom('creditos')
        .select(sql<number>`count(*)::int4`.as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(creditos);
    const bitacora = await a.db
      .selectFrom('bitacora')
      .select('accion')
      .where('accion', '=', 'demo.cargar_cartera')
      .execute();
    expect(bitacora).toHaveLength(1);
  });

  it('la misma semilla da las mismas filas en otra base', async () => {
    await cargar(b.db);
    expect(await huella(b.db)).toBe(await huella(a.db));
  });

  it('cada crédito tiene el gestor de su oficina; los turnados a jurídico son del despacho del abogado', async () => {
    const sinGestorDeSuOficina = await sql<{ n: number }>`
      SELECT count(*)::int4 AS n FROM creditos c LEFT JOIN usuarios u ON u.id = c.gestor_id
       WHERE u.id IS NULL OR u.rol <> 'gestor' OR u.oficina_id <> c.oficina_id`.execute(a.db);
    expect(sinGestorDeSuOficina.rows[0]?.n).toBe(0);
    const abogado = await a.db
      .selectFrom('usuarios')
      .select('despacho_id')
      .where('usuario', '=', 'abogado')
      .executeTakeFirstOrThrow();
    expect(abogado.despacho_id).not.toBeNull();
    const juridico = await a.db
      .selectFrom('creditos')
      .select(['estado', 'despacho_id'])
      .where('despacho_id', 'is not', null)
      .execute();
    expect(juridico.length).toBeGreaterThan(0);
    for (const c of juridico)
      expect(c).toEqual({ estado: 'en_juridico', despacho_id: abogado.despacho_id });
  });

  it('el motor calcula cada crédito desde lo guardado; «liquidado» lo es para el motor', async () => {
    const filas = await a.db.selectFrom('creditos').select(['id', 'estado']).execute();
    const creditos = await cargarCreditos(
      a.db,
      filas.map((f) => f.id),
    );
    const situaciones = new Set<string>();
    for (const c of creditos.values()) {
      const e = calcularEstado(c, reloj.hoy());
      situaciones.add(
        e.situacion === 'vencido' && e.diasAtraso > 365 ? 'vencido>365' : e.situacion,
      );
      if (c.estado === 'liquidado') expect(e.situacion).toBe('liquidado');
    }
    expect([...situaciones].sort()).toEqual([
      'al_corriente',
      'liquidado',
      'vencido',
      'vencido>365',
    ]);
  });

  it('las filas que la escritura masiva inserta sin la verificación por fila respetan cada llave foránea', async () => {
    const huerfanas = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM participantes_credito x WHERE NOT EXISTS (SELECT 1 FROM creditos c WHERE c.id = x.credito_id) OR NOT EXISTS (SELECT 1 FROM personas p WHERE p.id = x.persona_id))
           + (SELECT count(*) FROM ministraciones x WHERE NOT EXISTS (SELECT 1 FROM creditos c WHERE c.id = x.credito_id))
           + (SELECT count(*) FROM amortizaciones x WHERE NOT EXISTS (SELECT 1 FROM creditos c WHERE c.id = x.credito_id))
           + (SELECT count(*) FROM movimientos x WHERE NOT EXISTS (SELECT 1 FROM creditos c WHERE c.id = x.credito_id))
           + (SELECT count(*) FROM movimientos x WHERE x.cancela_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM movimientos m WHERE m.id = x.cancela_id AND m.credito_id = x.credito_id))
           + (SELECT count(*) FROM telefonos x WHERE NOT EXISTS (SELECT 1 FROM personas p WHERE p.id = x.persona_id))
           + (SELECT count(*) FROM creditos x WHERE NOT EXISTS (SELECT 1 FROM versiones_producto v WHERE v.id = x.version_producto_id))
           AS n`.execute(a.db);
    expect(huerfanas.rows[0]?.n).toBe(0);
  });

  it('un disparador propio sobre una tabla de la cartera hace que la escritura masiva no lo omita', async () => {
    const marca = new Error('deshacer');
    const vistos = await a.db
      .transaction()
      .execute(async (trx) => {
        await sql`CREATE TEMP TABLE vistos (n int) ON COMMIT DROP;
          CREATE FUNCTION pg_temp.contar() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO vistos VALUES (1); RETURN NEW; END $$;
          CREATE TRIGGER contar_telefonos AFTER INSERT ON telefonos FOR EACH ROW EXECUTE FUNCTION pg_temp.contar();`.execute(
          trx,
        );
        const destino = {
          hoy: reloj.hoy(),
          versiones: new Map(
            (
              await trx
                .selectFrom('versiones_producto as v')
                .innerJoin('productos as p', 'p.id', 'v.producto_id')
                .select(['v.id', 'p.clave', 'v.vigente_desde'])
                .execute()
            ).map((v) => [`${v.clave}|${v.vigente_desde}`, v.id]),
          ),
          oficinas: new Map(
            (await trx.selectFrom('oficinas').select(['id', 'clave']).execute()).map((o) => [
              o.clave,
              o.id,
            ]),
          ),
          gestores: new Map(),
          despachoId: null,
        };
        const [lote] = [...generarCartera(5, 99, destino)];
        if (!lote) throw new Error('sin lote');
        const r = await escribirCartera(
          trx,
          { personas: lote.personas, creditos: [] },
          reloj.ahora(),
        );
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int4 AS n FROM vistos`.execute(
          trx,
        );
        expect(rows[0]?.n).toBe(r.telefonos);
        expect(r.telefonos).toBeGreaterThan(0);
        throw marca;
      })
      .catch((e: unknown) => e);
    expect(vistos).toBe(marca);
  });
});
