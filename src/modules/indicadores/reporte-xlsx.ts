import type ExcelJS from 'exceljs';
import { BUCKETS } from '../../domain/antiguedad.ts';
import { centavosDeSalida, sumarTodos } from '../../domain/dinero.ts';
import { formatearInstante } from '../../domain/fecha.ts';
import { ITEMS_META, type ItemMeta } from '../../domain/metas/indice-de-cumplimiento.ts';
import {
  ETIQUETA_CANAL,
  ETIQUETA_ITEM,
  etiquetaBucket,
  filasCon,
  nombreDeFila,
  nombreDelMes,
  type ReporteIndicadores,
} from './reporte-comun.ts';

/** Cell formats: accounting sums these numbers, so they are numbers, never text. */
const FORMATO: Record<Formato, string | undefined> = {
  pesos: '"$"#,##0.00',
  porcentaje: '0.0%',
  entero: '#,##0',
  decimal: '#,##0.0',
  fecha: 'dd/mm/yyyy',
  texto: undefined,
};
type Formato = 'pesos' | 'porcentaje' | 'entero' | 'decimal' | 'fecha' | 'texto';
type Valor = string | number | Date | null;

interface Columna {
  titulo: string;
  formato: Formato;
}

// Pesos as numbers: the centavos are exact integers until this division, which a float
// represents to the centavo at these magnitudes.
const pesos = (t: string): number => centavosDeSalida(t) / 100;
// "87.5" → 0.875 shown as 87.5%: a real percentage a spreadsheet can compute with.
const pct = (t: string | null): number | null => (t === null ? null : Number(t) / 100);
const decimal = (t: string | null): number | null => (t === null ? null : Number(t));
const fecha = (f: string): Date => new Date(`${f}T00:00:00Z`);

const AZUL_CLARO = 'FFE6EEF2';

/** A titled table: a bold title row (optional), the header row, then the rows with formats. */
function bloque(
  hoja: ExcelJS.Worksheet,
  titulo: string | null,
  columnas: readonly Columna[],
  filas: ReadonlyArray<readonly Valor[]>,
): void {
  if (hoja.rowCount > 0) hoja.addRow([]);
  if (titulo !== null) hoja.addRow([titulo]).font = { bold: true, size: 12 };
  const cabecera = hoja.addRow(columnas.map((c) => c.titulo));
  cabecera.font = { bold: true };
  cabecera.alignment = { wrapText: true, vertical: 'middle' };
  cabecera.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: AZUL_CLARO } };
  });
  for (const valores of filas) {
    const fila = hoja.addRow([...valores]);
    columnas.forEach((c, i) => {
      const f = FORMATO[c.formato];
      if (f !== undefined) fila.getCell(i + 1).numFmt = f;
    });
  }
}

function anchos(hoja: ExcelJS.Worksheet, primera = 34, resto = 16): void {
  hoja.getColumn(1).width = primera;
  for (let i = 2; i <= Math.max(hoja.columnCount, 2); i++) hoja.getColumn(i).width = resto;
}

