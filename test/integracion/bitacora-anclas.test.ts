import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type Conexion, conectar, type Db } from '../../src/db/conexion.ts';
import { registrarEnBitacora } from '../../src/modules/bitacora/registrar-en-bitacora.ts';
import { verificarBitacora } from '../../src/modules/bitacora/verificar-bitacora.ts';
import { ARCHIVO_DE_ANCLAS, anclarBitacora } from '../../src/plataforma/anclas-bitacora.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

const raiz = join(import.meta.dirname, '..', '..');
const reloj = new RelojManual('2026-05-04T17:30:00.123Z');
const abiertos: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cerrar of abiertos.splice(0)) await cerrar();
});

interface Escenario {
  /** The superuser: the intruder. */
  base: BaseDePrueba;
  /** The app's own role, as the app connects. */
  app: Conexion;
  datos: string;
  ids: number[];
}

async function anotar(db: Db, n: number): Promise<void> {
  await db
    .transaction()
    .execute((trx) =>
      registrarEnBitacora(
        trx,
        { actor: null, ip: '10.0.0.7', instante: reloj.ahora() },
        { accion: 'prueba.anotar', objetoTipo: 'prueba', objetoId: n, detalle: { monto: '10.00' } },
      ),
    );
}

/** Ten rows written by the app, and the head anchored as the running app anchors it. */
async function escenario(): Promise<Escenario> {
  const base = await crearBaseDePrueba();
  const app = conectar(base.urlApp);
  const datos = mkdtempSync(join(tmpdir(), 'recupera-anclas-'));
  abiertos.push(async () => {
    await app.cerrar();
    await base.cerrar();
    rmSync(datos, { recursive: true, force: true });
  });
  for (let i = 0; i < 10; i++) await anotar(app.db, i);
  expect(await anclarBitacora(app.db, datos, reloj.ahora())).not.toBeNull();
  const ids = (await base.db.selectFrom('bitacora').select('id').orderBy('id').execute()).map(
    (f) => f.id,
  );
  return { base, app, datos, ids };
}

/** `recupera bitacora verificar`, as an operator runs it on the installation. */
function verificar(e: Escenario) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'bitacora', 'verificar'],
    {
      cwd: raiz,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATABASE_URL: e.base.urlApp,
        DATABASE_URL_MIGRACIONES: e.base.urlDuenio,
        DATA_DIR: e.datos,
      },
    },
  );
  return { codigo: r.status, salida: r.stdout + r.stderr };
}

/** What a superuser can do: no trigger fires in replica mode. */
async function comoSuperusuario(e: Escenario, trabajo: (db: Db) => Promise<void>): Promise<void> {
  await e.base.db.connection().execute(async (c) => {
    await sql`SET session_replication_role = replica`.execute(c);
    try {
      await trabajo(c);
    } finally {
      await sql`SET session_replication_role = origin`.execute(c);
    }
  });
}

