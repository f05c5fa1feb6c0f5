import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import PgBoss from 'pg-boss';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Conexion, conectar, type Db } from '../../src/db/conexion.ts';
import { migrar } from '../../src/db/migrar.ts';
import type { Centavos } from '../../src/domain/dinero.ts';
import { estadoDeCuentaAJson } from '../../src/domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { verificarBitacora } from '../../src/modules/bitacora/verificar-bitacora.ts';
import { calcularEstado } from '../../src/modules/cartera/calcular-estado.ts';
import { cargarCredito } from '../../src/modules/cartera/cargar-credito.ts';
import type { ContextoAutenticado } from '../../src/modules/contexto.ts';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import {
  guardarPorContenido,
  recibirEscaneo,
} from '../../src/modules/expedientes/escaneos/almacen-de-escaneos.ts';
import { registrarPago } from '../../src/modules/pagos/registrar-pago.ts';
import { leerConfig } from '../../src/plataforma/config.ts';
import {
  iniciarPostgresEmbebido,
  type PostgresEmbebido,
} from '../../src/plataforma/postgres-embebido.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { enlazarEscaneos } from '../../src/plataforma/respaldos/escaneos.ts';
import { buscarPrograma } from '../../src/plataforma/respaldos/herramientas-pg.ts';
import { programarRespaldos } from '../../src/plataforma/respaldos/programar-respaldos.ts';
import { AVISO_DE_ESCANEOS, respaldar } from '../../src/plataforma/respaldos/respaldar.ts';
import { restaurar } from '../../src/plataforma/respaldos/restaurar.ts';
import { secretosDeCarpeta } from '../../src/plataforma/secretos.ts';
import { crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

/**
 * Backups that restore: taken while payments are being posted, restored into an empty data
 * folder and started, the restored database holds exactly what the original had committed.
 */

const raiz = join(import.meta.dirname, '..', '..');
const ZONA = 'America/Hermosillo';
const reloj = new RelojManual('2026-03-10T18:00:00Z', ZONA);
const HOY = '2026-03-10' as Fecha;
const carpetas: string[] = [];

function carpetaNueva(): string {
  const c = mkdtempSync(join(tmpdir(), 'recupera-respaldo-'));
  chmodSync(c, 0o755); // as root, the server runs as its own user, who must reach it
  carpetas.push(c);
  return c;
}

const configDe = (carpetaDatos: string, databaseUrl: string | null = null) => ({
  carpetaDatos,
  databaseUrl,
  zonaHoraria: ZONA,
});

async function actorAdministrador(db: Db): Promise<ContextoAutenticado> {
  await db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
  const admin = await db
    .selectFrom('usuarios')
    .select(['id', 'usuario', 'nombre'])
    .where('usuario', '=', 'admin')
    .executeTakeFirstOrThrow();
  return {
    reloj,
    ip: null,
    actor: { ...admin, rol: 'administrador', oficinaId: null, despachoId: null },
  };
}

async function crearCreditos(db: Db, cuantos: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < cuantos; i++) {
    ids.push((await guardarCaso(db, casoPublicado('01-pago-parcial-con-atraso.json'))).id);
  }
  return ids;
}

const UN_PESO = 100 as Centavos;

function pagar(db: Db, creditoId: number, ctx: ContextoAutenticado, referencia: string) {
  return db.transaction().execute((trx) =>
    registrarPago(
      trx,
      creditoId,
      {
        fecha: null,
        monto: UN_PESO,
        canal: 'banco',
        referencia,
        excedente: 'reducir_plazo',
      },
      ctx,
    ),
  );
}

/** One loop per credit posting payments through the real use case until told to stop. */
function publicarPagos(db: Db, creditos: number[], ctx: ContextoAutenticado) {
  let seguir = true;
  let publicados = 0;
  const bucles = creditos.map(async (id) => {
    while (seguir) {
      await pagar(db, id, ctx, `R-${id}-${publicados}`);
      publicados++;
    }
  });
  return {
    publicados: () => publicados,
    detener: async () => {
      seguir = false;
      await Promise.all(bucles);
      return publicados;
    },
  };
}

const movimientos = (db: Db) => db.selectFrom('movimientos').selectAll().orderBy('id').execute();
const bitacora = (db: Db) =>
  db.selectFrom('bitacora').select(['id', 'hash']).orderBy('id').execute();
