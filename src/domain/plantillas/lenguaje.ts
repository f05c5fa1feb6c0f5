/**
 * The templates' language: text with `{{variable}}` placeholders and nothing else. No loops,
 * conditionals, includes or expressions: a placeholder names a value the document already has
 * (a formatted string), so a template cannot run code, read files or reach an object's
 * prototype: values are looked up by own key in a plain record, never by property access.
 */

/** A dotted name of lowercase words: `instituto.razon_social`, `acreditado.nombre`. */
const NOMBRE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
/** Every `{{…}}` on one line; the content is checked apart, so the match itself is lenient. */
const MARCADOR = /\{\{([^{}\n]*)\}\}/g;

export interface ErrorDePlantilla {
  /** 1-based, as an editor numbers lines. */
  linea: number;
  mensaje: string;
}

/**
 * The template's errors, in Spanish, with the line each is on; empty when it can be filled.
 * A variable outside `variablesPermitidas` is an error (a typo would print nothing).
 */
export function analizarPlantilla(
  texto: string,
  variablesPermitidas: ReadonlySet<string>,
): ErrorDePlantilla[] {
  const errores: ErrorDePlantilla[] = [];
  texto.split('\n').forEach((contenido, i) => {
    const linea = i + 1;
    let desde = 0;
    while (desde < contenido.length) {
      const abre = contenido.indexOf('{{', desde);
      const cierraSuelta = contenido.indexOf('}}', desde);
      if (cierraSuelta !== -1 && (abre === -1 || cierraSuelta < abre)) {
        errores.push({
          linea,
          mensaje: `Línea ${linea}: hay un «}}» sin «{{» que lo abra.`,
        });
        desde = cierraSuelta + 2;
        continue;
      }
      if (abre === -1) break;
      const cierra = contenido.indexOf('}}', abre + 2);
      if (cierra === -1) {
        errores.push({
          linea,
          mensaje: `Línea ${linea}: falta cerrar la llave «{{»: escribe «}}» después del nombre de la variable, en la misma línea.`,
        });
        break;
      }
      const nombre = contenido.slice(abre + 2, cierra).trim();
      if (nombre.includes('{{')) {
        errores.push({
          linea,
          mensaje: `Línea ${linea}: falta cerrar la llave «{{» antes de abrir otra.`,
        });
      } else if (nombre === '') {
        errores.push({ linea, mensaje: `Línea ${linea}: «{{}}» no nombra ninguna variable.` });
      } else if (!NOMBRE.test(nombre)) {
        errores.push({
          linea,
          mensaje: `Línea ${linea}: «${nombre}» no es un nombre de variable: usa minúsculas, números, guion bajo y puntos, como «acreditado.nombre».`,
        });
      } else if (!variablesPermitidas.has(nombre)) {
        errores.push({
          linea,
          mensaje: `Línea ${linea}: la variable «{{${nombre}}}» no existe en este documento; elige una de la lista de variables.`,
        });
      }
      desde = cierra + 2;
    }
  });
  return errores;
}

/**
 * The text with each `{{variable}}` replaced by its value, in one pass: a value is inserted
 * literally, so a value that itself contains `{{x}}` is never expanded. A variable without a
 * value prints empty; a malformed placeholder (only in a template that did not pass
 * `analizarPlantilla`) stays as written. Never throws.
 */
export function llenarPlantilla(texto: string, valores: Readonly<Record<string, string>>): string {
  return texto.replace(MARCADOR, (marcador, contenido: string) => {
    const nombre = contenido.trim();
    if (!NOMBRE.test(nombre)) return marcador;
    return Object.hasOwn(valores, nombre) ? (valores[nombre] ?? '') : '';
  });
}

/** The variables a template names, in order of first appearance. */
export function variablesUsadas(texto: string): string[] {
  const vistas = new Set<string>();
  for (const m of texto.matchAll(MARCADOR)) {
    const nombre = (m[1] ?? '').trim();
    if (NOMBRE.test(nombre)) vistas.add(nombre);
  }
  return [...vistas];
}