function hojaResumen(libro: ExcelJS.Workbook, r: ReporteIndicadores): void {
  const hoja = libro.addWorksheet('Resumen y metas');
  hoja.addRow([`Reporte de indicadores · ${r.titulo}`]).font = { bold: true, size: 14 };
  hoja.addRow(['Mes', nombreDelMes(r.mes)]);
  const corte = hoja.addRow(['Cifras al cierre del día', fecha(r.alCorte)]);
  corte.getCell(2).numFmt = FORMATO.fecha ?? '';
  hoja.addRow([
    'Hechos materializados al',
    r.hechosAl === null
      ? 'Sin materializar'
      : formatearInstante(new Date(r.hechosAl), r.emision.zonaHoraria),
  ]);
  hoja.addRow([
    'Emitido',
    `${formatearInstante(r.emision.instante, r.emision.zonaHoraria)} por ${r.emision.usuario}`,
  ]);
  const recuperaciones = filasCon(r, 'recuperacion');
  if (recuperaciones.length > 0) {
    bloque(
      hoja,
      'Recuperación neta',
      [
        { titulo: r.etiquetaDetalle, formato: 'texto' },
        { titulo: 'Recuperación neta', formato: 'pesos' },
      ],
      recuperaciones.map(({ fila, valor }) => [nombreDeFila(r, fila), pesos(valor.neto)]),
    );
  }
  const metas = filasCon(r, 'metas');
  if (metas.length > 0) {
    // Per item: goal, achieved, weight and compliance; money items in pesos, counts as integers.
    const columnas: Columna[] = [
      { titulo: r.etiquetaDetalle, formato: 'texto' },
      { titulo: 'Índice de cumplimiento', formato: 'porcentaje' },
      { titulo: 'Versión de la meta', formato: 'entero' },
    ];
    const formatoDe = (item: ItemMeta): Formato => (item === 'recuperacion' ? 'pesos' : 'entero');
    for (const item of ITEMS_META) {
      const e = ETIQUETA_ITEM[item];
      columnas.push(
        { titulo: `${e}: meta`, formato: formatoDe(item) },
        { titulo: `${e}: logrado`, formato: formatoDe(item) },
        { titulo: `${e}: peso`, formato: 'decimal' },
        { titulo: `${e}: cumplimiento`, formato: 'porcentaje' },
      );
    }
    const valor = (item: ItemMeta, t: string) => (item === 'recuperacion' ? pesos(t) : Number(t));
    bloque(
      hoja,
      'Metas del mes',
      columnas,
      metas.map(({ fila, valor: m }) => {
        const celdas: Valor[] = [nombreDeFila(r, fila), pct(m.indice), m.version];
        for (const item of ITEMS_META) {
          const i = m.items[item];
          celdas.push(
            i === undefined ? null : valor(item, i.meta),
            i === undefined ? null : valor(item, i.logrado),
            i === undefined ? null : Number(i.peso),
            i === undefined ? null : pct(i.cumplimiento),
          );
        }
        return celdas;
      }),
    );
  }
  anchos(hoja, 34, 18);
}

function hojaRecuperacion(libro: ExcelJS.Workbook, r: ReporteIndicadores): void {
  const filas = filasCon(r, 'recuperacion');
  const principal = r.principal.recuperacion;
  if (filas.length === 0 || principal === null) return;
  const hoja = libro.addWorksheet('Recuperación');
  const columnas: Columna[] = [
    { titulo: r.etiquetaDetalle, formato: 'texto' },
    { titulo: 'Cobrado', formato: 'pesos' },
    { titulo: 'Cancelado', formato: 'pesos' },
    { titulo: 'Neto', formato: 'pesos' },
    { titulo: 'Pagos', formato: 'entero' },
    { titulo: 'Cancelaciones', formato: 'entero' },
    ...principal.porBucket.map((b) => ({
      titulo: `Neto ${etiquetaBucket(b.bucket).toLowerCase()}`,
      formato: 'pesos' as const,
    })),
    ...principal.porCanal.map((c) => ({
      titulo: `Neto por ${ETIQUETA_CANAL[c.canal].toLowerCase()}`,
      formato: 'pesos' as const,
    })),
  ];
  bloque(
    hoja,
    null,
    columnas,
    filas.map(({ fila, valor: v }) => [
      nombreDeFila(r, fila),
      pesos(v.cobrado),
      pesos(v.cancelado),
      pesos(v.neto),
      v.pagos,
      v.cancelaciones,
      ...principal.porBucket.map((b) =>
        pesos(v.porBucket.find((x) => x.bucket === b.bucket)?.monto ?? '0'),
      ),
      ...principal.porCanal.map((c) =>
        pesos(v.porCanal.find((x) => x.canal === c.canal)?.monto ?? '0'),
      ),
    ]),
  );
  bloque(
    hoja,
    `Recuperación neta por día · ${r.titulo}`,
    [
      { titulo: 'Fecha', formato: 'fecha' },
      { titulo: 'Neto', formato: 'pesos' },
    ],
    principal.porDia.map((d) => [fecha(d.fecha), pesos(d.monto)]),
  );
  anchos(hoja);
}

function hojaCobertura(libro: ExcelJS.Workbook, r: ReporteIndicadores): void {
  const filas = filasCon(r, 'cobertura');
  if (filas.length === 0) return;
  const hoja = libro.addWorksheet('Cobertura');
  bloque(
    hoja,
    null,
    [
      { titulo: r.etiquetaDetalle, formato: 'texto' },
      { titulo: 'Cuentas asignadas', formato: 'entero' },
      { titulo: 'Cuentas gestionadas', formato: 'entero' },
      { titulo: 'Cuentas con contacto efectivo', formato: 'entero' },
      { titulo: 'Cartera gestionada', formato: 'porcentaje' },
      { titulo: 'Cartera con contacto efectivo', formato: 'porcentaje' },
    ],
    filas.map(({ fila, valor: c }) => [
      nombreDeFila(r, fila),
      c.asignadas,
      c.gestionadas,
      c.conContactoEfectivo,
      pct(c.porcentajeGestionado),
      pct(c.porcentajeContactoEfectivo),
    ]),
  );
  anchos(hoja);
}

