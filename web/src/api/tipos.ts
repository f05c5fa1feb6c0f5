/** Roles as a value for the screens; the shapes come from the server's contract (src/contrato/). */
export type { Oficina, Rol } from '../../../src/contrato/comun.ts';
// The wire's shapes are the server's contract (src/contrato/sesion.ts), imported type-only.
export type { RespuestaSesion, Usuario } from '../../../src/contrato/sesion.ts';
/** The contract's own values (src/contrato/valores.ts: plain arrays, no zod in the bundle). */
export { ROLES } from '../../../src/contrato/valores.ts';