const contarPagos = async (db: Db) =>
  (
    await db
      .selectFrom('movimientos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tipo', '=', 'pago')
      .executeTakeFirstOrThrow()
  ).n;

async function estados(db: Db, creditos: number[]) {
  const r = [];
  for (const id of creditos)
    r.push(estadoDeCuentaAJson(calcularEstado(await cargarCredito(db, id), HOY)));
  return r;
}

interface Instalacion {
  datos: string;
  servidor: PostgresEmbebido;
  conexion: Conexion;
  cerrar(): Promise<void>;
}

/** Starts an installation's embedded server as the app would (its secretos.json). */
async function abrir(datos: string): Promise<Instalacion> {
  const { contrasenaPostgres } = JSON.parse(readFileSync(join(datos, 'secretos.json'), 'utf8')) as {
    contrasenaPostgres: string;
  };
  const servidor = await iniciarPostgresEmbebido(
    datos,
    contrasenaPostgres,
    () => {},
    () => {},
  );
  const conexion = conectar(servidor.url);
  let abierta = true;
  return {
    datos,
    servidor,
    conexion,
    cerrar: async () => {
      if (!abierta) return;
      abierta = false;
      await conexion.cerrar();
      await servidor.detener();
    },
  };
}

/**
 * A scan stored the way an upload stores it (DATA_DIR/escaneos/<2 hex>/<sha256>): a PDF header
 * and random bytes, several tar blocks long. Returns its path inside DATA_DIR and its bytes.
 */
async function guardarEscaneo(datos: string): Promise<{ ruta: string; bytes: Buffer }> {
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000)]);
  const recibido = await recibirEscaneo(Readable.from([bytes]), datos);
  const { ruta } = await guardarPorContenido(datos, recibido);
  return { ruta: relative(datos, ruta), bytes };
}

function cli(args: string[], datos: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: raiz,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: datos, DATABASE_URL: '' },
  });
}

afterAll(() => {
  for (const c of carpetas) rmSync(c, { recursive: true, force: true });
});

