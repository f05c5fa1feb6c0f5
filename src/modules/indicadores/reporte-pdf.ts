import { formatearInstante } from '../../domain/fecha.ts';
import { ITEMS_META } from '../../domain/metas/indice-de-cumplimiento.ts';
import {
  type Columna,
  type Documento,
  nuevoDocumento,
  pares,
  seccion,
  tabla,
} from '../documentos/pdf-base.ts';
import {
  ETIQUETA_CANAL,
  ETIQUETA_ITEM,
  etiquetaBucket,
  fechaTexto,
  filasCon,
  nombreDeFila,
  nombreDelMes,
  pesosTexto,
  porcentajeTexto,
  type ReporteIndicadores,
  valorDeMetaTexto,
} from './reporte-comun.ts';

const entero = (n: number) => n.toLocaleString('es-MX');
const minutos = (t: string | null) => (t === null ? '—' : `${t} min`);
const MARGEN = 50;

function resumen(doc: Documento, r: ReporteIndicadores): void {
  const p = r.principal;
  const lineas: Array<readonly [string, string]> = [
    ['Mes', nombreDelMes(r.mes)],
    ['Cifras al cierre del', fechaTexto(r.alCorte)],
    [
      'Hechos materializados al',
      r.hechosAl === null
        ? 'Sin materializar'
        : formatearInstante(new Date(r.hechosAl), r.emision.zonaHoraria),
    ],
  ];
  if (p.recuperacion) lineas.push(['Recuperación neta', pesosTexto(p.recuperacion.neto)]);
  if (p.metas) lineas.push(['Índice de cumplimiento de metas', porcentajeTexto(p.metas.indice)]);
  if (p.cobertura) {
    lineas.push(['Cartera gestionada', porcentajeTexto(p.cobertura.porcentajeGestionado)]);
    lineas.push([
      'Cartera con contacto efectivo',
      porcentajeTexto(p.cobertura.porcentajeContactoEfectivo),
    ]);
  }
  if (p.turnos)
    lineas.push([
      'Turnos atendidos',
      `${entero(p.turnos.atendidos)} de ${entero(p.turnos.registrados)}`,
    ]);
  if (p.promesas)
    lineas.push([
      'Promesas cumplidas',
      `${entero(p.promesas.cumplidas)} de ${entero(p.promesas.hechas)}`,
    ]);
  if (p.convenios) lineas.push(['Convenios firmados', entero(p.convenios.firmados)]);
  if (p.prescripcion)
    lineas.push(['Saldo que prescribe en 90 días', pesosTexto(p.prescripcion.en90Dias.saldo)]);
  seccion(doc, 'Resumen del mes');
  pares(doc, lineas);
}

function metas(doc: Documento, r: ReporteIndicadores): void {
  const m = r.principal.metas;
  if (m === null) return;
  seccion(doc, m.version === null ? 'Metas del mes (sin meta definida)' : 'Metas del mes');
  const filas = ITEMS_META.flatMap((item) => {
    const i = m.items[item];
    return i === undefined
      ? []
      : [
          [
            ETIQUETA_ITEM[item],
            valorDeMetaTexto(item, i.meta),
            valorDeMetaTexto(item, i.logrado),
            i.peso,
            porcentajeTexto(i.cumplimiento),
          ],
        ];
  });
  tabla(
    doc,
    [
      { titulo: 'Concepto', ancho: 170 },
      { titulo: 'Meta', ancho: 95, alinear: 'right' },
      { titulo: 'Logrado', ancho: 95, alinear: 'right' },
      { titulo: 'Peso', ancho: 50, alinear: 'right' },
      { titulo: 'Cumplimiento', ancho: 90, alinear: 'right' },
    ],
    [...filas, ['Índice de cumplimiento', '', '', '', porcentajeTexto(m.indice)]],
  );
}

