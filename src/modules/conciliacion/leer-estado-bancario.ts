import type { Centavos } from '../../domain/dinero.ts';
import { type Fecha, formatearFecha, numeroDeDia } from '../../domain/fecha.ts';
import { caracterNoAdmitido, motivoDeCaracter } from '../../domain/texto.ts';
import { leerFechaBancaria, leerImporte } from './campos-bancarios.ts';
import { partirLineaCsv } from './csv.ts';

/** The layout of docs/estado-de-cuenta-bancario.md; the header names the columns, in any order. */
export const COLUMNAS = ['fecha', 'referencia', 'importe', 'folio_banco', 'concepto'] as const;
type Columna = (typeof COLUMNAS)[number];
const OPCIONALES: ReadonlySet<Columna> = new Set(['concepto']);

/**
 * One file is posted in one transaction, and the credits it names stay locked until it ends:
 * at about 7 ms a deposit (test/integracion/conciliacion.test.ts), 2,000 lines keep a counter
 * payment to one of them waiting some 15 s. A bigger statement is split, or imported daily.
 */
export const MAXIMO_DEPOSITOS = 2000;
const LARGO: Record<Exclude<Columna, 'fecha' | 'importe'>, number> = {
  referencia: 40,
  folio_banco: 40,
  concepto: 200,
};
const FORMA_FOLIO = /^[A-Za-z0-9._/-]+$/;

export interface DepositoBancario {
  linea: number;
  /** The line as it came, kept with a pending deposit. */
  cruda: string;
  fecha: Fecha;
  referencia: string;
  importe: Centavos;
  folio: string;
  concepto: string;
}

export interface ErrorDeLinea {
  linea: number;
  columna: string | null;
  motivo: string;
}

export type EstadoBancarioLeido =
  | { ok: true; depositos: DepositoBancario[] }
  | { ok: false; errores: ErrorDeLinea[] };

function leerEncabezado(
  campos: readonly string[],
  linea: number,
): { indices: Map<Columna, number>; errores: ErrorDeLinea[] } {
  const indices = new Map<Columna, number>();
  const errores: ErrorDeLinea[] = [];
  const esperadas = COLUMNAS.join(', ');
  campos.forEach((crudo, i) => {
    const nombre = crudo.trim().toLowerCase();
    const columna = COLUMNAS.find((c) => c === nombre);
    if (columna === undefined) {
      errores.push({
        linea,
        columna: crudo.trim(),
        motivo: `columna desconocida; el formato lleva ${esperadas}`,
      });
    } else if (indices.has(columna)) {
      errores.push({ linea, columna, motivo: 'la columna aparece dos veces' });
    } else indices.set(columna, i);
  });
  for (const c of COLUMNAS) {
    if (!indices.has(c) && !OPCIONALES.has(c)) {
      errores.push({ linea, columna: c, motivo: 'falta esta columna en el encabezado' });
    }
  }
  return { indices, errores };
}

function leerDeposito(
  campos: readonly string[],
  indices: ReadonlyMap<Columna, number>,
  linea: number,
  hoy: Fecha,
): { deposito: Omit<DepositoBancario, 'cruda'> | null; errores: ErrorDeLinea[] } {
  const errores: ErrorDeLinea[] = [];
  const valor = (c: Columna) => {
    const i = indices.get(c);
    return i === undefined ? '' : (campos[i] ?? '').trim();
  };
  const fallo = (columna: Columna, motivo: string) => errores.push({ linea, columna, motivo });
  for (const c of ['referencia', 'folio_banco', 'concepto'] as const) {
    const invisible = caracterNoAdmitido(valor(c), false);
    if (invisible !== null) fallo(c, motivoDeCaracter(invisible));
    else if (valor(c).length > LARGO[c]) fallo(c, `admite a lo más ${LARGO[c]} caracteres`);
  }
  const fecha = leerFechaBancaria(valor('fecha'));
  if (!fecha.ok) fallo('fecha', fecha.motivo);
  else if (numeroDeDia(fecha.valor) > numeroDeDia(hoy)) {
    fallo(
      'fecha',
      `es posterior a hoy (${formatearFecha(hoy)}): un depósito no puede venir del futuro`,
    );
  }
  const importe = leerImporte(valor('importe'));
  if (!importe.ok) fallo('importe', importe.motivo);
  const folio = valor('folio_banco');
  if (folio === '') fallo('folio_banco', 'no puede estar vacío: es la clave única del depósito');
  else if (!FORMA_FOLIO.test(folio)) {
    fallo('folio_banco', 'admite solo letras, números, punto, guion, guion bajo y diagonal');
  }
  if (errores.length > 0 || !fecha.ok || !importe.ok) return { deposito: null, errores };
  return {
    deposito: {
      linea,
      fecha: fecha.valor,
      referencia: valor('referencia'),
      importe: importe.valor,
      folio,
      concepto: valor('concepto'),
    },
    errores,
  };
}

