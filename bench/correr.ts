import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** `npm run bench -- <nombre> [opciones]` runs bench/<nombre>.ts; without a name, lists them. */
const [nombre, ...resto] = process.argv.slice(2);
const BENCHMARKS = [
  'motor',
  'calcular',
  'importacion',
  'demo',
  'busqueda',
  'carga',
  'fiabilidad',
  'conciliacion',
  'arranque',
  'gestion',
  'indicadores',
  'importacion-web',
  'prescripcion',
  'paquete-de-evidencia',
  'antiguedad',
];
if (!nombre || !BENCHMARKS.includes(nombre)) {
  console.log(
    `Uso: npm run bench -- <${BENCHMARKS.join('|')}> [opciones]\nCifras y método: bench/README.md`,
  );
  process.exit(nombre ? 2 : 0);
}
const archivo = join(import.meta.dirname, `${nombre}.ts`);
if (!existsSync(archivo)) {
  console.error(`bench/${nombre}.ts aún no existe.`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', archivo, ...resto], { stdio: 'inherit' });
process.exit(r.status ?? 1);
