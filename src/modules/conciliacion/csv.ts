export type CamposCsv = { ok: true; campos: string[] } | { ok: false; motivo: string };

const ESPACIO = /[ \t]/;

/**
 * One line of comma-separated values (RFC 4180 within a line): a field may come between double
 * quotes, and then carries commas and doubled quotes (`""` is one `"`). A quoted field must
 * close on its own line: a bank statement line is one deposit, and that keeps error reports
 * pointing at the line a person sees in their editor.
 */
export function partirLineaCsv(linea: string): CamposCsv {
  const campos: string[] = [];
  let i = 0;
  for (;;) {
    let inicio = i;
    while (ESPACIO.test(linea.charAt(inicio))) inicio++;
    if (linea.charAt(inicio) === '"') {
      let valor = '';
      i = inicio + 1;
      for (;;) {
        if (i >= linea.length) {
          return {
            ok: false,
            motivo:
              'tiene comillas sin cerrar (un campo entre comillas se cierra en la misma línea)',
          };
        }
        const c = linea.charAt(i);
        if (c === '"' && linea.charAt(i + 1) === '"') {
          valor += '"';
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          valor += c;
          i++;
        }
      }
      while (ESPACIO.test(linea.charAt(i))) i++;
      if (i < linea.length && linea.charAt(i) !== ',') {
        return { ok: false, motivo: 'tras cerrar unas comillas debe seguir una coma' };
      }
      campos.push(valor);
    } else {
      const fin = linea.indexOf(',', i);
      const valor = fin < 0 ? linea.slice(i) : linea.slice(i, fin);
      if (valor.includes('"')) {
        return {
          ok: false,
          motivo:
            'tiene una comilla dentro de un campo sin comillas (escríbelo entre comillas y la comilla doble: "")',
        };
      }
      campos.push(valor);
      i = fin < 0 ? linea.length : fin;
    }
    if (i >= linea.length) return { ok: true, campos };
    i++; // the comma; a comma at the very end leaves one last, empty field
  }
}
