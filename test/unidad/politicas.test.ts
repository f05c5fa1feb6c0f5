import { describe, expect, it } from 'vitest';
import type { Rol } from '../../src/db/esquema.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { alcanzaObjeto, POLITICAS, puede } from '../../src/modules/autorizacion/politicas.ts';

const actor = (rol: Rol, oficinaId: number | null, despachoId: number | null = null) => ({
  id: 1,
  usuario: 'u',
  nombre: 'U',
  rol,
  oficinaId,
  despachoId,
  hoy: '2026-03-10' as Fecha,
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
      { oficinaId: 1, despachoId: 7, turnadoHasta: '2026-09-30' },
      true,
    ],
    [
      'abogado en el último día del turnado',
      actor('abogado_externo', null, 7),
      { oficinaId: 1, despachoId: 7, turnadoHasta: '2026-03-10' },
      true,
    ],
    [
      'abogado pasada la fecha de fin del turnado',
      actor('abogado_externo', null, 7),
      { oficinaId: 1, despachoId: 7, turnadoHasta: '2026-03-09' },
      false,
    ],
    [
      'abogado sin la fecha de fin a la vista (falla cerrado)',
      actor('abogado_externo', null, 7),
      { oficinaId: 1, despachoId: 7 },
      false,
    ],
    [
      'abogado fuera de una sesión (sin fecha de negocio)',
      { ...actor('abogado_externo', null, 7), hoy: undefined },
      { oficinaId: 1, despachoId: 7, turnadoHasta: '2026-09-30' },
      false,
    ],
    [
      'abogado con cuenta de otro despacho',
      actor('abogado_externo', null, 7),
      { oficinaId: 1, despachoId: 8, turnadoHasta: '2026-09-30' },
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
