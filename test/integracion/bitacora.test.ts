import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrarEnBitacora } from '../../src/modules/bitacora/registrar-en-bitacora.ts';
import { verificarBitacora } from '../../src/modules/bitacora/verificar-bitacora.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

let base: BaseDePrueba;
const reloj = new RelojManual('2026-05-04T17:30:00.123Z');

async function anotar(n: number, detalle: Record<string, unknown> = {}) {
  await base.db
    .transaction()
    .execute((trx) =>
      registrarEnBitacora(
        trx,
        { actor: null, ip: '10.0.0.7', instante: reloj.ahora() },
        { accion: 'prueba.anotar', objetoTipo: 'prueba', objetoId: n, detalle },
      ),
    );
}

beforeAll(async () => {
  base = await crearBaseDePrueba();
});
afterAll(() => base.cerrar());

describe('bitácora a prueba de alteraciones', () => {
  it('encadena cada fila con la anterior, también con escrituras concurrentes', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        anotar(i, { nombre: 'José Núñez', monto: '1234.56', anidado: { z: 1, a: [1, 'ñ'] } }),
      ),
    );
    const r = await verificarBitacora(base.db);
    expect(r).toEqual({ valida: true, filas: 20 });
  });

  it('rechaza UPDATE, DELETE y TRUNCATE', async () => {
    await expect(
      sql`UPDATE bitacora SET accion = 'x' WHERE id = 1`.execute(base.db),
    ).rejects.toThrow(/solo admite inserciones/);
    await expect(sql`DELETE FROM bitacora WHERE id = 1`.execute(base.db)).rejects.toThrow(
      /solo admite inserciones/,
    );
    await expect(sql`TRUNCATE bitacora`.execute(base.db)).rejects.toThrow(
      /solo admite inserciones/,
    );
  });

  it('detecta una fila alterada por SQL directo saltándose los triggers, y la nombra', async () => {
    const victima = await base.db
      .selectFrom('bitacora')
      .select('id')
      .orderBy('id')
      .offset(7)
      .limit(1)
      .executeTakeFirstOrThrow();
    await base.db.connection().execute(async (c) => {
      await sql`SET session_replication_role = replica`.execute(c);
      await sql`UPDATE bitacora SET detalle = '{"monto": "1.00"}'::jsonb WHERE id = ${victima.id}`.execute(
        c,
      );
      await sql`SET session_replication_role = origin`.execute(c);
    });
    const r = await verificarBitacora(base.db);
    expect(r).toMatchObject({ valida: false, primeraRota: victima.id, filas: 7 });
  });

  it('detecta una fila borrada en medio de la cadena', async () => {
    const otra = await crearBaseDePrueba();
    try {
      const anotarEn = (i: number) =>
        otra.db
          .transaction()
          .execute((trx) =>
            registrarEnBitacora(
              trx,
              { actor: null, ip: null, instante: reloj.ahora() },
              { accion: 'prueba', objetoId: i },
            ),
          );
      for (let i = 0; i < 5; i++) await anotarEn(i);
      const ids = (await otra.db.selectFrom('bitacora').select('id').orderBy('id').execute()).map(
        (f) => f.id,
      );
      await otra.db.connection().execute(async (c) => {
        await sql`SET session_replication_role = replica`.execute(c);
        await sql`DELETE FROM bitacora WHERE id = ${ids[2]}`.execute(c);
      });
      expect(await verificarBitacora(otra.db)).toMatchObject({
        valida: false,
        primeraRota: ids[3],
      });
    } finally {
      await otra.cerrar();
    }
  });
});
