import type { TextosDePlantilla, TipoPlantilla } from './catalogo.ts';

/**
 * Version 1 of each template: the texts the documents printed before they were editable.
 * Migration 0033 stores them as version 1; afterwards the stored rows rule, so editing these
 * changes new databases only (a reprint of version 1 reads its row, not this file).
 */
export const TEXTOS_POR_OMISION: Readonly<Record<TipoPlantilla, TextosDePlantilla>> = {
  convenio: {
    descuento_condicional:
      'Descuento total: {{convenio.descuento}}. Es condicional: si no se cumple un pago en su fecha (con {{convenio.tolerancia_dias}} días de tolerancia), el descuento se pierde y el adeudo se recalcula como si no se hubiera otorgado.',
    descuento_reestructura:
      'Descuento total: {{convenio.descuento}}. Se aplica al firmar y fija el principal del crédito nuevo; la reestructura no se revierte si después se incumple un pago.',
    donde_pagar:
      'Ningún servidor público del instituto está autorizado para recibir pagos en efectivo.',
    condiciones:
      '{{convenio.condiciones}}\n\nLa firma de este convenio constituye un reconocimiento del adeudo por parte del deudor.',
  },
  pagare: {
    texto:
      'Debo y pagaré incondicionalmente a la orden del {{instituto.razon_social}} la cantidad de {{pagare.principal}} en {{pagare.amortizaciones}} amortizaciones de capital, más los intereses ordinarios pactados, en las fechas siguientes; la falta de pago de cualquiera causará intereses moratorios a la tasa vigente del producto.',
  },
  carta_finiquito: {
    lugar_y_fecha: 'Hermosillo, Sonora, a {{carta.fecha}}.',
    constancia:
      'El {{instituto.razon_social}} hace constar que el crédito educativo número {{credito.numero}}, a nombre de {{acreditado.nombre}}, quedó liquidado en su totalidad, sin adeudo de capital, intereses ordinarios ni moratorios a la fecha de esta carta.\n\nCon esta carta el crédito se da por finiquitado y sus pagarés quedan a disposición del acreditado para su devolución.',
  },
  recibo: {
    nota: 'El personal de Recupera no recibe efectivo: este recibo ampara un pago hecho en el banco, en la caja del instituto o por nómina.',
  },
  ficha_de_pago: {
    instrucciones:
      'Anote esta referencia completa, sin espacios, en el campo «Referencia» de la ficha del banco o de su transferencia: con ella su pago se aplica a su crédito.',
    aviso_efectivo: 'El personal de Recupera no recibe efectivo.',
    importante:
      'Pague únicamente en el banco o en la caja del instituto, con la referencia de su crédito, y conserve su comprobante. Nadie del instituto puede pedirle que le entregue dinero.\n\nLos saldos son al {{ficha.fecha}}: los intereses cambian cada día y cada pago los modifica. Si paga más de lo exigible, el excedente reduce el plazo de su crédito.',
  },
  estado_de_cuenta: {
    encabezado: '',
    leyendas: '',
    pie: 'Documento informativo; el saldo cambia con cada día y cada pago',
  },
};
