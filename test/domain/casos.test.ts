import { describe, expect, it } from 'vitest';
import { calcularTexto } from '../../src/modules/calculo/calcular-cli.ts';
import { todosLosCasos } from '../soporte/casos.ts';

const todos = todosLosCasos();

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
