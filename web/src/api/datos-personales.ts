import type { Revelado } from '../../../src/contrato/datos-personales.ts';
import { solicitar } from './cliente.ts';

/**
 * Screens get CURP, RFC, phones and e-mails masked (`HESJ47…R04`, `•••• 2847`,
 * `s•••@dominio.com`); the whole value is asked for on purpose, one at a time, and the server
 * logs each request in the bitácora.
 */
export type DatoARevelar =
  | { campo: 'curp' }
  | { campo: 'rfc' }
  | { campo: 'telefono'; telefonoId: number }
  | { campo: 'correo'; correoId: number };

// The wire's shape is the server's contract (src/contrato/datos-personales.ts).
export type { Revelado } from '../../../src/contrato/datos-personales.ts';

export function revelarDatoPersonal(personaId: number, dato: DatoARevelar): Promise<Revelado> {
  return solicitar<Revelado>('POST', `/api/personas/${personaId}/revelar`, { cuerpo: dato });
}

/** The number the caller of a recado left to be called back at. */
export function revelarTelefonoDelRecado(recadoId: number): Promise<Revelado> {
  return solicitar<Revelado>('POST', `/api/recados/${recadoId}/revelar`, { cuerpo: {} });
}
