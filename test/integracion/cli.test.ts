import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

let base: BaseDePrueba;
// With DATABASE_URL set, the data folder only keeps the generated secrets.
const carpetaDatos = mkdtempSync(join(tmpdir(), 'recupera-cli-'));
const raiz = join(import.meta.dirname, '..', '..');

/** The real command, as `npm run recupera -- …` runs it, against this file's database. */
function recupera(args: string[], entrada = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: raiz,
    input: entrada,
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: base.url,
      DATA_DIR: carpetaDatos,
    },
  });
  return { codigo: r.status, salida: r.stdout, error: r.stderr };
}

beforeAll(async () => {
  base = await crearBaseDePrueba();
});
afterAll(async () => {
  await base.cerrar();
  rmSync(carpetaDatos, { recursive: true, force: true });
});

describe('línea de comandos', () => {
  it('--help lista los comandos', () => {
    const r = recupera(['--help']);
    expect(r.codigo).toBe(0);
    for (const c of ['migrar', 'demo', 'usuario crear', 'bitacora verificar', 'calcular'])
      expect(r.salida).toContain(c);
  });

  it('un comando desconocido sale con 2 y muestra la ayuda', () => {
    const r = recupera(['inventar']);
    expect(r.codigo).toBe(2);
    expect(r.error).toContain('Comando desconocido: inventar');
  });

  it('migrar es idempotente', () => {
    expect(recupera(['migrar'])).toMatchObject({ codigo: 0, salida: 'Base de datos al día.\n' });
  });

  it('usuario crear lee la contraseña de la entrada estándar y el usuario puede existir una sola vez', async () => {
    const r = recupera(
      [
        'usuario',
        'crear',
        '--usuario',
        'jefa',
        '--nombre',
        'Lucía Peñúñuri',
        '--rol',
        'administrador',
      ],
      'Una.Clave.Segura\n',
    );
    expect(r.error).toBe('');
    expect(r.salida).toMatch(/Usuario «jefa» creado/);
    const fila = await base.db
      .selectFrom('usuarios')
      .select(['nombre', 'rol'])
      .where('usuario', '=', 'jefa')
      .executeTakeFirstOrThrow();
    expect(fila).toEqual({ nombre: 'Lucía Peñúñuri', rol: 'administrador' });
    const otra = recupera(
      [
        'usuario',
        'crear',
        '--usuario',
        'jefa',
        '--nombre',
        'X',
        '--rol',
        'gestor',
        '--oficina',
        'NOG',
      ],
      'Una.Clave.Segura\n',
    );
    expect(otra.codigo).toBe(1);
    expect(otra.error).toContain('Ya existe el usuario «jefa».');
  });

  it('usuario crear rechaza un rol inexistente', () => {
    const r = recupera(
      ['usuario', 'crear', '--usuario', 'x1', '--nombre', 'X', '--rol', 'jefe'],
      'Una.Clave.Segura\n',
    );
    expect(r.codigo).toBe(1);
    expect(r.error).toMatch(/--rol debe ser uno de/);
  });

  it('demo no carga usuarios de demostración dos veces', () => {
    expect(recupera(['demo']).salida).toMatch(/Usuarios de demostración creados: 9/);
    expect(recupera(['demo']).salida).toMatch(/ya estaban cargados/);
  });

  it('bitacora verificar confirma la cadena y nombra la primera fila alterada', async () => {
    const integra = recupera(['bitacora', 'verificar']);
    expect(integra.codigo).toBe(0);
    const filas = await base.db
      .selectFrom('bitacora')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(filas.n)).toBeGreaterThanOrEqual(8);
    expect(integra.salida).toContain(`Bitácora íntegra: ${filas.n} filas verificadas`);
    const tercera = await base.db
      .selectFrom('bitacora')
      .select('id')
      .orderBy('id')
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow();
    await base.db.connection().execute(async (c) => {
      await sql`SET session_replication_role = replica`.execute(c);
      await sql`UPDATE bitacora SET actor_usuario = 'otro' WHERE id = ${tercera.id}`.execute(c);
    });
    const rota = recupera(['bitacora', 'verificar']);
    expect(rota.codigo).toBe(1);
    expect(rota.salida).toContain(`la fila ${tercera.id} su contenido no corresponde a su hash`);
  });
});

describe('antigüedad por línea de comandos', () => {
  it('rechaza una fecha inválida y calcula con una válida', async () => {
    const mala = recupera(['antiguedad', '--fecha', '2025-02-29']);
    expect(mala.codigo).toBe(1);
    expect(mala.error).toContain('--fecha debe ser una fecha real');
    const buena = recupera(['antiguedad', '--fecha', '2025-02-28']);
    const creditos = await base.db
      .selectFrom('creditos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(buena).toMatchObject({
      codigo: 0,
      salida: `Antigüedad al 28/02/2025: ${creditos.n} créditos.\n`,
    });
  });
});
