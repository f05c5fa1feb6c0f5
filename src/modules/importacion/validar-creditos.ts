import { centavos, formatearPesos } from '../../domain/dinero.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import type { BaseExistente, CreditoGuardado, UsuarioGuardado } from './base-existente.ts';
import type {
  AmortizacionArchivo,
  CarteraArchivo,
  CreditoArchivo,
  EnFila,
  MinistracionArchivo,
  PeriodoArchivo,
} from './cartera-archivo.ts';
import type { NombreHoja } from './disposicion.ts';
import { huellasDeCalendario } from './huellas.ts';
import type { Informe } from './informe.ts';
import { excedeOrdinaria } from './leer-filas.ts';
import {
  mismaTasa,
  type PersonasValidadas,
  type ProductosValidados,
  type VersionDisponible,
  versionVigente,
} from './validar-catalogos.ts';

export interface CreditoValidado {
  fila: CreditoArchivo;
  version: VersionDisponible;
  oficinaId: number;
  /** The gestor the `gestor` column assigns it to; null: none named. */
  gestorId: number | null;
  /** By numero. */
  ministraciones: MinistracionArchivo[];
  amortizaciones: AmortizacionArchivo[];
  periodos: PeriodoArchivo[];
  /** The same credit already stored, identical: nothing of it is written. */
  guardado: CreditoGuardado | null;
}

function agrupar<T extends EnFila & { numeroCredito: string; numero?: number }>(
  filas: readonly T[],
  creditos: ReadonlyMap<string, CreditoArchivo>,
  archivo: CarteraArchivo,
  informe: Informe,
): Map<string, T[]> {
  const grupos = new Map<string, T[]>();
  for (const f of filas) {
    const g = grupos.get(f.numeroCredito);
    if (g) g.push(f);
    else if (creditos.has(f.numeroCredito)) grupos.set(f.numeroCredito, [f]);
    // A credit whose row has an error is not reported again on every row that names it.
    else if (!informe.causas.ocultar('credito', f.numeroCredito, f.hoja, f.fila)) {
      informe.error(
        f.hoja,
        f.fila,
        'numero_credito',
        `el crédito ${f.numeroCredito} no está en la hoja creditos`,
      );
    }
  }
  for (const [numeroCredito, g] of grupos) {
    if (g[0]?.numero === undefined) continue;
    // By number, then as they came: a repeated number is reported on its later row.
    g.sort((a, b) => (a.numero ?? 0) - (b.numero ?? 0) || a.fila - b.fila);
    for (let i = 1; i < g.length; i++) {
      const previa = g[i - 1];
      const f = g[i];
      if (previa && f && previa.numero === f.numero) {
        informe.error(
          f.hoja,
          f.fila,
          'numero',
          `el número ${f.numero} del crédito ${numeroCredito} ya está en la fila ${previa.fila}`,
        );
        archivo.conFallas.incompletos.add(numeroCredito);
      }
    }
  }
  return grupos;
}

/** What differs between the row's credit and the stored one, in words; null if nothing. */
function diferencia(c: CreditoValidado, g: CreditoGuardado): string | null {
  const rol = (r: string) => g.participantes.find((p) => p.rol === r)?.curp ?? null;
  if (g.producto !== c.fila.producto || g.version.vigenteDesde !== c.version.vigenteDesde)
    return 'producto';
  if (g.oficina !== c.fila.oficina) return `oficina (registrada: ${g.oficina})`;
  if (g.fechaInicioInteres !== c.fila.fechaInicioInteres)
    return `fecha_inicio_interes (registrada: ${formatearFecha(g.fechaInicioInteres)})`;
  // An empty cell says nothing: the rate may have been set afterwards (PUT tasa-puntual).
  const propia = c.fila.tasaPuntual;
  if (propia !== null && (g.tasaPuntual === null || !mismaTasa(propia, g.tasaPuntual)))
    return `tasa_puntual_anual (registrada: ${g.tasaPuntual ?? 'ninguna'})`;
  if (rol('acreditado') !== c.fila.curpAcreditado) return 'acreditado';
  if (rol('aval') !== c.fila.curpAval) return 'aval';
  if (rol('beneficiario') !== c.fila.curpBeneficiario) return 'beneficiario';
  const h = huellasDeCalendario(c.ministraciones, c.amortizaciones, c.periodos);
  if (h.ministraciones !== g.huellas.ministraciones) return 'ministraciones';
  if (h.amortizaciones !== g.huellas.amortizaciones) return 'amortizaciones';
  if (h.periodos !== g.huellas.periodos) return 'periodos sin moratorio';
  return null;
}

/** Why the `gestor` column's user may not hold a credit of `oficina`; null: he may. */
function rechazoDeGestor(u: UsuarioGuardado, usuario: string, oficina: string): string | null {
  const quien = `${u.nombre} («${usuario}»)`;
  if (u.rol !== 'gestor' && u.rol !== 'coordinador') return `${quien} no es gestor ni coordinador`;
  if (!u.activo) return `${quien} está desactivado`;
  if (u.oficina !== oficina)
    return `${quien} es de la oficina ${u.oficina ?? 'ninguna'}, no de ${oficina}`;
  return null;
}

