/**
 * Errors a use case can answer with, by stable code. The HTTP edge alone maps a code to a
 * status (src/http/errores-http.ts); the message is Spanish and ready to show.
 */
export type CodigoError =
  | 'entrada_invalida'
  | 'no_autenticado'
  | 'prohibido'
  | 'no_encontrado'
  | 'credenciales_invalidas'
  | 'demasiados_intentos'
  | 'contrasena_incorrecta'
  | 'contrasena_debil'
  | 'usuario_duplicado'
  | 'conflicto'
  | 'credito_inconsistente'
  | 'idempotencia_conflicto'
  | 'pago_invalido'
  // A payment above what settles the credit, or one typed twice the same day (issue 13).
  | 'excede_adeudo'
  | 'posible_duplicado'
  | 'tasa_invalida'
  // Gestión de cartera (issue 9): the contact rules and the assignment.
  | 'fuera_de_horario'
  | 'contacto_no_permitido'
  | 'sin_consentimiento'
  | 'en_juridico'
  | 'limite_de_contactos'
  | 'contacto_con_oposicion'
  | 'gestion_invalida'
  | 'gestor_invalido'
  | 'plan_cambiado'
  // Metas (issue 11): a month already past keeps the goals it was measured against.
  | 'mes_cerrado'
  // An upload of a kind the route does not read (415), or larger than it takes (413).
  | 'tipo_no_admitido'
  | 'demasiado_grande'
  // A check-out of a piece that is out with someone (issue 10): the message names the holder.
  | 'pieza_prestada'
  // A document that needs institute data the administrador has not captured (issue 14).
  | 'datos_del_instituto_incompletos';

export class ErrorDominio extends Error {
  constructor(
    readonly codigo: CodigoError,
    mensaje: string,
    readonly campo?: string,
    /** Facts the client needs to act on the error (the earlier payment a duplicate names). */
    readonly datos?: Readonly<Record<string, unknown>>,
  ) {
    super(mensaje);
    this.name = 'ErrorDominio';
  }
}

/**
 * A refusal answered as «no existe» (404) so that ids outside one's scope cannot be probed (an
 * external lawyer and an account not turned over to his firm); still a denial, and recorded
 * as one.
 */
export class NegadoComoInexistente extends ErrorDominio {
  constructor(mensaje: string) {
    super('no_encontrado', mensaje);
  }
}
