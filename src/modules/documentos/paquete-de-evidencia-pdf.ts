import { ETIQUETA_ESTADO_CONVENIO } from '../../domain/convenios/estado-convenio.ts';
import { centavosDeSalida, formatearPesos } from '../../domain/dinero.ts';
import { ETIQUETA_ESTADO_DOCUMENTAL } from '../../domain/expedientes/estado-documental.ts';
import { type Fecha, formatearFecha, formatearInstante } from '../../domain/fecha.ts';
import { NOMBRE_CANAL } from '../../domain/gestion/canal.ts';
import { ETIQUETA_ESTADO_JURIDICO } from '../juridico/actuaciones.ts';
import type { EscaneoDelPaquete, PaqueteDeEvidencia } from '../juridico/paquete-de-evidencia.ts';
import { type DatosEmision, escribirEstadoDeCuenta } from './estado-de-cuenta-pdf.ts';
import { type Documento, nuevoDocumento, pares, seccion, tabla, terminar } from './pdf-base.ts';

const MARGEN = 50;
const fecha = (f: string) => formatearFecha(f as Fecha);
const pesos = (t: string) => formatearPesos(centavosDeSalida(t));
/**
 * A table cell is one line (pdf-base's rows are 13 points): longer text is cut to the column's
 * width, with an ellipsis, rather than wrapped over the next row.
 */
function caber(doc: Documento, texto: string, ancho: number): string {
  doc.font('Helvetica').fontSize(8);
  const disponible = ancho - 4;
  if (doc.widthOfString(texto) <= disponible) return texto;
  let corto = texto;
  while (corto.length > 1 && doc.widthOfString(`${corto}…`) > disponible)
    corto = corto.slice(0, -1);
  return `${corto}…`;
}

const TIPO: Record<EscaneoDelPaquete['tipo'], string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};
const MOVIMIENTO: Record<string, string> = {
  pago: 'Pago',
  condonacion: 'Condonación',
  cancelacion: 'Cancelación',
};