/**
 * The `gestor` column: an active gestor or coordinador of the credit's office, by login. Its id,
 * null when the cell is empty, undefined (and an error) when it names nobody who may hold it.
 */
function gestorDe(
  c: CreditoArchivo,
  base: BaseExistente,
  error: (columna: string, mensaje: string) => void,
): number | null | undefined {
  if (c.gestor === null) return null;
  const u = base.usuarios.get(c.gestor);
  const rechazo = u
    ? rechazoDeGestor(u, c.gestor, c.oficina)
    : `no existe el usuario «${c.gestor}»`;
  if (!u || rechazo !== null) {
    error('gestor', rechazo ?? '');
    return undefined;
  }
  return u.id;
}

/**
 * The creditos sheet's rows by number: a repeated number is an error on its later row, and
 * what names that number belongs to the first one.
 */
export function numerosDeCredito(
  archivo: CarteraArchivo,
  informe: Informe,
): Map<string, CreditoArchivo> {
  const filas = new Map<string, CreditoArchivo>();
  for (const c of archivo.creditos) {
    const previa = filas.get(c.numero);
    if (previa) {
      informe.error(
        c.hoja,
        c.fila,
        'numero',
        `el crédito ${c.numero} ya está en la fila ${previa.fila}`,
      );
      archivo.conFallas.incompletos.add(c.numero);
      // Most likely a copied row whose number was not changed: the credit its ministraciones
      // and payments name is missing because of it.
      informe.causas.dudosa('credito', c.numero, c.hoja, c.fila);
    } else filas.set(c.numero, c);
  }
  return filas;
}

/** The credits the ministraciones, amortizaciones and periodos name that `filas` lacks. */
export function creditosDesconocidos(
  archivo: CarteraArchivo,
  filas: ReadonlyMap<string, CreditoArchivo>,
): Set<string> {
  const desconocidos = new Set<string>();
  for (const lista of [archivo.ministraciones, archivo.amortizaciones, archivo.periodos])
    for (const f of lista) if (!filas.has(f.numeroCredito)) desconocidos.add(f.numeroCredito);
  return desconocidos;
}

/**
 * A batch of the book's credits (importarCartera reads a big book credit by credit): the
 * creditos rows of its credits (numerosDeCredito over the whole sheet, done once), and the
 * ministraciones whose pagaré a row above already has (`hoja\u0000fila` → that row), found
 * over the whole sheet in its order (FilasPorCredito).
 */
export interface LoteDeCreditos {
  filas: ReadonlyMap<string, CreditoArchivo>;
  /** None: the whole sheet is in this batch (its pagarés are compared here). */
  pagaresRepetidos?: ReadonlyMap<string, number>;
}

/**
 * Each credit row with its schedule: references (product version, office, people), pagarés
 * unique in the institute, schedule capital equal to what was disbursed, and a stored credit
 * of the same number identical (an import never changes a credit: nor its gestor, which is
 * reassigned in the application, so a different one is only a warning). Without `lote`, the
 * whole book at once.
 */
