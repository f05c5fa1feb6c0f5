import type { Rol } from '../../db/esquema.ts';
import type { Fecha } from '../../domain/fecha.ts';

/** The authenticated person on whose behalf a use case runs. */
export interface Actor {
  id: number;
  usuario: string;
  nombre: string;
  rol: Rol;
  oficinaId: number | null;
  /** The law firm of an external lawyer; null for staff. */
  despachoId: number | null;
  /**
   * The business date when the session was resolved: an external lawyer sees an account only
   * until its turnado's end date. Absent outside a session (jobs, imports), where no lawyer
   * acts: a lawyer without it has no scope.
   */
  hoy?: Fecha;
}
