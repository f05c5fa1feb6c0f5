import type { MovimientoNuevo, PersonaNueva } from '../../db/escritura-cartera.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { BaseExistente } from './base-existente.ts';
import type { CarteraArchivo, ProductoArchivo } from './cartera-archivo.ts';
import type { Informe } from './informe.ts';
import { revisarMovimientos } from './revisar-movimientos.ts';
import {
  type PersonasValidadas,
  type ProductosValidados,
  validarPersonas,
  validarProductos,
} from './validar-catalogos.ts';
import { type CreditoParaMotor, paraMotor } from './validar-con-motor.ts';
import { type CreditoValidado, type LoteDeCreditos, validarCreditos } from './validar-creditos.ts';

export interface Conteos {
  productos: { nuevos: number; versionesNuevas: number; versionesExistentes: number };
  personas: { nuevas: number; existentes: number };
  creditos: { nuevos: number; sinCambios: number };
  movimientos: { nuevos: number; existentes: number };
}

/** Everything an import will write, once the workbook is valid. */
export interface PlanDeImportacion {
  productosNuevos: Array<{ clave: string; nombre: string }>;
  versionesNuevas: ProductoArchivo[];
  personas: PersonaNueva[];
  creditos: Array<{ validado: CreditoValidado; movimientos: MovimientoNuevo[] }>;
  /** New movements of stored credits. */
  anexos: Array<{ creditoId: number; movimientos: MovimientoNuevo[] }>;
  /** The credits the engine must accept (new ones, and stored ones that get movements). */
  paraMotor: CreditoParaMotor[];
  conteos: Conteos;
}

export interface Catalogos {
  productos: ProductosValidados;
  personas: PersonasValidadas;
}

/**
 * The cross-sheet rules over rows already read one by one, in three steps as the import reads
 * the sheets: references between sheets and to what is stored, natural keys (CURP, credit
 * number, pagaré, movement clave), and what is new versus already there. Pure: `base` is the
 * stored state the workbook's keys point to. First, products and people.
 */
export function planearCatalogos(
  archivo: CarteraArchivo,
  base: BaseExistente,
  informe: Informe,
): Catalogos {
  return {
    productos: validarProductos(archivo, base, informe),
    personas: validarPersonas(archivo, base, informe),
  };
}

/** Second, the credits with their schedules (of the whole book, or of a batch of it). */
export function planearCreditos(
  archivo: CarteraArchivo,
  base: BaseExistente,
  catalogos: Catalogos,
  informe: Informe,
  lote?: LoteDeCreditos,
): Map<string, CreditoValidado> {
  // The stored people the credits name were loaded after the people's step.
  for (const curp of base.personas.keys()) catalogos.personas.conocidas.add(curp);
  return validarCreditos(archivo, base, catalogos.productos, catalogos.personas, informe, lote);
}

/** The credits of the creditos sheet that are new and have no fault so far. */
export function creditosNuevos(
  creditos: ReadonlyMap<string, CreditoValidado>,
  archivo: CarteraArchivo,
): CreditoValidado[] {
  return [...creditos.values()].filter(
    (c) => c.guardado === null && !archivo.conFallas.incompletos.has(c.fila.numero),
  );
}

/** What the import writes of products and people, before any credit. */
export function conteosIniciales({ productos, personas }: Catalogos): Conteos {
  return {
    productos: {
      nuevos: productos.nuevos.length,
      versionesNuevas: productos.versionesNuevas.length,
      versionesExistentes: productos.versionesExistentes,
    },
    personas: { nuevas: personas.nuevas, existentes: personas.existentes },
    creditos: { nuevos: 0, sinCambios: 0 },
    movimientos: { nuevos: 0, existentes: 0 },
  };
}

/** Third, the movements; with them, the whole plan. */
export function planearMovimientos(
  archivo: CarteraArchivo,
  base: BaseExistente,
  { productos, personas }: Catalogos,
  creditos: ReadonlyMap<string, CreditoValidado>,
  hoy: Fecha,
  registradoPor: number | null,
  informe: Informe,
): PlanDeImportacion {
  const movimientos = revisarMovimientos(archivo, base, creditos, hoy, registradoPor, informe);
  const plan: PlanDeImportacion = {
    productosNuevos: productos.nuevos,
    versionesNuevas: productos.versionesNuevas,
    personas: personas.personas,
    creditos: [],
    anexos: [],
    paraMotor: [],
    conteos: {
      ...conteosIniciales({ productos, personas }),
      movimientos: { nuevos: 0, existentes: movimientos.existentes },
    },
  };
  const incompleto = (numero: string) => archivo.conFallas.incompletos.has(numero);
  for (const validado of creditos.values()) {
    const numero = validado.fila.numero;
    const nuevos = movimientos.porCredito.get(numero);
    if (incompleto(numero)) continue;
    if (validado.guardado) plan.conteos.creditos.sinCambios++;
    else {
      plan.conteos.creditos.nuevos++;
      plan.creditos.push({ validado, movimientos: nuevos ?? [] });
    }
    if (validado.guardado && nuevos) {
      plan.anexos.push({ creditoId: validado.guardado.id, movimientos: nuevos });
    }
    if (!validado.guardado || nuevos) {
      const credito = paraMotor(validado, validado.guardado, nuevos);
      if (credito) plan.paraMotor.push(credito);
    }
  }
  // Stored credits not in the creditos sheet that only get movements.
  for (const [numero, nuevos] of movimientos.porCredito) {
    const guardado = base.creditos.get(numero);
    if (creditos.has(numero) || !guardado || incompleto(numero)) continue;
    plan.anexos.push({ creditoId: guardado.id, movimientos: nuevos });
    const credito = paraMotor(null, guardado, nuevos);
    if (credito) plan.paraMotor.push(credito);
  }
  for (const a of plan.anexos) plan.conteos.movimientos.nuevos += a.movimientos.length;
  for (const c of plan.creditos) plan.conteos.movimientos.nuevos += c.movimientos.length;
  return plan;
}

/** The three steps at once, for a workbook already read whole. */
export function planearImportacion(
  archivo: CarteraArchivo,
  base: BaseExistente,
  hoy: Fecha,
  registradoPor: number | null,
  informe: Informe,
): PlanDeImportacion {
  const catalogos = planearCatalogos(archivo, base, informe);
  const creditos = planearCreditos(archivo, base, catalogos, informe);
  return planearMovimientos(archivo, base, catalogos, creditos, hoy, registradoPor, informe);
}
