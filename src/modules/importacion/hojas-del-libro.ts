import {
  DISPOSICION,
  HOJAS,
  hojaDeNombre,
  type NombreHoja,
  normalizarNombre,
} from './disposicion.ts';
import type { Informe } from './informe.ts';
import type { FilaLeida, HojasLeidas } from './libro.ts';

/** One sheet of the workbook (or one part of a split sheet) ready to be read by column name. */
export interface ParteDeHoja {
  /** As the person named it: the report cites it. */
  nombre: string;
  indices: ReadonlyMap<string, number>;
  filas: Iterable<FilaLeida>;
}

/**
 * Groups the sheets by kind and checks their header rows: an unknown or repeated column is an
 * error, and so is a missing required one — then that sheet's rows are not read, or every row
 * would repeat the same fault. A sheet of an unknown name is only a warning (a sheet of notes);
 * the template's `instrucciones` sheet is skipped silently.
 */
export function agruparHojas(libro: HojasLeidas, informe: Informe): Map<NombreHoja, ParteDeHoja[]> {
  const grupos = new Map<NombreHoja, ParteDeHoja[]>();
  for (const hoja of libro.hojas) {
    const tipo = hojaDeNombre(hoja.nombre);
    if (normalizarNombre(hoja.nombre) === 'instrucciones') continue;
    if (tipo === null) {
      informe.advertencia(
        hoja.nombre,
        null,
        null,
        `hoja desconocida, no se lee (las hojas son: ${HOJAS.join(', ')})`,
      );
      continue;
    }
    const columnas = DISPOSICION[tipo];
    const indices = new Map<string, number>();
    let completa = true;
    hoja.encabezados.forEach((encabezado, i) => {
      const nombre = normalizarNombre(encabezado);
      if (nombre === '') return;
      if (!columnas.some((c) => c.nombre === nombre)) {
        informe.error(
          hoja.nombre,
          1,
          encabezado,
          `columna desconocida (las columnas de esta hoja son: ${columnas.map((c) => c.nombre).join(', ')})`,
        );
      } else if (indices.has(nombre)) {
        informe.error(hoja.nombre, 1, nombre, 'la columna está repetida');
      } else {
        indices.set(nombre, i);
      }
    });
    for (const c of columnas) {
      if (c.obligatoria && !indices.has(c.nombre)) {
        informe.error(hoja.nombre, 1, c.nombre, 'falta la columna obligatoria');
        completa = false;
      }
    }
    const partes = grupos.get(tipo) ?? [];
    partes.push({ nombre: hoja.nombre, indices, filas: completa ? hoja.filas : [] });
    grupos.set(tipo, partes);
  }
  return grupos;
}
