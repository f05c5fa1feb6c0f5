import { ErrorDominio } from '../../domain/errores.ts';
import { zonaDeEstado } from '../../domain/gestion/zona-horaria.ts';

/**
 * An address' zone is derived from its state; one whose state is not a Mexican state (abroad,
 * or a typo) needs the zone chosen by hand, or the contact rules would guess the hour.
 */
export function exigirZonaConocida(estado: string, zonaHoraria: string | null): void {
  if (zonaHoraria === null && zonaDeEstado(estado) === null) {
    throw new ErrorDominio(
      'entrada_invalida',
      `«${estado}» no es un estado de México: corrígelo o, si el domicilio está en el extranjero, elige su zona horaria («zonaHoraria»).`,
      'estado',
    );
  }
}
