import type { Rol } from '../../db/esquema.ts';

/** The authenticated person on whose behalf a use case runs. */
export interface Actor {
  id: number;
  usuario: string;
  nombre: string;
  rol: Rol;
  oficinaId: number | null;
  /** The law firm of an external lawyer; null for staff. */
  despachoId: number | null;
}