function hojaTurnos(libro: ExcelJS.Workbook, r: ReporteIndicadores): void {
  const filas = filasCon(r, 'turnos');
  if (filas.length === 0) return;
  const hoja = libro.addWorksheet('Turnos');
  bloque(
    hoja,
    null,
    [
      { titulo: r.etiquetaDetalle, formato: 'texto' },
      { titulo: 'Registrados', formato: 'entero' },
      { titulo: 'Atendidos', formato: 'entero' },
      { titulo: 'Abandonados', formato: 'entero' },
      { titulo: 'En espera', formato: 'entero' },
      { titulo: 'Espera promedio (minutos)', formato: 'decimal' },
      { titulo: 'Atención promedio (minutos)', formato: 'decimal' },
    ],
    filas.map(({ fila, valor: t }) => [
      nombreDeFila(r, fila),
      t.registrados,
      t.atendidos,
      t.abandonados,
      t.enEspera,
      decimal(t.esperaPromedioMin),
      decimal(t.atencionPromedioMin),
    ]),
  );
  anchos(hoja);
}

function hojaPromesasYConvenios(libro: ExcelJS.Workbook, r: ReporteIndicadores): void {
  const promesas = filasCon(r, 'promesas');
  const convenios = filasCon(r, 'convenios');
  if (promesas.length === 0 && convenios.length === 0) return;
  const hoja = libro.addWorksheet('Promesas y convenios');
  if (promesas.length > 0) {
    bloque(
      hoja,
      'Promesas de pago',
      [
        { titulo: r.etiquetaDetalle, formato: 'texto' },
        { titulo: 'Hechas', formato: 'entero' },
        { titulo: 'Cumplidas', formato: 'entero' },
        { titulo: 'Incumplidas', formato: 'entero' },
        { titulo: 'Pendientes', formato: 'entero' },
      ],
      promesas.map(({ fila, valor: p }) => [
        nombreDeFila(r, fila),
        p.hechas,
        p.cumplidas,
        p.incumplidas,
        p.pendientes,
      ]),
    );
  }
  if (convenios.length > 0) {
    bloque(
      hoja,
      'Convenios',
      [
        { titulo: r.etiquetaDetalle, formato: 'texto' },
        { titulo: 'Firmados', formato: 'entero' },
        { titulo: 'Vigentes', formato: 'entero' },
        { titulo: 'Cumplidos', formato: 'entero' },
        { titulo: 'Incumplidos', formato: 'entero' },
        { titulo: 'Monto descontado', formato: 'pesos' },
      ],
      convenios.map(({ fila, valor: c }) => [
        nombreDeFila(r, fila),
        c.firmados,
        c.vigentes,
        c.cumplidos,
        c.incumplidos,
        pesos(c.montoDescontado),
      ]),
    );
  }
  anchos(hoja);
}

