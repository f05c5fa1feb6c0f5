import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
const HOJAS = ['personas', 'productos', 'versiones_producto', 'creditos', 'ministraciones'];
const wb = new ExcelJS.Workbook();
for (const h of HOJAS) wb.addWorksheet(h).addRows([['clave','valor'],[`${h}-1`,1]]);
const buf = Buffer.from(await wb.xlsx.writeBuffer());
const resultados: Record<string, number> = {};
for (let i = 0; i < 40; i++) {
const lector = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
let r = '';
try {
for await (const h of lector) { let n = 0; for await (const f of h as any) n++; r += `${(h as any).name}:${n} `; }
} catch (e) { r = 'ERROR ' + (e as Error).message; }
resultados[r] = (resultados[r] ?? 0) + 1;
}
console.log(resultados);
