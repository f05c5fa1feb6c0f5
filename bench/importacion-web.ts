/**
 * Benchmark of the whole portfolio through the web (issue 17, item 1): the synthetic book of
 * 50,000 credits (bench/importacion.ts's generator, the demo portfolio as the import's CSV
 * files, 274 MB) zipped as a person would zip the folder, posted as `application/zip` to
 * `POST /api/importaciones` of a real server process (`src/main.ts`, its own database), and
 * followed as the screen follows it. Every 200 ms, from the first byte sent to the job's end, it
 * samples the server's resident memory (VmRSS of /proc/<pid>/status, all its threads; VmHWM, the
 * kernel's high-water mark, at the end) and asks `/api/salud`, timing the answer.
 *
 *   npx tsx bench/importacion-web.ts [--creditos 50000]     (or: npm run bench -- importacion-web)
 *   HEAP_SERVIDOR_MB=1024 npx tsx bench/importacion-web.ts  (the server's heap capped)
 *
 * Goals: the server's memory under 1 GiB; `/api/salud` never waits more than 1 s.
 * Database: DATABASE_URL's server, else an embedded one.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cargarDemo } from '../src/modules/demo/cargar-demo.ts';
import { relojDelSistema } from '../src/plataforma/reloj-sistema.ts';
import { escribirZip } from '../test/soporte/zip.ts';
import { generarCsv } from './importacion.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';
import { arrancarServidor, entrarComoAdmin, memoria } from './servidor-hijo.ts';

const reloj = relojDelSistema('America/Hermosillo');
const MB = 1024 * 1024;
const CADA_MS = 200;

/** CPU seconds (user + system) the process has used, all its threads: /proc/<pid>/stat. */
function cpuDe(pid: number): number {
  const campos = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command's name.
  return (Number(campos[11]) + Number(campos[12])) / 100;
}

const percentil = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;
const segundos = (desde: number) => ((performance.now() - desde) / 1000).toFixed(1);

