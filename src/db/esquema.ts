import type { ColumnType, Generated } from 'kysely';

/** Row types, snake_case as in PostgreSQL. Domain types live apart; mappers convert. */

type Instante = ColumnType<Date, Date | string, Date | string>;
type InstanteGenerado = ColumnType<Date, Date | string | undefined, Date | string>;

export type Rol = 'gestor' | 'coordinador' | 'contabilidad' | 'abogado_externo' | 'administrador';
export const ROLES: readonly Rol[] = [
  'gestor',
  'coordinador',
  'contabilidad',
  'abogado_externo',
  'administrador',
];

export interface OficinaFila {
  id: Generated<number>;
  clave: string;
  nombre: string;
}

export interface UsuarioFila {
  id: Generated<number>;
  usuario: string;
  nombre: string;
  rol: Rol;
  oficina_id: number | null;
  hash_contrasena: string;
  activo: Generated<boolean>;
  creado: InstanteGenerado;
  contrasena_cambiada: InstanteGenerado;
}

export interface SesionFila {
  /** SHA-256 of the cookie token: a stolen table does not yield usable sessions. */
  id_hash: string;
  usuario_id: number;
  csrf: string;
  creada: Instante;
  ultimo_uso: Instante;
  expira: Instante;
  ip: string | null;
  cerrada: Instante | null;
}

export interface IntentoLoginFila {
  id: Generated<number>;
  usuario: string;
  ip: string;
  instante: Instante;
  exitoso: boolean;
}

export interface BitacoraFila {
  id: number;
  instante: Instante;
  actor_id: number | null;
  actor_usuario: string | null;
  accion: string;
  objeto_tipo: string | null;
  objeto_id: string | null;
  ip: string | null;
  detalle: ColumnType<unknown, string, never>;
  hash_anterior: string;
  hash: string;
}

export interface BaseDeDatos {
  oficinas: OficinaFila;
  usuarios: UsuarioFila;
  sesiones: SesionFila;
  intentos_login: IntentoLoginFila;
  bitacora: BitacoraFila;
}
