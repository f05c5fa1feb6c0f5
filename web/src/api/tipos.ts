/** Shapes the API returns (see the API contract in the web brief). */

export const ROLES = [
  'gestor',
  'coordinador',
  'contabilidad',
  'abogado_externo',
  'administrador',
] as const;

export type Rol = (typeof ROLES)[number];

export interface Oficina {
  id: number;
  nombre: string;
}

export interface Usuario {
  id: number;
  usuario: string;
  nombre: string;
  rol: Rol;
  oficina: Oficina | null;
  activo: boolean;
}

export interface RespuestaSesion {
  usuario: Usuario;
  csrf: string;
  /** The server's business date `aaaa-mm-dd` (America/Hermosillo): the UI's only "today". */
  hoy: string;
}
