import { ErrorDominio } from '../../domain/errores.ts';
import { PLANTILLAS, type TipoPlantilla, validarTextos } from '../../domain/plantillas/index.ts';

/**
 * Refuses texts that would not fill: the message names the first error (section, line and
 * variable), `campo` its section (`textos.<clave>`) and `errores` all of them, for the editor
 * to show each on its field.
 */
export function exigirTextosValidos(
  tipo: TipoPlantilla,
  textos: Readonly<Record<string, unknown>>,
  para: 'guardar' | 'previsualizar',
): void {
  const errores = validarTextos(tipo, textos);
  const primero = errores[0];
  if (primero === undefined) return;
  const mas = errores.length > 1 ? ` (y ${errores.length - 1} error(es) más)` : '';
  throw new ErrorDominio(
    'entrada_invalida',
    `La plantilla de ${PLANTILLAS[tipo].nombre.toLowerCase()} ${para === 'guardar' ? 'no se guardó' : 'no se puede previsualizar'}: ${primero.mensaje}${mas}`,
    `textos.${primero.seccion}`,
    { errores },
  );
}
