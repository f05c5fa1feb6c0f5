import type { DomicilioNuevo, TelefonoNuevo } from '../../db/escritura-cartera.ts';
import type { CanalPago, TipoTelefono } from '../../db/esquema.ts';
import { validarCurp } from '../../domain/curp.ts';
import type { Centavos } from '../../domain/dinero.ts';
import { validarRfc } from '../../domain/rfc.ts';
import type { Concepto, Excedente, MovimientoArchivo, PersonaArchivo } from './cartera-archivo.ts';
import type { LectorDeFila } from './lector-de-fila.ts';

/** Readers of the fields that need more than one cell or a check of their own. */

const TIPOS_TELEFONO: readonly TipoTelefono[] = ['movil', 'casa', 'trabajo', 'recados'];
const CLAVE = /^[\p{L}\d_./-]{1,60}$/u;
// The same rule for the usual all-ASCII keys, without Unicode tables: millions of rows use it.
const CLAVE_ASCII = /^[A-Za-z0-9_./-]{1,60}$/;
const CORREO = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function curp(l: LectorDeFila, columna: string, obligatoria: boolean): string | null {
  const texto = l.texto(columna, obligatoria);
  if (texto === null) return null;
  const r = validarCurp(texto);
  if (!r.valida) {
    l.error(columna, `«${texto}» no es una CURP válida: ${r.motivo}`);
    return null;
  }
  return r.curp;
}

/** A key (credit number, product, movement): letters, digits and - _ . / only. */
export function clave(l: LectorDeFila, columna: string): string | null {
  const texto = l.texto(columna, true);
  if (texto === null) return null;
  if (!CLAVE_ASCII.test(texto) && !CLAVE.test(texto)) {
    l.error(
      columna,
      `«${texto}» no es una clave válida: solo letras, dígitos y - _ . / (hasta 60)`,
    );
    return null;
  }
  return texto.toUpperCase();
}

export function telefono(
  l: LectorDeFila,
  columna: string,
  obligatoria: boolean,
): TelefonoNuevo | null {
  const texto = l.texto(columna, obligatoria);
  if (texto === null) return null;
  // Mexico's country code (+52, and the 1 that mobiles carried until 2020) is not part of the
  // 10-digit number: «+52 662 214 5591» is 6622145591.
  const numero = texto.replace(/[\s()./-]/g, '').replace(/^\+?521?(?=\d{10}$)/, '');
  if (!/^\d{10}$/.test(numero)) {
    l.error(
      columna,
      `«${texto}» no es un teléfono de 10 dígitos: escribe el número con su lada (10 dígitos), sin 044, 045 ni otra clave de país que +52`,
    );
    return null;
  }
  const tipo = l.opcion('tipo_telefono', TIPOS_TELEFONO, 'movil');
  return tipo === null ? null : { numero, tipo, consentimiento: l.siNo('consentimiento') };
}

/** A required part of an address that is missing: say why it is required and what to do. */
function faltaEnDomicilio(l: LectorDeFila, columna: 'calle' | 'municipio', llenas: string[]) {
  const [el, obligatorio, escribelo] =
    columna === 'calle'
      ? ['la calle', 'obligatoria', 'escríbela']
      : ['el municipio', 'obligatorio', 'escríbelo'];
  l.error(
    columna,
    `falta el valor: ${el} es ${obligatorio} porque la fila tiene domicilio (${llenas.join(', ')}); ${escribelo} o deja vacías todas las columnas del domicilio`,
  );
}

function domicilio(l: LectorDeFila): DomicilioNuevo | null {
  const columnas = ['calle', 'numero', 'colonia', 'codigo_postal', 'municipio'];
  const llenas = columnas.filter((c) => !l.vacia(c));
  if (llenas.length === 0) return null;
  const calle = l.texto('calle');
  const municipio = l.texto('municipio');
  if (l.vacia('calle')) faltaEnDomicilio(l, 'calle', llenas);
  if (l.vacia('municipio')) faltaEnDomicilio(l, 'municipio', llenas);
  let codigoPostal = l.texto('codigo_postal');
  if (codigoPostal !== null) {
    // A number cell loses a leading zero (05000 → 5000); text keeps what was typed.
    if (typeof l.celda('codigo_postal') === 'number') codigoPostal = codigoPostal.padStart(5, '0');
    if (!/^\d{5}$/.test(codigoPostal)) {
      l.error('codigo_postal', `«${codigoPostal}» no es un código postal de 5 dígitos`);
    }
  }
  if (calle === null || municipio === null) return null;
  return {
    calle,
    numero: l.texto('numero'),
    colonia: l.texto('colonia'),
    codigoPostal,
    municipio,
    estado: l.texto('estado') ?? 'Sonora',
  };
}

