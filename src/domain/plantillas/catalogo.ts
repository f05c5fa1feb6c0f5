/**
 * What the administrador may edit in each document, and with which variables. The datos del
 * instituto name the same document types (src/modules/instituto/datos-del-instituto.ts).
 * Tables (amortizaciones, movements, promises) and figures stay generated: a template holds
 * the prose around them. docs/documentos.md «Plantillas» lists the same, for people.
 */
export const TIPOS_DE_PLANTILLA = [
  'convenio',
  'pagare',
  'carta_finiquito',
  'recibo',
  'ficha_de_pago',
  'estado_de_cuenta',
] as const;
export type TipoPlantilla = (typeof TIPOS_DE_PLANTILLA)[number];

export const esTipoDePlantilla = (t: string): t is TipoPlantilla =>
  (TIPOS_DE_PLANTILLA as readonly string[]).includes(t);

export interface VariableDePlantilla {
  nombre: string;
  descripcion: string;
}

export interface SeccionDePlantilla {
  clave: string;
  titulo: string;
  descripcion: string;
  /** Printed where one line fits (the footer): no line breaks, at most `maximo` characters. */
  unaLinea?: true;
  maximo: number;
}

export interface DefinicionDePlantilla {
  tipo: TipoPlantilla;
  nombre: string;
  secciones: readonly SeccionDePlantilla[];
  variables: readonly VariableDePlantilla[];
}

/** A template version's texts, by section key. */
export type TextosDePlantilla = Readonly<Record<string, string>>;

const v = (nombre: string, descripcion: string): VariableDePlantilla => ({ nombre, descripcion });

const INSTITUTO: readonly VariableDePlantilla[] = [
  v('instituto.razon_social', 'Razón social del instituto (Datos del instituto).'),
  v('instituto.domicilio', 'Domicilio del instituto.'),
  v('instituto.telefono', 'Teléfono del instituto.'),
  v('instituto.correo', 'Correo electrónico del instituto.'),
  v('firmante.nombre', 'Nombre completo de quien firma este documento por el instituto.'),
  v('firmante.cargo', 'Cargo de quien firma este documento por el instituto.'),
  v('leyenda', 'Leyenda legal de este documento capturada en Datos del instituto.'),
  v('emision.fecha', 'Fecha en que se emite el documento (dd/mm/aaaa).'),
  v('emision.usuario', 'Nombre de quien emite el documento.'),
];
const CUENTA: readonly VariableDePlantilla[] = [
  v('cuenta.banco', 'Banco de la cuenta del instituto donde se paga.'),
  v('cuenta.titular', 'Titular de esa cuenta.'),
  v('cuenta.cuenta', 'Número de esa cuenta.'),
  v('cuenta.clabe', 'CLABE de esa cuenta, para transferencias.'),
  v('cuenta.convencion_referencia', 'Cómo se escribe la referencia en ese banco.'),
];
const CREDITO: readonly VariableDePlantilla[] = [
  v('credito.numero', 'Número del crédito.'),
  v('acreditado.nombre', 'Nombre completo del acreditado.'),
];