function kb(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('es-MX')} kB`
    : `${(bytes / (1024 * 1024)).toLocaleString('es-MX', { maximumFractionDigits: 1 })} MB`;
}

function parrafo(doc: Documento, texto: string, opciones: { negrita?: boolean } = {}): void {
  if (doc.y > doc.page.height - 90) doc.addPage();
  doc
    .font(opciones.negrita ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(9)
    .fillColor('#000000')
    .text(texto, MARGEN, doc.y, { width: doc.page.width - 2 * MARGEN });
  doc.font('Helvetica');
}

function certificacion(
  doc: Documento,
  d: PaqueteDeEvidencia,
  emision: DatosEmision,
  razonSocial: string,
): void {
  seccion(doc, `Certificación del estado de cuenta al ${fecha(d.hoy)}`);
  parrafo(
    doc,
    `Se certifica que el estado de cuenta que antecede, del crédito ${d.credito.numero} a cargo de ${d.credito.acreditado ?? 'su acreditado'}, corresponde a los registros del ${razonSocial} al ${fecha(d.hoy)}, calculado con las condiciones del contrato y los pagos registrados, con un saldo para liquidar de ${pesos(d.estado.saldo_para_liquidar)} y un saldo exigible de ${pesos(d.estado.saldo_exigible)}. Generado en Recupera por ${emision.usuario}; lo firma quien certifica por el Instituto.`,
  );
  doc.moveDown(3);
  const y = doc.y;
  const ancho = 200;
  doc
    .moveTo(MARGEN, y)
    .lineTo(MARGEN + ancho, y)
    .stroke('#000000');
  doc
    .moveTo(MARGEN + 280, y)
    .lineTo(MARGEN + 280 + ancho, y)
    .stroke('#000000');
  doc.fontSize(8).text('Nombre, cargo y firma de quien certifica', MARGEN, y + 4, { width: ancho });
  doc.text('Sello', MARGEN + 280, y + 4, { width: ancho });
  doc.x = MARGEN;
  doc.fontSize(9);
}

function pagares(doc: Documento, d: PaqueteDeEvidencia): void {
  seccion(doc, 'Pagarés');
  if (d.pagares.length === 0) {
    parrafo(doc, 'El crédito no tiene pagarés registrados.');
    return;
  }
  tabla(
    doc,
    [
      { titulo: 'Pagaré', ancho: 140 },
      { titulo: 'Min.', ancho: 30, alinear: 'right' },
      { titulo: 'Monto', ancho: 72, alinear: 'right' },
      { titulo: 'Vence', ancho: 58 },
      { titulo: 'Prescribe', ancho: 62 },
      { titulo: 'Estado documental', ancho: 150 },
    ],
    d.pagares.map((p) => [
      caber(doc, p.etiqueta, 140),
      String(p.pagare?.ministracion ?? ''),
      p.pagare ? pesos(p.pagare.monto) : '',
      p.pagare ? fecha(p.pagare.vencimiento) : '',
      p.prescripcion ? fecha(p.prescripcion.fecha) : '',
      p.estadoDocumental ? ETIQUETA_ESTADO_DOCUMENTAL[p.estadoDocumental] : '',
    ]),
  );
  doc.moveDown(0.5);
  for (const p of d.pagares) {
    const r = p.prescripcion;
    if (!r) continue;
    const plazo = r.prescrito
      ? `PRESCRITO desde el ${fecha(r.fecha)} (la deuda aún puede cobrarse extrajudicialmente)`
      : `prescribe el ${fecha(r.fecha)}, en ${r.diasRestantes.toLocaleString('es-MX')} días`;
    parrafo(doc, `${p.etiqueta}: ${plazo}. ${r.motivo}.`);
    if (p.motivoEstado) parrafo(doc, `    Estado documental: ${p.motivoEstado}`);
  }
}

function listaDeEscaneos(doc: Documento, d: PaqueteDeEvidencia): void {
  seccion(doc, 'Escaneos');
  if (d.escaneos.length === 0) {
    parrafo(doc, 'El crédito no tiene escaneos adjuntos.');
    return;
  }
  parrafo(
    doc,
    'Los originales están en el ZIP de escaneos del crédito, con su manifiesto SHA-256; las imágenes se reproducen al final de este paquete.',
  );
  doc.moveDown(0.3);
  tabla(
    doc,
    [
      { titulo: 'Núm.', ancho: 30, alinear: 'right' },
      { titulo: 'Pieza', ancho: 130 },
      { titulo: 'Archivo', ancho: 130 },
      { titulo: 'Tipo', ancho: 30 },
      { titulo: 'Tamaño', ancho: 44, alinear: 'right' },
      { titulo: 'Adjuntado', ancho: 56 },
      { titulo: 'Subió', ancho: 92 },
    ],
    d.escaneos.map((e) => [
      String(e.id),
      caber(doc, e.pieza, 130),
      caber(doc, e.nombre, 130),
      TIPO[e.tipo],
      kb(e.bytes),
      fecha(e.subidoEn.slice(0, 10)),
      caber(doc, e.subidoPor, 92),
    ]),
  );
  doc.moveDown(0.5);
  for (const e of d.escaneos) {
    parrafo(
      doc,
      `${e.id}. ${e.nombre} — SHA-256 ${e.sha256}${e.presente ? '' : ' (el archivo no está en la carpeta de datos del servidor)'}`,
    );
  }
}

/** Each JPG or PNG scan on a page of its own, scaled to the page, with what it is. */
function imagenes(
  doc: Documento,
  d: PaqueteDeEvidencia,
  leidas: ReadonlyMap<number, Buffer>,
): void {
  for (const e of d.escaneos) {
    if (e.tipo === 'application/pdf') continue;
    doc.addPage();
    parrafo(doc, `Escaneo ${e.id}: ${e.nombre} (${e.pieza})`, { negrita: true });
    parrafo(doc, `SHA-256 ${e.sha256}${e.descripcion ? ` · ${e.descripcion}` : ''}`);
    doc.moveDown(0.5);
    const imagen = leidas.get(e.id);
    if (!imagen) {
      parrafo(
        doc,
        e.presente
          ? 'La imagen no se reproduce aquí para no exceder el tamaño del paquete: está en el ZIP de escaneos.'
          : 'El archivo no está en la carpeta de datos del servidor.',
      );
      continue;
    }
    const alto = doc.page.height - 75 - doc.y;
    try {
      doc.image(imagen, MARGEN, doc.y, {
        fit: [doc.page.width - 2 * MARGEN, alto],
        align: 'center',
      });
    } catch {
      // The first bytes said JPG or PNG; the rest may still be damaged.
      parrafo(doc, 'La imagen está dañada y no se pudo reproducir; el original está en el ZIP.');
    }
  }
}

function conveniosYReconocimientos(doc: Documento, d: PaqueteDeEvidencia): void {
  seccion(doc, 'Convenios firmados y reconocimientos de adeudo');
  if (d.convenios.length === 0) parrafo(doc, 'Sin convenios firmados.');
  else
    tabla(
      doc,
      [
        { titulo: 'Convenio', ancho: 50, alinear: 'right' },
        { titulo: 'Nombre', ancho: 220 },
        { titulo: 'Firmado', ancho: 62 },
        { titulo: 'Estado', ancho: 80 },
        { titulo: 'Total', ancho: 90, alinear: 'right' },
      ],
      d.convenios.map((c) => [
        String(c.id),
        caber(doc, c.nombre, 220),
        fecha(c.fechaFirma),
        ETIQUETA_ESTADO_CONVENIO[c.estado],
        pesos(c.total),
      ]),
    );
  doc.moveDown(0.3);
  for (const r of d.reconocimientos)
    parrafo(doc, `Reconocimiento de adeudo del ${fecha(r.fecha)} (convenio ${r.convenioId}).`);
}

function historialDePagos(doc: Documento, d: PaqueteDeEvidencia): void {
  seccion(doc, 'Historial de pagos y movimientos');
  if (d.pagos.length === 0) {
    parrafo(doc, 'Sin pagos registrados.');
    return;
  }
  tabla(
    doc,
    [
      { titulo: 'Folio', ancho: 44, alinear: 'right' },
      { titulo: 'Fecha', ancho: 58 },
      { titulo: 'Movimiento', ancho: 70 },
      { titulo: 'Monto', ancho: 76, alinear: 'right' },
      { titulo: 'Canal', ancho: 64 },
      { titulo: 'Referencia', ancho: 100 },
      { titulo: 'Nota', ancho: 100 },
    ],
    d.pagos.map((p) => [
      String(p.id),
      fecha(p.fecha),
      MOVIMIENTO[p.tipo] ?? p.tipo,
      p.monto === null ? '' : pesos(p.monto),
      p.canal ?? '',
      caber(doc, p.referencia ?? '', 100),
      p.cancelado ? 'Cancelado' : p.cancela !== null ? `Cancela el folio ${p.cancela}` : '',
    ]),
  );
}

function gestiones(doc: Documento, d: PaqueteDeEvidencia, zona: string): void {
  seccion(doc, 'Bitácora de gestiones de cobranza');
  if (d.gestiones.length === 0) {
    parrafo(doc, 'Sin gestiones registradas.');
    return;
  }
  for (const g of d.gestiones) {
    const quien = g.contactoNombre ?? g.persona?.nombre;
    parrafo(
      doc,
      `${formatearInstante(new Date(g.inicio), zona)} · ${NOMBRE_CANAL[g.canal]}${g.medio ? ` (${g.medio})` : ''} · ${g.resultado.nombre}${quien ? ` · con ${quien}` : ''} · registró ${g.registradoPor.nombre}`,
      { negrita: true },
    );
    if (g.promesa)
      parrafo(
        doc,
        `Promesa de pago de ${pesos(g.promesa.monto)} para el ${fecha(g.promesa.fecha)} (${g.promesa.estado}).`,
      );
    if (g.nota) parrafo(doc, g.nota);
    doc.moveDown(0.2);
  }
}

function domicilios(doc: Documento, d: PaqueteDeEvidencia): void {
  seccion(doc, 'Domicilios y teléfonos del acreditado y los avales');
  if (d.personas.length === 0) {
    parrafo(doc, 'El crédito no tiene personas registradas.');
    return;
  }
  for (const p of d.personas) {
    parrafo(doc, `${p.rol === 'aval' ? 'Aval' : 'Acreditado'}: ${p.nombre}`, { negrita: true });
    if (p.bloqueada) {
      parrafo(doc, 'Datos de contacto bloqueados por una cancelación (derechos ARCO).');
      continue;
    }
    parrafo(doc, `Domicilios: ${p.domicilios.length === 0 ? 'ninguno registrado' : ''}`);
    for (const dom of p.domicilios) parrafo(doc, `    ${dom}`);
    parrafo(
      doc,
      `Teléfonos: ${p.telefonos.length === 0 ? 'ninguno registrado' : p.telefonos.join(' · ')}`,
    );
    doc.moveDown(0.3);
  }
}

function actuaciones(doc: Documento, d: PaqueteDeEvidencia): void {
  if (d.actuaciones.length === 0) return;
  seccion(doc, 'Actuaciones jurídicas');
  for (const a of d.actuaciones) {
    const juzgado = [a.juzgado, a.expedienteJudicial ? `expediente ${a.expedienteJudicial}` : null]
      .filter(Boolean)
      .join(', ');
    parrafo(
      doc,
      `${fecha(a.fecha)} · ${ETIQUETA_ESTADO_JURIDICO[a.estado]}${juzgado ? ` · ${juzgado}` : ''} · ${a.despacho}`,
      { negrita: true },
    );
    if (a.nota) parrafo(doc, a.nota);
  }
}

/**
 * The evidence pack a lawyer files: the certified statement at today's date (the statement
 * PDF's own sections), the pagarés with amounts, due and prescription dates, the scans (images
 * reproduced, every one listed with its SHA-256), the signed convenios, the payments, the
 * gestiones, the addresses and phones, and the legal actions so far.
 */
export function generarPdfPaqueteDeEvidencia(
  d: PaqueteDeEvidencia,
  imagenesLeidas: ReadonlyMap<number, Buffer>,
  emision: DatosEmision,
  razonSocial: string,
): Promise<Buffer> {
  const zona = emision.zonaHoraria ?? 'America/Hermosillo';
  const doc = nuevoDocumento(
    'Paquete de evidencia',
    `Crédito ${d.credito.numero} al ${fecha(d.hoy)}`,
    razonSocial,
  );
  seccion(doc, 'Cuenta');
  pares(doc, [
    ['Estado del crédito', d.credito.estado],
    [
      'Turnado a',
      d.credito.turnado
        ? `${d.credito.turnado.despacho}, del ${fecha(d.credito.turnado.desde)} al ${fecha(d.credito.turnado.hasta)}`
        : 'No está turnado a un despacho',
    ],
    ['Fecha del paquete', fecha(d.hoy)],
  ]);
  escribirEstadoDeCuenta(doc, d.credito, d.estado);
  certificacion(doc, d, emision, razonSocial);
  pagares(doc, d);
  listaDeEscaneos(doc, d);
  conveniosYReconocimientos(doc, d);
  historialDePagos(doc, d);
  gestiones(doc, d, zona);
  domicilios(doc, d);
  actuaciones(doc, d);
  imagenes(doc, d, imagenesLeidas);
  return terminar(
    doc,
    `Emitido el ${formatearInstante(emision.emitido, zona)} por ${emision.usuario}`,
  );
}
