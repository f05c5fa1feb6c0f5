import { completarCurp } from '../../domain/curp.ts';
import { caracterVerificadorRfc } from '../../domain/rfc.ts';

/**
 * A CURP built from a person's data as RENAPO does (the common rules, not every exception):
 * letters of the surnames and the name, birth date, sex, state and internal consonants, a
 * differentiator and the check digit. Demo data and tests only.
 */
export interface DatosCurp {
  nombres: string;
  primerApellido: string;
  segundoApellido: string | null;
  /** YYYY-MM-DD */
  fechaNacimiento: string;
  sexo: 'H' | 'M';
  entidad: string;
}

const VOCALES = 'AEIOU';
const PARTICULAS = new Set([
  'DA',
  'DAS',
  'DE',
  'DEL',
  'DER',
  'DI',
  'DIE',
  'DD',
  'EL',
  'LA',
  'LOS',
  'LAS',
  'LE',
  'LES',
  'MAC',
  'MC',
  'VAN',
  'VON',
  'Y',
]);
const NOMBRES_COMUNES = new Set(['JOSE', 'J', 'J.', 'MARIA', 'MA', 'MA.', 'M', 'M.']);
// Part of RENAPO's list of words a CURP must not spell: its second letter becomes an X.
const ALTISONANTES = new Set([
  'BACA',
  'BAKA',
  'BUEI',
  'BUEY',
  'CACA',
  'CACO',
  'CAGA',
  'CAGO',
  'CAKA',
  'CAKO',
  'COGE',
  'COGI',
  'COJA',
  'COJE',
  'COJI',
  'COJO',
  'COLA',
  'CULO',
  'FALO',
  'FETO',
  'GETA',
  'GUEI',
  'GUEY',
  'JETA',
  'JOTO',
  'KACA',
  'KACO',
  'KAGA',
  'KAGO',
  'KAKA',
  'KAKO',
  'KOGE',
  'KOGI',
  'KOJA',
  'KOJE',
  'KOJI',
  'KOJO',
  'KOLA',
  'KULO',
  'LILO',
  'LOCA',
  'LOCO',
  'LOKA',
  'LOKO',
  'MAME',
  'MAMO',
  'MEAR',
  'MEAS',
  'MEON',
  'MIAR',
  'MION',
  'MOCO',
  'MOKO',
  'MULA',
  'MULO',
  'NACA',
  'NACO',
  'PEDA',
  'PEDO',
  'PENE',
  'PIPI',
  'PITO',
  'POPO',
  'PUTA',
  'PUTO',
  'QULO',
  'RATA',
  'ROBA',
  'ROBE',
  'ROBO',
  'RUIN',
  'SENO',
  'TETA',
  'VACA',
  'VAGA',
  'VAGO',
  'VAKA',
  'VUEI',
  'VUEY',
  'WUEI',
  'WUEY',
]);

/** Upper case without accents; Ñ stays (it becomes X where a letter is taken). */
function normal(texto: string): string {
  return texto
    .toUpperCase()
    .normalize('NFD')
    .replace(/N\u0303/g, '#')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/#/g, 'Ñ');
}

/** The words that count: without particles (DE, LA, DEL…). */
function palabras(texto: string): string[] {
  const todas = normal(texto).split(/\s+/).filter(Boolean);
  const utiles = todas.filter((p) => !PARTICULAS.has(p));
  return utiles.length > 0 ? utiles : todas;
}

const letra = (c: string | undefined) => (c === undefined || c === 'Ñ' ? 'X' : c);

function internaDe(palabra: string, es: (c: string) => boolean): string {
  for (let i = 1; i < palabra.length; i++) {
    const c = palabra.charAt(i);
    if (es(c)) return letra(c);
  }
  return 'X';
}

const esVocal = (c: string) => VOCALES.includes(c);
const esConsonante = (c: string) => /[A-ZÑ]/.test(c) && !esVocal(c);

/** The name a CURP takes: the second one when the first is José or María (and there is one). */
function nombreUsado(nombres: string): string {
  const lista = palabras(nombres);
  const [primero, segundo] = lista;
  return primero !== undefined && segundo !== undefined && NOMBRES_COMUNES.has(primero)
    ? segundo
    : (primero ?? 'X');
}

/** The first 16 characters: everything but the differentiator and the check digit. */
export function raizCurp(d: DatosCurp): string {
  const ap1 = palabras(d.primerApellido)[0] ?? 'X';
  const ap2 = d.segundoApellido ? (palabras(d.segundoApellido)[0] ?? 'X') : 'X';
  const nombre = nombreUsado(d.nombres);
  let inicio = `${letra(ap1.charAt(0))}${internaDe(ap1, esVocal)}${letra(ap2.charAt(0))}${letra(nombre.charAt(0))}`;
  if (ALTISONANTES.has(inicio)) inicio = `${inicio.charAt(0)}X${inicio.slice(2)}`;
  const fecha = `${d.fechaNacimiento.slice(2, 4)}${d.fechaNacimiento.slice(5, 7)}${d.fechaNacimiento.slice(8, 10)}`;
  const consonantes = `${internaDe(ap1, esConsonante)}${d.segundoApellido ? internaDe(ap2, esConsonante) : 'X'}${internaDe(nombre, esConsonante)}`;
  return `${inicio}${fecha}${d.sexo}${d.entidad}${consonantes}`;
}

const DIGITOS = '0123456789';
const LETRAS = 'ABCDEFGHIJKLMNPQRSTUVWXYZ';

/**
 * The CURP of `d`, using the `n`-th differentiator (a digit for births before 2000, a letter
 * from 2000 on): RENAPO changes it when two people would get the same CURP.
 */
export function construirCurp(d: DatosCurp, n = 0): string {
  const diferenciadores = d.fechaNacimiento < '2000' ? DIGITOS : LETRAS;
  return completarCurp(`${raizCurp(d)}${diferenciadores.charAt(n % diferenciadores.length)}`);
}

export const DIFERENCIADORES_POSIBLES = 10;

/** A person's RFC: the CURP's first ten characters, a homoclave and its check character. */
export function construirRfc(curp: string, homoclave: string): string {
  const sin = `${curp.slice(0, 10)}${homoclave}`;
  return `${sin}${caracterVerificadorRfc(sin)}`;
}
