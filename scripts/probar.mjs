// Runs vitest and closes with the plain line CI reads: "N passed, N failed, N skipped".
// Any arguments are passed to vitest (e.g. a folder to run only part of the suite).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const salida = '.vitest-resultados.json';
rmSync(salida, { force: true });
const resultado = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${salida}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let codigo = resultado.status ?? 1;
if (existsSync(salida)) {
  const r = JSON.parse(readFileSync(salida, 'utf8'));
  const omitidas = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A file whose setup fails reports its tests as skipped, not failed: count the file itself.
  const archivosRotos = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  console.log(
    `${r.numPassedTests} passed, ${r.numFailedTests + archivosRotos} failed, ${omitidas} skipped`,
  );
  if (r.numTotalTests === 0) codigo = codigo || 1;
} else {
  console.log('0 passed, 1 failed, 0 skipped');
  codigo = codigo || 1;
}
process.exit(codigo);
