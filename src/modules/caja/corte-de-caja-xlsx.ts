import type ExcelJS from 'exceljs';
import { centavosDeSalida } from '../../domain/dinero.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import type { CorteDeCaja, Total } from './corte-de-caja.ts';

const FORMATO_PESOS = '"$"#,##0.00';
const CANAL: Record<string, string> = {
  banco: 'Banco',
  caja: 'Caja',
  nomina: 'Nómina',
  importacion: 'Importación',
};

// Spreadsheet cells hold pesos as numbers for accounting to sum; the centavos are exact
// integers until this division, which a float represents to the centavo at these magnitudes.
const pesos = (t: string) => centavosDeSalida(t) / 100;

function hojaDeTotales(
  libro: ExcelJS.Workbook,
  nombre: string,
  titulo: string,
  filas: Total[],
  etiqueta: (k: string) => string,
) {
  const hoja = libro.addWorksheet(nombre);
  hoja.columns = [
    { header: titulo, key: 'clave', width: 32 },
    { header: 'Pagos', key: 'pagos', width: 10 },
    { header: 'Importe', key: 'monto', width: 18, style: { numFmt: FORMATO_PESOS } },
  ];
  for (const t of filas)
    hoja.addRow({ clave: etiqueta(t.clave), pagos: t.pagos, monto: pesos(t.monto) });
  hoja.getRow(1).font = { bold: true };
}

/** The day's cash report as a workbook for Contabilidad y Finanzas. */
export async function corteDeCajaXlsx(corte: CorteDeCaja): Promise<Buffer> {
  // Loaded on first use: exceljs costs ~0.3 s of every start otherwise.
  const { default: Excel } = await import('exceljs');
  const libro = new Excel.Workbook();
  libro.creator = 'Recupera';
  const resumen = libro.addWorksheet('Resumen');
  resumen.addRow([`Corte de caja del ${formatearFecha(corte.fecha as Fecha)}`]).font = {
    bold: true,
    size: 13,
  };
  resumen.addRow(['Pagos', corte.total.pagos]);
  const total = resumen.addRow(['Importe total', pesos(corte.total.monto)]);
  total.getCell(2).numFmt = FORMATO_PESOS;
  resumen.getColumn(1).width = 28;
  resumen.getColumn(2).width = 18;
  hojaDeTotales(libro, 'Por canal', 'Canal', corte.porCanal, (k) => CANAL[k] ?? k);
  hojaDeTotales(libro, 'Por oficina', 'Oficina', corte.porOficina, (k) => k);
  hojaDeTotales(libro, 'Por gestor', 'Registró', corte.porGestor, (k) => k);
  const detalle = libro.addWorksheet('Pagos');
  detalle.columns = [
    { header: 'Folio', key: 'folio', width: 10 },
    { header: 'Crédito', key: 'credito', width: 18 },
    { header: 'Oficina', key: 'oficina', width: 14 },
    { header: 'Canal', key: 'canal', width: 10 },
    { header: 'Referencia', key: 'referencia', width: 20 },
    { header: 'Importe', key: 'monto', width: 14, style: { numFmt: FORMATO_PESOS } },
    { header: 'Registró', key: 'registradoPor', width: 28 },
    { header: 'Estado', key: 'estado', width: 12 },
  ];
  detalle.getRow(1).font = { bold: true };
  for (const p of corte.pagos) {
    detalle.addRow({
      ...p,
      canal: CANAL[p.canal] ?? p.canal,
      monto: pesos(p.monto),
      estado: p.cancelado ? 'Cancelado' : 'Vigente',
    });
  }
  return Buffer.from(await libro.xlsx.writeBuffer());
}
