import { centavosDeSalida, formatearPesos } from '../../domain/dinero.ts';
import { type Fecha, formatearFecha, formatearInstante } from '../../domain/fecha.ts';
import type { DatosEmision } from '../documentos/estado-de-cuenta-pdf.ts';
import {
  leyenda,
  nuevoDocumento,
  pares,
  seccion,
  tabla,
  terminar,
} from '../documentos/pdf-base.ts';
import type { DatosDelInstituto } from '../instituto/datos-del-instituto.ts';
import {
  escribirTexto,
  type PlantillaAImprimir,
  plantillaPorOmision,
  seccionLlena,
} from '../plantillas/llenar-seccion.ts';
import { dondePagar } from '../referencias/donde-pagar-pdf.ts';
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
 * conditions, the signers, and for a reestructura the new pagaré. What it says of the institute
 * (name, accounts, who signs, legends) comes from `instituto`, checked by the caller
 * (exigirDatosPara), so a reprint can pass the version it first printed with.
 */
export function generarPdfConvenio(
  d: ConvenioPdf,
  emision: DatosEmision,
  instituto: DatosDelInstituto,
  plantilla: PlantillaAImprimir = plantillaPorOmision('convenio', instituto),
  plantillaPagare: PlantillaAImprimir = plantillaPorOmision('pagare', instituto),
): Promise<Buffer> {
  const c = d.convenio;
  // The prose is the convenio and pagaré templates' (src/domain/plantillas); tables stay generated.
  const valores = {
    'credito.numero': c.creditos[0]?.numero ?? '',
    'acreditado.nombre': c.acreditado?.nombre ?? '',
    'convenio.folio': String(c.id),
    'convenio.fecha': fecha(c.fecha),
    'convenio.alternativa': c.nombre,
    'convenio.creditos': c.creditos.map((cr) => cr.numero).join(', '),
    'convenio.total': pesos(c.total),
    'convenio.descuento': pesos(c.descuento.total),
    'convenio.tolerancia_dias': String(c.toleranciaDias),
    'convenio.condiciones': c.condiciones,
  };
  const doc = nuevoDocumento(
    `Convenio ${c.id}`,
    `${c.nombre} · ${fecha(c.fecha)}`,
    instituto.razonSocial,
  );
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
      // The version number the catalogue shows (v1, v2…), not the version row's id.
      `${c.nombre} (${c.origen === 'campana' ? 'campaña' : 'alternativa'}${d.versionDelCatalogo === null ? '' : `, versión ${d.versionDelCatalogo}`})`,
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
      c.tipo === 'reestructura' ? 'descuento_reestructura' : 'descuento_condicional';
    doc.moveDown(0.3);
    escribirTexto(doc, seccionLlena(plantilla, condicion, valores));
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
  pares(
    doc,
    d.creditos.map((cr) => [`Referencia del crédito ${cr.numero}`, cr.referencia] as const),
  );
  dondePagar(doc, instituto);
  doc.moveDown(0.3);
  escribirTexto(doc, seccionLlena(plantilla, 'donde_pagar', valores));

  seccion(doc, 'Condiciones');
  escribirTexto(doc, seccionLlena(plantilla, 'condiciones', valores));

  for (const cr of d.creditos) {
    if (cr.reestructura === null) continue;
    seccion(doc, `Pagaré del crédito reestructurado (antes ${cr.numero})`);
    escribirTexto(
      doc,
      seccionLlena(plantillaPagare, 'texto', {
        ...valores,
        'pagare.principal': pesos(cr.reestructura.principal),
        'pagare.amortizaciones': String(cr.reestructura.amortizaciones.length),
        'pagare.credito_anterior': cr.numero,
      }),
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
    leyenda(doc, instituto.leyendas.pagare);
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
  // The institute signs by a person in a position (Datos del instituto), never by a username.
  const firmante = instituto.firmantes.convenio;
  doc.moveDown(2);
  doc.text('_______________________________________', izquierda, doc.y);
  doc.text(`Por el ${instituto.razonSocial}:`, izquierda, doc.y);
  doc
    .font('Helvetica-Bold')
    .text(firmante?.nombre ?? '', izquierda, doc.y)
    .font('Helvetica');
  doc.text(firmante?.cargo ?? '', izquierda, doc.y);
  leyenda(doc, instituto.leyendas.convenio);
  const emitido = formatearInstante(emision.emitido, emision.zonaHoraria ?? 'America/Hermosillo');
  return terminar(doc, `Convenio ${c.id} emitido el ${emitido} por ${emision.usuario}`);
}
