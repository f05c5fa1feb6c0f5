import { ErrorDeArranque } from '../postgres/errores.ts';

/**
 * A backup or restore that cannot go on for a reason the operator can act on: one Spanish
 * line, printed as is by the command line (it is an ErrorDeArranque for that).
 */
export class ErrorDeRespaldo extends ErrorDeArranque {}
