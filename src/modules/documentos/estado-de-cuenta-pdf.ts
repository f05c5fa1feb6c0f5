import { centavosDeSalida, formatearPesos, sumarTodos } from '../../domain/dinero.ts';
import type {
  EstadoAmortizacion,
  EstadoDeCuentaJson,
} from '../../domain/estado-de-cuenta/index.ts';
import { type Fecha, formatearFecha, formatearInstante } from '../../domain/fecha.ts';
import type { EstadoDeCuentaConPuntualidad } from '../cartera/puntualidad-del-estado.ts';
import type { DatosDelInstituto } from '../instituto/datos-del-instituto.ts';
import {
  escribirTexto,
  type PlantillaAImprimir,
  plantillaPorOmision,
  seccionLlena,
} from '../plantillas/llenar-seccion.ts';
import {
  type Documento,
  leyenda,
  nuevoDocumento,
  pares,
  seccion,
  tabla,
  terminar,
} from './pdf-base.ts';

export interface DatosEmision {
  emitido: Date;
  usuario: string;
  zonaHoraria?: string;
}

/** What the PDF shows of the credit besides its statement (src/modules/documentos/preparar-estado-de-cuenta-pdf.ts). */
export interface CabeceraEstadoDeCuenta {
  numero: string;
  oficina: string;
  producto: { nombre: string };
  /** The acreditado's full name; null if the credit has none on file. */
  acreditado: string | null;
  /** The cut-off is after the day it was issued: a projection, and the title says so. */
  proyeccion?: boolean;
}

const SITUACION: Record<EstadoDeCuentaJson['situacion'], string> = {
  al_corriente: 'Al corriente',
  vencido: 'Vencido',
  liquidado: 'Liquidado',
};

const ESTADO_AMORTIZACION: Record<EstadoAmortizacion, string> = {
  pagada: 'Pagada',
  vencida: 'Vencida',
  exigible: 'Exigible hoy',
  por_vencer: 'Por vencer',
};

/** Engine amounts are "1234.56"; people read "$1,234.56". Any other text is a defect: it throws. */
function pesos(texto: string): string {
  return formatearPesos(centavosDeSalida(texto));
}

const fecha = (f: string) => formatearFecha(f as Fecha);

/**
 * R9: the rate each period's interest was charged at and, when it was the ordinary one, why,
 * in the statement's own words (the same the screen shows).
 */
function puntualidad(doc: Documento, e: EstadoDeCuentaConPuntualidad): void {
  const textos = e.puntualidad?.textos;
  if (textos === undefined) return;
  seccion(doc, 'Tasa por puntualidad');
  doc.font('Helvetica-Bold').text(textos.situacion);
  doc.font('Helvetica');
  if (textos.tasaPropia !== null) doc.text(textos.tasaPropia);
  doc.moveDown(0.3);
  for (const linea of textos.periodos) doc.text(linea);
}

/**
 * The statement's sections on a document already open: this PDF's whole body, and the
 * certified statement inside the evidence pack (src/modules/documentos/paquete-de-evidencia-pdf.ts).
 */
