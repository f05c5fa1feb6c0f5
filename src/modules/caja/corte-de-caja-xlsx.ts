import type ExcelJS from 'exceljs';
import { ETIQUETA_POSTERIOR } from '../../domain/caja/corte.ts';
import { centavosDeSalida } from '../../domain/dinero.ts';
import { type Fecha, formatearFecha, formatearInstante } from '../../domain/fecha.ts';
import type { CorteDeCaja, SumaDelCorte } from './corte-de-caja.ts';

const FORMATO_PESOS = '"$"#,##0.00;-"$"#,##0.00';
const ZONA = 'America/Hermosillo';

// Spreadsheet cells hold pesos as numbers for accounting to sum; the centavos are exact
// integers until this division, which a float represents to the centavo at these magnitudes.
const pesos = (t: string) => centavosDeSalida(t) / 100;
const fecha = (f: string) => formatearFecha(f as Fecha);

function hojaDeTotales(
  libro: ExcelJS.Workbook,
  nombre: string,
  titulo: string,
  filas: SumaDelCorte[],
  total: SumaDelCorte,
) {
  const hoja = libro.addWorksheet(nombre);
  hoja.columns = [
    { header: titulo, key: 'nombre', width: 34 },
    { header: 'Movimientos', key: 'movimientos', width: 14 },
    { header: 'Importe', key: 'monto', width: 18, style: { numFmt: FORMATO_PESOS } },
  ];
  for (const t of filas) hoja.addRow({ ...t, monto: pesos(t.monto) });
  // The total under the column it sums, apart from the rows by a blank one.
  hoja.addRow([]);
  hoja.addRow({
    nombre: total.nombre,
    movimientos: total.movimientos,
    monto: pesos(total.monto),
  }).font = { bold: true };
  hoja.getRow(1).font = { bold: true };
}

/**
 * The day's corte as a workbook for Contabilidad y Finanzas, with the screen's labels (they
 * come in the corte). Every amount column of «Pagos» sums to the totals of «Resumen»: a
 * cancellation is a negative row, not a payment marked apart.
 */
export async function corteDeCajaXlsx(corte: CorteDeCaja): Promise<Buffer> {
  // Loaded on first use: exceljs costs ~0.3 s of every start otherwise.
  const { default: Excel } = await import('exceljs');
  const libro = new Excel.Workbook();
  libro.creator = 'Recupera';
  const resumen = libro.addWorksheet('Resumen');
  resumen.addRow([`Corte de caja del ${fecha(corte.fecha)}`]).font = { bold: true, size: 13 };
  resumen.addRow([
    corte.cierre === null
      ? 'Abierto: puede cambiar hasta que Contabilidad lo cierre.'
      : `Cerrado por ${corte.cierre.cerradoPor} el ${formatearInstante(corte.cierre.cerradoEn, ZONA)}.`,
  ]);
  resumen.addRow([]);
  resumen.addRow(['Concepto', 'Movimientos', 'Importe']).font = { bold: true };
  for (const s of [corte.pagos, corte.cancelaciones, corte.total]) {
    const fila = resumen.addRow([s.nombre, s.movimientos, pesos(s.monto)]);
    fila.getCell(3).numFmt = FORMATO_PESOS;
    if (s === corte.total) fila.font = { bold: true };
  }
  const posteriores = corte.lineas.filter((l) => l.posterior).length;
  if (posteriores > 0) {
    resumen.addRow([]);
    resumen.addRow([
      `Incluye ${posteriores} ${posteriores === 1 ? 'movimiento' : 'movimientos'} con fecha de un día ya cerrado («${ETIQUETA_POSTERIOR.toLowerCase()}»).`,
    ]);
  }
  resumen.getColumn(1).width = 34;
  resumen.getColumn(2).width = 14;
  resumen.getColumn(3).width = 18;
  hojaDeTotales(libro, 'Por canal', 'Canal', corte.porCanal, corte.total);
  hojaDeTotales(libro, 'Por oficina', 'Oficina', corte.porOficina, corte.total);
  hojaDeTotales(libro, 'Por gestor', 'Registró', corte.porGestor, corte.total);
  const detalle = libro.addWorksheet('Pagos');
  detalle.columns = [
    { header: 'Folio', key: 'folio', width: 10 },
    { header: 'Fecha', key: 'fecha', width: 12 },
    { header: 'Tipo', key: 'tipoNombre', width: 14 },
    { header: 'Crédito', key: 'credito', width: 18 },
    { header: 'Acreditado', key: 'deudor', width: 34 },
    { header: 'Oficina', key: 'oficina', width: 14 },
    { header: 'Canal', key: 'canalNombre', width: 22 },
    { header: 'Referencia', key: 'referencia', width: 20 },
    { header: 'Importe', key: 'monto', width: 16, style: { numFmt: FORMATO_PESOS } },
    { header: 'Registró', key: 'registradoPor', width: 28 },
    { header: 'Estado', key: 'estado', width: 14 },
    { header: 'Observaciones', key: 'nota', width: 48 },
  ];
  detalle.getRow(1).font = { bold: true };
  for (const l of corte.lineas) {
    const notas = [
      l.posterior ? ETIQUETA_POSTERIOR : '',
      l.cancela === null ? '' : `Cancela el folio ${l.cancela}${l.motivo ? `: ${l.motivo}` : ''}`,
    ].filter(Boolean);
    detalle.addRow({ ...l, fecha: fecha(l.fecha), monto: pesos(l.monto), nota: notas.join(' · ') });
  }
  detalle.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await libro.xlsx.writeBuffer());
}
