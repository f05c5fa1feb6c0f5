import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon, { type Opciones, type Resultado } from 'autocannon';
import { sql } from 'kysely';
import { sumarDias } from '../src/domain/fecha.ts';
import { mesAnterior, mesDeFecha } from '../src/domain/metas/mes.ts';
import { calcularAntiguedad } from '../src/modules/cartera/calcular-antiguedad.ts';
import { Aleatorio } from '../src/modules/demo/aleatorio.ts';
import { cargarCarteraDemo } from '../src/modules/demo/cargar-cartera-demo.ts';
import { CONTRASENA_DEMO, cargarDemo } from '../src/modules/demo/cargar-demo.ts';
import { cargarIndicadoresDemo } from '../src/modules/demo/cargar-indicadores-demo.ts';
import {
  materializarHechos,
  materializarMes,
} from '../src/modules/indicadores/materializar-hechos.ts';
import { relojDelSistema } from '../src/plataforma/reloj-sistema.ts';
import { puertoLibre, Servidor } from '../test/soporte/fiabilidad.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';

/**
 * Metas e indicadores on the demo portfolio with twelve months of history (issue 11's goals),
 * against the real server process:
 *
 * (a) the dashboards' requests (GET /api/indicadores at each level, as each role's dashboard
 *     asks them, and GET /api/metas), `--conexiones` users at once for `--segundos` each, with
 *     autocannon: p95 under 300 ms;
 * (b) the nightly facts job (yesterday and today, as the job after the aging runs it) and a
 *     whole month recomputed: under 2 minutes;
 * (c) the month's XLSX of an office and of the institute: under 10 s.
 *
 * The history is the demo's own (cargarIndicadoresDemo: month-end agings, a year of facts and
 * goals), loaded as the first `npm start` loads it, and timed.
 *
 *   npx tsx bench/indicadores.ts [--acreditados 300000] [--segundos 15] [--conexiones 10]
 *   (or: npm run bench -- indicadores …)
 *
 * Database: DATABASE_URL's server, else an embedded one (see servidor-de-base.ts).
 */
