import type ExcelJS from 'exceljs';
import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Mes } from '../../domain/metas/mes.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { celdaXlsx } from '../importacion/leer-xlsx.ts';
import type { Celda } from '../importacion/libro.ts';
import { exigirMesAbierto, guardarMeta, mismosObjetivos, type Objetivos } from './definir-meta.ts';
import { COLUMNAS_METAS, HOJA_METAS } from './exportar-metas.ts';
import { type ErrorDeFila, type FilaDeMetas, leerFilaDeMetas } from './fila-de-metas.ts';
import { objetivosDeFila } from './metas-vigentes.ts';
import {
  alcanzaSujeto,
  exigirPuedeDefinir,
  type SujetoDeMeta,
  versionesDeSujeto,
} from './sujeto-de-meta.ts';

export type ResultadoImportacionMetas =
  | { importadas: number; sinCambios: number }
  | { errores: ErrorDeFila[] };

/** The workbook's "Metas" sheet (or its only sheet) as rows under the expected headers. */
async function leerHoja(
  libro: Buffer,
): Promise<{ hoja: ExcelJS.Worksheet; columnas: Map<string, number> } | ErrorDeFila[]> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(libro as unknown as ArrayBuffer);
  } catch {
    throw new ErrorDominio(
      'entrada_invalida',
      'El archivo no es un libro de Excel (.xlsx) legible.',
      'archivo',
    );
  }
  const hoja =
    wb.getWorksheet(HOJA_METAS) ?? (wb.worksheets.length === 1 ? wb.worksheets[0] : undefined);
  if (!hoja) {
    throw new ErrorDominio(
      'entrada_invalida',
      `El libro no tiene la hoja «${HOJA_METAS}».`,
      'archivo',
    );
  }
  const columnas = new Map<string, number>();
  const errores: ErrorDeFila[] = [];
  hoja.getRow(1).eachCell((c, n) => {
    const nombre = String(celdaXlsx(c.value) ?? '')
      .trim()
      .toLowerCase();
    if (nombre === '') return;
    if (!COLUMNAS_METAS.includes(nombre)) {
      errores.push({
        fila: 1,
        columna: nombre,
        mensaje: `la columna «${nombre}» no es de esta plantilla`,
      });
    } else if (columnas.has(nombre)) {
      errores.push({ fila: 1, columna: nombre, mensaje: `la columna «${nombre}» está repetida` });
    } else columnas.set(nombre, n);
  });
  for (const c of COLUMNAS_METAS) {
    if (!columnas.has(c)) errores.push({ fila: 1, columna: c, mensaje: `falta la columna «${c}»` });
  }
  return errores.length > 0 ? errores : { hoja, columnas };
}

interface Subjetos {
  oficinas: Map<string, { id: number; clave: string; nombre: string }>;
  gestores: Map<
    string,
    {
      id: number;
      usuario: string;
      nombre: string;
      rol: string;
      activo: boolean;
      oficina_id: number | null;
    }
  >;
}

async function cargarSubjetos(trx: Db, filas: FilaDeMetas[]): Promise<Subjetos> {
  const oficinas = await trx.selectFrom('oficinas').select(['id', 'clave', 'nombre']).execute();
  // Usernames are matched as typed or in other case: «Gestor.Ruiz» is gestor.ruiz.
  const usuarios = filas.flatMap((f) => (f.gestor === null ? [] : [f.gestor.toLowerCase()]));
  const gestores =
    usuarios.length === 0
      ? []
      : await trx
          .selectFrom('usuarios')
          .select(['id', 'usuario', 'nombre', 'rol', 'activo', 'oficina_id'])
          .where((eb) => eb(eb.fn('lower', ['usuario']), 'in', usuarios))
          .execute();
  return {
    oficinas: new Map(oficinas.map((o) => [o.clave.toUpperCase(), o])),
    gestores: new Map(gestores.map((g) => [g.usuario.toLowerCase(), g])),
  };
}

