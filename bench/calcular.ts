/**
 * `recupera calcular --lineas` through the real process, as the institute's other systems call
 * it: 20,000 cases in, 20,000 statements out, timed from spawn to exit (startup included).
 * Two inputs: the published random cases (test/casos/aleatorios.jsonl, repeated: a mix of
 * credit sizes and histories) and bench/motor.ts's `mixto` profile (120 amortizaciones × 60
 * movements). Wall time is what a caller waits; the machine's load is printed beside it.
 *
 *   npx tsx bench/calcular.ts [--casos 20000]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { casosSinteticos } from './motor.ts';

const { values } = parseArgs({ options: { casos: { type: 'string', default: '20000' } } });
const CASOS = Number(values.casos);
const raiz = join(import.meta.dirname, '..');

function lote(casos: readonly string[]): string {
  let texto = '';
  for (let i = 0; i < CASOS; i++) texto += `${casos[i % casos.length]}\n`;
  return texto;
}

function correr(archivo: string): Promise<{ segundos: number; lineas: number }> {
  return new Promise((listo, fallo) => {
    const inicio = performance.now();
    const hijo = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'calcular', '--lineas'],
      { cwd: raiz, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let lineas = 0;
    hijo.stdout.on('data', (parte: Buffer) => {
      for (let i = parte.indexOf(10); i !== -1; i = parte.indexOf(10, i + 1)) lineas++;
    });
    hijo.on('error', fallo);
    hijo.on('close', (codigo) => {
      if (codigo !== 0) fallo(new Error(`recupera calcular salió con ${codigo}`));
      else listo({ segundos: (performance.now() - inicio) / 1000, lineas });
    });
    hijo.stdin.end(readFileSync(archivo));
  });
}

const carpeta = mkdtempSync(join(tmpdir(), 'bench-calcular-'));
try {
  const aleatorios = readFileSync(join(raiz, 'test', 'casos', 'aleatorios.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.stringify(JSON.parse(l).caso));
  const entradas = {
    'aleatorios.jsonl (mezcla publicada)': aleatorios,
    'mixto (120 amortizaciones × 60 movimientos)': casosSinteticos('mixto').map((c) =>
      JSON.stringify(c),
    ),
  };
  for (const [nombre, casos] of Object.entries(entradas)) {
    const archivo = join(carpeta, 'entrada.jsonl');
    writeFileSync(archivo, lote(casos));
    await correr(archivo); // warm the disk cache and tsx's transform cache
    const mediciones = [];
    for (let i = 0; i < 3; i++) mediciones.push(await correr(archivo));
    const mejor = mediciones.reduce((a, b) => (b.segundos < a.segundos ? b : a));
    if (mejor.lineas !== CASOS) throw new Error(`${mejor.lineas} líneas de ${CASOS}`);
    console.log(
      `${nombre}: ${CASOS.toLocaleString('es-MX')} casos en ${mejor.segundos.toFixed(2)} s ` +
        `(mejor de 3) = ${Math.round(CASOS / mejor.segundos).toLocaleString('es-MX')} estados/s; ` +
        `las tres: ${mediciones.map((m) => m.segundos.toFixed(2)).join(', ')} s; ` +
        `carga ${loadavg()[0]?.toFixed(1)}`,
    );
  }
} finally {
  rmSync(carpeta, { recursive: true, force: true });
}