async function principal(): Promise<void> {
  const carpeta = mkdtempSync(join(tmpdir(), 'recupera-bench-web-'));
  const csv = join(carpeta, 'cartera');
  mkdirSync(csv);
  let t = performance.now();
  const generados = generarCsv(csv);
  // The folder zipped as Windows does it: the folder's name inside, each sheet deflated.
  const nombres = readdirSync(csv).sort();
  const zip = escribirZip(
    nombres.map((n) => ({ nombre: `cartera/${n}`, datos: readFileSync(join(csv, n)) })),
  );
  const crudos = nombres.reduce((s, n) => s + readFileSync(join(csv, n)).length, 0);
  writeFileSync(join(carpeta, 'cartera.zip'), zip);
  console.log(
    `Libro: ${generados.creditos.toLocaleString('es-MX')} créditos, ${generados.personas.toLocaleString('es-MX')} personas; ${(crudos / MB).toFixed(0)} MB de CSV, ${(zip.length / MB).toFixed(0)} MB en ZIP (${segundos(t)} s)`,
  );
  rmSync(csv, { recursive: true, force: true });

  const base = await baseParaBenchmark('importacion_web');
  // Only the users: the book brings its own products and every credit.
  await base.db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
  // HEAP_SERVIDOR_MB caps the server's V8 heap (--max-old-space-size), to tell its live set
  // from garbage a roomy heap has not collected yet.
  const tope = process.env.HEAP_SERVIDOR_MB;
  const opciones = tope ? [`--max-old-space-size=${tope}`] : [];
  const servidor = await arrancarServidor(base.url, carpeta, opciones);
  const { hijo, url, pid } = servidor;
  try {
    const { cookie, csrf } = await entrarComoAdmin(url);
    const antes = memoria(pid, 'VmRSS');
    const rss: number[] = [];
    const cargas: number[] = [];
    const demoras: number[] = [];
    const cpuAntes = cpuDe(pid);
    let enMarcha = true;
    const muestreo = (async () => {
      while (enMarcha) {
        rss.push(memoria(pid, 'VmRSS'));
        cargas.push(loadavg()[0] ?? 0);
        await new Promise((r) => setTimeout(r, CADA_MS));
      }
    })();
    const sondeo = (async () => {
      while (enMarcha) {
        const t0 = performance.now();
        await (await fetch(`${url}/api/salud`)).arrayBuffer();
        demoras.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, CADA_MS));
      }
    })();
    const carga = loadavg().map((x) => x.toFixed(1));
    t = performance.now();
    const r = await fetch(`${url}/api/importaciones`, {
      method: 'POST',
      headers: {
        cookie,
        'x-csrf-token': csrf,
        'content-type': 'application/zip',
        'x-nombre-archivo': 'cartera.zip',
        prefer: 'respond-async',
      },
      body: zip,
    });
    const respuesta = (await r.json()) as { trabajo?: string };
    const subida = segundos(t);
    if (!respuesta.trabajo)
      throw new Error(`sin trabajo: ${r.status} ${JSON.stringify(respuesta)}`);
    let estado: {
      estado: string;
      avance: unknown;
      resultado: { importado: boolean; errores: unknown[]; conteos: unknown } | null;
      error: unknown;
    };
    for (;;) {
      await new Promise((listo) => setTimeout(listo, 2_000));
      try {
        estado = (await (
          await fetch(`${url}/api/importaciones/trabajos/${respuesta.trabajo}`, {
            headers: { cookie },
          })
        ).json()) as typeof estado;
      } catch (e) {
        // A heap too small for the import takes the server down: say so, with its last words.
        await new Promise((r) => setTimeout(r, 500));
        throw new Error(
          `el servidor no contestó (${hijo.exitCode === null ? 'sigue vivo' : `terminó con ${hijo.exitCode ?? hijo.signalCode}`}) a los ${segundos(t)} s, RSS ${rss.at(-1)?.toFixed(0)} MB:\n${servidor.salida().slice(-800)}`,
          { cause: e },
        );
      }
      console.log(
        `  ${segundos(t)} s`,
        JSON.stringify(estado.avance),
        `RSS ${rss.at(-1)?.toFixed(0)} MB`,
      );
      if (!['pendiente', 'en_curso'].includes(estado.estado)) break;
    }
    const total = segundos(t);
    enMarcha = false;
    await Promise.all([muestreo, sondeo]);
    const pico = memoria(pid, 'VmHWM');
    const cpu = cpuDe(pid) - cpuAntes;
    const cargaMedia = cargas.reduce((a, b) => a + b, 0) / Math.max(1, cargas.length);
    console.log(
      `CPU del servidor (todos sus hilos): ${cpu.toFixed(1)} s en ${total} s de reloj; carga de la máquina durante la importación: media ${cargaMedia.toFixed(1)}, máxima ${Math.max(...cargas).toFixed(1)}`,
    );
    console.log(
      `\nImportación: ${estado.estado}, importado: ${estado.resultado?.importado}; subida y respuesta 202 en ${subida} s, todo en ${total} s (carga de la máquina al empezar ${carga.join(' / ')}, al terminar ${loadavg()[0]?.toFixed(1)})`,
    );
    if (!estado.resultado?.importado)
      console.log(JSON.stringify(estado.error ?? estado.resultado?.errores.slice(0, 5)));
    else console.log(`  ${JSON.stringify(estado.resultado.conteos)}`);
    console.log(
      `Memoria del servidor: ${antes.toFixed(0)} MB antes; muestras cada ${CADA_MS} ms: máxima ${Math.max(...rss).toFixed(0)} MB; pico del núcleo (VmHWM) ${pico.toFixed(0)} MB — ${pico < 1024 ? 'bajo' : 'SOBRE'} 1 GiB`,
    );
    console.log(
      `/api/salud cada ${CADA_MS} ms (${demoras.length} consultas): mediana ${percentil(demoras, 50).toFixed(0)} ms, p99 ${percentil(demoras, 99).toFixed(0)} ms, máxima ${Math.max(...demoras).toFixed(0)} ms; más de 1 s: ${demoras.filter((d) => d > 1_000).length}`,
    );
  } finally {
    await servidor.detener();
    await base.cerrar();
    rmSync(carpeta, { recursive: true, force: true });
  }
}

await principal();
