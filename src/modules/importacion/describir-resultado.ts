import type { ResultadoImportacion } from './importar-cartera.ts';
import { describirObservacion, type Observacion } from './informe.ts';

const plural = (n: number, uno: string, varios: string) =>
  `${n.toLocaleString('es-MX')} ${n === 1 ? uno : varios}`;

function lista(titulo: string, observaciones: readonly Observacion[]): string[] {
  if (observaciones.length === 0) return [];
  return [
    `${titulo} (${observaciones.length.toLocaleString('es-MX')}):`,
    ...observaciones.map((o) => `  ${describirObservacion(o)}`),
  ];
}

/** The import's answer as people read it (command line, upload screen). */
export function describirResultado(r: ResultadoImportacion): string {
  const { productos, personas, creditos, movimientos } = r.conteos;
  const lineas: string[] = [];
  if (!r.importado) {
    lineas.push(
      `Importación de ${r.archivo}: no se importó nada; ${plural(r.errores.length, 'error', 'errores')} en el archivo.`,
      ...lista('Errores', r.errores),
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
  lineas.push(...lista('Advertencias', r.advertencias));
  return `${lineas.join('\n')}\n`;
}