describe('la cabeza de la bitácora, anclada fuera de la base', () => {
  it('sin alterar: bitacora verificar sale con 0, también con filas escritas después del ancla', async () => {
    const e = await escenario();
    await anotar(e.app.db, 10);
    const r = verificar(e);
    expect(r.salida).toContain('Bitácora íntegra: 11 filas verificadas; coincide con 1 anclas');
    expect(r.codigo).toBe(0);
  }, 60_000);

  it('un superusuario borra las últimas filas: la cadena sola no lo nota, las anclas sí (sale con 1)', async () => {
    const e = await escenario();
    const borradas = e.ids.slice(-3);
    await comoSuperusuario(e, async (db) => {
      await sql`DELETE FROM bitacora WHERE id = ANY(${borradas}::int8[])`.execute(db);
    });
    expect(await verificarBitacora(e.base.db)).toEqual({ valida: true, filas: 7 });
    const r = verificar(e);
    expect(r.salida).toContain(`Bitácora ALTERADA: la fila ${borradas.at(-1)} ya no existe`);
    expect(r.salida).toContain('se borraron las últimas filas');
    expect(r.codigo).toBe(1);

    // The app keeps writing: the new rows chain onto what is left, and the gap still shows.
    await anotar(e.app.db, 99);
    expect(await verificarBitacora(e.base.db)).toEqual({ valida: true, filas: 8 });
    const despues = verificar(e);
    expect(despues.salida).toContain(`la fila ${borradas.at(-1)} ya no existe`);
    expect(despues.salida).toContain('se borraron filas de la bitácora');
    expect(despues.codigo).toBe(1);
  }, 60_000);

  it('un superusuario cambia una fila y vuelve a sellar la cadena con las funciones de la base: sale con 1', async () => {
    const e = await escenario();
    const victima = e.ids[3] ?? 0;
    await comoSuperusuario(e, async (db) => {
      await sql`UPDATE bitacora SET detalle = '{"monto": "99999.00"}'::jsonb WHERE id = ${victima}`.execute(
        db,
      );
      // The same expression that seals a row (migration 0010), from the changed row on.
      await sql`
        DO $$
        DECLARE r record; anterior text;
        BEGIN
          SELECT hash INTO anterior FROM bitacora WHERE id < ${sql.lit(victima)} ORDER BY id DESC LIMIT 1;
          FOR r IN SELECT * FROM bitacora WHERE id >= ${sql.lit(victima)} ORDER BY id LOOP
            UPDATE bitacora
               SET hash_anterior = anterior,
                   hash = bitacora_hash(anterior, bitacora_canonico(r.id, r.instante, r.actor_id,
                            r.actor_usuario, r.accion, r.objeto_tipo, r.objeto_id, r.ip, r.detalle, anterior))
             WHERE id = r.id
             RETURNING hash INTO anterior;
          END LOOP;
        END $$`.execute(db);
    });
    expect(await verificarBitacora(e.base.db)).toEqual({ valida: true, filas: 10 });
    const r = verificar(e);
    expect(r.salida).toContain(`Bitácora ALTERADA: la fila ${e.ids.at(-1)} no tiene el hash`);
    expect(r.salida).toContain('se volvió a sellar');
    expect(r.codigo).toBe(1);
  }, 60_000);

  it('un ancla editada en el archivo no pasa: su firma no corresponde (sale con 1)', async () => {
    const e = await escenario();
    const archivo = join(e.datos, ARCHIVO_DE_ANCLAS);
    const ancla = JSON.parse(readFileSync(archivo, 'utf8')) as { id: number };
    writeFileSync(archivo, `${JSON.stringify({ ...ancla, id: ancla.id - 3 })}\n`);
    const r = verificar(e);
    expect(r.salida).toContain('no tiene una firma válida');
    expect(r.codigo).toBe(1);
  }, 60_000);
});

describe('el rol de la aplicación', () => {
  let base: BaseDePrueba;
  let app: Conexion;
  afterAll(async () => {
    await app?.cerrar();
    await base?.cerrar();
  });

  it('no es superusuario ni dueño: no puede cambiar, borrar ni vaciar la bitácora, ni apagar sus disparadores', async () => {
    base = await crearBaseDePrueba();
    app = conectar(base.urlApp);
    const { rows } = await sql<{
      usuario: string;
      superusuario: boolean;
    }>`SELECT current_user AS usuario, rolsuper AS superusuario FROM pg_roles WHERE rolname = current_user`.execute(
      app.db,
    );
    expect(rows[0]).toEqual({ usuario: 'recupera_app', superusuario: false });

    // What it must do still works: append through the sealing, and read.
    await anotar(app.db, 1);
    const fila = await app.db.selectFrom('bitacora').select('id').executeTakeFirstOrThrow();

    // Refused by privileges, before the bitácora's own triggers (which refuse with the same code).
    const { rows: privilegios } = await sql<{ privilegio: string; tiene: boolean }>`
      SELECT p AS privilegio, has_table_privilege(current_user, t, p) AS tiene
        FROM unnest(ARRAY['bitacora', 'bitacora_entrada']) AS t,
             unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES']) AS p`.execute(
      app.db,
    );
    expect(privilegios.filter((p) => p.tiene)).toEqual([]);
    const prohibido = { code: '42501' }; // insufficient_privilege
    for (const sentencia of [
      sql`UPDATE bitacora SET accion = 'x' WHERE id = ${fila.id}`,
      sql`DELETE FROM bitacora WHERE id = ${fila.id}`,
      sql`TRUNCATE bitacora`,
      sql`ALTER TABLE bitacora DISABLE TRIGGER ALL`,
      sql`ALTER TABLE bitacora_entrada DISABLE TRIGGER ALL`,
      sql`SET session_replication_role = replica`,
      sql`INSERT INTO bitacora (id, instante, accion, hash_anterior, hash)
          VALUES (999, now(), 'falsa', repeat('0', 64), repeat('1', 64))`,
      sql`DELETE FROM bitacora_entrada`,
      sql`SELECT nextval('bitacora_id_seq')`,
      sql`DELETE FROM migraciones`,
      sql`TRUNCATE solicitudes_idempotentes`,
      sql`CREATE TABLE intrusa (x int)`,
    ]) {
      await expect(sentencia.execute(app.db), sentencia.compile(app.db).sql).rejects.toMatchObject(
        prohibido,
      );
    }
    expect(await verificarBitacora(base.db)).toEqual({ valida: true, filas: 1 });
  }, 60_000);
});
