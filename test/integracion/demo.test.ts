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
    sql`SELECT c.numero, u.usuario, a.desde, a.hasta, a.motivo FROM asignaciones a JOIN creditos c ON c.id = a.credito_id JOIN usuarios u ON u.id = a.gestor_id ORDER BY 1, 3`,
    sql`SELECT c.numero, g.canal, p.curp, g.medio, r.clave, g.nota, g.proxima_accion, g.proxima_accion_fecha, g.inicio, g.duracion_segundos, u.usuario, g.recado_id IS NOT NULL AS recado FROM gestiones g JOIN creditos c ON c.id = g.credito_id JOIN personas p ON p.id = g.persona_id JOIN resultados_gestion r ON r.id = g.resultado_id JOIN usuarios u ON u.id = g.registrado_por ORDER BY 1, g.inicio`,
    sql`SELECT c.numero, g.inicio, pp.monto_centavos, pp.fecha, pp.tolerancia_dias, pp.hecha_el, pp.estado, pp.resuelta_el FROM promesas_pago pp JOIN gestiones g ON g.id = pp.gestion_id JOIN creditos c ON c.id = pp.credito_id ORDER BY 1, 2`,
    sql`SELECT c.numero, u.usuario, r.mensaje, r.estado, r.creado, r.leido, r.atendido, r.volver_a_llamar, r.llamante_nombre FROM recados r JOIN creditos c ON c.id = r.credito_id JOIN usuarios u ON u.id = r.para_id ORDER BY 2, 5`,
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

  it('las cuentas turnadas tienen su turnado vigente, fecha de fin futura, sus papeles en el despacho y actuaciones', async () => {
    const { rows } = await sql<{
      turnadas: number;
      con_turnado: number;
      piezas_fuera: number;
      actuaciones: number;
      demandas_sin_juzgado: number;
    }>`
      SELECT (SELECT count(*) FROM creditos WHERE despacho_id IS NOT NULL)::int4 AS turnadas,
             (SELECT count(*) FROM creditos c JOIN turnados t ON t.credito_id = c.id
               AND t.devuelto_en IS NULL AND t.despacho_id = c.despacho_id
               AND t.hasta = c.turnado_hasta AND t.hasta > DATE '2026-03-10'
               AND t.desde <= DATE '2026-03-10')::int4 AS con_turnado,
             (SELECT count(*) FROM creditos c
               JOIN ministraciones m ON m.credito_id = c.id
               LEFT JOIN custodia_piezas p ON p.credito_id = c.id AND p.ministracion_id = m.id
              WHERE c.despacho_id IS NOT NULL
                AND (p.ubicacion IS DISTINCT FROM 'despacho' OR p.despacho_id <> c.despacho_id))::int4 AS piezas_fuera,
             (SELECT count(*) FROM actuaciones_juridicas)::int4 AS actuaciones,
             (SELECT count(*) FROM actuaciones_juridicas
               WHERE estado = 'demanda_presentada' AND juzgado IS NULL)::int4 AS demandas_sin_juzgado`.execute(
      a.db,
    );
    const r = rows[0];
    expect(r?.turnadas).toBeGreaterThan(0);
    expect(r?.con_turnado).toBe(r?.turnadas);
    expect(r?.piezas_fuera).toBe(0);
    expect(r?.actuaciones).toBeGreaterThan(0);
    expect(r?.demandas_sin_juzgado).toBe(0);
  });

  it('la historia de asignación cubre cada crédito con gestor: una abierta, la de creditos.gestor_id', async () => {
    const { rows } = await sql<{
      creditos: number;
      abiertas: number;
      distintas: number;
      cerradas: number;
      malas: number;
      futuras: number;
    }>`
      SELECT (SELECT count(*)::int4 FROM creditos WHERE gestor_id IS NOT NULL) AS creditos,
             (SELECT count(*)::int4 FROM asignaciones WHERE hasta IS NULL) AS abiertas,
             (SELECT count(*)::int4 FROM creditos c WHERE c.gestor_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM asignaciones a WHERE a.credito_id = c.id AND a.hasta IS NULL
                   AND a.gestor_id = c.gestor_id)) AS distintas,
             (SELECT count(*)::int4 FROM asignaciones WHERE hasta IS NOT NULL) AS cerradas,
             -- A closed interval ends where the open one begins, with another gestor of the office.
             (SELECT count(*)::int4 FROM asignaciones a
                JOIN asignaciones b ON b.credito_id = a.credito_id AND b.hasta IS NULL
                JOIN creditos c ON c.id = a.credito_id JOIN usuarios u ON u.id = a.gestor_id
               WHERE a.hasta IS NOT NULL AND (a.hasta <> b.desde OR a.gestor_id = b.gestor_id
                  OR u.oficina_id <> c.oficina_id OR a.desde >= a.hasta)) AS malas,
             (SELECT count(*)::int4 FROM asignaciones WHERE desde > ${reloj.ahora()}) AS futuras`.execute(
      a.db,
    );
    const r = rows[0];
    expect(r?.creditos).toBeGreaterThan(0);
    expect(r?.abiertas).toBe(r?.creditos);
    expect(r?.distintas).toBe(0);
    expect(r?.cerradas).toBeGreaterThan(0);
    expect(r?.malas).toBe(0);
    expect(r?.futuras).toBe(0);
  });

  it('un año de gestiones: de quien tenía la cuenta, en horario, por un medio de la persona', async () => {
    const { rows } = await sql<{
      gestiones: number;
      cuentas: number;
      canales: number;
      resultados: number;
      fuera_de_titular: number;
      fuera_de_horario: number;
      fuera_de_ventana: number;
      sin_consentimiento: number;
      medio_ajeno: number;
      no_contactables: number;
      proximas: number;
      promesa_sin_fila: number;
    }>`
      SELECT count(*)::int4 AS gestiones, count(DISTINCT g.credito_id)::int4 AS cuentas,
             count(DISTINCT g.canal)::int4 AS canales, count(DISTINCT g.resultado_id)::int4 AS resultados,
             count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM asignaciones a WHERE a.credito_id = g.credito_id AND a.gestor_id = g.registrado_por
                  AND a.desde <= g.inicio AND (a.hasta IS NULL OR g.inicio < a.hasta)))::int4 AS fuera_de_titular,
             count(*) FILTER (WHERE extract(hour FROM g.inicio AT TIME ZONE 'America/Hermosillo') NOT BETWEEN 8 AND 19)::int4 AS fuera_de_horario,
             count(*) FILTER (WHERE g.inicio > ${reloj.ahora()} OR g.registrado > ${reloj.ahora()}
               OR g.inicio < ${reloj.ahora()}::timestamptz - interval '367 days')::int4 AS fuera_de_ventana,
             count(*) FILTER (WHERE g.canal IN ('sms', 'whatsapp') AND NOT t.consentimiento
               OR g.canal = 'correo' AND NOT co.consentimiento)::int4 AS sin_consentimiento,
             count(*) FILTER (WHERE t.persona_id <> g.persona_id OR co.persona_id <> g.persona_id
               OR d.persona_id <> g.persona_id)::int4 AS medio_ajeno,
             count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM participantes_credito pc WHERE pc.credito_id = g.credito_id
                  AND pc.persona_id = g.persona_id AND pc.rol IN ('acreditado', 'aval')))::int4 AS no_contactables,
             count(*) FILTER (WHERE g.proxima_accion_fecha >= ${reloj.hoy()})::int4 AS proximas,
             count(*) FILTER (WHERE (r.clave = 'promesa_de_pago') <> EXISTS (
               SELECT 1 FROM promesas_pago p WHERE p.gestion_id = g.id))::int4 AS promesa_sin_fila
        FROM gestiones g JOIN resultados_gestion r ON r.id = g.resultado_id
        LEFT JOIN telefonos t ON t.id = g.telefono_id LEFT JOIN correos co ON co.id = g.correo_id
        LEFT JOIN domicilios d ON d.id = g.domicilio_id`.execute(a.db);
    const r = rows[0];
    expect(r?.gestiones).toBeGreaterThan(r?.cuentas ?? 0);
    expect(r?.canales).toBe(8);
    expect(r?.resultados).toBeGreaterThanOrEqual(8);
    expect(r?.proximas).toBeGreaterThan(0);
    expect({ ...r, gestiones: 0, cuentas: 0, canales: 0, resultados: 0, proximas: 0 }).toEqual({
      gestiones: 0,
      cuentas: 0,
      canales: 0,
      resultados: 0,
      fuera_de_titular: 0,
      fuera_de_horario: 0,
      fuera_de_ventana: 0,
      sin_consentimiento: 0,
      medio_ajeno: 0,
      no_contactables: 0,
      proximas: 0,
      promesa_sin_fila: 0,
    });
    const activas = await sql<{ n: number }>`
      SELECT count(*)::int4 AS n FROM creditos WHERE estado = 'activo' AND gestor_id IS NOT NULL`.execute(
      a.db,
    );
    // A fraction of the accounts, not all of them: the queue has never-contacted ones too.
    expect(r?.cuentas).toBeLessThan((activas.rows[0]?.n ?? 0) * 0.6);
  });

  it('promesas cumplidas por un pago, incumplidas con su plazo vencido y pendientes alrededor de hoy', async () => {
    const { rows } = await sql<{ estado: string; n: number; incoherentes: number }>`
      SELECT p.estado, count(*)::int4 AS n, count(*) FILTER (WHERE CASE p.estado
          WHEN 'cumplida' THEN NOT EXISTS (
            SELECT 1 FROM movimientos m WHERE m.credito_id = p.credito_id AND m.tipo = 'pago'
               AND m.fecha BETWEEN p.hecha_el AND p.fecha + p.tolerancia_dias
               AND m.fecha = p.resuelta_el AND m.monto_centavos >= p.monto_centavos)
          WHEN 'incumplida' THEN p.resuelta_el <> p.fecha + p.tolerancia_dias + 1
            OR p.resuelta_el > ${reloj.hoy()}::date OR EXISTS (
            SELECT 1 FROM movimientos m WHERE m.credito_id = p.credito_id AND m.tipo = 'pago'
               AND m.fecha BETWEEN p.hecha_el AND p.fecha + p.tolerancia_dias)
          ELSE p.fecha + p.tolerancia_dias < ${reloj.hoy()}::date OR EXISTS (
            SELECT 1 FROM movimientos m WHERE m.credito_id = p.credito_id AND m.tipo = 'pago'
               AND m.fecha >= p.hecha_el)
        END)::int4 AS incoherentes
        FROM promesas_pago p GROUP BY p.estado ORDER BY p.estado`.execute(a.db);
    expect(rows.map((r) => r.estado)).toEqual(['cumplida', 'incumplida', 'pendiente']);
    for (const r of rows) expect(r).toMatchObject({ incoherentes: 0 });
  });

  it('cada gestor de la demostración tiene recados nuevos, leídos y uno atendido por una gestión', async () => {
    const { rows } = await sql<{ usuario: string; nuevo: number; leido: number; atendido: number }>`
      SELECT u.usuario,
             count(*) FILTER (WHERE r.estado = 'nuevo')::int4 AS nuevo,
             count(*) FILTER (WHERE r.estado = 'leido' AND r.leido IS NOT NULL)::int4 AS leido,
             count(*) FILTER (WHERE r.estado = 'atendido' AND g.recado_id = r.id
               AND g.registrado_por = r.para_id AND g.inicio > r.creado)::int4 AS atendido
        FROM usuarios u JOIN recados r ON r.para_id = u.id
        LEFT JOIN gestiones g ON g.id = r.gestion_id
       WHERE u.rol = 'gestor' GROUP BY u.usuario ORDER BY u.usuario`.execute(a.db);
    expect(rows.map((r) => r.usuario)).toEqual([
      'gestor',
      'gestor.leyva',
      'gestor.nogales',
      'gestor.obregon',
      'gestor.ruiz',
    ]);
    for (const r of rows) {
      expect(r.nuevo).toBeGreaterThan(0);
      expect(r.leido).toBeGreaterThan(0);
      expect(r.atendido).toBe(1);
    }
    const ajenos = await sql<{ n: number }>`
      SELECT count(*)::int4 AS n FROM recados r JOIN creditos c ON c.id = r.credito_id
       WHERE c.gestor_id <> r.para_id OR c.oficina_id <> r.oficina_id
          OR r.creado > ${reloj.ahora()} OR r.creado_por = r.para_id`.execute(a.db);
    expect(ajenos.rows[0]?.n).toBe(0);
  });

  it('convenios del gestor: firmados (uno paga hoy), autorizados por firmar y propuestos para el coordinador', async () => {
    const { rows } = await sql<{
      estado: string;
      propuso: string;
      requiere: string | null;
      autorizo: string | null;
      primer_pago: string;
      firmado: string | null;
    }>`
      SELECT c.estado, p.usuario AS propuso, c.requiere_rol AS requiere, a.usuario AS autorizo,
             c.primer_pago::text AS primer_pago, c.fecha_firma::text AS firmado
        FROM convenios c JOIN usuarios p ON p.id = c.propuesto_por
        LEFT JOIN usuarios a ON a.id = c.autorizado_por
       ORDER BY c.id`.execute(a.db);
    const porEstado = (e: string) => rows.filter((r) => r.estado === e);
    expect(porEstado('firmado')).toHaveLength(3);
    expect(porEstado('autorizado')).toHaveLength(2);
    expect(porEstado('propuesto')).toHaveLength(2);
    expect(rows.every((r) => r.propuso === 'gestor')).toBe(true);
    // Above the gestor's limit a convenio waits for the coordinador, who alone authorizes it.
    for (const r of porEstado('propuesto')) {
      expect(r.requiere).not.toBeNull();
      expect(r.autorizo).toBeNull();
    }
    for (const r of rows.filter((x) => x.requiere !== null && x.estado !== 'propuesto')) {
      expect(r.autorizo).toBe('coordinador');
    }
    expect(porEstado('firmado').every((r) => r.firmado === reloj.hoy())).toBe(true);
    expect(porEstado('firmado').map((r) => r.primer_pago)).toContain(reloj.hoy());
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
