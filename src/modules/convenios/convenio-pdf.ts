import { centavosDeSalida, formatearPesos } from '../../domain/dinero.ts';
import { type Fecha, formatearFecha, formatearInstante } from '../../domain/fecha.ts';
import type { DatosEmision } from '../documentos/estado-de-cuenta-pdf.ts';
import { nuevoDocumento, pares, seccion, tabla, terminar } from '../documentos/pdf-base.ts';
import { CUENTA_DEL_INSTITUTO, type CuentaBancaria } from '../referencias/cuenta-del-instituto.ts';
import type { ConvenioPdf } from './preparar-convenio-pdf.ts';

const pesos = (texto: string) => formatearPesos(centavosDeSalida(texto));
const fecha = (f: string) => formatearFecha(f as Fecha);
const CONCEPTO: Record<string, string> = {
  moratorio: 'Interés moratorio',
  interes: 'Interés ordinario',
};

/**
 * The written convenio as CONDUSEF asks of an agreement with a debtor: the debt's breakdown,
 * whether it settles the debt or is partial, the payment plan, where and how to pay, the
 * conditions, the signers, and for a reestructura the new pagaré.
 */
export function generarPdfConvenio(
  d: ConvenioPdf,
  emision: DatosEmision,
  cuenta: CuentaBancaria = CUENTA_DEL_INSTITUTO,
): Promise<Buffer> {
  const c = d.convenio;
  const doc = nuevoDocumento(`Convenio ${c.id}`, `${c.nombre} · ${fecha(c.fecha)}`);
  const izquierda = doc.page.margins.left;
  if (c.estado === 'propuesto' || c.estado === 'cancelado') {
    doc
      .font('Helvetica-Bold')
      .fillColor('#b00020')
      .text(
        c.estado === 'propuesto'
          ? 'PROPUESTA: sin validez hasta que se autorice y se firme.'
          : 'CONVENIO CANCELADO: sin validez.',
        izquierda,
        doc.y,
      )
      .fillColor('#000000')
      .font('Helvetica');
  }
  seccion(doc, 'Datos del convenio');
  pares(doc, [
    [
      'Alternativa',
      `${c.nombre} (${c.origen === 'campana' ? 'campaña' : 'alternativa'}, versión ${c.versionId ?? ''})`,
    ],
    ['Fecha', fecha(c.fecha)],
    ['Estado', c.estadoEtiqueta],
    ['Créditos', c.creditos.map((cr) => cr.numero).join(', ')],
    [
      'Alcance',
      c.liquida
        ? 'Liquida la totalidad del adeudo si se cumplen todos los pagos.'
        : 'Pago parcial: no liquida el adeudo; el saldo restante sigue exigible en sus términos.',
    ],
  ]);

  for (const cr of d.creditos) {
    const a = cr.adeudo;
    seccion(doc, `Desglose del adeudo del crédito ${cr.numero} al ${fecha(c.fecha)}`);
    pares(doc, [
      ['Capital insoluto', formatearPesos(a.capitalInsoluto)],
      ['Capital vencido', formatearPesos(a.capitalExigible)],
      ['Interés ordinario vencido', formatearPesos(a.interesOrdinarioExigible)],
      ['Interés moratorio', formatearPesos(a.interesMoratorio)],
      ['Saldo exigible', formatearPesos(a.saldoExigible)],
      ['Saldo para liquidar', formatearPesos(a.saldoParaLiquidar)],
      ['Días de atraso', String(a.diasAtraso)],
    ]);
  }

  seccion(doc, 'Descuento');
  if (c.condonaciones.length === 0) {
    doc.text('Este convenio no otorga descuento.', izquierda, doc.y);
  } else {
    tabla(
      doc,
      [
        { titulo: 'Crédito', ancho: 140 },
        { titulo: 'Concepto', ancho: 160 },
        { titulo: 'Monto', ancho: 110, alinear: 'right' },
      ],
      c.condonaciones.map((k) => [
        c.creditos.find((cr) => cr.id === k.creditoId)?.numero ?? '',
        CONCEPTO[k.concepto] ?? k.concepto,
        pesos(k.monto),
      ]),
    );
    // A reestructura's discount is consumed at signing: it fixes the new credit's principal.
    const condicion =
      c.tipo === 'reestructura'
        ? 'Se aplica al firmar y fija el principal del crédito nuevo; la reestructura no se revierte si después se incumple un pago.'
        : `Es condicional: si no se cumple un pago en su fecha (con ${c.toleranciaDias} días de tolerancia), el descuento se pierde y el adeudo se recalcula como si no se hubiera otorgado.`;
    doc
      .moveDown(0.3)
      .text(`Descuento total: ${pesos(c.descuento.total)}. ${condicion}`, izquierda, doc.y);
  }
  for (const v of c.periodosSinMoratorio) {
    doc
      .moveDown(0.3)
      .text(
        `Sin interés moratorio del ${fecha(v.desde)} al ${fecha(v.hasta)} mientras se cumplan los pagos; si se incumple, el moratorio se calcula como si no se hubiera suspendido.`,
        izquierda,
        doc.y,
      );
  }

  seccion(doc, 'Plan de pagos');
  tabla(
    doc,
    [
      { titulo: 'Núm.', ancho: 40, alinear: 'right' },
      { titulo: 'Crédito', ancho: 140 },
      { titulo: 'Fecha límite', ancho: 110 },
      { titulo: 'Importe', ancho: 110, alinear: 'right' },
    ],
    c.promesas.map((p) => [
      String(p.numero),
      // A signed reestructura's promises are on its new credit.
      [...c.creditos, ...c.creditosNuevos].find((cr) => cr.id === p.creditoId)?.numero ?? '',
      fecha(p.fecha),
      pesos(p.monto),
    ]),
  );
  doc.moveDown(0.3).text(`Total a pagar: ${pesos(c.total)}.`, izquierda, doc.y);

  seccion(doc, 'Dónde pagar');
  pares(doc, [
    ['Banco', cuenta.banco],
    ['Titular de la cuenta', cuenta.titular],
    ['Número de cuenta', cuenta.cuenta],
    ['CLABE (transferencias)', cuenta.clabe],
    ...d.creditos.map((cr) => [`Referencia del crédito ${cr.numero}`, cr.referencia] as const),
  ]);
  if (cuenta.provisional) {
    doc
      .moveDown(0.3)
      .font('Helvetica-Bold')
      .text('Datos bancarios por confirmar: el instituto los publicará.', izquierda, doc.y)
      .font('Helvetica');
  }
  doc
    .moveDown(0.3)
    .text(
      'Ningún servidor público del instituto está autorizado para recibir pagos en efectivo.',
      izquierda,
      doc.y,
    );

  seccion(doc, 'Condiciones');
  doc.text(c.condiciones, izquierda, doc.y);
  doc
    .moveDown(0.3)
    .text(
      'La firma de este convenio constituye un reconocimiento del adeudo por parte del deudor.',
      izquierda,
      doc.y,
    );

  for (const cr of d.creditos) {
    if (cr.reestructura === null) continue;
    seccion(doc, `Pagaré del crédito reestructurado (antes ${cr.numero})`);
    doc.text(
      `Debo y pagaré incondicionalmente a la orden del ${cuenta.titular} la cantidad de ${pesos(cr.reestructura.principal)} en ${cr.reestructura.amortizaciones.length} amortizaciones de capital, más los intereses ordinarios pactados, en las fechas siguientes; la falta de pago de cualquiera causará intereses moratorios a la tasa vigente del producto.`,
      izquierda,
      doc.y,
    );
    doc.moveDown(0.3);
    tabla(
      doc,
      [
        { titulo: 'Núm.', ancho: 40, alinear: 'right' },
        { titulo: 'Fecha', ancho: 120 },
        { titulo: 'Capital', ancho: 110, alinear: 'right' },
      ],
      cr.reestructura.amortizaciones.map((a) => [
        String(a.numero),
        fecha(a.fecha),
        pesos(a.capital),
      ]),
    );
  }

  seccion(doc, 'Firmas');
  for (const f of c.firmantes) {
    doc.moveDown(2);
    doc.text('_______________________________________', izquierda, doc.y);
    doc.text(
      `${f.nombre} (${f.calidad === 'acreditado' ? 'acreditado' : 'aval'})`,
      izquierda,
      doc.y,
    );
  }
  doc.moveDown(2);
  doc.text('_______________________________________', izquierda, doc.y);
  doc.text(
    `Por el instituto: ${c.autorizacion.autorizadoPor ?? 'pendiente de autorización'}`,
    izquierda,
    doc.y,
  );
  const emitido = formatearInstante(emision.emitido, emision.zonaHoraria ?? 'America/Hermosillo');
  return terminar(doc, `Convenio ${c.id} emitido el ${emitido} por ${emision.usuario}`);
}