/** The row's subject, or why it names none the reader may see. */
function sujetoDeFila(
  f: FilaDeMetas,
  s: Subjetos,
  ctx: ContextoAutenticado,
): SujetoDeMeta | ErrorDeFila {
  const oficina = s.oficinas.get((f.oficina ?? '').toUpperCase());
  if (!oficina)
    return {
      fila: f.fila,
      columna: 'oficina',
      mensaje: `no hay una oficina con la clave «${f.oficina}»`,
    };
  let sujeto: SujetoDeMeta = { oficina, gestor: null };
  if (f.gestor !== null) {
    const g = s.gestores.get(f.gestor.toLowerCase());
    if (g?.rol !== 'gestor') {
      return { fila: f.fila, columna: 'gestor', mensaje: `«${f.gestor}» no es un usuario gestor` };
    }
    if (g.oficina_id !== oficina.id) {
      return {
        fila: f.fila,
        columna: 'oficina',
        mensaje: `${g.nombre} no es gestor de la oficina ${oficina.clave}`,
      };
    }
    sujeto = {
      oficina,
      gestor: { id: g.id, usuario: g.usuario, nombre: g.nombre, activo: g.activo },
    };
  }
  if (!alcanzaSujeto(ctx.actor, sujeto)) {
    return {
      fila: f.fila,
      columna: f.gestor === null ? 'oficina' : 'gestor',
      mensaje: 'no está en tu alcance',
    };
  }
  return sujeto;
}

/**
 * The month's goals from the workbook exportar-metas.ts writes: every row is checked first
 * and every problem answered at once (row as Excel numbers it, column, reason); nothing is
 * written while one remains. Then each changed row goes through definir-meta's rule, all in the
 * caller's one transaction. A row the same as the goal in force is left alone (no version, no
 * right to set it needed: the coordinador's export carries his office's goal too); a row with
 * no item is a subject without a goal and is skipped.
 */
export async function importarMetas(
  trx: Db,
  mes: Mes,
  libro: Buffer,
  ctx: ContextoAutenticado,
): Promise<ResultadoImportacionMetas> {
  exigirMesAbierto(mes, ctx);
  const leida = await leerHoja(libro);
  if (Array.isArray(leida)) return { errores: leida };
  const { hoja, columnas } = leida;
  const errores: ErrorDeFila[] = [];
  const filas: FilaDeMetas[] = [];
  hoja.eachRow((row, numero) => {
    if (numero === 1) return;
    const celda = (c: string): Celda => celdaXlsx(row.getCell(columnas.get(c) ?? 0).value);
    if (
      COLUMNAS_METAS.every((c) => {
        const v = celda(c);
        return v === null || (typeof v === 'string' && v.trim() === '');
      })
    )
      return;
    const r = leerFilaDeMetas(numero, celda);
    if (Array.isArray(r)) errores.push(...r);
    else filas.push(r);
  });
  const subjetos = await cargarSubjetos(trx, filas);
  const aGuardar: Array<{ f: FilaDeMetas; s: SujetoDeMeta }> = [];
  const vistas = new Map<string, number>();
  let sinCambios = 0;
  for (const f of filas) {
    const s = sujetoDeFila(f, subjetos, ctx);
    if ('fila' in s) {
      errores.push(s);
      continue;
    }
    const clave = s.gestor === null ? `o:${s.oficina.id}` : `g:${s.gestor.id}`;
    const antes = vistas.get(clave);
    if (antes !== undefined) {
      errores.push({
        fila: f.fila,
        columna: s.gestor === null ? 'oficina' : 'gestor',
        mensaje: `repite la meta de la fila ${antes}`,
      });
      continue;
    }
    vistas.set(clave, f.fila);
    const [actual] = await versionesDeSujeto(trx, mes, s);
    const vacia = Object.keys(f.items).length === 0;
    if (vacia) {
      if (actual)
        errores.push({
          fila: f.fila,
          columna: 'recuperacion',
          mensaje: `no trae ninguna meta, pero la vigente es la versión ${actual.version}: una meta no se borra; escribe sus cifras (un rubro con peso 0 no cuenta en el índice)`,
        });
      continue;
    }
    if (actual && mismosObjetivos(objetivosDeFila(actual), f.items as Objetivos)) {
      sinCambios++;
      continue;
    }
    try {
      exigirPuedeDefinir(ctx.actor, s);
    } catch (e) {
      if (!(e instanceof ErrorDominio)) throw e;
      errores.push({
        fila: f.fila,
        columna: s.gestor === null ? 'oficina' : 'gestor',
        mensaje: e.message,
      });
      continue;
    }
    aGuardar.push({ f, s });
  }
  if (errores.length > 0) {
    return { errores: errores.sort((a, b) => a.fila - b.fila) };
  }
  if (filas.length === 0) {
    throw new ErrorDominio('entrada_invalida', 'El libro no trae ninguna meta.', 'archivo');
  }
  for (const { f, s } of aGuardar) await guardarMeta(trx, mes, s, f.items, f.motivo, ctx);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'metas.importar',
    detalle: { mes, importadas: aGuardar.length, sinCambios },
  });
  return { importadas: aGuardar.length, sinCambios };
}
