import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { TIPOS_DE_PLANTILLA, type TipoPlantilla } from '../../domain/plantillas/catalogo.ts';

/**
 * Documents the institute issues: the same six whose texts are templates, one list for both
 * (src/domain/plantillas/catalogo.ts).
 */
export type TipoDocumento = TipoPlantilla;
export const TIPOS_DE_DOCUMENTO: readonly TipoDocumento[] = TIPOS_DE_PLANTILLA;

/** How each document is named in a sentence («para imprimir el convenio»). */
export const NOMBRE_DEL_DOCUMENTO: Record<TipoDocumento, string> = {
  convenio: 'el convenio',
  pagare: 'el pagaré',
  carta_finiquito: 'la carta finiquito',
  recibo: 'el recibo',
  ficha_de_pago: 'la ficha de pago',
  estado_de_cuenta: 'el estado de cuenta',
};

export interface CuentaDelInstituto {
  banco: string;
  titular: string;
  cuenta: string;
  clabe: string;
  /** How a payer writes the reference at this bank, in words (e.g. «Referencia: los 20 dígitos…»). */
  convencionReferencia: string;
}

export interface FirmanteDelInstituto {
  nombre: string;
  cargo: string;
}

export interface DatosDelInstituto {
  /** Append-only versions: every save is a new version. */
  version: number;
  razonSocial: string;
  domicilio: string;
  telefono: string;
  correo: string;
  cuentas: CuentaDelInstituto[];
  firmantes: Partial<Record<TipoDocumento, FirmanteDelInstituto>>;
  /** Legal legends printed on each document. */
  leyendas: Partial<Record<TipoDocumento, string>>;
  /** Who saved this version (the user's full name) and when (instant ISO). */
  guardadoPor: string;
  guardadoEn: string;
}

/** The current version, or `version` itself; null if the administrador has never saved them. */
export async function leerDatosDelInstituto(
  trx: Db,
  version?: number,
): Promise<DatosDelInstituto | null> {
  let consulta = trx
    .selectFrom('datos_del_instituto as d')
    .innerJoin('usuarios as u', 'u.id', 'd.guardado_por')
    .select([
      'd.version',
      'd.razon_social',
      'd.domicilio',
      'd.telefono',
      'd.correo',
      'd.cuentas',
      'd.firmantes',
      'd.leyendas',
      'u.nombre as guardado_por',
      'd.guardado_en',
    ]);
  consulta =
    version === undefined
      ? consulta.orderBy('d.version', 'desc').limit(1)
      : consulta.where('d.version', '=', version);
  const f = await consulta.executeTakeFirst();
  if (f === undefined) return null;
  return {
    version: f.version,
    razonSocial: f.razon_social,
    domicilio: f.domicilio,
    telefono: f.telefono,
    correo: f.correo,
    // Written whole by guardarDatosDelInstituto from validated input: the shape is ours.
    cuentas: f.cuentas as CuentaDelInstituto[],
    firmantes: f.firmantes as DatosDelInstituto['firmantes'],
    leyendas: f.leyendas as DatosDelInstituto['leyendas'],
    guardadoPor: f.guardado_por,
    guardadoEn: f.guardado_en.toISOString(),
  };
}

const vacio = (t: string | undefined) => t === undefined || t.trim() === '';

/** Who signs each document for the institute; the others carry no institute signature. */
const CON_FIRMANTE: ReadonlySet<TipoDocumento> = new Set(['convenio', 'carta_finiquito']);
/** Documents that tell the debtor where to pay: they print the accounts. */
const CON_CUENTAS: ReadonlySet<TipoDocumento> = new Set(['convenio', 'ficha_de_pago']);

/** What `tipo` needs of the datos and is missing, in words («la razón social»…); empty: none. */
export function faltantesPara(tipo: TipoDocumento, datos: DatosDelInstituto | null): string[] {
  const faltan: string[] = [];
  if (vacio(datos?.razonSocial)) faltan.push('la razón social');
  if (vacio(datos?.domicilio)) faltan.push('el domicilio');
  if (vacio(datos?.telefono)) faltan.push('el teléfono');
  if (vacio(datos?.correo)) faltan.push('el correo');
  if (CON_CUENTAS.has(tipo) && (datos?.cuentas.length ?? 0) === 0)
    faltan.push('una cuenta bancaria con su CLABE');
  if (CON_FIRMANTE.has(tipo)) {
    const f = datos?.firmantes[tipo];
    const documento = NOMBRE_DEL_DOCUMENTO[tipo];
    if (vacio(f?.nombre)) faltan.push(`el nombre de quien firma ${documento}`);
    if (vacio(f?.cargo)) faltan.push(`el cargo de quien firma ${documento}`);
  }
  return faltan;
}

function enumerar(partes: readonly string[]): string {
  if (partes.length <= 1) return partes.join('');
  return `${partes.slice(0, -1).join(', ')} y ${partes.at(-1)}`;
}

/**
 * The datos `tipo` prints with, or a refusal naming every missing field: a document never
 * prints a placeholder («Por confirmar») where the institute's data should be.
 */
export function exigirDatosPara(
  tipo: TipoDocumento,
  datos: DatosDelInstituto | null,
): DatosDelInstituto {
  const faltan = faltantesPara(tipo, datos);
  if (datos === null || faltan.length > 0) {
    throw new ErrorDominio(
      'datos_del_instituto_incompletos',
      `Faltan datos del instituto para imprimir ${NOMBRE_DEL_DOCUMENTO[tipo]}: ${enumerar(faltan)}. Pide al administrador que los capture en Configuración › Datos del instituto.`,
      undefined,
      { documento: tipo, faltan },
    );
  }
  return datos;
}

/** The datos a document prints with: read now and checked for `tipo` (see exigirDatosPara). */
export async function datosParaImprimir(trx: Db, tipo: TipoDocumento): Promise<DatosDelInstituto> {
  return exigirDatosPara(tipo, await leerDatosDelInstituto(trx));
}

/**
 * The legal name for the header of a document that prints nothing else of the institute (an
 * acuse, a report); refused like the others when the administrador has never saved the datos.
 */
export async function razonSocialParaImprimir(trx: Db): Promise<string> {
  const datos = await leerDatosDelInstituto(trx);
  if (datos === null || vacio(datos.razonSocial)) {
    throw new ErrorDominio(
      'datos_del_instituto_incompletos',
      'Falta la razón social del instituto para imprimir este documento. Pide al administrador que la capture en Configuración › Datos del instituto.',
      undefined,
      { faltan: ['la razón social'] },
    );
  }
  return datos.razonSocial;
}