// With TEST_DATABASE_URL (CI's PostgreSQL 15 run) these run on the embedded server anyway:
// once, in the embedded run, is enough.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('respaldo de la base embebida', () => {
  let original: Instalacion;
  let ctx: ContextoAutenticado;
  let creditos: number[];
  const respaldos = carpetaNueva();

  beforeAll(async () => {
    const datos = carpetaNueva();
    secretosDeCarpeta(datos);
    original = await abrir(datos);
    await migrar(original.conexion.db);
    ctx = await actorAdministrador(original.conexion.db);
    creditos = await crearCreditos(original.conexion.db, 4);
  });
  afterAll(() => original?.cerrar());

  it('tomado mientras se registran pagos, restaurado y arrancado: bitácora íntegra y los mismos pagos', async () => {
    const { db } = original.conexion;
    const pagos = publicarPagos(db, creditos, ctx);
    try {
      while (pagos.publicados() < 20) await new Promise((r) => setTimeout(r, 20));
      const antes = await contarPagos(db);
      const publicadosAntes = pagos.publicados();
      const r = await respaldar(configDe(original.datos), {
        destino: join(respaldos, 'en-marcha.tar.gz'),
        reloj,
      });
      // Payments kept being posted while the files were copied.
      expect(pagos.publicados()).toBeGreaterThan(publicadosAntes);
      expect(r.tipo).toBe('embebido');
      expect(r.bytes).toBeGreaterThan(0);
      await pagos.detener();

      const destino = carpetaNueva();
      await restaurar(configDe(destino), r.ruta);
      const restaurada = await abrir(destino);
      try {
        const rdb = restaurada.conexion.db;
        const verificacion = await verificarBitacora(rdb);
        expect(verificacion.valida).toBe(true);
        // Everything committed before the backup began is there...
        expect(await contarPagos(rdb)).toBeGreaterThanOrEqual(antes);
        // ...and every movement there is the original's, column by column.
        const deOriginal = new Map((await movimientos(db)).map((m) => [m.id, m]));
        const restaurados = await movimientos(rdb);
        for (const m of restaurados) expect(m).toEqual(deOriginal.get(m.id));
        // The restored chain is the original's, up to where the backup ended.
        const cadena = new Map((await bitacora(db)).map((b) => [b.id, b.hash]));
        for (const b of await bitacora(rdb)) expect(b.hash).toBe(cadena.get(b.id));
      } finally {
        await restaurada.cerrar();
      }
    } finally {
      await pagos.detener();
    }
  }, 90_000);

  it('después de los pagos, cada estado de cuenta restaurado es igual al original, campo por campo', async () => {
    const { db } = original.conexion;
    const r = await respaldar(configDe(original.datos), {
      destino: join(respaldos, 'quieto.tar.gz'),
      reloj,
    });
    const destino = carpetaNueva();
    // An installation without scans: the archive is shaped as before they were carried.
    const restauracion = await restaurar(configDe(destino), r.ruta);
    expect(restauracion).toMatchObject({ tipo: 'embebido', escaneos: 0 });
    expect(existsSync(join(destino, 'escaneos'))).toBe(false);
    const restaurada = await abrir(destino);
    try {
      const rdb = restaurada.conexion.db;
      expect(await estados(rdb, creditos)).toEqual(await estados(db, creditos));
      expect(await movimientos(rdb)).toEqual(await movimientos(db));
      expect(await bitacora(rdb)).toEqual(await bitacora(db));
      expect((await verificarBitacora(rdb)).valida).toBe(true);
    } finally {
      await restaurada.cerrar();
    }
  }, 60_000);

  it('los escaneos de DATA_DIR/escaneos viajan en el respaldo y vuelven byte por byte, sin tmp/', async () => {
    const escaneos = [await guardarEscaneo(original.datos), await guardarEscaneo(original.datos)];
    // An upload cut short: its temporary file is not a scan and stays out of the backup.
    writeFileSync(join(original.datos, 'escaneos', 'tmp', 'subida-a-medias'), '%PDF-1.7 a medias');
    const r = await respaldar(configDe(original.datos), {
      destino: join(respaldos, 'con-escaneos.tar.gz'),
      reloj,
    });
    const entradas: string[] = [];
    await tar.t({ file: r.ruta, onReadEntry: (e) => entradas.push(e.path) });
    expect(entradas.filter((e) => e.startsWith('escaneos/') && !e.endsWith('/')).sort()).toEqual(
      escaneos.map((e) => e.ruta).sort(),
    );
    // The originals are untouched by the backup (a hard link or a copy, removed after).
    for (const e of escaneos) expect(readFileSync(join(original.datos, e.ruta))).toEqual(e.bytes);

    const destino = carpetaNueva();
    const avisos: string[] = [];
    const restauracion = await restaurar(configDe(destino), r.ruta, (l) => avisos.push(l));
    expect(restauracion).toMatchObject({ tipo: 'embebido', escaneos: 2 });
    expect(avisos).toContain('Escaneos de los expedientes restaurados: 2.');
    for (const e of escaneos)
      expect(readFileSync(join(destino, e.ruta)).equals(e.bytes)).toBe(true);
    expect(existsSync(join(destino, 'escaneos', 'tmp'))).toBe(false);
  }, 60_000);

  // /dev/shm is another file system here: no hard link across, so the scans are copied.
  const otroDisco = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev;
  it.skipIf(!otroDisco)(
    'en otro sistema de archivos los escaneos se copian, no se enlazan',
    async () => {
      const destino = mkdtempSync('/dev/shm/recupera-escaneos-');
      carpetas.push(destino);
      const cuantos = await enlazarEscaneos(original.datos, join(destino, 'escaneos'));
      expect(cuantos).toBe(2);
      for (const sub of readdirSync(join(original.datos, 'escaneos')).filter((n) => n !== 'tmp'))
        for (const n of readdirSync(join(original.datos, 'escaneos', sub))) {
          const ruta = join('escaneos', sub, n);
          expect(readFileSync(join(destino, ruta))).toEqual(
            readFileSync(join(original.datos, ruta)),
          );
          expect(statSync(join(destino, ruta)).ino).not.toBe(
            statSync(join(original.datos, ruta)).ino,
          );
        }
    },
  );

  it('restaurar se niega sobre una instalación en marcha o con datos', async () => {
    const archivo = join(respaldos, 'quieto.tar.gz');
    await expect(restaurar(configDe(original.datos), archivo)).rejects.toThrow(
      /Recupera está en marcha con .* restaura en una carpeta de datos vacía/,
    );
    const conSecretos = carpetaNueva();
    writeFileSync(join(conSecretos, 'secretos.json'), '{}');
    const r = cli(['restaurar', archivo], conSecretos);
    expect(r.stderr).toMatch(/ya tiene una instalación .*secretos\.json.*no se sobrescribe nada/);
    expect(r.status).toBe(1);
    expect(readFileSync(join(conSecretos, 'secretos.json'), 'utf8')).toBe('{}');
  }, 30_000);

  it('un respaldo al que le falta su WAL no se restaura: lo dice y la carpeta queda vacía', async () => {
    const desarmado = carpetaNueva();
    await tar.x({ file: join(respaldos, 'quieto.tar.gz'), cwd: desarmado });
    for (const n of readdirSync(join(desarmado, 'pg', 'pg_wal')))
      if (/^[0-9A-F]{24}$/.test(n)) rmSync(join(desarmado, 'pg', 'pg_wal', n));
    const archivo = join(respaldos, 'sin-wal.tar.gz');
    await tar.c({ gzip: true, file: archivo, cwd: desarmado }, [
      'respaldo.json',
      'secretos.json',
      'pg',
    ]);
    const destino = carpetaNueva();
    await expect(restaurar(configDe(destino), archivo)).rejects.toThrow(
      /La restauración falló y se deshizo .*PostgreSQL no arrancó/,
    );
    expect(readdirSync(destino).filter((n) => n !== 'pg')).toEqual([]);
    expect(readdirSync(join(destino, 'pg'))).toEqual([]);
  }, 30_000);

  it('el trabajo nocturno respalda en DATA_DIR/respaldos y poda según la retención', async () => {
    const carpeta = join(original.datos, 'respaldos');
    mkdirSync(carpeta, { recursive: true });
    const viejo = 'recupera-2026-03-01-023000.tar.gz';
    writeFileSync(join(carpeta, viejo), 'un respaldo viejo');
    writeFileSync(join(carpeta, 'notas.txt'), 'del operador');
    const boss = new PgBoss({ connectionString: original.servidor.url, schema: 'trabajos' });
    boss.on('error', () => {});
    await boss.start();
    try {
      const config = leerConfig({
        DATA_DIR: original.datos,
        RESPALDOS_DIARIOS: '1',
        RESPALDOS_SEMANALES: '0',
        RESPALDOS_MENSUALES: '0',
      });
      // Another data folder: this process does not run its server, so no job is scheduled.
      await programarRespaldos(boss, reloj, ZONA, { ...config, carpetaDatos: carpetaNueva() });
      expect((await boss.getSchedules()).map((p) => p.name)).not.toContain('respaldo-nocturno');

      await programarRespaldos(boss, reloj, ZONA, config);
      const programa = (await boss.getSchedules()).find((p) => p.name === 'respaldo-nocturno');
      expect(programa).toMatchObject({ cron: '30 2 * * *', options: { tz: ZONA } });
      const id = await boss.send('respaldo-nocturno', {});
      if (!id) throw new Error('la cola no aceptó el trabajo');
      let estado = 'created';
      for (let i = 0; i < 300 && !['completed', 'failed'].includes(estado); i++) {
        await new Promise((r) => setTimeout(r, 100));
        estado = (await boss.getJobById('respaldo-nocturno', id))?.state ?? estado;
      }
      expect(estado).toBe('completed');
      expect(readdirSync(carpeta).sort()).toEqual([
        'notas.txt',
        'recupera-2026-03-10-110000.tar.gz',
      ]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }, 60_000);

  it('el respaldo de una instalación detenida (por la línea de comandos) también se restaura', async () => {
    const { db } = original.conexion;
    const esperados = { estados: await estados(db, creditos), movimientos: await movimientos(db) };
    await original.cerrar();
    const archivo = join(respaldos, 'detenida.tar.gz');
    const r = cli(['respaldo', '--destino', archivo], original.datos);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Recupera no está en marcha');
    expect(r.stdout).toMatch(new RegExp(`Respaldo escrito: ${archivo} \\([\\d.]+ (kB|MB)\\)\\.`));
    expect(r.status).toBe(0);

    const destino = carpetaNueva();
    const restauracion = await restaurar(configDe(destino), archivo);
    // The scans stored by the test before: the stopped path carries them too.
    expect(restauracion).toMatchObject({ tipo: 'embebido', escaneos: 2 });
    const restaurada = await abrir(destino);
    try {
      const rdb = restaurada.conexion.db;
      expect(await estados(rdb, creditos)).toEqual(esperados.estados);
      expect(await movimientos(rdb)).toEqual(esperados.movimientos);
    } finally {
      await restaurada.cerrar();
    }
  }, 60_000);
});

