import { describe, expect, it } from 'vitest';
import type { Rol } from '../../src/db/esquema.ts';
import { alcanzaObjeto, POLITICAS, puede } from '../../src/modules/autorizacion/politicas.ts';

const actor = (rol: Rol, oficinaId: number | null, despachoId: number | null = null) => ({
  id: 1,
  usuario: 'u',
  nombre: 'U',
  rol,
  oficinaId,
  despachoId,
});

describe('alcance por objeto', () => {
  it.each([
    ['gestor de su oficina', actor('gestor', 1), { oficinaId: 1, despachoId: null }, true],
    ['gestor de otra oficina', actor('gestor', 3), { oficinaId: 1, despachoId: null }, false],
    [
      'coordinador de otra oficina',
      actor('coordinador', 2),
      { oficinaId: 1, despachoId: null },
      false,
    ],
    [
      'abogado con la cuenta turnada a su despacho',
      actor('abogado_externo', null, 7),
      { oficinaId: 1, despachoId: 7 },
      true,
    ],
    [
      'abogado con cuenta de otro despacho',
      actor('abogado_externo', null, 7),
      { oficinaId: 1, despachoId: 8 },
      false,
    ],
    [
      'abogado con cuenta no turnada',
      actor('abogado_externo', null, 7),
      { oficinaId: 1, despachoId: null },
      false,
    ],
    [
      'abogado sin despacho',
      actor('abogado_externo', null, null),
      { oficinaId: 1, despachoId: null },
      false,
    ],
    ['contabilidad', actor('contabilidad', null), { oficinaId: 2, despachoId: null }, true],
    ['administrador', actor('administrador', null), { oficinaId: 3, despachoId: 7 }, true],
  ])('%s', (_nombre, quien, objeto, esperado) => {
    expect(alcanzaObjeto(quien, objeto)).toBe(esperado);
  });
});

describe('políticas por caso de uso', () => {
  it('solo el administrador administra usuarios', () => {
    for (const rol of ['gestor', 'coordinador', 'contabilidad', 'abogado_externo'] as Rol[]) {
      expect(puede(actor(rol, 1), 'usuarios.crear')).toBe(false);
    }
    expect(puede(actor('administrador', null), 'usuarios.crear')).toBe(true);
  });

  it('toda política nombra roles o exige sesión', () => {
    for (const politica of Object.values(POLITICAS)) {
      expect(politica.roles === 'autenticado' || politica.roles.length > 0).toBe(true);
    }
  });
});
