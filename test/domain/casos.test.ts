import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calcularTexto } from '../../src/modules/calculo/calcular-cli.ts';

import { CARPETA_CASOS as CASOS } from '../soporte/casos.ts';

interface Ejemplo {
  caso: unknown;
  esperado: { error?: { codigo: string } } & Record<string, unknown>;
}

function ejemplos(): [string, Ejemplo][] {
  const archivos = readdirSync(CASOS)
    .filter((nombre) => nombre.endsWith('.json'))
    .sort()
    .map((nombre): [string, Ejemplo] => [
      nombre,
      JSON.parse(readFileSync(join(CASOS, nombre), 'utf8')),
    ]);
  const aleatorios = readFileSync(join(CASOS, 'aleatorios.jsonl'), 'utf8')
    .split('\n')
    .filter((linea) => linea.trim() !== '')
    .map((linea, i): [string, Ejemplo] => [`aleatorios.jsonl:${i + 1}`, JSON.parse(linea)]);
  return [...archivos, ...aleatorios];
}

const todos = ejemplos();

describe('spec/casos: every normative example, every field', () => {
  it('finds the published examples', () => {
    expect(todos.filter(([nombre]) => nombre.endsWith('.json')).length).toBeGreaterThanOrEqual(15);
    expect(todos.filter(([nombre]) => nombre.startsWith('aleatorios')).length).toBe(60);
  });

  it.each(todos)('%s', (_nombre, { caso, esperado }) => {
    const { salida, codigo } = calcularTexto(JSON.stringify(caso));
    const obtenido = JSON.parse(salida);
    if (esperado.error) {
      expect(codigo).toBe(2);
      expect(obtenido.error.codigo).toBe(esperado.error.codigo);
      expect(typeof obtenido.error.mensaje).toBe('string');
    } else {
      expect(codigo).toBe(0);
      expect(obtenido).toStrictEqual(esperado);
    }
  });
});
