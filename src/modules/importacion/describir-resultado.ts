import type { ResultadoImportacion } from './importar-cartera.ts';
import { describirObservacion, type Observacion, type Recuento } from './informe.ts';
import type { ConteoDeContactos } from './planear-contactos.ts';

const plural = (n: number, uno: string, varios: string) =>
  `${n.toLocaleString('es-MX')} ${n === 1 ? uno : varios}`;

function lista(titulo: string, observaciones: readonly Observacion[], r: Recuento): string[] {
  if (r.total === 0) return [];
  const lineas = [
    `${titulo} (${r.total.toLocaleString('es-MX')}):`,
    ...observaciones.map((o) => `  ${describirObservacion(o)}`),
  ];
  // A capped list says what it left out, sheet by sheet, and what kinds of fault there are.
  const cortadas = r.porHoja.filter((h) => h.total > h.listadas);
  if (cortadas.length === 0) return lineas;
  for (const h of cortadas)
    lineas.push(
      `  … y ${plural(h.total - h.listadas, 'más', 'más')} en ${h.hoja} (${plural(h.total, 'en total', 'en total')}).`,
    );
  lineas.push('  Por motivo:');
  for (const t of r.porTipo)
    lineas.push(
      `    ${t.hoja}${t.columna === null ? '' : `, columna ${t.columna}`}: ${t.tipo} — ${t.total.toLocaleString('es-MX')}`,
    );
  return lineas;
}

/**
 * «Domicilios: 0 nuevos, 1 reemplaza al vigente (el anterior queda en su historial), 60 ya
 * registrados.» A re-import says everything it adds or changes of the people it knows.
 */
function lineaDeContactos(titulo: string, c: ConteoDeContactos): string {
  const reemplazos =
    c.reemplazados === 0
      ? ''
      : `, ${plural(c.reemplazados, 'reemplaza al vigente (el anterior queda en su historial)', 'reemplazan a los vigentes (los anteriores quedan en su historial)')}`;
  return `  ${titulo}: ${plural(c.nuevos, 'nuevo', 'nuevos')}${reemplazos}, ${plural(c.yaRegistrados, 'ya registrado', 'ya registrados')}.`;
}

/** Rows an error left unchecked (a credit repeated, a sheet not read): they may hide more. */
function sinRevisar(r: ResultadoImportacion): string {
  const n = r.resumen.sinRevisar.filas;
  const porQuien = r.resumen.errores.total === 1 ? 'él' : 'ellos';
  return n === 0
    ? ''
    : `; ${plural(n, 'fila quedó', 'filas quedaron')} sin revisar por ${porQuien}`;
}

function lineasSinRevisar(r: ResultadoImportacion): string[] {
  if (r.resumen.sinRevisar.causas === 0) return [];
  return [
    `Sin revisar hasta corregir esos errores (${plural(r.resumen.sinRevisar.filas, 'fila', 'filas')}):`,
    ...r.sinRevisar.map((o) => `  ${o.mensaje}`),
  ];
}

/** The import's answer as people read it (command line, upload screen). */
export function describirResultado(r: ResultadoImportacion): string {
  const { productos, personas, creditos, movimientos, contactos } = r.conteos;
  const lineas: string[] = [];
  if (!r.importado) {
    lineas.push(
      `Importación de ${r.archivo}: no se importó nada; ${plural(r.resumen.errores.total, 'error', 'errores')} en el archivo${sinRevisar(r)}.`,
      ...lista('Errores', r.errores, r.resumen.errores),
      ...lineasSinRevisar(r),
      'Corrige el archivo y vuelve a importarlo completo.',
    );
  } else {
    lineas.push(
      `Importación de ${r.archivo}: correcta.`,
      `  Productos: ${plural(productos.nuevos, 'nuevo', 'nuevos')}; versiones: ${plural(productos.versionesNuevas, 'nueva', 'nuevas')}, ${plural(productos.versionesExistentes, 'ya registrada', 'ya registradas')}.`,
      `  Personas: ${plural(personas.nuevas, 'nueva', 'nuevas')}, ${plural(personas.existentes, 'ya registrada', 'ya registradas')}.`,
      lineaDeContactos('Teléfonos', contactos.telefonos),
      lineaDeContactos('Correos', contactos.correos),
      lineaDeContactos('Domicilios', contactos.domicilios),
      `  Créditos: ${plural(creditos.nuevos, 'nuevo', 'nuevos')}, ${plural(creditos.sinCambios, 'sin cambios', 'sin cambios')}.`,
      `  Movimientos: ${plural(movimientos.nuevos, 'nuevo', 'nuevos')}, ${plural(movimientos.existentes, 'ya registrado', 'ya registrados')}.`,
    );
  }
  lineas.push(...lista('Advertencias', r.advertencias, r.resumen.advertencias));
  return `${lineas.join('\n')}\n`;
}
