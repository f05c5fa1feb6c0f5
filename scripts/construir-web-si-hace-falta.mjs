// Builds the web UI when web/dist is missing or older than its sources, so that `npm start`
// never serves a stale UI and nobody has to remember a build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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
if (existsSync(sello) && statSync(sello).mtimeMs >= fuentesMs) process.exit(0);

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
