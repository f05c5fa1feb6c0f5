import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calcularTexto } from '../../src/modules/calculo/calcular-cli.ts';

import { CARPETA_CASOS as CASOS } from '../soporte/casos.ts';

interface Ejemplo {
  caso: unknown;
  esperado: { error?: { codigo: string } } & Record<string, unknown>;
}

/** The examples of one folder: its `*.json` cases and its `aleatorios.jsonl` lines. */
function ejemplos(carpeta: string, prefijo: string): [string, Ejemplo][] {
  const archivos = readdirSync(carpeta)
    .filter((nombre) => nombre.endsWith('.json'))
    .sort()
    .map((nombre): [string, Ejemplo] => [
      `${prefijo}${nombre}`,
      JSON.parse(readFileSync(join(carpeta, nombre), 'utf8')),
    ]);
  const aleatorios = readFileSync(join(carpeta, 'aleatorios.jsonl'), 'utf8')
    .split('\n')
    .filter((linea) => linea.trim() !== '')
    .map((linea, i): [string, Ejemplo] => [
      `${prefijo}aleatorios.jsonl:${i + 1}`,
      JSON.parse(linea),
    ]);
  return [...archivos, ...aleatorios];
}

// R9's examples (tasa por puntualidad) live in their own folder, as published.
const todos = [...ejemplos(CASOS, ''), ...ejemplos(join(CASOS, 'puntualidad'), 'puntualidad/')];

describe('spec/casos: every normative example, every field', () => {
  it('finds the published examples', () => {
    expect(todos.filter(([nombre]) => nombre.endsWith('.json')).length).toBeGreaterThanOrEqual(21);
    expect(todos.filter(([nombre]) => nombre.startsWith('aleatorios')).length).toBe(60);
    expect(todos.filter(([nombre]) => nombre.startsWith('puntualidad/aleatorios')).length).toBe(40);
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