export const PLANTILLAS: Readonly<Record<TipoPlantilla, DefinicionDePlantilla>> = {
  convenio: {
    tipo: 'convenio',
    nombre: 'Convenio',
    secciones: [
      {
        clave: 'descuento_condicional',
        titulo: 'Descuento condicional',
        descripcion: 'Bajo la tabla de descuentos de un convenio que no es reestructura.',
        maximo: 2000,
      },
      {
        clave: 'descuento_reestructura',
        titulo: 'Descuento de una reestructura',
        descripcion: 'Bajo la tabla de descuentos de una reestructura.',
        maximo: 2000,
      },
      {
        clave: 'donde_pagar',
        titulo: 'Dónde pagar',
        descripcion: 'Bajo los datos bancarios y las referencias.',
        maximo: 2000,
      },
      {
        clave: 'condiciones',
        titulo: 'Condiciones',
        descripcion: 'Las cláusulas del convenio, antes de las firmas.',
        maximo: 20000,
      },
    ],
    variables: [
      ...INSTITUTO,
      ...CUENTA,
      ...CREDITO,
      v('convenio.folio', 'Número (folio) del convenio.'),
      v('convenio.fecha', 'Fecha del convenio (dd/mm/aaaa).'),
      v('convenio.alternativa', 'Nombre de la alternativa o campaña del convenio.'),
      v('convenio.creditos', 'Números de los créditos del convenio, separados por coma.'),
      v('convenio.total', 'Total a pagar ($1,234.56).'),
      v('convenio.descuento', 'Descuento total otorgado ($1,234.56).'),
      v('convenio.tolerancia_dias', 'Días de tolerancia para cada pago.'),
      v('convenio.condiciones', 'Condiciones propias de la alternativa o campaña.'),
    ],
  },
  pagare: {
    tipo: 'pagare',
    nombre: 'Pagaré (reestructura)',
    secciones: [
      {
        clave: 'texto',
        titulo: 'Texto del pagaré',
        descripcion: 'Antes de la tabla de amortizaciones del crédito nuevo, en el convenio.',
        maximo: 5000,
      },
    ],
    variables: [
      ...INSTITUTO,
      ...CREDITO,
      v('pagare.principal', 'Principal del crédito nuevo ($1,234.56).'),
      v('pagare.amortizaciones', 'Número de amortizaciones de capital.'),
      v('pagare.credito_anterior', 'Número del crédito que se reestructura.'),
      v('convenio.folio', 'Número (folio) del convenio.'),
      v('convenio.fecha', 'Fecha del convenio (dd/mm/aaaa).'),
    ],
  },
  carta_finiquito: {
    tipo: 'carta_finiquito',
    nombre: 'Carta finiquito',
    secciones: [
      {
        clave: 'lugar_y_fecha',
        titulo: 'Lugar y fecha',
        descripcion: 'Arriba a la derecha.',
        maximo: 300,
      },
      {
        clave: 'constancia',
        titulo: 'Constancia de no adeudo',
        descripcion: 'El cuerpo de la carta; una línea en blanco separa los párrafos.',
        maximo: 10000,
      },
    ],
    variables: [
      ...INSTITUTO,
      ...CREDITO,
      v('carta.folio', 'Folio de la carta.'),
      v('carta.fecha', 'Fecha de la carta (dd/mm/aaaa).'),
      v('carta.total_pagado', 'Total pagado en la vida del crédito ($1,234.56).'),
      v('carta.pagares', 'Números de los pagarés, separados por coma.'),
    ],
  },
  recibo: {
    tipo: 'recibo',
    nombre: 'Recibo de pago',
    secciones: [
      {
        clave: 'nota',
        titulo: 'Nota al pie del recibo',
        descripcion: 'Bajo la aplicación del pago.',
        maximo: 5000,
      },
    ],
    variables: [
      ...INSTITUTO,
      ...CREDITO,
      v('recibo.folio', 'Folio del recibo.'),
      v('recibo.fecha', 'Fecha del pago (dd/mm/aaaa).'),
      v('recibo.importe', 'Importe del pago ($1,234.56).'),
      v('recibo.medio', 'Medio del pago (depósito bancario, caja, nómina…).'),
      v('recibo.referencia', 'Referencia bancaria o recibo de caja.'),
      v('oficina.nombre', 'Oficina del crédito.'),
    ],
  },
  ficha_de_pago: {
    tipo: 'ficha_de_pago',
    nombre: 'Ficha de pago',
    secciones: [
      {
        clave: 'instrucciones',
        titulo: 'Cómo usar la referencia',
        descripcion: 'Bajo la referencia de pago.',
        maximo: 3000,
      },
      {
        clave: 'aviso_efectivo',
        titulo: 'Aviso (en negritas)',
        descripcion: 'Primera línea de «Importante», en negritas.',
        maximo: 500,
      },
      {
        clave: 'importante',
        titulo: 'Importante',
        descripcion: 'Después del aviso; una línea en blanco separa los párrafos.',
        maximo: 5000,
      },
    ],
    variables: [
      ...INSTITUTO,
      ...CUENTA,
      ...CREDITO,
      v('ficha.referencia', 'Referencia de pago del crédito.'),
      v('ficha.fecha', 'Fecha a la que se calculan los saldos (dd/mm/aaaa).'),
      v('ficha.importe', 'Importe a pagar ($1,234.56), o «El que usted decida».'),
      v('ficha.saldo_exigible', 'Saldo exigible a la fecha ($1,234.56).'),
      v('ficha.saldo_para_liquidar', 'Saldo para liquidar a la fecha ($1,234.56).'),
    ],
  },
  estado_de_cuenta: {
    tipo: 'estado_de_cuenta',
    nombre: 'Estado de cuenta',
    secciones: [
      {
        clave: 'encabezado',
        titulo: 'Encabezado',
        descripcion: 'Antes de los datos del crédito; si queda vacío no se imprime.',
        maximo: 3000,
      },
      {
        clave: 'leyendas',
        titulo: 'Leyendas',
        descripcion: 'Al final, después de los pagos; si queda vacío no se imprime.',
        maximo: 5000,
      },
      {
        clave: 'pie',
        titulo: 'Pie de página',
        descripcion: 'En cada página, tras quién y cuándo lo emitió.',
        unaLinea: true,
        maximo: 120,
      },
    ],
    variables: [
      ...INSTITUTO,
      ...CUENTA,
      ...CREDITO,
      v('credito.producto', 'Producto del crédito.'),
      v('oficina.nombre', 'Oficina del crédito.'),
      v('estado.fecha_corte', 'Fecha de corte (dd/mm/aaaa).'),
      v('estado.saldo_exigible', 'Saldo exigible al corte ($1,234.56).'),
      v('estado.saldo_para_liquidar', 'Saldo para liquidar al corte ($1,234.56).'),
      v('estado.capital_insoluto', 'Capital insoluto al corte ($1,234.56).'),
      v('estado.dias_atraso', 'Días de atraso al corte.'),
    ],
  },
};

/** The names a template of `tipo` may use. */
export function variablesDe(tipo: TipoPlantilla): ReadonlySet<string> {
  return new Set(PLANTILLAS[tipo].variables.map((x) => x.nombre));
}
