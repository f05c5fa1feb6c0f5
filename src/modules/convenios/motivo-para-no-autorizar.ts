import { motivoParaNoAutorizar, rolQueConviene } from '../../domain/convenios/autorizacion.ts';
import { puede } from '../autorizacion/politicas.ts';
import type { Actor } from '../seguridad/actor.ts';

/**
 * Why `actor` may not authorize a proposed convenio, as the sentence they read (and the 403
 * they would get); null when they may. Maker-checker first, then the role the matrix asked for.
 */
export function motivoParaNoAutorizarlo(
  c: { propuesto_por: number; requiere_rol: 'coordinador' | 'administrador' | null },
  actor: Actor,
): string | null {
  if (!puede(actor, 'convenios.autorizar')) return 'Tu rol no autoriza convenios.';
  if (c.propuesto_por === actor.id) {
    return 'Nadie autoriza su propia propuesta: la autoriza otra persona.';
  }
  const motivo = motivoParaNoAutorizar(c.requiere_rol ?? 'coordinador', rolQueConviene(actor.rol));
  return motivo === null ? null : `No puedes autorizarlo porque ${motivo}.`;
}
