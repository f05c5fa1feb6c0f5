import { type Centavos, centavosDesdeTexto } from '../dinero.ts';
import { type Fecha, numeroDeDia, numeroDeDiaDeTexto } from '../fecha.ts';
import type { Dia } from './caso.ts';
import type { CodigoErrorDeCaso, ErrorDeCaso } from './errores.ts';

/**
 * Field readers for validation. A reader either returns the typed value or stops the whole
 * validation with the first fault it meets (a case with several faults may report any one);
 * `validarCaso` turns that into an error result, so the exception never leaves validation.
 */
export class CasoRechazado extends Error {
  constructor(readonly error: ErrorDeCaso) {
    super(error.mensaje);
  }
}

export function rechazar(codigo: CodigoErrorDeCaso, mensaje: string): never {
  throw new CasoRechazado({ codigo, mensaje });
}

export type Objeto = Readonly<Record<string, unknown>>;

export function esObjeto(valor: unknown): valor is Objeto {
  return typeof valor === 'object' && valor !== null && !Array.isArray(valor);
}

/** How a value is quoted in a message: text as written, anything else as JSON. */
export function citar(valor: unknown): string {
  if (valor === undefined) return 'ausente';
  return typeof valor === 'string' ? `'${valor}'` : JSON.stringify(valor);
}

/** The path of `clave` inside the object at `ruta` ('' is the case itself). */
export function campo(ruta: string, clave: string): string {
  return ruta === '' ? clave : `${ruta}.${clave}`;
}

export function leerObjeto(valor: unknown, ruta: string, codigo: CodigoErrorDeCaso): Objeto {
  if (!esObjeto(valor)) rechazar(codigo, `${ruta}: no es un objeto`);
  return valor;
}

/** A date already known to be valid (a typed source), with its day number. */
export function diaDe(fecha: Fecha): Dia {
  return { fecha, dia: numeroDeDia(fecha) };
}

export function leerFecha(objeto: Objeto, clave: string, ruta: string): Dia {
  const valor = objeto[clave];
  const dia = typeof valor === 'string' ? numeroDeDiaDeTexto(valor) : null;
  if (dia === null) rechazar('fecha_invalida', `${campo(ruta, clave)}: no es una fecha válida`);
  return { fecha: valor as Fecha, dia };
}

/** An amount of pesos as a JSON string (whether it may be zero is `armarCaso`'s to judge). */
export function leerMonto(objeto: Objeto, clave: string, ruta: string): Centavos {
  const valor = objeto[clave];
  const monto = typeof valor === 'string' ? centavosDesdeTexto(valor) : null;
  if (monto === null)
    rechazar('monto_invalido', `${campo(ruta, clave)}: monto inválido ${citar(valor)}`);
  return monto;
}

/** A list field; absent takes `porOmision` when there is one (null is never absent). */
export function leerLista(
  objeto: Objeto,
  clave: string,
  ruta: string,
  codigo: CodigoErrorDeCaso,
  porOmision?: readonly unknown[],
): readonly unknown[] {
  const valor = objeto[clave];
  if (valor === undefined && porOmision !== undefined) return porOmision;
  if (!Array.isArray(valor)) rechazar(codigo, `${campo(ruta, clave)}: no es una lista`);
  return valor;
}

/** One of a closed set of texts; absent takes `porOmision` when there is one. */
export function leerOpcion<T extends string>(
  objeto: Objeto,
  clave: string,
  ruta: string,
  opciones: readonly T[],
  codigo: CodigoErrorDeCaso,
  porOmision?: T,
): T {
  const valor = objeto[clave];
  if (valor === undefined && porOmision !== undefined) return porOmision;
  const opcion = opciones.find((o) => o === valor);
  if (opcion === undefined) {
    rechazar(codigo, `${campo(ruta, clave)}: ${citar(valor)} no es uno de ${opciones.join(', ')}`);
  }
  return opcion;
}