export function validarCreditos(
  archivo: CarteraArchivo,
  base: BaseExistente,
  productos: ProductosValidados,
  personas: PersonasValidadas,
  informe: Informe,
  lote?: LoteDeCreditos,
): Map<string, CreditoValidado> {
  let filas: ReadonlyMap<string, CreditoArchivo>;
  if (lote) filas = lote.filas;
  else {
    filas = numerosDeCredito(archivo, informe);
    informe.causas.emparejarUnico('credito', creditosDesconocidos(archivo, filas));
  }
  const ministraciones = agrupar(archivo.ministraciones, filas, archivo, informe);
  const amortizaciones = agrupar(archivo.amortizaciones, filas, archivo, informe);
  const periodos = agrupar(archivo.periodos, filas, archivo, informe);
  revisarPagares(archivo, base, informe, lote?.pagaresRepetidos);

  const validados = new Map<string, CreditoValidado>();
  for (const c of filas.values()) {
    const error = (columna: string | null, mensaje: string) => {
      informe.error(c.hoja, c.fila, columna, mensaje);
      archivo.conFallas.incompletos.add(c.numero);
    };
    for (const [columna, curp] of [
      ['curp_acreditado', c.curpAcreditado],
      ['curp_aval', c.curpAval],
      ['curp_beneficiario', c.curpBeneficiario],
    ] as const) {
      if (
        curp !== null &&
        !personas.conocidas.has(curp) &&
        !informe.causas.ocultar('persona', curp, c.hoja, c.fila)
      )
        error(columna, `la CURP ${curp} no está en la hoja personas ni registrada`);
    }
    const oficinaId = base.oficinas.get(c.oficina);
    if (oficinaId === undefined)
      error(
        'oficina',
        `no existe la oficina «${c.oficina}» (son: ${[...base.oficinas.keys()].join(', ')})`,
      );
    const gestorId = oficinaId === undefined ? null : gestorDe(c, base, error);
    const mins = ministraciones.get(c.numero) ?? [];
    const amos = amortizaciones.get(c.numero) ?? [];
    const incompleto = archivo.conFallas.incompletos.has(c.numero);
    // A sheet that was not read leaves every credit without its rows: counted, not reported.
    const sinFilas = (hoja: NombreHoja, mensaje: string) => {
      if (informe.causas.ocultarPorHoja(hoja, c.hoja, c.fila))
        archivo.conFallas.incompletos.add(c.numero);
      else error(null, mensaje);
    };
    if (mins.length === 0 && !incompleto)
      sinFilas('ministraciones', 'no tiene ministraciones en la hoja ministraciones');
    if (amos.length === 0 && !incompleto)
      sinFilas('amortizaciones', 'no tiene amortizaciones en la hoja amortizaciones');
    let version: VersionDisponible | null = null;
    const versiones = productos.versiones.get(c.producto);
    const primera = mins.reduce<Fecha | null>(
      (f, m) => (f === null || m.fecha < f ? m.fecha : f),
      null,
    );
    if (!versiones) {
      // A product whose row has an error: the credit cannot be judged, and is not reported.
      if (informe.causas.ocultar('producto', c.producto, c.hoja, c.fila))
        archivo.conFallas.incompletos.add(c.numero);
      else
        error(
          'producto',
          `no existe el producto «${c.producto}» (ni en la hoja productos ni registrado)`,
        );
    } else if (primera !== null) {
      version = versionVigente(versiones, primera);
      if (version === null)
        error(
          'producto',
          `el producto ${c.producto} no tenía versión vigente el ${formatearFecha(primera)}, fecha de la primera ministración`,
        );
    }
    if (!incompleto && mins.length > 0 && amos.length > 0) {
      const ministrado = mins.reduce((s, m) => s + m.monto, 0);
      const programado = amos.reduce((s, a) => s + a.capital, 0);
      if (ministrado !== programado) {
        error(
          null,
          `el capital de las amortizaciones (${formatearPesos(centavos(programado))}) no suma lo ministrado (${formatearPesos(centavos(ministrado))})`,
        );
      }
    }
    if (
      version !== null &&
      c.tasaPuntual !== null &&
      excedeOrdinaria(c.tasaPuntual, version.tasaOrdinaria)
    )
      error(
        'tasa_puntual_anual',
        `la tasa por puntualidad ${c.tasaPuntual} no puede ser mayor que la tasa ordinaria ${version.tasaOrdinaria} del producto ${c.producto}`,
      );
    if (
      archivo.conFallas.incompletos.has(c.numero) ||
      version === null ||
      oficinaId === undefined ||
      gestorId === undefined
    )
      continue;
    const validado: CreditoValidado = {
      fila: c,
      version,
      oficinaId,
      gestorId,
      ministraciones: mins,
      amortizaciones: amos,
      periodos: periodos.get(c.numero) ?? [],
      guardado: null,
    };
    const guardado = base.creditos.get(c.numero);
    if (guardado) {
      const d = diferencia(validado, guardado);
      if (d !== null) {
        error(
          null,
          `el crédito ${c.numero} ya está registrado con otros datos (${d}); la importación no modifica créditos registrados`,
        );
        continue;
      }
      validado.guardado = guardado;
      if (gestorId !== null && gestorId !== guardado.gestorId)
        informe.advertencia(
          c.hoja,
          c.fila,
          'gestor',
          `el crédito ${c.numero} ya está registrado y la importación no cambia su gestor; para reasignarlo, use Asignación de cartera`,
        );
    }
    validados.set(c.numero, validado);
  }
  return validados;
}

/** A pagaré number belongs to one ministración in the whole institute. */
function revisarPagares(
  archivo: CarteraArchivo,
  base: BaseExistente,
  informe: Informe,
  repetidos?: ReadonlyMap<string, number>,
): void {
  const vistos = new Map<string, MinistracionArchivo>();
  for (const m of archivo.ministraciones) {
    const previa = repetidos
      ? repetidos.get(`${m.hoja}\u0000${m.fila}`)
      : vistos.get(m.pagareNumero)?.fila;
    const registrado = base.pagares.get(m.pagareNumero);
    if (previa !== undefined) {
      informe.error(
        m.hoja,
        m.fila,
        'pagare',
        `el pagaré ${m.pagareNumero} ya está en la fila ${previa}`,
      );
    } else if (registrado !== undefined && registrado !== m.numeroCredito) {
      informe.error(
        m.hoja,
        m.fila,
        'pagare',
        `el pagaré ${m.pagareNumero} ya está registrado en el crédito ${registrado}`,
      );
    } else {
      if (!repetidos) vistos.set(m.pagareNumero, m);
      continue;
    }
    archivo.conFallas.incompletos.add(m.numeroCredito);
  }
}
