import { entradaDesdeFilas } from '../../db/mapeo-caso.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import {
  calcularEntrada,
  type EntradaDeCaso,
  type EstadoDeCuenta,
} from '../../domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { CreditoCargado } from './cargar-credito.ts';

type AlRechazar = (mensaje: string) => ErrorDominio;

const inconsistente =
  (credito: CreditoCargado): AlRechazar =>
  (mensaje) =>
    new ErrorDominio(
      'credito_inconsistente',
      `Los datos del crédito ${credito.credito.numero} no permiten calcular su estado de cuenta: ${mensaje}`,
    );

/** The credit's stored rows as the engine's typed input (the simulator's base case). */
export function entradaValida(
  credito: CreditoCargado,
  fecha: Fecha,
  alRechazar: AlRechazar = inconsistente(credito),
): EntradaDeCaso {
  const entrada = entradaDesdeFilas(credito, fecha);
  if (!entrada.ok) throw alRechazar(entrada.error.mensaje);
  return entrada.valor;
}

/**
 * The engine over a credit's stored rows. Stored data that the engine refuses (an import
 * bug, a hand edit) is reported, never guessed around.
 */
export function calcularEstado(
  credito: CreditoCargado,
  fecha: Fecha,
  alRechazar: AlRechazar = inconsistente(credito),
): EstadoDeCuenta {
  const r = calcularEntrada(entradaValida(credito, fecha, alRechazar));
  if (!r.ok) throw alRechazar(r.error.mensaje);
  return r.valor;
}
