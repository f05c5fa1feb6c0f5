import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon, { type Opciones, type Resultado } from 'autocannon';
import { sql } from 'kysely';
import { conectar } from '../src/db/conexion.ts';
import { migrar } from '../src/db/migrar.ts';
import { calcularAntiguedad } from '../src/modules/cartera/calcular-antiguedad.ts';
import { cargarCarteraDemo } from '../src/modules/demo/cargar-cartera-demo.ts';
import { CONTRASENA_DEMO, cargarDemo } from '../src/modules/demo/cargar-demo.ts';
import { relojDelSistema } from '../src/plataforma/reloj-sistema.ts';
import { puertoLibre, Servidor } from '../test/soporte/fiabilidad.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';

/**
 * The prescription list (issue 10's goal: `GET /api/prescripcion?dias=180` p95 under 300 ms on
 * the 300,000-acreditado demo portfolio, about two million pagarés), against the real server
 * process, as the coordinador of Hermosillo (his office) and as the administrador (the whole
 * institute), `--conexiones` users at once for `--segundos` each, with autocannon.
 *
 * The demo signs no convenios and files no lawsuits, so acts that restart the term are added
 * (one active credit in 50 with an acknowledgment, one in 250 with a lawsuit, over the last
 * three years): the list must find pagarés whose term an act moved into or out of the window.
 * They go in with foreign keys off (a convenio and a turnado of their own would be set-up,
 * not load): only their dates and credits matter to the list.
 *
 *   npx tsx bench/prescripcion.ts [--acreditados 300000] [--segundos 15] [--conexiones 2]
 *   npx tsx bench/prescripcion.ts --base postgres://…   (a database this bench built before)
 *   (or: npm run bench -- prescripcion …)
 *
 * Database: DATABASE_URL's server, else an embedded one (see servidor-de-base.ts).
 */
const { values } = parseArgs({
  options: {
    acreditados: { type: 'string', default: '300000' },
    segundos: { type: 'string', default: '15' },
    conexiones: { type: 'string', default: '2' },
    base: { type: 'string' },
  },
});
const tamano = Number(values.acreditados);
const reloj = relojDelSistema('America/Hermosillo');
const ctx = { reloj, ip: null };
const segundos = (desde: number) => ((performance.now() - desde) / 1000).toFixed(1);
const miles = (x: number) => x.toLocaleString('es-MX');
const carga = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

console.log(`Carga de la máquina al empezar: ${carga()}`);
const base = values.base
  ? { ...conectar(values.base), url: values.base }
  : await baseParaBenchmark('prescripcion');
