import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BUCKETS } from '../../src/domain/antiguedad.ts';
import {
  armarReporte,
  type ReporteIndicadores,
} from '../../src/modules/indicadores/reporte-comun.ts';
import { reporteIndicadoresPdf } from '../../src/modules/indicadores/reporte-pdf.ts';
import { reporteIndicadoresXlsx } from '../../src/modules/indicadores/reporte-xlsx.ts';
import type { FilaIndicadores, Indicadores } from '../../src/modules/indicadores/tipos.ts';
import { DATOS_DEL_INSTITUTO_DE_PRUEBA } from '../soporte/instituto.ts';
import { textoDePdf } from '../soporte/pdf.ts';

const RAZON_SOCIAL = DATOS_DEL_INSTITUTO_DE_PRUEBA.razonSocial;

/** A hand-built month of Hermosillo: the office row, then its gestores. */
function fila(
  tipo: 'gestor' | 'oficina',
  id: number,
  nombre: string,
  neto: string,
  soloRecuperacion = false,
): FilaIndicadores {
  const recuperacion: FilaIndicadores['recuperacion'] = {
    neto,
    cobrado: '1500000.00',
    cancelado: '2345.67',
    pagos: 812,
    cancelaciones: 3,
    porBucket: [
      ...BUCKETS.map((bucket, i) => ({ bucket, monto: i === 2 ? '12345.60' : '100.00' })),
      { bucket: 'sin_dato' as const, monto: '0.00' },
    ],
    porCanal: [
      { canal: 'banco', monto: '1000000.00' },
      { canal: 'caja', monto: '400000.00' },
      { canal: 'nomina', monto: '97654.33' },
      { canal: 'importacion', monto: '0.00' },
    ],
    porDia: [
      { fecha: '2026-03-02', monto: '1234.56' },
      { fecha: '2026-03-03', monto: '-50.00' },
    ],
  };
  const base: FilaIndicadores = {
    sujeto: { tipo, id, nombre, oficinaId: 1 },
    recuperacion,
    cobertura: null,
    turnos: null,
    promesas: null,
    convenios: null,
    cartera: null,
    prescripcion: null,
    metas: null,
  };
  if (soloRecuperacion) return base;
  return {
    ...base,
    cobertura: {
      asignadas: 1000,
      gestionadas: 875,
      conContactoEfectivo: 431,
      porcentajeGestionado: '87.5',
      porcentajeContactoEfectivo: '43.1',
    },
    turnos: {
      registrados: 120,
      atendidos: 101,
      abandonados: 15,
      enEspera: 4,
      esperaPromedioMin: '12.3',
      atencionPromedioMin: null,
    },
    promesas: { hechas: 40, cumplidas: 22, incumplidas: 10, pendientes: 8 },
    convenios: {
      firmados: 6,
      vigentes: 4,
      cumplidos: 1,
      incumplidos: 1,
      montoDescontado: '8765.43',
    },
    cartera: {
      porBucket: BUCKETS.map((bucket, i) => ({
        bucket,
        cuentas: 10 + i,
        saldo: i === 0 ? '0.50' : `${i}0000.50`,
      })),
      liquidadas: 7,
      rodamiento: BUCKETS.map((de) => ({
        de,
        cuentas: 50,
        saldo: '250000.00',
        rodamientoCuentas: de === '31-60' ? '12.5' : null,
        rodamientoSaldo: de === '31-60' ? '10.0' : null,
        curaCuentas: de === '31-60' ? '4.0' : null,
        curaSaldo: null,
      })),
      matriz: [{ de: '31-60', a: '61-90', cuentas: 6, saldo: '30000.00' }],
    },
    prescripcion: {
      en90Dias: { cuentas: 3, saldo: '45000.00' },
      en180Dias: { cuentas: 9, saldo: '120000.99' },
    },
    metas: {
      items: {
        recuperacion: {
          meta: '1600000.00',
          logrado: neto,
          peso: '60',
          cumplimiento: '93.6',
        },
        convenios: { meta: '5', logrado: '6', peso: '40', cumplimiento: '120.0' },
      },
      indice: '96.2',
      version: 2,
    },
  };
}

const GESTORES = ['Sofía Valenzuela Peña', 'Daniel Ruiz Moreno', 'Karla Leyva Soto'];

function indicadores(nivel: 'gestor' | 'oficina', filas: FilaIndicadores[]): Indicadores {
  return { mes: '2026-03', alCorte: '2026-03-31', nivel, hechosAl: '2026-04-01T09:15:00Z', filas };
}

function reporte(gestores = GESTORES, soloRecuperacion = false): ReporteIndicadores {
  return armarReporte(
    indicadores('oficina', [fila('oficina', 1, 'Hermosillo', '1497654.33', soloRecuperacion)]),
    indicadores(
      'gestor',
      gestores.map((n, i) => fila('gestor', 10 + i, n, `${i + 1}00000.25`, soloRecuperacion)),
    ),
    {
      instante: new Date('2026-04-02T17:30:00Z'),
      usuario: 'coordinador',
      zonaHoraria: 'America/Hermosillo',
    },
  );
}

