/**
 * Benchmark of a large XLSX upload through the server (issue 13, item 4): a 300,000-row
 * workbook (the demo generator's credits, as the template lays them out) posted to
 * `POST /api/importaciones` of a real server process (`src/main.ts`), while `/api/salud` is
 * asked every 100 ms. Prints the server's peak memory (VmHWM, the kernel's high-water mark of
 * its resident set) and the health check's latency during the import.
 *
 *   npx tsx bench/importacion-xlsx.ts [--filas 300000]
 *
 * Database: DATABASE_URL's server, else an embedded one.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Fecha } from '../src/domain/fecha.ts';
import { cargarDemo } from '../src/modules/demo/cargar-demo.ts';
import { relojDelSistema } from '../src/plataforma/reloj-sistema.ts';
import { escribirLibroGrande } from '../test/soporte/libro-xlsx-grande.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';
import { arrancarServidor, entrarComoAdmin, memoria } from './servidor-hijo.ts';

const { values } = parseArgs({ options: { filas: { type: 'string', default: '300000' } } });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const reloj = relojDelSistema('America/Hermosillo');
const MB = 1024 * 1024;

const percentil = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

async function principal(): Promise<void> {
  const carpeta = mkdtempSync(join(tmpdir(), 'recupera-bench-xlsx-'));
  const ruta = join(carpeta, 'cartera.xlsx');
  let t = performance.now();
  const libro = await escribirLibroGrande(ruta, Number(values.filas), reloj.hoy() as Fecha);
  const bytes = statSync(ruta).size;
  console.log(
    `Libro: ${libro.filas.toLocaleString('es-MX')} filas, ${libro.creditos.toLocaleString('es-MX')} créditos, ${(bytes / MB).toFixed(1)} MB (${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  const base = await baseParaBenchmark('importacion_xlsx');
  await base.db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
  const servidor = await arrancarServidor(base.url, carpeta);
  const { url, pid } = servidor;
  try {
    const { cookie, csrf } = await entrarComoAdmin(url);
    const antes = memoria(pid, 'VmRSS');
    const demoras: number[] = [];
    let enMarcha = true;
    // The health check every 100 ms, from the first byte sent to the job's end.
    const sondeo = (async () => {
      while (enMarcha) {
        const t0 = performance.now();
        await (await fetch(`${url}/api/salud`)).arrayBuffer();
        demoras.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    t = performance.now();
    const r = await fetch(`${url}/api/importaciones`, {
      method: 'POST',
      headers: {
        cookie,
        'x-csrf-token': csrf,
        'content-type': XLSX,
        'x-nombre-archivo': 'cartera.xlsx',
      },
      body: readFileSync(ruta),
    });
    const { trabajo } = (await r.json()) as { trabajo: string };
    let estado: { estado: string; avance: unknown; resultado: { importado: boolean } | null };
    for (;;) {
      await new Promise((listo) => setTimeout(listo, 1_000));
      estado = (await (
        await fetch(`${url}/api/importaciones/trabajos/${trabajo}`, { headers: { cookie } })
      ).json()) as typeof estado;
      console.log(
        `  ${((performance.now() - t) / 1000).toFixed(0)} s`,
        JSON.stringify(estado.avance),
      );
      if (!['pendiente', 'en_curso'].includes(estado.estado)) break;
    }
    const segundos = (performance.now() - t) / 1000;
    enMarcha = false;
    await sondeo;
    console.log(
      `Importación: ${estado.estado}, importado: ${estado.resultado?.importado}, ${segundos.toFixed(1)} s`,
    );
    console.log(
      `Memoria del servidor: ${antes.toFixed(0)} MB antes, pico ${memoria(pid, 'VmHWM').toFixed(0)} MB (VmHWM)`,
    );
    console.log(
      `/api/salud durante la importación (${demoras.length} consultas): mediana ${percentil(demoras, 50).toFixed(0)} ms, p99 ${percentil(demoras, 99).toFixed(0)} ms, máxima ${Math.max(...demoras).toFixed(0)} ms`,
    );
  } finally {
    await servidor.detener();
    await base.cerrar();
    rmSync(carpeta, { recursive: true, force: true });
  }
}

await principal();