export function escribirEstadoDeCuenta(
  doc: Documento,
  credito: CabeceraEstadoDeCuenta,
  e: EstadoDeCuentaConPuntualidad,
): void {
  const acreditado = credito.acreditado ?? '—';
  seccion(doc, 'Crédito');
  pares(doc, [
    ['Acreditado', acreditado],
    ['Número de crédito', credito.numero],
    ['Producto', credito.producto.nombre],
    ['Oficina', credito.oficina],
    ['Fecha de corte', fecha(e.fecha_corte)],
    [
      'Situación',
      `${SITUACION[e.situacion]}${e.dias_atraso > 0 ? ` (${e.dias_atraso} días de atraso)` : ''}`,
    ],
  ]);
  seccion(doc, 'Resumen');
  pares(doc, [
    ['Capital insoluto', pesos(e.capital_insoluto)],
    ['Capital exigible', pesos(e.capital_exigible)],
    ['Interés ordinario exigible', pesos(e.interes_ordinario_exigible)],
    ['Interés ordinario devengado', pesos(e.interes_ordinario_devengado)],
    ['Interés moratorio', pesos(e.interes_moratorio)],
    ['Saldo exigible', pesos(e.saldo_exigible)],
    ['Saldo para liquidar', pesos(e.saldo_para_liquidar)],
    ['Pagos adelantados', pesos(e.pagos_adelantados)],
    ['Saldo a favor', pesos(e.saldo_a_favor)],
  ]);
  seccion(doc, 'Tabla de amortización');
  tabla(
    doc,
    [
      { titulo: 'Núm.', ancho: 30, alinear: 'right' },
      { titulo: 'Vence', ancho: 56 },
      { titulo: 'Capital', ancho: 66, alinear: 'right' },
      { titulo: 'Interés', ancho: 60, alinear: 'right' },
      { titulo: 'Moratorio', ancho: 60, alinear: 'right' },
      { titulo: 'Pagado', ancho: 66, alinear: 'right' },
      { titulo: 'Condonado', ancho: 60, alinear: 'right' },
      { titulo: 'Estado', ancho: 70 },
    ],
    e.amortizaciones.map((a) => {
      const pagado = ['capital_pagado', 'interes_pagado', 'moratorio_pagado'] as const;
      const totalPagado = sumarTodos(pagado.map((k) => centavosDeSalida(a[k])));
      return [
        String(a.numero),
        fecha(a.fecha),
        pesos(a.capital),
        pesos(a.interes),
        pesos(a.moratorio),
        formatearPesos(totalPagado),
        pesos(a.condonado),
        ESTADO_AMORTIZACION[a.estado],
      ];
    }),
  );
  puntualidad(doc, e);
  seccion(doc, 'Pagos aplicados');
  if (e.aplicaciones.length === 0) doc.text('Sin pagos a la fecha de corte.');
  else
    tabla(
      doc,
      [
        { titulo: 'Fecha', ancho: 56 },
        { titulo: 'Monto', ancho: 66, alinear: 'right' },
        { titulo: 'Moratorio', ancho: 62, alinear: 'right' },
        { titulo: 'Interés', ancho: 62, alinear: 'right' },
        { titulo: 'Capital', ancho: 66, alinear: 'right' },
        { titulo: 'Adelantado', ancho: 66, alinear: 'right' },
        { titulo: 'A favor', ancho: 60, alinear: 'right' },
      ],
      e.aplicaciones.map((a) => [
        fecha(a.fecha),
        pesos(a.monto),
        pesos(a.moratorio),
        pesos(a.interes),
        pesos(a.capital),
        pesos(a.adelantado),
        pesos(a.a_favor),
      ]),
    );
}

/** The statement as a PDF people keep: what is owed on the cut-off date, and how it came to be. */
export function generarPdfEstadoDeCuenta(
  credito: CabeceraEstadoDeCuenta,
  e: EstadoDeCuentaConPuntualidad,
  emision: DatosEmision,
  instituto: DatosDelInstituto,
  plantilla: PlantillaAImprimir = plantillaPorOmision('estado_de_cuenta', instituto),
): Promise<Buffer> {
  const doc = nuevoDocumento(
    credito.proyeccion === true ? 'Proyección del estado de cuenta' : 'Estado de cuenta',
    `Crédito ${credito.numero} al ${fecha(e.fecha_corte)}`,
    instituto.razonSocial,
  );
  // Header, legends and footer are the statement template's (src/domain/plantillas).
  const valores = {
    'credito.numero': credito.numero,
    'acreditado.nombre': credito.acreditado ?? '',
    'credito.producto': credito.producto.nombre,
    'oficina.nombre': credito.oficina,
    'estado.fecha_corte': fecha(e.fecha_corte),
    'estado.saldo_exigible': pesos(e.saldo_exigible),
    'estado.saldo_para_liquidar': pesos(e.saldo_para_liquidar),
    'estado.capital_insoluto': pesos(e.capital_insoluto),
    'estado.dias_atraso': String(e.dias_atraso),
  };
  const encabezado = seccionLlena(plantilla, 'encabezado', valores);
  if (encabezado !== '') doc.moveDown(0.5);
  escribirTexto(doc, encabezado);
  escribirEstadoDeCuenta(doc, credito, e);
  const leyendas = seccionLlena(plantilla, 'leyendas', valores);
  if (leyendas !== '') doc.moveDown(0.8);
  escribirTexto(doc, leyendas, { align: 'justify' });
  leyenda(doc, instituto.leyendas.estado_de_cuenta);
  const zona = emision.zonaHoraria ?? 'America/Hermosillo';
  // One line, as the template's section requires: what follows «por …» in every footer.
  const pie = seccionLlena(plantilla, 'pie', valores);
  return terminar(
    doc,
    `Emitido el ${formatearInstante(emision.emitido, zona)} por ${emision.usuario}${pie === '' ? '' : `. ${pie}`}`,
  );
}
