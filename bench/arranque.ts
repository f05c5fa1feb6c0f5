import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { puertoLibre } from '../src/plataforma/postgres-embebido.ts';

/**
 * `npm run bench -- arranque [--veces 5]`: how long `npm start` takes to answer /api/salud on
 * an existing DATA_DIR (a restart), from the command to the first 200. The first start, which
 * builds the UI if needed, creates the cluster and loads the demo, is measured once apart.
 */
const { values } = parseArgs({ options: { veces: { type: 'string', default: '5' } } });
const veces = Number(values.veces);
const raiz = join(import.meta.dirname, '..');
const datos = mkdtempSync(join(tmpdir(), 'recupera-bench-arranque-'));
chmodSync(datos, 0o755); // as root, the embedded server's own user must reach it

async function arrancarYMedir(): Promise<number> {
  const puerto = await puertoLibre();
  const inicio = performance.now();
  const hijo: ChildProcess = spawn('npm', ['start'], {
    cwd: raiz,
    env: { ...process.env, DATA_DIR: datos, PORT: String(puerto) },
    stdio: 'ignore',
    detached: true,
  });
  for (;;) {
    const r = await fetch(`http://127.0.0.1:${puerto}/api/salud`).catch(() => null);
    if (r?.status === 200) break;
    if (hijo.exitCode !== null) throw new Error('npm start terminó antes de responder');
    await new Promise((listo) => setTimeout(listo, 20));
  }
  const ms = performance.now() - inicio;
  const fin = new Promise((r) => hijo.once('exit', r));
  if (hijo.pid !== undefined) process.kill(-hijo.pid, 'SIGTERM'); // npm and the app
  await fin;
  await new Promise((listo) => setTimeout(listo, 500));
  return ms;
}

try {
  console.log(`Primer arranque: ${((await arrancarYMedir()) / 1000).toFixed(2)} s`);
  const tiempos: number[] = [];
  for (let i = 0; i < veces; i++) tiempos.push(await arrancarYMedir());
  tiempos.sort((a, b) => a - b);
  const s = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(2)} s`;
  console.log(
    `Reinicio (${veces} veces): mediana ${s(tiempos[Math.floor(veces / 2)])}, ` +
      `mínimo ${s(tiempos[0])}, máximo ${s(tiempos[veces - 1])}`,
  );
} finally {
  rmSync(datos, { recursive: true, force: true });
}
