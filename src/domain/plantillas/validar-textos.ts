import { caracterNoAdmitido, motivoDeCaracter } from '../texto.ts';
import { PLANTILLAS, type TextosDePlantilla, type TipoPlantilla, variablesDe } from './catalogo.ts';
import { analizarPlantilla } from './lenguaje.ts';

export interface ErrorDeSeccion {
  seccion: string;
  linea: number | null;
  mensaje: string;
}

/**
 * Every error of a version's texts, by section: each section of the document present (an
 * empty one prints nothing), none it does not have, within its length, and each a template
 * with only the document's variables.
 */
export function validarTextos(
  tipo: TipoPlantilla,
  textos: Readonly<Record<string, unknown>>,
): ErrorDeSeccion[] {
  const definicion = PLANTILLAS[tipo];
  const permitidas = variablesDe(tipo);
  const errores: ErrorDeSeccion[] = [];
  const claves = new Set(definicion.secciones.map((s) => s.clave));
  for (const clave of Object.keys(textos)) {
    if (!claves.has(clave)) {
      errores.push({
        seccion: clave,
        linea: null,
        mensaje: `${definicion.nombre} no tiene la sección «${clave}».`,
      });
    }
  }
  for (const s of definicion.secciones) {
    const texto = Object.hasOwn(textos, s.clave) ? textos[s.clave] : undefined;
    if (typeof texto !== 'string') {
      errores.push({ seccion: s.clave, linea: null, mensaje: `Falta el texto de «${s.titulo}».` });
      continue;
    }
    if (texto.length > s.maximo) {
      errores.push({
        seccion: s.clave,
        linea: null,
        mensaje: `«${s.titulo}» admite hasta ${s.maximo} caracteres; tiene ${texto.length}.`,
      });
    }
    const invisible = caracterNoAdmitido(texto, true);
    if (invisible !== null) {
      errores.push({
        seccion: s.clave,
        linea: null,
        mensaje: `«${s.titulo}» ${motivoDeCaracter(invisible)}.`,
      });
    }
    if (s.unaLinea && /[\r\n]/.test(texto)) {
      errores.push({
        seccion: s.clave,
        linea: null,
        mensaje: `«${s.titulo}» se imprime en una sola línea: quita los saltos de línea.`,
      });
    }
    for (const e of analizarPlantilla(texto, permitidas)) {
      errores.push({ seccion: s.clave, linea: e.linea, mensaje: `«${s.titulo}», ${e.mensaje}` });
    }
  }
  return errores;
}

/** Texts of `tipo` as stored: exactly its sections, line ends as `\n`. */
export function normalizarTextos(
  tipo: TipoPlantilla,
  textos: TextosDePlantilla,
): TextosDePlantilla {
  const salida: Record<string, string> = {};
  for (const s of PLANTILLAS[tipo].secciones) {
    salida[s.clave] = (textos[s.clave] ?? '').replace(/\r\n?/g, '\n');
  }
  return salida;
}
