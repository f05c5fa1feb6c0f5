/**
 * Whether an error means "the database cannot be reached right now" (it is restarting, down,
 * or the connection to it broke), as opposed to a bug or bad data. Those are a 503 that the
 * client may retry, never a 500.
 */
const CODIGOS_DE_RED = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

// SQLSTATE 08xxx: connection exception; 57P01–57P03: the server is shutting down, crashed or
// not yet accepting connections (crash recovery).
const ESTADOS_SQL = /^(08...|57P0[123])$/;

const MENSAJES_DE_PG = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection ended unexpectedly',
];

export function esBaseNoDisponible(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const codigo = (e as { code?: unknown }).code;
  if (typeof codigo === 'string' && (CODIGOS_DE_RED.has(codigo) || ESTADOS_SQL.test(codigo))) {
    return true;
  }
  if (MENSAJES_DE_PG.some((m) => e.message.includes(m))) return true;
  // AggregateError from a failed connect to several addresses (localhost: ::1 and 127.0.0.1).
  if (e instanceof AggregateError) return e.errors.some(esBaseNoDisponible);
  return e.cause !== undefined && esBaseNoDisponible(e.cause);
}
