import type { ResultadoImportacion } from './importar-cartera.ts';
import { describirObservacion, type Observacion, type Recuento } from './informe.ts';

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

/** The import's answer as people read it (command line, upload screen). */
export function describirResultado(r: ResultadoImportacion): string {
  const { productos, personas, creditos, movimientos } = r.conteos;
  const lineas: string[] = [];
  if (!r.importado) {
    lineas.push(
      `Importación de ${r.archivo}: no se importó nada; ${plural(r.resumen.errores.total, 'error', 'errores')} en el archivo.`,
      ...lista('Errores', r.errores, r.resumen.errores),
      'Corrige el archivo y vuelve a importarlo completo.',
    );
  } else {
    lineas.push(
      `Importación de ${r.archivo}: correcta.`,
      `  Productos: ${plural(productos.nuevos, 'nuevo', 'nuevos')}; versiones: ${plural(productos.versionesNuevas, 'nueva', 'nuevas')}, ${plural(productos.versionesExistentes, 'ya registrada', 'ya registradas')}.`,
      `  Personas: ${plural(personas.nuevas, 'nueva', 'nuevas')}, ${plural(personas.existentes, 'ya registrada', 'ya registradas')}.`,
      `  Créditos: ${plural(creditos.nuevos, 'nuevo', 'nuevos')}, ${plural(creditos.sinCambios, 'sin cambios', 'sin cambios')}.`,
      `  Movimientos: ${plural(movimientos.nuevos, 'nuevo', 'nuevos')}, ${plural(movimientos.existentes, 'ya registrado', 'ya registrados')}.`,
    );
  }
  lineas.push(...lista('Advertencias', r.advertencias, r.resumen.advertencias));
  return `${lineas.join('\n')}\n`;
}