const { values } = parseArgs({
  options: {
    acreditados: { type: 'string', default: '300000' },
    segundos: { type: 'string', default: '15' },
    conexiones: { type: 'string', default: '10' },
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
const base = await baseParaBenchmark('indicadores');
process.env.LIMITE_POR_MINUTO ??= '1000000';
const servidor = new Servidor(base.url, await puertoLibre());
try {
  let t0 = performance.now();
  const cartera = await base.db.transaction().execute(async (trx) => {
    await cargarDemo(trx, ctx);
    return cargarCarteraDemo(trx, { acreditados: tamano, semilla: 1996 }, ctx);
  });
  console.log(
    `Cartera de ${miles(tamano)} acreditados (${miles(cartera.creditos)} créditos, ${miles(cartera.movimientos)} movimientos, ${miles(cartera.gestion.gestiones)} gestiones, ${miles(cartera.gestion.promesas)} promesas) en ${segundos(t0)} s.`,
  );
  t0 = performance.now();
  await base.db
    .transaction()
    .execute((trx) => calcularAntiguedad(trx, reloj.hoy(), { ...ctx, actor: null }));
  console.log(`Antigüedad de hoy en ${segundos(t0)} s.`);
  t0 = performance.now();
  const historia = await base.db
    .transaction()
    .execute((trx) => cargarIndicadoresDemo(trx, ctx, new Aleatorio(1996 ^ 0x1d1ca)));
  console.log(
    `Historia de indicadores (${miles(historia.antiguedades)} antigüedades de cierre, ${historia.diasMaterializados} días de hechos, ${miles(historia.metas)} metas) en ${segundos(t0)} s.`,
  );
  await sql`VACUUM ANALYZE`.execute(base.db);

  // (b) The nightly job's facts: yesterday (now complete) and today; then a whole month.
  const hoy = reloj.hoy();
  const mesPasado = mesAnterior(mesDeFecha(hoy));
  console.log(`\nCarga de la máquina antes de medir: ${carga()}`);
  const trabajos: Array<[string, number]> = [];
  for (let i = 0; i < 3; i++) {
    t0 = performance.now();
    await materializarHechos(base.db, sumarDias(hoy, -1), hoy, ctx);
    trabajos.push(['Trabajo nocturno (ayer y hoy)', (performance.now() - t0) / 1000]);
  }
  t0 = performance.now();
  const mes = await materializarMes(base.db, mesPasado, ctx);
  trabajos.push([
    `Mes ${mesPasado} recalculado (${mes.dias} días)`,
    (performance.now() - t0) / 1000,
  ]);
  console.log('\n| trabajo | s |\n| --- | --- |');
  for (const [nombre, s] of trabajos) console.log(`| ${nombre} | ${s.toFixed(2)} |`);

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
  const cookies = {
    gestor: await entrar('gestor'),
    coordinador: await entrar('coordinador'),
    admin: await entrar('admin'),
  };
  const hmo = await base.db
    .selectFrom('oficinas')
    .select('id')
    .where('clave', '=', 'HMO')
    .executeTakeFirstOrThrow();

  const percentil = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ??
    0;

  // (a) Each request of the dashboards, as its role asks it, this month and last.
  const solicitudes: Array<[string, keyof typeof cookies, string]> = [];
  for (const m of [mesDeFecha(hoy), mesPasado]) {
    solicitudes.push(
      [`gestor, su fila (${m})`, 'gestor', `/api/indicadores?mes=${m}&nivel=gestor`],
      [
        `coordinador, oficina (${m})`,
        'coordinador',
        `/api/indicadores?mes=${m}&nivel=oficina&oficinaId=${hmo.id}`,
      ],
      [
        `coordinador, sus gestores (${m})`,
        'coordinador',
        `/api/indicadores?mes=${m}&nivel=gestor&oficinaId=${hmo.id}`,
      ],
      [`administrador, instituto (${m})`, 'admin', `/api/indicadores?mes=${m}&nivel=instituto`],
      [`administrador, oficinas (${m})`, 'admin', `/api/indicadores?mes=${m}&nivel=oficina`],
      [
        `administrador, todos los gestores (${m})`,
        'admin',
        `/api/indicadores?mes=${m}&nivel=gestor`,
      ],
    );
  }
  solicitudes.push([
    'coordinador, metas del mes',
    'coordinador',
    `/api/metas?mes=${mesDeFecha(hoy)}`,
  ]);
  const correr = (opciones: Opciones, tiempos: number[]) =>
    new Promise<Resultado>((resolver, rechazar) => {
      const instancia = autocannon(opciones, (e, r) => (e ? rechazar(e) : resolver(r)));
      instancia.on('response', (_c, _estado, _bytes, ms) => tiempos.push(ms));
    });
  console.log(
    `\n${values.conexiones} conexiones, ${values.segundos} s por solicitud (meta: p95 < 300 ms); carga: ${carga()}\n`,
  );
  console.log(
    '| solicitud | n | p50 ms | p95 ms | p99 ms | no 2xx |\n| --- | --- | --- | --- | --- | --- |',
  );
  for (const [nombre, quien, ruta] of solicitudes) {
    // The first read of a month may materialize its missing days: outside the figures.
    const primera = await fetch(`${url}${ruta}`, { headers: { cookie: cookies[quien] } });
    if (!primera.ok) throw new Error(`${ruta}: ${primera.status} ${await primera.text()}`);
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
      `| ${nombre} | ${miles(tiempos.length)} | ${percentil(tiempos, 50).toFixed(0)} | ${percentil(tiempos, 95).toFixed(0)} | ${percentil(tiempos, 99).toFixed(0)} | ${r.non2xx} |`,
    );
  }

  // (c) The month's report, as a person downloads it: one at a time.
  console.log(`\nReporte del mes ${mesPasado} (meta: < 10 s); carga: ${carga()}\n`);
  console.log('| reporte | bytes | 1.ª s | mediana de 3 s |\n| --- | --- | --- | --- |');
  for (const [nombre, quien, ruta] of [
    [
      'XLSX de Hermosillo (coordinador)',
      'coordinador',
      `/api/indicadores/reporte.xlsx?mes=${mesPasado}&oficinaId=${hmo.id}`,
    ],
    [
      'XLSX del instituto (administrador)',
      'admin',
      `/api/indicadores/reporte.xlsx?mes=${mesPasado}`,
    ],
    [
      'PDF de Hermosillo (coordinador)',
      'coordinador',
      `/api/indicadores/reporte.pdf?mes=${mesPasado}&oficinaId=${hmo.id}`,
    ],
  ] as const) {
    const veces: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 4; i++) {
      const inicio = performance.now();
      const r = await fetch(`${url}${ruta}`, { headers: { cookie: cookies[quien] } });
      bytes = (await r.arrayBuffer()).byteLength;
      if (!r.ok) throw new Error(`${ruta}: ${r.status}`);
      veces.push((performance.now() - inicio) / 1000);
    }
    const [primera = 0, ...resto] = veces;
    console.log(
      `| ${nombre} | ${miles(bytes)} | ${primera.toFixed(2)} | ${percentil(resto, 50).toFixed(2)} |`,
    );
  }
  console.log(`\nCarga de la máquina al terminar: ${carga()}`);
} finally {
  await servidor.detener();
  await base.cerrar();
}
