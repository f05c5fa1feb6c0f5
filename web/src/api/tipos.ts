/** Roles as a value for the screens; the shapes come from the server's contract (src/contrato/). */

import type { Rol } from '../../../src/contrato/comun.ts';

export const ROLES = [
  'gestor',
  'coordinador',
  'contabilidad',
  'abogado_externo',
  'administrador',
] as const satisfies readonly Rol[];

export type { Oficina, Rol } from '../../../src/contrato/comun.ts';
// The wire's shapes are the server's contract (src/contrato/sesion.ts), imported type-only.
export type { RespuestaSesion, Usuario } from '../../../src/contrato/sesion.ts';