export function persona(l: LectorDeFila): PersonaArchivo | null {
  const c = curp(l, 'curp', true);
  const nombres = l.texto('nombres', true);
  const primerApellido = l.texto('primer_apellido', true);
  const fechaNacimiento = l.fecha('fecha_nacimiento');
  let rfc = l.texto('rfc');
  if (rfc !== null) {
    const r = validarRfc(rfc);
    if (!r.valido) l.error('rfc', `«${rfc}» no es un RFC válido: ${r.motivo}`);
    else if (r.advertencia) l.advertencia('rfc', `RFC ${r.rfc}: ${r.advertencia}`);
    rfc = r.valido ? r.rfc : null;
  }
  if (
    c !== null &&
    fechaNacimiento !== null &&
    c.slice(4, 10) !== fechaNacimiento.slice(2).replaceAll('-', '')
  ) {
    l.advertencia('fecha_nacimiento', `no coincide con la fecha que contiene la CURP ${c}`);
  }
  const tel = telefono(l, 'telefono', false);
  const correo = l.texto('correo')?.toLowerCase() ?? null;
  if (correo !== null && !CORREO.test(correo))
    l.error('correo', `«${correo}» no es un correo válido`);
  const dom = domicilio(l);
  // Read before the check below: a fault in them (an Excel error, an invisible character) must
  // count against the row like any other.
  const segundoApellido = l.texto('segundo_apellido');
  const consentimiento = tel?.consentimiento ?? l.siNo('consentimiento');
  if (l.fallas > 0 || c === null || nombres === null || primerApellido === null) return null;
  return {
    hoja: l.hoja,
    fila: l.fila,
    curp: c,
    nombres,
    primerApellido,
    segundoApellido,
    rfc,
    fechaNacimiento,
    telefonos: tel ? [tel] : [],
    correos: correo ? [{ correo, consentimiento }] : [],
    domicilios: dom ? [dom] : [],
  };
}

/** A column that the movement's type does not use must be empty. */
function sobra(l: LectorDeFila, columna: string, cuando: string): void {
  if (!l.vacia(columna)) l.error(columna, `debe quedar vacía en ${cuando}`);
}

export function movimiento(
  l: LectorDeFila,
  numeroCredito: string,
  claveMov: string,
): MovimientoArchivo | null {
  const tipo = l.opcion('tipo', ['pago', 'condonacion', 'cancelacion'] as const);
  const fecha = l.fecha('fecha', true);
  let monto: Centavos | null = null;
  let excedente: Excedente | null = null;
  let concepto: Concepto | null = null;
  let cancelaClave: string | null = null;
  let canal: CanalPago | null = null;
  if (tipo === 'pago' || tipo === 'condonacion') {
    monto = l.monto('monto', true);
    if (monto === 0) l.error('monto', 'debe ser mayor que cero');
    sobra(l, 'cancela_clave', `un${tipo === 'pago' ? ' pago' : 'a condonación'}`);
  }
  if (tipo === 'pago') {
    excedente = l.opcion('excedente', ['reducir_plazo', 'adelantar'] as const, 'reducir_plazo');
    canal = l.opcion('canal', ['banco', 'caja', 'nomina', 'importacion'] as const, 'importacion');
    sobra(l, 'concepto', 'un pago');
  } else if (tipo === 'condonacion') {
    concepto = l.opcion('concepto', ['moratorio', 'interes', 'capital'] as const);
    sobra(l, 'excedente', 'una condonación');
    sobra(l, 'canal', 'una condonación');
  } else if (tipo === 'cancelacion') {
    if (l.vacia('cancela_clave'))
      l.error('cancela_clave', 'falta la clave del movimiento que cancela');
    else cancelaClave = clave(l, 'cancela_clave');
    for (const c of ['monto', 'excedente', 'concepto', 'canal']) sobra(l, c, 'una cancelación');
  }
  const referencia = l.texto('referencia');
  const motivo = l.texto('motivo');
  if (l.fallas > 0 || tipo === null || fecha === null) return null;
  return {
    hoja: l.hoja,
    fila: l.fila,
    numeroCredito,
    clave: claveMov,
    tipo,
    fecha,
    monto,
    excedente,
    concepto,
    cancelaClave,
    cancela: null,
    canal,
    referencia,
    motivo,
    registradoPor: null,
  };
}

/**
 * The catalogue of offices (migration 0001), by name as the office writes it: «Hermosillo»,
 * «Cd. Obregón», «Ciudad Obregón», «Nogales» — case, accents and the abbreviation do not matter.
 */
const OFICINAS_POR_NOMBRE: ReadonlyMap<string, string> = new Map([
  ['hermosillo', 'HMO'],
  ['ciudad obregon', 'OBR'],
  ['obregon', 'OBR'],
  ['nogales', 'NOG'],
]);

/** The office's clave (`HMO`), written as its clave or by its name; other text as it came. */
export function oficina(l: LectorDeFila): string | null {
  const texto = l.texto('oficina', true);
  if (texto === null) return null;
  const nombre = texto
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^cd /, 'ciudad ');
  return OFICINAS_POR_NOMBRE.get(nombre) ?? texto.toUpperCase();
}
