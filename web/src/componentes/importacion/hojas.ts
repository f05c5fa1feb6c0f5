/**
 * The sheets of the portfolio workbook, in the order the server reads and reports them, with
 * what a person must fill in. Mirrors src/modules/importacion/disposicion.ts (the template and
 * the server's reader follow that file): a new sheet or required column there is added here.
 */
export interface HojaDelLibro {
  nombre: string;
  contenido: string;
  obligatorias: readonly string[];
}

export const HOJAS_DEL_LIBRO: readonly HojaDelLibro[] = [
  {
    nombre: 'productos',
    contenido: 'Los productos de crédito y sus tasas: una fila por cada versión de las tasas.',
    obligatorias: [
      'clave',
      'nombre',
      'vigente_desde',
      'tasa_ordinaria_anual',
      'tasa_moratoria_anual',
    ],
  },
  {
    nombre: 'personas',
    contenido: 'Acreditados, avales y beneficiarios: CURP, contacto y domicilio.',
    obligatorias: ['curp', 'nombres', 'primer_apellido'],
  },
  {
    nombre: 'telefonos',
    contenido: 'Teléfonos adicionales de una persona.',
    obligatorias: ['curp', 'telefono'],
  },
  {
    nombre: 'creditos',
    contenido: 'Cada crédito: su número, producto, oficina y quiénes participan.',
    obligatorias: ['numero', 'producto', 'oficina', 'curp_acreditado', 'fecha_inicio_interes'],
  },
  {
    nombre: 'ministraciones',
    contenido: 'El dinero entregado en cada periodo escolar y su pagaré.',
    obligatorias: [
      'numero_credito',
      'numero',
      'fecha',
      'monto',
      'periodo_escolar',
      'pagare',
      'vencimiento_pagare',
    ],
  },
  {
    nombre: 'amortizaciones',
    contenido: 'El calendario de pagos de capital de cada crédito.',
    obligatorias: ['numero_credito', 'numero', 'fecha', 'capital'],
  },
  {
    nombre: 'movimientos',
    contenido: 'Pagos, condonaciones y cancelaciones registrados antes de Recupera.',
    obligatorias: ['numero_credito', 'clave', 'tipo', 'fecha'],
  },
  {
    nombre: 'periodos_sin_moratorio',
    contenido: 'Periodos en que no corre el interés moratorio (convenios, contingencias).',
    obligatorias: ['numero_credito', 'desde', 'hasta', 'motivo'],
  },
];

const ORDEN = new Map(HOJAS_DEL_LIBRO.map((h, i) => [h.nombre, i]));

/** A sheet's place in the workbook; sheets the server does not know (a typo) go first. */
export function ordenDeHoja(nombre: string): number {
  return ORDEN.get(nombre) ?? -1;
}