/**
 * Reads a whole statement and reports every bad line (number, column, reason) before anything
 * is posted: a file is taken whole or not at all. Line numbers are those an editor shows,
 * header included; blank lines are skipped but counted.
 */
export function leerEstadoBancario(texto: string, hoy: Fecha): EstadoBancarioLeido {
  const lineas = texto.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const errores: ErrorDeLinea[] = [];
  const depositos: DepositoBancario[] = [];
  const folios = new Map<string, number>();
  let indices: ReadonlyMap<Columna, number> | null = null;
  let anchoEncabezado = 0;
  for (const [i, cruda] of lineas.entries()) {
    const linea = i + 1;
    if (cruda.trim() === '') continue;
    if (cruda.includes('\uFFFD')) {
      errores.push({
        linea,
        columna: null,
        motivo: 'tiene caracteres que no son UTF-8: guarda el archivo como «CSV UTF-8»',
      });
      if (indices === null) return { ok: false, errores };
      continue;
    }
    const partida = partirLineaCsv(cruda);
    if (!partida.ok) {
      errores.push({ linea, columna: null, motivo: partida.motivo });
      if (indices === null) return { ok: false, errores };
      continue;
    }
    if (indices === null) {
      const encabezado = leerEncabezado(partida.campos, linea);
      if (encabezado.errores.length > 0) return { ok: false, errores: encabezado.errores };
      indices = encabezado.indices;
      anchoEncabezado = partida.campos.length;
      continue;
    }
    if (partida.campos.length !== anchoEncabezado) {
      errores.push({
        linea,
        columna: null,
        motivo: `tiene ${partida.campos.length} columnas y el encabezado ${anchoEncabezado} (¿un importe con coma sin comillas?)`,
      });
      continue;
    }
    const { deposito, errores: deLaLinea } = leerDeposito(partida.campos, indices, linea, hoy);
    errores.push(...deLaLinea);
    if (!deposito) continue;
    const previa = folios.get(deposito.folio);
    if (previa !== undefined) {
      errores.push({
        linea,
        columna: 'folio_banco',
        motivo: `el folio ${deposito.folio} ya apareció en la línea ${previa}: cada depósito lleva un folio propio`,
      });
      continue;
    }
    folios.set(deposito.folio, linea);
    depositos.push({ ...deposito, cruda });
  }
  if (indices === null) {
    return { ok: false, errores: [{ linea: 1, columna: null, motivo: 'el archivo está vacío' }] };
  }
  if (errores.length > 0) return { ok: false, errores };
  if (depositos.length === 0) {
    return {
      ok: false,
      errores: [
        { linea: 1, columna: null, motivo: 'el archivo solo trae el encabezado: no hay depósitos' },
      ],
    };
  }
  if (depositos.length > MAXIMO_DEPOSITOS) {
    return {
      ok: false,
      errores: [
        {
          linea: 1,
          columna: null,
          motivo: `trae ${depositos.length} depósitos y el máximo por archivo es ${MAXIMO_DEPOSITOS}: divídelo`,
        },
      ],
    };
  }
  return { ok: true, depositos };
}
