import type { Fecha } from '../fecha.ts';

/** Age of majority in Mexico (Código Civil Federal, art. 646). */
export const MAYORIA_DE_EDAD = 18;

export interface Firmante {
  readonly personaId: number;
  /** The person's role on the credit(s): only acreditados and avales sign a convenio. */
  readonly roles: readonly string[];
  readonly fechaNacimiento: Fecha | null;
}

/** The 18th birthday as `YYYY-MM-DD` text (29 February compares between 28 Feb and 1 Mar). */
function cumpleMayoria(nacimiento: Fecha): string {
  const anio = Number(nacimiento.slice(0, 4)) + MAYORIA_DE_EDAD;
  return `${String(anio).padStart(4, '0')}${nacimiento.slice(4)}`;
}

/**
 * Why this person cannot sign, or null. CONDUSEF: never negotiate with minors, so a known birth
 * date under 18 years before `hoy` is refused; an unknown one is allowed (documented risk).
 */
export function motivoParaNoFirmar(f: Firmante, hoy: Fecha): string | null {
  if (!f.roles.includes('acreditado') && !f.roles.includes('aval')) {
    return 'no es acreditado ni aval del crédito';
  }
  if (f.fechaNacimiento !== null && cumpleMayoria(f.fechaNacimiento) > hoy) {
    return 'es menor de edad: no se negocia con menores';
  }
  return null;
}
