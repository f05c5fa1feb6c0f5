/**
 * A start that cannot go on for a reason the person can fix: its message is one Spanish line
 * that says what to do, printed as is (no stack trace).
 */
export class ErrorDeArranque extends Error {}

/** Another Recupera already owns the data folder. */
export class ErrorInstanciaDuplicada extends ErrorDeArranque {}