/** One row per gestor (or office): the subject's row first, in bold terms "Total". */
function porDetalle<K extends Parameters<typeof filasCon>[1]>(
  doc: Documento,
  r: ReporteIndicadores,
  familia: K,
  titulo: string,
  columnas: readonly Columna[],
  valores: (v: NonNullable<ReporteIndicadores['principal'][K]>) => string[],
): void {
  const filas = filasCon(r, familia);
  if (filas.length === 0) return;
  seccion(doc, titulo);
  tabla(
    doc,
    [{ titulo: r.etiquetaDetalle, ancho: 150 }, ...columnas],
    filas.map(({ fila, valor }) => [nombreDeFila(r, fila), ...valores(valor)]),
  );
}

const der = (titulo: string, ancho = 70): Columna => ({ titulo, ancho, alinear: 'right' });

function recuperacion(doc: Documento, r: ReporteIndicadores): void {
  const rec = r.principal.recuperacion;
  if (rec === null) return;
  porDetalle(
    doc,
    r,
    'recuperacion',
    'Recuperación',
    [
      der('Cobrado', 80),
      der('Cancelado', 75),
      der('Neto', 80),
      der('Pagos', 55),
      der('Cancel.', 55),
    ],
    (v) => [
      pesosTexto(v.cobrado),
      pesosTexto(v.cancelado),
      pesosTexto(v.neto),
      entero(v.pagos),
      entero(v.cancelaciones),
    ],
  );
  seccion(doc, 'Recuperación neta por antigüedad y por canal');
  const porBucket = rec.porBucket.map((b) => [etiquetaBucket(b.bucket), pesosTexto(b.monto)]);
  const porCanal = rec.porCanal.map((c) => [ETIQUETA_CANAL[c.canal], pesosTexto(c.monto)]);
  const n = Math.max(porBucket.length, porCanal.length);
  tabla(
    doc,
    [
      { titulo: 'Antigüedad al pagar', ancho: 140 },
      der('Neto', 100),
      { titulo: '', ancho: 30 },
      { titulo: 'Canal', ancho: 130 },
      der('Neto', 100),
    ],
    Array.from({ length: n }, (_, i) => [
      ...(porBucket[i] ?? ['', '']),
      '',
      ...(porCanal[i] ?? ['', '']),
    ]),
  );
}

function cobertura(doc: Documento, r: ReporteIndicadores): void {
  porDetalle(
    doc,
    r,
    'cobertura',
    'Cobertura de la cartera asignada',
    [
      der('Asignadas', 65),
      der('Gestionadas', 70),
      der('Con contacto', 70),
      der('% gestionado', 75),
      der('% contacto', 75),
    ],
    (c) => [
      entero(c.asignadas),
      entero(c.gestionadas),
      entero(c.conContactoEfectivo),
      porcentajeTexto(c.porcentajeGestionado),
      porcentajeTexto(c.porcentajeContactoEfectivo),
    ],
  );
}

function turnos(doc: Documento, r: ReporteIndicadores): void {
  porDetalle(
    doc,
    r,
    'turnos',
    'Turnos',
    [
      der('Registrados', 62),
      der('Atendidos', 55),
      der('Abandonados', 62),
      der('En espera', 50),
      der('Espera prom.', 65),
      der('Atención prom.', 68),
    ],
    (t) => [
      entero(t.registrados),
      entero(t.atendidos),
      entero(t.abandonados),
      entero(t.enEspera),
      minutos(t.esperaPromedioMin),
      minutos(t.atencionPromedioMin),
    ],
  );
}

function promesasYConvenios(doc: Documento, r: ReporteIndicadores): void {
  porDetalle(
    doc,
    r,
    'promesas',
    'Promesas de pago',
    [der('Hechas'), der('Cumplidas'), der('Incumplidas'), der('Pendientes')],
    (p) => [entero(p.hechas), entero(p.cumplidas), entero(p.incumplidas), entero(p.pendientes)],
  );
  porDetalle(
    doc,
    r,
    'convenios',
    'Convenios',
    [
      der('Firmados', 55),
      der('Vigentes', 55),
      der('Cumplidos', 55),
      der('Incumplidos', 60),
      der('Monto descontado', 95),
    ],
    (c) => [
      entero(c.firmados),
      entero(c.vigentes),
      entero(c.cumplidos),
      entero(c.incumplidos),
      pesosTexto(c.montoDescontado),
    ],
  );
}

