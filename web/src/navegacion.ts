import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { ROLES, type Rol } from './api/tipos.ts';

/**
 * The sections of Recupera: each is a left-navigation entry and a route, visible to its roles.
 * A new module adds one entry here; nothing else lists routes or decides who sees a link.
 */
export interface Seccion {
  ruta: string;
  etiqueta: string;
  roles: readonly Rol[];
  pagina: LazyExoticComponent<ComponentType>;
}

export const SECCIONES: readonly Seccion[] = [
  {
    ruta: '/',
    etiqueta: 'Inicio',
    roles: ROLES,
    pagina: lazy(() => import('./paginas/Inicio.tsx').then((m) => ({ default: m.PaginaInicio }))),
  },
  {
    ruta: '/usuarios',
    etiqueta: 'Usuarios',
    roles: ['administrador'],
    pagina: lazy(() =>
      import('./paginas/Usuarios.tsx').then((m) => ({ default: m.PaginaUsuarios })),
    ),
  },
];

export function seccionesDe(rol: Rol): Seccion[] {
  return SECCIONES.filter((s) => s.roles.includes(rol));
}
