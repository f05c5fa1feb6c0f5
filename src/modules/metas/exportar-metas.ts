import type { Db } from '../../db/conexion.ts';
import type { ItemMeta } from '../../domain/metas/indice-de-cumplimiento.ts';
import type { Mes } from '../../domain/metas/mes.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { metasEnAlcance } from './listar-metas.ts';

/** The sheet's name and its columns, in order: the export writes them, the import reads them. */
export const HOJA_METAS = 'Metas';
/** Each item's pair of columns: its target and its weight. */
export const COLUMNAS_DE_ITEM: ReadonlyArray<{ item: ItemMeta; meta: string; peso: string }> = [
  { item: 'recuperacion', meta: 'recuperacion', peso: 'recuperacion_peso' },
  { item: 'contactosEfectivos', meta: 'contactos_efectivos', peso: 'contactos_efectivos_peso' },
  { item: 'convenios', meta: 'convenios', peso: 'convenios_peso' },
  { item: 'turnosAtendidos', meta: 'turnos_atendidos', peso: 'turnos_atendidos_peso' },
];
export const COLUMNAS_METAS: readonly string[] = [
  'oficina',
  'gestor',
  'nombre',
  ...COLUMNAS_DE_ITEM.flatMap((c) => [c.meta, c.peso]),
  'motivo',
];

const FORMATO_PESOS = '#,##0.00';

/**
 * The month's goals in the reader's scope as a workbook the coordinador can edit and upload
 * again (importar-metas.ts): one row per office and per gestor, goals or not. Numbers are real
 * numbers (pesos with a money format); the centavos stay exact up to this division, which a
 * double holds to the centavo at these magnitudes.
 */
export async function exportarMetas(trx: Db, mes: Mes, ctx: ContextoAutenticado): Promise<Buffer> {
  const metas = await metasEnAlcance(trx, mes, ctx.actor);
  // Loaded on first use: exceljs costs ~0.3 s of every start otherwise.
  const { default: Excel } = await import('exceljs');
  const libro = new Excel.Workbook();
  libro.creator = 'Recupera';
  const hoja = libro.addWorksheet(HOJA_METAS);
  hoja.columns = COLUMNAS_METAS.map((c) => ({
    header: c,
    key: c,
    width: c === 'nombre' || c === 'motivo' ? 32 : c.endsWith('_peso') ? 12 : 16,
    ...(c === 'recuperacion' ? { style: { numFmt: FORMATO_PESOS } } : {}),
  }));
  hoja.getRow(1).font = { bold: true };
  hoja.views = [{ state: 'frozen', ySplit: 1 }];
  for (const m of metas) {
    const fila: Record<string, string | number | null> = {
      oficina: m.oficina.clave,
      gestor: m.gestor?.usuario ?? null,
      nombre: m.gestor?.nombre ?? m.oficina.nombre,
      motivo: m.motivo,
    };
    for (const c of COLUMNAS_DE_ITEM) {
      const item = m.items[c.item];
      fila[c.meta] = item === undefined ? null : Number(item.meta);
      fila[c.peso] = item === undefined ? null : Number(item.peso);
    }
    hoja.addRow(fila);
  }
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'metas.exportar',
    detalle: { mes, filas: metas.length },
  });
  return Buffer.from(await libro.xlsx.writeBuffer());
}