function cartera(doc: Documento, r: ReporteIndicadores): void {
  const c = r.principal.cartera;
  if (c === null) return;
  seccion(doc, `Cartera por antigüedad al ${fechaTexto(r.alCorte)}`);
  tabla(
    doc,
    [{ titulo: 'Antigüedad', ancho: 160 }, der('Cuentas', 80), der('Saldo', 120)],
    c.porBucket.map((b) => [etiquetaBucket(b.bucket), entero(b.cuentas), pesosTexto(b.saldo)]),
  );
  doc.moveDown(0.3);
  pares(doc, [['Cuentas liquidadas en el mes', entero(c.liquidadas)]]);
  seccion(doc, 'Rodamiento y cura respecto del cierre del mes anterior');
  tabla(
    doc,
    [
      { titulo: 'Antigüedad anterior', ancho: 100 },
      der('Cuentas', 52),
      der('Saldo', 90),
      der('Rodam. cuentas', 68),
      der('Rodam. saldo', 65),
      der('Cura cuentas', 64),
      der('Cura saldo', 60),
    ],
    c.rodamiento.map((x) => [
      etiquetaBucket(x.de),
      entero(x.cuentas),
      pesosTexto(x.saldo),
      porcentajeTexto(x.rodamientoCuentas),
      porcentajeTexto(x.rodamientoSaldo),
      porcentajeTexto(x.curaCuentas),
      porcentajeTexto(x.curaSaldo),
    ]),
  );
}

function prescripcion(doc: Documento, r: ReporteIndicadores): void {
  porDetalle(
    doc,
    r,
    'prescripcion',
    'Saldo que prescribe',
    [
      der('Cuentas 90 días', 75),
      der('Saldo 90 días', 95),
      der('Cuentas 180 días', 80),
      der('Saldo 180 días', 95),
    ],
    (p) => [
      entero(p.en90Dias.cuentas),
      pesosTexto(p.en90Dias.saldo),
      entero(p.en180Dias.cuentas),
      pesosTexto(p.en180Dias.saldo),
    ],
  );
}

/**
 * «Página x de y» on every page. The footer sits inside the bottom margin: pdfkit would take
 * text written there for an overflow and add a page after it, which is how the other documents
 * got their blank trailing pages (issue 14), so the margin is lifted while it is written.
 */
function terminarConPie(doc: Documento, pie: string): Promise<Buffer> {
  const paginas = doc.bufferedPageRange();
  for (let i = 0; i < paginas.count; i++) {
    doc.switchToPage(paginas.start + i);
    const margenInferior = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).fillColor('#555555');
    doc.text(`${pie} · Página ${i + 1} de ${paginas.count}`, MARGEN, doc.page.height - 40, {
      width: doc.page.width - 2 * MARGEN,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = margenInferior;
  }
  return new Promise((resolver, rechazar) => {
    const partes: Buffer[] = [];
    doc.on('data', (p: Buffer) => partes.push(p));
    doc.on('end', () => resolver(Buffer.concat(partes)));
    doc.on('error', rechazar);
    doc.end();
  });
}

/** The month's report for the director's meeting: the same figures as the workbook. */
export function reporteIndicadoresPdf(r: ReporteIndicadores, razonSocial: string): Promise<Buffer> {
  const doc = nuevoDocumento(
    'Reporte de indicadores',
    `${r.titulo} · ${nombreDelMes(r.mes)}`,
    razonSocial,
  );
  resumen(doc, r);
  metas(doc, r);
  recuperacion(doc, r);
  cobertura(doc, r);
  turnos(doc, r);
  promesasYConvenios(doc, r);
  cartera(doc, r);
  prescripcion(doc, r);
  const emitido = formatearInstante(r.emision.instante, r.emision.zonaHoraria);
  return terminarConPie(
    doc,
    `${r.titulo} · ${nombreDelMes(r.mes)} · Emitido el ${emitido} por ${r.emision.usuario}`,
  );
}
