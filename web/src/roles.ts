import type { Rol } from './api/tipos.ts';

export const NOMBRE_ROL: Record<Rol, string> = {
  gestor: 'Gestor',
  coordinador: 'Coordinador de Cartera',
  contabilidad: 'Contabilidad y Finanzas',
  abogado_externo: 'Abogado externo',
  administrador: 'Administrador',
};

/** Roles whose users may have no office (they work across all offices or outside them). */
const ROLES_SIN_OFICINA: ReadonlySet<Rol> = new Set<Rol>([
  'administrador',
  'contabilidad',
  'abogado_externo',
]);

export function puedeNoTenerOficina(rol: Rol): boolean {
  return ROLES_SIN_OFICINA.has(rol);
}
