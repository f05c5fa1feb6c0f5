import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARPETA_CASOS } from '../soporte/casos.ts';

// The engine's command-line contract, as the institute's other systems call it: every
// published case (R9's included) through the real process, one JSON per line.
const raiz = join(import.meta.dirname, '..', '..');

interface Ejemplo {
  caso: unknown;
  esperado: { error?: { codigo: string } } & Record<string, unknown>;
}

function ejemplosDe(carpeta: string): Ejemplo[] {
  const archivos = readdirSync(carpeta)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(carpeta, n), 'utf8')) as Ejemplo);
  const lineas = readFileSync(join(carpeta, 'aleatorios.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Ejemplo);
  return [...archivos, ...lineas];
}

const ejemplos = [...ejemplosDe(CARPETA_CASOS), ...ejemplosDe(join(CARPETA_CASOS, 'puntualidad'))];

function calcular(args: string[], entrada: string) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'calcular', ...args],
    {
      cwd: raiz,
      input: entrada,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024, // 121 statements of up to ~35 KB each
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
});
