import { casoDesdeFilas } from '../../db/mapeo-caso.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { calcularCaso, type EstadoDeCuenta } from '../../domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { CreditoCargado } from './cargar-credito.ts';

/**
 * The engine over a credit's stored rows. Stored data that the engine refuses (an import
 * bug, a hand edit) is reported, never guessed around.
 */
export function calcularEstado(
  credito: CreditoCargado,
  fecha: Fecha,
  alRechazar: (mensaje: string) => ErrorDominio = (mensaje) =>
    new ErrorDominio(
      'credito_inconsistente',
      `Los datos del crédito ${credito.credito.numero} no permiten calcular su estado de cuenta: ${mensaje}`,
    ),
): EstadoDeCuenta {
  const r = calcularCaso(casoDesdeFilas(credito, fecha));
  if (!r.ok) throw alRechazar(r.error.mensaje);
  return r.valor;
}