describe('respaldo con DATABASE_URL (pg_dump)', () => {
  it('sin pg_dump en el PATH dice qué usar y no escribe nada', async () => {
    const datos = carpetaNueva();
    const path = process.env.PATH;
    process.env.PATH = join(datos, 'sin-programas');
    try {
      await expect(
        respaldar(configDe(datos, 'postgres://recupera@127.0.0.1:1/recupera'), { reloj }),
      ).rejects.toThrow(/lo hace pg_dump, y no está en el PATH: instala el cliente de PostgreSQL/);
    } finally {
      process.env.PATH = path;
    }
    expect(existsSync(join(datos, 'respaldos'))).toBe(false);
  });

  it('el .dump no lleva los escaneos: si hay, el respaldo recuerda copiar DATA_DIR/escaneos', async () => {
    const base = await crearBaseDePrueba();
    const datos = carpetaNueva();
    // A stand-in pg_dump (any version the server has): this is about the line, not the dump.
    const programas = join(datos, 'programas');
    mkdirSync(programas);
    writeFileSync(
      join(programas, 'pg_dump'),
      '#!/bin/sh\nif [ "$1" = --version ]; then echo "pg_dump (PostgreSQL) 99.0"; exit 0; fi\n' +
        'for a; do case "$a" in --file=*) printf PGDMP > "$(echo "$a" | cut -d= -f2-)";; esac; done\n',
      { mode: 0o755 },
    );
    const path = process.env.PATH;
    process.env.PATH = `${programas}:${path}`;
    try {
      const avisos: string[] = [];
      const avisar = (l: string) => avisos.push(l);
      await respaldar(configDe(datos, base.url), { reloj, avisar, destino: join(datos, 'a.dump') });
      expect(avisos).toEqual([]);
      await guardarEscaneo(datos);
      const r = await respaldar(configDe(datos, base.url), {
        reloj,
        avisar,
        destino: join(datos, 'b.dump'),
      });
      expect(r.tipo).toBe('externo');
      expect(avisos).toEqual([AVISO_DE_ESCANEOS]);
    } finally {
      process.env.PATH = path;
      await base.cerrar();
    }
  });

  it('pg_dump y pg_restore: la base restaurada tiene los mismos pagos y estados de cuenta', async (prueba) => {
    const base = await crearBaseDePrueba();
    const urlServidor = inject('urlServidor');
    const admin = new pg.Client(urlServidor);
    await admin.connect();
    const nombre = `restaurada_${randomBytes(6).toString('hex')}`;
    try {
      const mayor = Math.floor(
        Number((await admin.query("SELECT current_setting('server_version_num') AS v")).rows[0].v) /
          10000,
      );
      // pg_dump refuses a server newer than itself (CI's PostgreSQL 15 run has a match).
      const pgDump = buscarPrograma('pg_dump');
      if (!pgDump || !buscarPrograma('pg_restore') || pgDump.mayor < mayor) prueba.skip();

      const ctx = await actorAdministrador(base.db);
      const creditos = await crearCreditos(base.db, 2);
      for (let i = 0; i < 5; i++)
        for (const id of creditos) await pagar(base.db, id, ctx, `D-${i}`);
      const datos = carpetaNueva();
      const r = await respaldar(configDe(datos, base.url), { reloj });
      expect(r.tipo).toBe('externo');
      expect(r.ruta).toMatch(/respaldos\/recupera-2026-03-10-110000\.dump$/);

      await admin.query(`CREATE DATABASE ${nombre}`);
      const url = new URL(base.url);
      url.pathname = `/${nombre}`;
      await restaurar(configDe(datos, url.toString()), r.ruta);
      const restaurada = conectar(url.toString());
      try {
        expect(await estados(restaurada.db, creditos)).toEqual(await estados(base.db, creditos));
        expect(await movimientos(restaurada.db)).toEqual(await movimientos(base.db));
        expect((await verificarBitacora(restaurada.db)).valida).toBe(true);
      } finally {
        await restaurada.cerrar();
      }
      await expect(restaurar(configDe(datos, url.toString()), r.ruta)).rejects.toThrow(
        /ya tiene \d+ tablas: restaura en una base vacía/,
      );
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${nombre} WITH (FORCE)`);
      await admin.end();
      await base.cerrar();
    }
  }, 60_000);
});
