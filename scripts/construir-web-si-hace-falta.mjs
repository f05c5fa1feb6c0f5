// Builds the web UI when web/dist is missing or older than its sources, so that `npm start`
// never serves a stale UI and nobody has to remember a build step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const raiz = join(import.meta.dirname, '..');
const sello = join(raiz, 'web', 'dist', '.construido');
const fuentes = [
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'web/public',
  'package-lock.json',
];

function masReciente(ruta) {
  if (!existsSync(ruta)) return 0;
  const info = statSync(ruta);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(ruta).map((n) => masReciente(join(ruta, n))));
}

const fuentesMs = Math.max(...fuentes.map((f) => masReciente(join(raiz, f))));
const alDia = () => existsSync(sello) && statSync(sello).mtimeMs >= fuentesMs;
if (alDia()) process.exit(0);

// Two processes (two test workers, or npm start beside a test run) must not build at once:
// vite empties web/dist first, so one would serve the files the other is deleting. mkdir is
// atomic: whoever creates the lock builds; the others wait for it and then find dist current.
const candado = join(raiz, 'web', '.construyendo');
const dormir = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const limite = Date.now() + 5 * 60_000;
for (;;) {
  try {
    mkdirSync(candado);
    break;
  } catch {
    let edad = 0;
    try {
      edad = Date.now() - statSync(candado).mtimeMs;
    } catch {
      continue; // released meanwhile: try to take it
    }
    // A lock older than a build can take is a build that died: take it over.
    if (Date.now() > limite || edad > 5 * 60_000) {
      rmSync(candado, { recursive: true, force: true });
      continue;
    }
    dormir(250);
  }
}
process.on('exit', () => rmSync(candado, { recursive: true, force: true }));
if (alDia()) process.exit(0);

console.log('Construyendo la interfaz web…');
const r = spawnSync(
  'npx',
  ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
  {
    cwd: raiz,
    stdio: 'inherit',
  },
);
if (r.status !== 0) {
  console.error('No se pudo construir la interfaz web.');
  process.exit(r.status ?? 1);
}
writeFileSync(sello, new Date().toISOString());
