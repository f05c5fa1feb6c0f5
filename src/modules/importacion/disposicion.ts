/**
 * The layout of the portfolio workbook: its sheets, in the order they are read and reported,
 * and each sheet's columns. The reader, the validation, the template and docs/importacion.md
 * all follow this one description.
 */
export type NombreHoja =
  | 'productos'
  | 'personas'
  | 'telefonos'
  | 'creditos'
  | 'ministraciones'
  | 'amortizaciones'
  | 'movimientos'
  | 'periodos_sin_moratorio';

export interface Columna {
  nombre: string;
  obligatoria: boolean;
  /** What goes in it, in Spanish, for the template and the documentation. */
  descripcion: string;
}

const c = (nombre: string, obligatoria: boolean, descripcion: string): Columna => ({
  nombre,
  obligatoria,
  descripcion,
});

export const DISPOSICION: Readonly<Record<NombreHoja, readonly Columna[]>> = {
  productos: [
    c('clave', true, 'Clave del producto, como la citan los créditos (p. ej. CE-6).'),
    c('nombre', true, 'Nombre del producto.'),
    c('vigente_desde', true, 'Fecha desde la que rige esta versión de las tasas.'),
    c('tasa_ordinaria_anual', true, 'Tasa anual ordinaria: decimal entre 0 y 1 (0.06) o 6%.'),
    c('tasa_moratoria_anual', true, 'Tasa anual moratoria: decimal entre 0 y 1 (0.12) o 12%.'),
    c(
      'tasa_puntual_anual',
      false,
      'Tasa anual para quien paga a tiempo (0.03 o 3%), no mayor que la ordinaria; vacía si no hay.',
    ),
    c('base_dias', false, '360 (si se deja vacía) o 365.'),
    c('prelacion', false, 'por_concepto (si se deja vacía) o por_amortizacion.'),
  ],
  personas: [
    c('curp', true, 'CURP de 18 caracteres con su dígito verificador.'),
    c('nombres', true, 'Nombre o nombres.'),
    c('primer_apellido', true, 'Primer apellido.'),
    c('segundo_apellido', false, 'Segundo apellido.'),
    c('rfc', false, 'RFC de 13 caracteres (si no cuadra su verificador, es solo advertencia).'),
    c('fecha_nacimiento', false, 'Fecha de nacimiento.'),
    c('telefono', false, 'Teléfono de 10 dígitos.'),
    c('tipo_telefono', false, 'movil (si se deja vacía), casa, trabajo o recados.'),
    c('consentimiento', false, 'si o no (no si se deja vacía): acepta que se le contacte.'),
    c('correo', false, 'Correo electrónico.'),
    c('calle', false, 'Calle del domicilio (obligatoria si hay domicilio).'),
    c('numero', false, 'Número exterior e interior.'),
    c('colonia', false, 'Colonia.'),
    c('codigo_postal', false, 'Código postal de 5 dígitos.'),
    c('municipio', false, 'Municipio (obligatorio si hay domicilio).'),
    c('estado', false, 'Estado (Sonora si se deja vacía).'),
  ],
  telefonos: [
    c('curp', true, 'CURP de la persona (en la hoja personas o ya registrada).'),
    c('telefono', true, 'Teléfono adicional de 10 dígitos.'),
    c('tipo_telefono', false, 'movil (si se deja vacía), casa, trabajo o recados.'),
    c('consentimiento', false, 'si o no (no si se deja vacía).'),
  ],
  creditos: [
    c('numero', true, 'Número del crédito, único en el instituto.'),
    c('producto', true, 'Clave del producto (hoja productos o ya registrado).'),
    c('oficina', true, 'HMO (Hermosillo), OBR (Cd. Obregón) o NOG (Nogales).'),
    c('curp_acreditado', true, 'CURP del acreditado (deudor).'),
    c('curp_aval', false, 'CURP del aval o deudor solidario.'),
    c('curp_beneficiario', false, 'CURP del estudiante, si no es el acreditado.'),
    c('fecha_inicio_interes', true, 'Fecha desde la que corre el interés ordinario.'),
    c(
      'tasa_puntual_anual',
      false,
      'Tasa por puntualidad propia del crédito (p. ej. 0% por promedio de 90 o más); vacía: la del producto.',
    ),
    c('tasa_puntual_motivo', false, 'Motivo de la tasa propia (obligatorio si hay tasa propia).'),
    c(
      'gestor',
      false,
      'Usuario del gestor (o coordinador) activo de la oficina del crédito que lo tendrá asignado; vacía: sin asignar.',
    ),
  ],
  ministraciones: [
    c('numero_credito', true, 'Número del crédito.'),
    c('numero', true, 'Número de la ministración dentro del crédito: 1, 2, 3…'),
    c('fecha', true, 'Fecha en que se entregó el dinero.'),
    c('monto', true, 'Monto en pesos, hasta 2 decimales.'),
    c('periodo_escolar', true, 'Periodo escolar que financia (p. ej. 2019-2).'),
    c('pagare', true, 'Número del contrato-pagaré, único en el instituto.'),
    c('vencimiento_pagare', true, 'Fecha de vencimiento del pagaré.'),
  ],
  amortizaciones: [
    c('numero_credito', true, 'Número del crédito.'),
    c('numero', true, 'Número de la amortización: 1, 2, 3… sin saltos.'),
    c('fecha', true, 'Fecha en que vence.'),
    c('capital', true, 'Capital que vence, en pesos (0 en los meses de gracia).'),
  ],
  movimientos: [
    c('numero_credito', true, 'Número del crédito.'),
    c('clave', true, 'Clave única del movimiento dentro del crédito (letras, dígitos, - _ . /).'),
    c('tipo', true, 'pago, condonacion o cancelacion.'),
    c('fecha', true, 'Fecha del movimiento (no posterior a hoy).'),
    c('monto', false, 'Monto en pesos (pago y condonación).'),
    c('excedente', false, 'Pago: reducir_plazo (si se deja vacía) o adelantar.'),
    c('concepto', false, 'Condonación: moratorio, interes o capital.'),
    c('cancela_clave', false, 'Cancelación: clave del movimiento que cancela.'),
    c('canal', false, 'Pago: banco, caja, nomina o importacion (si se deja vacía).'),
    c('referencia', false, 'Referencia bancaria o folio de caja.'),
    c('motivo', false, 'Motivo (condonación, cancelación).'),
  ],
  periodos_sin_moratorio: [
    c('numero_credito', true, 'Número del crédito.'),
    c('desde', true, 'Primer día sin interés moratorio.'),
    c('hasta', true, 'Día en que vuelve a correr (no incluido).'),
    c('motivo', true, 'Motivo (p. ej. convenio, contingencia).'),
  ],
};

export const HOJAS = Object.keys(DISPOSICION) as NombreHoja[];

export function esHoja(nombre: string): nombre is NombreHoja {
  return Object.hasOwn(DISPOSICION, nombre);
}

/**
 * A sheet name or a column header as people write it: case, accents, spaces and a `.csv`
 * extension do not matter. A sheet over Excel's 1,048,576 rows is split in parts named with a
 * suffix (`amortizaciones_2`, `amortizaciones (2)`): they are read as one sheet.
 */
export function normalizarNombre(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/\.csv$/, '')
    .replace(/[\s-]+/g, '_');
}

export function hojaDeNombre(texto: string): NombreHoja | null {
  const nombre = normalizarNombre(texto);
  if (esHoja(nombre)) return nombre;
  const base = nombre.replace(/_?\(\d+\)$|_\d+$/, '');
  return esHoja(base) ? base : null;
}