function hojaCartera(libro: ExcelJS.Workbook, r: ReporteIndicadores): void {
  const filas = filasCon(r, 'cartera');
  const c = r.principal.cartera;
  if (filas.length === 0 || c === null) return;
  const hoja = libro.addWorksheet('Cartera y rodamiento');
  bloque(
    hoja,
    `Saldo por antigüedad al corte · ${r.titulo}`,
    [
      { titulo: 'Antigüedad', formato: 'texto' },
      { titulo: 'Cuentas', formato: 'entero' },
      { titulo: 'Saldo', formato: 'pesos' },
    ],
    c.porBucket.map((b) => [etiquetaBucket(b.bucket), b.cuentas, pesos(b.saldo)]),
  );
  hoja.addRow(['Cuentas liquidadas en el mes', c.liquidadas]).getCell(2).numFmt =
    FORMATO.entero ?? '';
  bloque(
    hoja,
    'Rodamiento y cura respecto del cierre del mes anterior',
    [
      { titulo: 'Antigüedad al cierre anterior', formato: 'texto' },
      { titulo: 'Cuentas', formato: 'entero' },
      { titulo: 'Saldo', formato: 'pesos' },
      { titulo: 'Rodamiento (cuentas)', formato: 'porcentaje' },
      { titulo: 'Rodamiento (saldo)', formato: 'porcentaje' },
      { titulo: 'Cura (cuentas)', formato: 'porcentaje' },
      { titulo: 'Cura (saldo)', formato: 'porcentaje' },
    ],
    c.rodamiento.map((x) => [
      etiquetaBucket(x.de),
      x.cuentas,
      pesos(x.saldo),
      pct(x.rodamientoCuentas),
      pct(x.rodamientoSaldo),
      pct(x.curaCuentas),
      pct(x.curaSaldo),
    ]),
  );
  // The matrix of transitions: accounts from each bucket (rows) to each (columns).
  const destinos = [...BUCKETS, 'liquidado' as const];
  bloque(
    hoja,
    'Matriz de transiciones (cuentas)',
    [
      { titulo: 'De \\ a', formato: 'texto' },
      ...destinos.map((d) => ({ titulo: etiquetaBucket(d), formato: 'entero' as const })),
    ],
    BUCKETS.map((de) => [
      etiquetaBucket(de),
      ...destinos.map((a) => c.matriz.find((m) => m.de === de && m.a === a)?.cuentas ?? 0),
    ]),
  );
  bloque(
    hoja,
    `Saldo por antigüedad por ${r.etiquetaDetalle.toLowerCase()}`,
    [
      { titulo: r.etiquetaDetalle, formato: 'texto' },
      { titulo: 'Cuentas', formato: 'entero' },
      { titulo: 'Saldo', formato: 'pesos' },
      { titulo: 'Liquidadas en el mes', formato: 'entero' },
      ...BUCKETS.map((b) => ({
        titulo: `Saldo ${etiquetaBucket(b).toLowerCase()}`,
        formato: 'pesos' as const,
      })),
    ],
    filas.map(({ fila, valor: v }) => [
      nombreDeFila(r, fila),
      v.porBucket.reduce((s, b) => s + b.cuentas, 0),
      sumarTodos(v.porBucket.map((b) => centavosDeSalida(b.saldo))) / 100,
      v.liquidadas,
      ...BUCKETS.map((b) => pesos(v.porBucket.find((x) => x.bucket === b)?.saldo ?? '0.00')),
    ]),
  );
  anchos(hoja);
}

function hojaPrescripcion(libro: ExcelJS.Workbook, r: ReporteIndicadores): void {
  const filas = filasCon(r, 'prescripcion');
  if (filas.length === 0) return;
  const hoja = libro.addWorksheet('Prescripción');
  bloque(
    hoja,
    null,
    [
      { titulo: r.etiquetaDetalle, formato: 'texto' },
      { titulo: 'Cuentas que prescriben en 90 días', formato: 'entero' },
      { titulo: 'Saldo que prescribe en 90 días', formato: 'pesos' },
      { titulo: 'Cuentas que prescriben en 180 días', formato: 'entero' },
      { titulo: 'Saldo que prescribe en 180 días', formato: 'pesos' },
    ],
    filas.map(({ fila, valor: p }) => [
      nombreDeFila(r, fila),
      p.en90Dias.cuentas,
      pesos(p.en90Dias.saldo),
      p.en180Dias.cuentas,
      pesos(p.en180Dias.saldo),
    ]),
  );
  anchos(hoja);
}

/**
 * The month's report as a workbook: one sheet per indicator family the reader may see (a
 * family that is null for every row, as all but recovery are for contabilidad, has no sheet),
 * the subject's row first and then one row per gestor (or per office for the institute).
 * A few dozen rows per sheet: built in memory.
 */
export async function reporteIndicadoresXlsx(r: ReporteIndicadores): Promise<Buffer> {
  // Loaded on first use: exceljs costs ~0.3 s of every start otherwise.
  const { default: Excel } = await import('exceljs');
  const libro = new Excel.Workbook();
  libro.creator = 'Recupera';
  libro.created = r.emision.instante;
  hojaResumen(libro, r);
  hojaRecuperacion(libro, r);
  hojaCobertura(libro, r);
  hojaTurnos(libro, r);
  hojaPromesasYConvenios(libro, r);
  hojaCartera(libro, r);
  hojaPrescripcion(libro, r);
  return Buffer.from(await libro.xlsx.writeBuffer());
}
