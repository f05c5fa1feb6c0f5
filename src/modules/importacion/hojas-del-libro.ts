import { distancia } from './causas.ts';
import {
  type Columna,
  DISPOSICION,
  HOJAS,
  hojaDeNombre,
  type NombreHoja,
  normalizarNombre,
} from './disposicion.ts';
import type { Informe } from './informe.ts';
import { celdaVacia, type FilaLeida, type HojasLeidas } from './libro.ts';

/** One sheet of the workbook (or one part of a split sheet) ready to be read by column name. */
export interface ParteDeHoja {
  /** As the person named it: the report cites it. */
  nombre: string;
  indices: ReadonlyMap<string, number>;
  filas: Iterable<FilaLeida>;
  /** The sheet's `filaEn`, if its reader has one. */
  filaEn?: (posicion: number, numero: number) => FilaLeida;
}

/**
 * Groups the sheets by kind and checks their header rows: an unknown or repeated column is an
 * error, and so is a missing required one — then that sheet's rows are not read, or every row
 * would repeat the same fault, and what other sheets name from it is not reported missing
 * (`Causas`). An unknown header is matched to the column it most likely means: «la hoja
 * personas no se leyó: encabezado «Nombre(s)», se esperaba «nombres»». A sheet of an unknown name is only a warning (a sheet of notes);
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
    const desconocidos: string[] = [];
    hoja.encabezados.forEach((encabezado, i) => {
      const nombre = normalizarNombre(encabezado);
      if (nombre === '') return;
      if (!columnas.some((c) => c.nombre === nombre)) desconocidos.push(encabezado);
      else if (indices.has(nombre))
        informe.error(hoja.nombre, 1, nombre, 'la columna está repetida');
      else indices.set(nombre, i);
    });
    const nombreHoja = hoja.nombre.replace(/\.csv$/i, '');
    // What each unknown header most likely meant, among the columns not there yet.
    const explicadas = new Set<string>();
    let completa = true;
    for (const encabezado of desconocidos) {
      const faltantes = columnas.filter((c) => !indices.has(c.nombre) && !explicadas.has(c.nombre));
      const sugerida = columnaParecida(encabezado, faltantes);
      if (sugerida === null) {
        informe.error(
          hoja.nombre,
          1,
          encabezado,
          `columna desconocida (las columnas de esta hoja son: ${columnas.map((c) => c.nombre).join(', ')})`,
        );
        continue;
      }
      explicadas.add(sugerida.nombre);
      if (sugerida.obligatoria) {
        informe.error(
          hoja.nombre,
          1,
          null,
          `la hoja ${nombreHoja} no se leyó: encabezado «${encabezado}», se esperaba «${sugerida.nombre}»`,
        );
        completa = false;
      } else
        informe.error(
          hoja.nombre,
          1,
          encabezado,
          `encabezado desconocido, se esperaba «${sugerida.nombre}»`,
        );
    }
    for (const c of columnas) {
      if (c.obligatoria && !indices.has(c.nombre) && !explicadas.has(c.nombre)) {
        informe.error(hoja.nombre, 1, c.nombre, 'falta la columna obligatoria');
        completa = false;
      }
    }
    // Every row naming what this sheet holds would fail too: they are counted, not reported.
    if (!completa) informe.causas.hojaSinLeer(tipo, hoja.nombre, contarFilas(hoja.filas));
    const partes = grupos.get(tipo) ?? [];
    partes.push(
      completa
        ? { nombre: hoja.nombre, indices, filas: hoja.filas, filaEn: hoja.filaEn }
        : { nombre: hoja.nombre, indices, filas: [] },
    );
    grupos.set(tipo, partes);
  }
  return grupos;
}

function contarFilas(filas: Iterable<FilaLeida>): number {
  let n = 0;
  for (const f of filas) if (!f.celdas.every(celdaVacia)) n++;
  return n;
}

// Words people write for a column under another name.
const SINONIMOS: Readonly<Record<string, string>> = {
  apellidopaterno: 'primer_apellido',
  apellidomaterno: 'segundo_apellido',
  cp: 'codigo_postal',
  email: 'correo',
  correoelectronico: 'correo',
};

/** A header reduced to its letters and digits, without accents nor little words. */
function compacto(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\b(de|del|la|el|los|las|y|e)\b/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The column a header that does not read most likely means: the same letters and digits
 * (`Nombre(s)` is `nombres`, `Fecha de nacimiento` is `fecha_nacimiento`), a known other name,
 * or one or two letters off. null: nothing close.
 */
export function columnaParecida(encabezado: string, columnas: readonly Columna[]): Columna | null {
  const x = compacto(encabezado);
  if (x === '') return null;
  const porNombre = (nombre: string | undefined) =>
    columnas.find((c) => c.nombre === nombre) ?? null;
  const igual = columnas.find((c) => compacto(c.nombre) === x) ?? porNombre(SINONIMOS[x]);
  if (igual) return igual;
  const tope = Math.max(1, Math.floor(x.length / 5));
  let mejor: Columna | null = null;
  let menor = tope + 1;
  for (const c of columnas) {
    const d = distancia(x, compacto(c.nombre), tope);
    if (d < menor) {
      menor = d;
      mejor = c;
    }
  }
  return mejor;
}