process.env.LIMITE_POR_MINUTO ??= '1000000';
const servidor = new Servidor(base.url, await puertoLibre());
try {
  if (values.base) {
    await migrar(base.db);
  } else {
    let t0 = performance.now();
    const cartera = await base.db.transaction().execute(async (trx) => {
      await cargarDemo(trx, ctx);
      return cargarCarteraDemo(trx, { acreditados: tamano, semilla: 1996 }, ctx);
    });
    console.log(
      `Cartera de ${miles(tamano)} acreditados (${miles(cartera.creditos)} créditos) en ${segundos(t0)} s.`,
    );
    t0 = performance.now();
    await base.db
      .transaction()
      .execute((trx) => calcularAntiguedad(trx, reloj.hoy(), { ...ctx, actor: null }));
    console.log(`Antigüedad de hoy en ${segundos(t0)} s.`);
    await base.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`
        INSERT INTO reconocimientos_de_adeudo (credito_id, convenio_id, fecha)
        SELECT id, 1000000 + id, ${reloj.hoy()}::date - 1095 + (id % 1000)
          FROM creditos WHERE id % 50 = 7 AND estado = 'activo'
      `.execute(trx);
      await sql`
        INSERT INTO actuaciones_juridicas (turnado_id, credito_id, estado, fecha, juzgado,
                                          expediente_judicial, registrado_por, registrado_en)
        SELECT 1, id, 'demanda_presentada', ${reloj.hoy()}::date - 1095 + (id % 1000),
               'Juzgado Primero de lo Mercantil', id || '/2025',
               (SELECT min(id) FROM usuarios), now()
          FROM creditos WHERE id % 250 = 11
      `.execute(trx);
    });
  }
  await sql`VACUUM ANALYZE`.execute(base.db);
  const [pagares, actos] = await Promise.all([
    base.db
      .selectFrom('ministraciones')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    sql<{ r: string; d: string }>`
      SELECT (SELECT count(*) FROM reconocimientos_de_adeudo) AS r,
             (SELECT count(*) FROM actuaciones_juridicas WHERE estado = 'demanda_presentada') AS d
    `.execute(base.db),
  ]);
  console.log(
    `${miles(Number(pagares.n))} pagarés; ${miles(Number(actos.rows[0]?.r))} reconocimientos de adeudo, ${miles(Number(actos.rows[0]?.d))} demandas.`,
  );

  await servidor.arrancar();
  const url = `http://127.0.0.1:${servidor.puerto}`;
  const entrar = async (usuario: string) => {
    const r = await fetch(`${url}/api/sesion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ usuario, contrasena: CONTRASENA_DEMO }),
    });
    if (!r.ok) throw new Error(`no entró ${usuario}: ${await r.text()}`);
    return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  const cookies = { coordinador: await entrar('coordinador'), admin: await entrar('admin') };
  const percentil = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ??
    0;
  const correr = (opciones: Opciones, tiempos: number[]) =>
    new Promise<Resultado>((resolver, rechazar) => {
      const instancia = autocannon(opciones, (e, r) => (e ? rechazar(e) : resolver(r)));
      instancia.on('response', (_c, _estado, _bytes, ms) => tiempos.push(ms));
    });

  const solicitudes: Array<[string, keyof typeof cookies, string]> = [
    ['coordinador de Hermosillo, 180 días', 'coordinador', '/api/prescripcion?dias=180'],
    ['administrador, todo el instituto, 180 días', 'admin', '/api/prescripcion?dias=180'],
    ['coordinador, 30 días', 'coordinador', '/api/prescripcion?dias=30'],
    [
      'coordinador, 180 días con los prescritos',
      'coordinador',
      '/api/prescripcion?dias=180&incluirPrescritos=si',
    ],
  ];
  console.log(
    `\n${values.conexiones} conexiones, ${values.segundos} s por solicitud (meta: p95 < 300 ms); carga: ${carga()}\n`,
  );
  console.log(
    '| solicitud | pagarés (total / enviados) | KB | n | p50 ms | p95 ms | p99 ms | no 2xx |\n| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const [nombre, quien, ruta] of solicitudes) {
    const primera = await fetch(`${url}${ruta}`, { headers: { cookie: cookies[quien] } });
    const texto = await primera.text();
    if (!primera.ok) throw new Error(`${ruta}: ${primera.status} ${texto}`);
    const cuerpo = JSON.parse(texto) as { total: number; pagares: unknown[] };
    const tiempos: number[] = [];
    const r = await correr(
      {
        url,
        connections: Number(values.conexiones),
        duration: Number(values.segundos),
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              method: 'GET',
              path: ruta,
              headers: { cookie: cookies[quien] },
            }),
          },
        ],
      },
      tiempos,
    );
    console.log(
      `| ${nombre} | ${miles(cuerpo.total)} / ${miles(cuerpo.pagares.length)} | ${miles(Math.round(texto.length / 1024))} | ${miles(tiempos.length)} | ${percentil(tiempos, 50).toFixed(0)} | ${percentil(tiempos, 95).toFixed(0)} | ${percentil(tiempos, 99).toFixed(0)} | ${r.non2xx} |`,
    );
  }
  console.log(`\nCarga de la máquina al terminar: ${carga()}`);
} finally {
  await servidor.detener();
  await base.cerrar();
}
