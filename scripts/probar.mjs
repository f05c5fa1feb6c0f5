// Runs vitest and closes with the plain line CI reads: "N passed, N failed, N skipped".
// Any arguments are passed to vitest (e.g. a folder to run only part of the suite).
//
// The exit code comes from the results, not from the runner: a failed test, a file that broke
// before its tests ran, a run with no tests or without results exit 1, whatever code vitest's
// process ended with (a library's exit hook once turned failures into 0 and CI went green).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One file per run: a test of this script runs it inside the suite that this script runs.
const salida = join(tmpdir(), `recupera-vitest-${process.pid}.json`);
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

function resumen() {
  if (!existsSync(salida)) return null;
  const r = JSON.parse(readFileSync(salida, 'utf8'));
  rmSync(salida, { force: true });
  // A file whose setup fails reports its tests as skipped, not failed: count the file itself.
  const archivosRotos = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  return {
    pasaron: r.numPassedTests ?? 0,
    fallaron: (r.numFailedTests ?? 0) + archivosRotos,
    omitidas: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    total: r.numTotalTests ?? 0,
    exito: r.success !== false,
  };
}

const r = resumen();
if (r === null) {
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
console.log(`${r.pasaron} passed, ${r.fallaron} failed, ${r.omitidas} skipped`);
const bien = r.fallaron === 0 && r.total > 0 && r.exito && resultado.status === 0;
if (!bien && r.fallaron === 0 && resultado.status !== 0) {
  console.log(`vitest terminó con código ${resultado.status ?? resultado.signal}.`);
}
process.exit(bien ? 0 : 1);
