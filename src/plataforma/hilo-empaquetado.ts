import { build } from 'esbuild';

/**
 * A worker thread's TypeScript module and everything it imports, bundled by esbuild (the
 * compiler tsx itself runs) into one CommonJS script for `new Worker(codigo, { eval: true })`.
 *
 * Why not `arranque-hilo.mjs` (tsx's loader registered inside the worker): that worker starts
 * a loader thread of its own and compiles every module again, and was ready ≈ 0.45 s after it
 * was created on a busy 2-core machine; the bundle takes ≈ 50 ms to build and its worker is
 * ready ≈ 35 ms later. tsx also wraps every named function expression in a `__name(…)` call
 * that redefines the function's name each time it runs: a closure built inside a hot loop
 * paid for it on every call (bench/README.md).
 *
 * Only for modules that do not read `import.meta` (it is empty in CommonJS): esbuild warns
 * about it, and any warning is an error here.
 */
export async function codigoEmpaquetado(modulo: URL): Promise<string> {
  const resultado = await build({
    entryPoints: [modulo.pathname],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const [aviso] = resultado.warnings;
  if (aviso !== undefined) throw new Error(`empaquetar ${modulo.pathname}: ${aviso.text}`);
  const [salida] = resultado.outputFiles;
  if (salida === undefined) throw new Error(`empaquetar ${modulo.pathname}: sin salida`);
  return salida.text;
}
