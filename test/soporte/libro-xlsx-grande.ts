import ExcelJS from 'exceljs';
import type { CreditoNuevo, PersonaNueva } from '../../src/db/escritura-cartera.ts';
import { formatearCentavos } from '../../src/domain/dinero.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { generarCartera } from '../../src/modules/demo/generar-cartera.ts';
import { VERSIONES_DEMO } from '../../src/modules/demo/productos-demo.ts';
import { DISPOSICION, type NombreHoja } from '../../src/modules/importacion/disposicion.ts';

type Valor = string | number | null;
type Filas = Map<NombreHoja, Valor[][]>;

function fila(filas: Filas, hoja: NombreHoja, valores: Record<string, Valor | boolean>): void {
  const lista = filas.get(hoja) ?? [];
  lista.push(
    DISPOSICION[hoja].map((c) => {
      const v = valores[c.nombre];
      if (v === undefined) return null;
      return typeof v === 'boolean' ? (v ? 'si' : 'no') : v;
    }),
  );
  filas.set(hoja, lista);
}

function persona(filas: Filas, p: PersonaNueva): void {
  const t = p.telefonos[0];
  fila(filas, 'personas', {
    curp: p.curp,
    nombres: p.nombres,
    primer_apellido: p.primerApellido,
    segundo_apellido: p.segundoApellido,
    rfc: p.rfc,
    fecha_nacimiento: p.fechaNacimiento,
    telefono: t?.numero ?? null,
    tipo_telefono: t?.tipo ?? null,
    consentimiento: t?.consentimiento ?? false,
  });
}

function credito(filas: Filas, c: CreditoNuevo, producto: string, oficina: string): number {
  const rol = (r: string) => c.participantes.find((p) => p.rol === r)?.curp ?? null;
  fila(filas, 'creditos', {
    numero: c.numero,
    producto,
    oficina,
    curp_acreditado: rol('acreditado'),
    curp_aval: rol('aval'),
    curp_beneficiario: rol('beneficiario'),
    fecha_inicio_interes: c.fechaInicioInteres,
  });
  for (const m of c.ministraciones)
    fila(filas, 'ministraciones', {
      numero_credito: c.numero,
      numero: m.numero,
      fecha: m.fecha,
      monto: formatearCentavos(m.monto),
      periodo_escolar: m.periodoEscolar,
      pagare: m.pagareNumero,
      vencimiento_pagare: m.pagareVencimiento,
    });
  for (const a of c.amortizaciones)
    fila(filas, 'amortizaciones', {
      numero_credito: c.numero,
      numero: a.numero,
      fecha: a.fecha,
      capital: formatearCentavos(a.capital),
    });
  const clave = (i: number) => `M${String(i + 1).padStart(4, '0')}`;
  c.movimientos.forEach((m, i) => {
    fila(filas, 'movimientos', {
      numero_credito: c.numero,
      clave: clave(i),
      tipo: m.tipo,
      fecha: m.fecha,
      monto: m.monto === null ? null : formatearCentavos(m.monto),
      excedente: m.excedente,
      concepto: m.concepto,
      cancela_clave: m.cancela && 'indice' in m.cancela ? clave(m.cancela.indice) : null,
      canal: m.canal,
      referencia: m.referencia,
      motivo: m.motivo,
    });
  });
  return 1 + c.ministraciones.length + c.amortizaciones.length + c.movimientos.length;
}

/** Sheets written one after another with exceljs's streaming writer, as Excel would save them. */
export async function escribirXlsx(ruta: string, filas: Filas): Promise<void> {
  const libro = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: ruta, useSharedStrings: true });
  for (const [hoja, lista] of filas) {
    const h = libro.addWorksheet(hoja);
    h.addRow(DISPOSICION[hoja].map((c) => c.nombre)).commit();
    for (const valores of lista) h.addRow(valores).commit();
    h.commit();
  }
  await libro.commit();
}

/**
 * A valid portfolio workbook of about `filas` rows (the demo generator's credits, each with its
 * people, ministraciones, calendar and movements), every credit passing the engine on `hoy`.
 */
export async function escribirLibroGrande(
  ruta: string,
  filas: number,
  hoy: Fecha,
): Promise<{ filas: number; creditos: number }> {
  const hojas: Filas = new Map();
  for (const v of VERSIONES_DEMO)
    fila(hojas, 'productos', {
      clave: v.producto,
      nombre: `Producto ${v.producto}`,
      vigente_desde: v.vigenteDesde,
      tasa_ordinaria_anual: v.tasaOrdinaria,
      tasa_moratoria_anual: v.tasaMoratoria,
      tasa_puntual_anual: v.tasaPuntual,
      base_dias: v.baseDias,
      prelacion: v.prelacion,
    });
  // The sheets in the template's order, whatever order the generator fills them in.
  for (const h of ['personas', 'creditos', 'ministraciones', 'amortizaciones', 'movimientos'])
    hojas.set(h as NombreHoja, []);
  const versiones = new Map(
    VERSIONES_DEMO.map((v, i) => [`${v.producto}|${v.vigenteDesde}`, i + 1]),
  );
  const productoDe = new Map(VERSIONES_DEMO.map((v, i) => [i + 1, v.producto]));
  const oficinas = new Map([
    ['HMO', 1],
    ['OBR', 2],
    ['NOG', 3],
  ]);
  const oficinaDe = new Map([...oficinas].map(([clave, id]) => [id, clave]));
  const destino = { hoy, versiones, oficinas, gestores: new Map(), despachoId: null };
  let total = VERSIONES_DEMO.length;
  let creditos = 0;
  fuera: for (const lote of generarCartera(Math.ceil(filas / 50), 2026, destino, 100)) {
    const personas = new Map(lote.personas.map((p) => [p.curp, p]));
    for (const c of lote.creditos) {
      // Each credit with its people, so that a cut workbook is still whole.
      for (const { curp } of c.participantes) {
        const p = personas.get(curp);
        if (p) {
          persona(hojas, p);
          personas.delete(curp);
          total++;
        }
      }
      total += credito(
        hojas,
        c,
        productoDe.get(c.versionProductoId) ?? '',
        oficinaDe.get(c.oficinaId) ?? '',
      );
      creditos++;
      if (total >= filas) break fuera;
    }
  }
  await escribirXlsx(ruta, hojas);
  return { filas: total, creditos };
}