async function abrir(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load(xlsx as unknown as ArrayBuffer);
  return libro;
}

/** The row whose first cell is `texto`, and the header row above the block it is in. */
function filaCon(hoja: ExcelJS.Worksheet, texto: string): ExcelJS.Row {
  for (let i = 1; i <= hoja.rowCount; i++)
    if (hoja.getRow(i).getCell(1).value === texto) return hoja.getRow(i);
  throw new Error(`no hay una fila «${texto}» en ${hoja.name}`);
}

function encabezados(fila: ExcelJS.Row): string[] {
  const t: string[] = [];
  fila.eachCell((c) => {
    t.push(String(c.value));
  });
  return t;
}

describe('reporte del mes en XLSX', () => {
  it('una hoja por familia, con encabezados en español, números reales y formatos', async () => {
    const libro = await abrir(await reporteIndicadoresXlsx(reporte()));
    expect(libro.worksheets.map((h) => h.name)).toEqual([
      'Resumen y metas',
      'Recuperación',
      'Cobertura',
      'Turnos',
      'Promesas y convenios',
      'Cartera y rodamiento',
      'Prescripción',
    ]);

    const resumen = libro.getWorksheet('Resumen y metas') as ExcelJS.Worksheet;
    expect(resumen.getCell('A1').value).toBe('Reporte de indicadores · Oficina Hermosillo');
    expect(filaCon(resumen, 'Mes').getCell(2).value).toBe('marzo de 2026');
    const corte = filaCon(resumen, 'Cifras al cierre del día').getCell(2);
    expect(corte.value).toEqual(new Date('2026-03-31T00:00:00Z'));
    expect(corte.numFmt).toBe('dd/mm/yyyy');
    // Instants in Hermosillo's time with a four-digit year.
    expect(filaCon(resumen, 'Hechos materializados al').getCell(2).value).toBe('01/04/2026 02:15');
    const cabeceraMetas = resumen.getRow(filaCon(resumen, 'Metas del mes').number + 1);
    expect(encabezados(cabeceraMetas).slice(0, 7)).toEqual([
      'Gestor',
      'Índice de cumplimiento',
      'Versión de la meta',
      'Recuperación: meta',
      'Recuperación: logrado',
      'Recuperación: peso',
      'Recuperación: cumplimiento',
    ]);
    const daniel = resumen.getRow(cabeceraMetas.number + 3);
    expect(daniel.getCell(1).value).toBe('Daniel Ruiz Moreno');
    expect(daniel.getCell(2).value).toBeCloseTo(0.962, 10);
    expect(daniel.getCell(2).numFmt).toBe('0.0%');
    expect(daniel.getCell(4).value).toBe(1600000);
    expect(daniel.getCell(4).numFmt).toBe('"$"#,##0.00');
    expect(daniel.getCell(5).value).toBe(200000.25);
    // An item without a goal is left empty, not zero.
    expect(daniel.getCell(8).value).toBeNull();

    const rec = libro.getWorksheet('Recuperación') as ExcelJS.Worksheet;
    const cab = encabezados(rec.getRow(1));
    expect(cab.slice(0, 6)).toEqual([
      'Gestor',
      'Cobrado',
      'Cancelado',
      'Neto',
      'Pagos',
      'Cancelaciones',
    ]);
    expect(cab).toContain('Neto 31 a 60 días');
    expect(cab).toContain('Neto por nómina');
    const oficina = rec.getRow(2);
    expect(oficina.getCell(1).value).toBe('Total Oficina Hermosillo');
    expect(oficina.getCell(4).value).toBe(1497654.33);
    expect(oficina.getCell(4).numFmt).toBe('"$"#,##0.00');
    expect(oficina.getCell(5).value).toBe(812);
    expect(oficina.getCell(cab.indexOf('Neto 31 a 60 días') + 1).value).toBe(12345.6);
    // One row per gestor under the office.
    expect([3, 4, 5].map((i) => rec.getRow(i).getCell(1).value)).toEqual(GESTORES);
    const dia = rec.getRow(filaCon(rec, 'Fecha').number + 2);
    expect(dia.getCell(1).value).toEqual(new Date('2026-03-03T00:00:00Z'));
    expect(dia.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(dia.getCell(2).value).toBe(-50);

    const cob = libro.getWorksheet('Cobertura') as ExcelJS.Worksheet;
    expect(encabezados(cob.getRow(1))).toContain('Cartera con contacto efectivo');
    expect(cob.getRow(2).getCell(5).value).toBeCloseTo(0.875, 10);
    expect(cob.getRow(2).getCell(5).numFmt).toBe('0.0%');

    const tur = libro.getWorksheet('Turnos') as ExcelJS.Worksheet;
    expect(encabezados(tur.getRow(1))).toContain('Atención promedio (minutos)');
    expect(tur.getRow(2).getCell(6).value).toBe(12.3);
    expect(tur.getRow(2).getCell(7).value).toBeNull();

    const car = libro.getWorksheet('Cartera y rodamiento') as ExcelJS.Worksheet;
    expect(filaCon(car, 'Cuentas liquidadas en el mes').getCell(2).value).toBe(7);
    const r3160 = car.getRow(
      filaCon(car, 'Antigüedad al cierre anterior').number + BUCKETS.indexOf('31-60') + 1,
    );
    expect(r3160.getCell(1).value).toBe('31 a 60 días');
    expect(r3160.getCell(4).value).toBeCloseTo(0.125, 10);
    const matriz = car.getRow(filaCon(car, 'De \\ a').number + BUCKETS.indexOf('31-60') + 1);
    expect(matriz.getCell(BUCKETS.indexOf('61-90') + 2).value).toBe(6);
    expect(matriz.getCell(BUCKETS.indexOf('31-60') + 2).value).toBe(0);

    const pre = libro.getWorksheet('Prescripción') as ExcelJS.Worksheet;
    expect(encabezados(pre.getRow(1))[4]).toBe('Saldo que prescribe en 180 días');
    expect(pre.getRow(2).getCell(5).value).toBe(120000.99);

    const pc = libro.getWorksheet('Promesas y convenios') as ExcelJS.Worksheet;
    expect(filaCon(pc, 'Total Oficina Hermosillo').getCell(3).value).toBe(22);
  });

  it('contabilidad: sólo la recuperación, sin hojas de las demás familias', async () => {
    const libro = await abrir(await reporteIndicadoresXlsx(reporte(GESTORES, true)));
    expect(libro.worksheets.map((h) => h.name)).toEqual(['Resumen y metas', 'Recuperación']);
    const resumen = libro.getWorksheet('Resumen y metas') as ExcelJS.Worksheet;
    expect(() => filaCon(resumen, 'Metas del mes')).toThrow();
    expect(filaCon(resumen, 'Total Oficina Hermosillo').getCell(2).value).toBe(1497654.33);
  });
});

/** pdftotext separates pages with a form feed. */
const paginas = (texto: string) => texto.split('\f').slice(0, -1);

describe('reporte del mes en PDF', () => {
  it('español con acentos, pesos y fechas de México, «Página x de N» en cada página', async () => {
    const texto = textoDePdf(await reporteIndicadoresPdf(reporte(), RAZON_SOCIAL));
    expect(texto).toContain('Reporte de indicadores · Oficina Hermosillo · marzo de 2026');
    expect(texto).toContain('Recuperación neta');
    expect(texto).toContain('$1,497,654.33');
    expect(texto).toContain('$1,600,000.00');
    expect(texto).toContain('Índice de cumplimiento');
    expect(texto).toContain('96.2 %');
    expect(texto).toContain('31/03/2026');
    expect(texto).toContain('Más de 365 días');
    expect(texto).toContain('Daniel Ruiz Moreno');
    expect(texto).toContain('Emitido el 02/04/2026 10:30 por coordinador');
    expect(texto).not.toMatch(/\b\d{2}\/\d{2}\/\d{2}\b(?!\d)/);
    const ps = paginas(texto);
    expect(ps.length).toBeGreaterThanOrEqual(1);
    ps.forEach((p, i) => {
      expect(p).toContain(`Página ${i + 1} de ${ps.length}`);
    });
  });

  it('con muchos gestores sigue en páginas nuevas, sin página en blanco al final', async () => {
    const muchos = Array.from({ length: 70 }, (_, i) => `Gestor número ${i + 1} de Peña`);
    const texto = textoDePdf(await reporteIndicadoresPdf(reporte(muchos), RAZON_SOCIAL));
    const ps = paginas(texto);
    expect(ps.length).toBeGreaterThan(3);
    ps.forEach((p, i) => {
      expect(p).toContain(`Página ${i + 1} de ${ps.length}`);
      // Every page carries figures besides its header and footer.
      const lineas = p.split('\n').filter((l) => l.trim() !== '');
      expect(lineas.length).toBeGreaterThan(5);
    });
    expect(texto).toContain('Gestor número 70 de Peña');
  });

  it('contabilidad: sólo la recuperación', async () => {
    const texto = textoDePdf(await reporteIndicadoresPdf(reporte(GESTORES, true), RAZON_SOCIAL));
    expect(texto).toContain('Recuperación');
    expect(texto).not.toContain('Cobertura');
    expect(texto).not.toContain('Metas del mes');
    expect(texto).not.toContain('Rodamiento');
  });
});
