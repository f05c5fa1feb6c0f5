import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calcularTexto } from '../../src/modules/calculo/calcular-cli.ts';
import { todosLosCasos } from '../soporte/casos.ts';

// The engine's command-line contract, as the institute's other systems call it: every
// published case (R9's included) through the real process, one JSON per line.
const raiz = join(import.meta.dirname, '..', '..');

const ejemplos = todosLosCasos().map(([, e]) => e);

function calcular(args: string[], entrada: string) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'calcular', ...args],
    {
      cwd: raiz,
      input: entrada,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024, // 3,000 statements of up to ~35 KB each
    },
  );
  return { codigo: r.status, salida: r.stdout };
}

describe('recupera calcular: el contrato de la línea de comandos', () => {
  it('--lineas: cada caso publicado da, en su línea, su estado de cuenta esperado o su error', () => {
    const { codigo, salida } = calcular(
      ['--lineas'],
      ejemplos.map((e) => JSON.stringify(e.caso)).join('\n'),
    );
    expect(codigo).toBe(0);
    const lineas = salida.trimEnd().split('\n');
    expect(lineas).toHaveLength(ejemplos.length);
    ejemplos.forEach(({ esperado }, i) => {
      const obtenido = JSON.parse(lineas[i] ?? '{}');
      if (esperado.error) expect(obtenido.error.codigo).toBe(esperado.error.codigo);
      else expect(obtenido).toStrictEqual(esperado);
    });
  });

  it('un caso: sale con 0 y su estado, o con 2 y su error', () => {
    const valido = ejemplos.find((e) => !e.esperado.error);
    const invalido = ejemplos.find((e) => e.esperado.error?.codigo === 'tasa_invalida');
    const bien = calcular([], JSON.stringify(valido?.caso));
    expect(bien.codigo).toBe(0);
    expect(JSON.parse(bien.salida)).toStrictEqual(valido?.esperado);
    const mal = calcular([], JSON.stringify(invalido?.caso));
    expect(mal.codigo).toBe(2);
    expect(JSON.parse(mal.salida).error.codigo).toBe('tasa_invalida');
  });

  it('--lineas: una línea por cada línea no vacía, en orden, con los errores en la suya', () => {
    const valido = JSON.stringify(ejemplos.find((e) => !e.esperado.error)?.caso);
    const { codigo, salida } = calcular(['--lineas'], `${valido}\n\nno es json\r\n{}\n${valido}`);
    expect(codigo).toBe(0);
    const lineas = salida.split('\n');
    expect(lineas.at(-1)).toBe('');
    expect(lineas.slice(0, -1).map((l) => JSON.parse(l).error?.codigo ?? 'estado')).toEqual([
      'estado',
      'json_invalido',
      'caso_invalido',
      'estado',
    ]);
  });

  it('--lineas: nada para un lote vacío, y la última línea cuenta aunque no termine en salto', () => {
    expect(calcular(['--lineas'], '\n \n').salida).toBe('');
    const valido = JSON.stringify(ejemplos.find((e) => !e.esperado.error)?.caso);
    expect(calcular(['--lineas'], `{}\n${valido}`).salida.trimEnd().split('\n')).toHaveLength(2);
  });

  it('--lineas: un lote de muchos bloques, repartido entre hilos, sale completo y en el orden de entrada', () => {
    // 3,000 lines (~10 MB: about forty 256 KB blocks, more than the main thread computes while
    // the workers start), an invalid one every seventh, each answer checked against the
    // engine in this process: a block answered out of order or lost shows here.
    const casos = ejemplos.map((e) => JSON.stringify(e.caso));
    const lote = Array.from({ length: 3000 }, (_, i) =>
      i % 7 === 3 ? `{"linea": ${i}}` : (casos[(i * 13) % casos.length] ?? ''),
    );
    const { codigo, salida } = calcular(['--lineas'], lote.join('\n'));
    expect(codigo).toBe(0);
    const lineas = salida.trimEnd().split('\n');
    expect(lineas).toHaveLength(3000);
    lineas.forEach((l, i) => {
      if (l !== calcularTexto(lote[i] ?? '').salida)
        expect.fail(`línea ${i + 1} fuera de orden o distinta`);
    });
  }, 60_000);
});
