import type { MovimientoNuevo } from '../../db/escritura-cartera.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import type { BaseExistente, CreditoGuardado, MovimientoGuardado } from './base-existente.ts';
import type { CarteraArchivo, MovimientoArchivo } from './cartera-archivo.ts';
import type { Informe } from './informe.ts';
import type { CreditoValidado } from './validar-creditos.ts';

/** The new movements of one credit, in the workbook's order (each its own row). */
export type MovimientosDeCredito = MovimientoArchivo[];

export interface MovimientosValidados {
  porCredito: Map<string, MovimientosDeCredito>;
  existentes: number;
}

function mismo(
  m: MovimientoArchivo,
  g: MovimientoGuardado,
  claveCancelada: string | null,
): boolean {
  return (
    m.tipo === g.tipo &&
    m.fecha === g.fecha &&
    m.monto === g.monto &&
    m.excedente === g.excedente &&
    m.concepto === g.concepto &&
    m.cancelaClave === claveCancelada &&
    m.canal === g.canal &&
    m.referencia === g.referencia &&
    m.motivo === g.motivo
  );
}

/**
 * Movements by (credit, clave). One already stored must be identical (the ledger never
 * changes); a new one is dated no later than today and a cancelación names a movement of the
 * same credit listed before it or stored.
 */
/** A faulty movement row: reported, and its credit left out of the engine's check. */
function falla(
  informe: Informe,
  archivo: CarteraArchivo,
  m: MovimientoArchivo,
  columna: string | null,
  mensaje: string,
): void {
  informe.error(m.hoja, m.fila, columna, mensaje);
  archivo.conFallas.incompletos.add(m.numeroCredito);
}

export function revisarMovimientos(
  archivo: CarteraArchivo,
  base: BaseExistente,
  creditos: ReadonlyMap<string, CreditoValidado>,
  hoy: Fecha,
  registradoPor: number | null,
  informe: Informe,
): MovimientosValidados {
  const r: MovimientosValidados = { porCredito: new Map(), existentes: 0 };
  const guardadosPorCredito = new Map<
    string,
    { porClave: Map<string, MovimientoGuardado>; claveDe: Map<number, string | null> }
  >();
  const guardados = (g: CreditoGuardado) => {
    let x = guardadosPorCredito.get(g.numero);
    if (!x) {
      x = { porClave: new Map(), claveDe: new Map() };
      for (const m of g.movimientos) {
        if (m.clave !== null) x.porClave.set(m.clave, m);
        x.claveDe.set(m.id, m.clave);
      }
      guardadosPorCredito.set(g.numero, x);
    }
    return x;
  };
  const enArchivo = new Map<string, Map<string, MovimientoArchivo>>();
  for (const m of archivo.movimientos) {
    const validado = creditos.get(m.numeroCredito);
    const guardado = validado ? validado.guardado : (base.creditos.get(m.numeroCredito) ?? null);
    // Rules of the row alone first: they hold whatever happens to its credit.
    if (m.fecha > hoy)
      falla(informe, archivo, m, 'fecha', `es posterior a hoy (${formatearFecha(hoy)})`);
    if (!validado && !guardado) {
      // A credit whose row has an error is not reported again on every movement that names it.
      const oculto = informe.causas.ocultar('credito', m.numeroCredito, m.hoja, m.fila);
      if (!oculto && !archivo.conFallas.incompletos.has(m.numeroCredito))
        falla(
          informe,
          archivo,
          m,
          'numero_credito',
          `el crédito ${m.numeroCredito} no está en la hoja creditos ni registrado`,
        );
      continue;
    }
    const vistos = enArchivo.get(m.numeroCredito) ?? new Map<string, MovimientoArchivo>();
    enArchivo.set(m.numeroCredito, vistos);
    const previo = vistos.get(m.clave);
    if (previo) {
      falla(
        informe,
        archivo,
        m,
        'clave',
        `el movimiento ${m.clave} del crédito ${m.numeroCredito} ya está en la fila ${previo.fila}`,
      );
      continue;
    }
    vistos.set(m.clave, m);
    const g = guardado ? guardados(guardado) : null;
    const registrado = g?.porClave.get(m.clave);
    if (registrado) {
      const cancelada =
        registrado.cancelaId === null ? null : (g?.claveDe.get(registrado.cancelaId) ?? null);
      if (mismo(m, registrado, cancelada)) r.existentes++;
      else
        falla(
          informe,
          archivo,
          m,
          null,
          `el movimiento ${m.clave} ya está registrado con otros datos; la importación no cambia movimientos (para corregir uno, registra su cancelación)`,
        );
      continue;
    }
    // Closed by a reestructura: its debt lives on in the new credit, which takes the payments.
    if (guardado?.reestructurado) {
      const nuevo = guardado.reestructurado.nuevo;
      falla(
        informe,
        archivo,
        m,
        'numero_credito',
        `el crédito ${m.numeroCredito} fue reestructurado y ya no recibe movimientos: su adeudo sigue en ${nuevo === null ? 'el crédito que lo sustituyó' : `el crédito ${nuevo}`}`,
      );
      continue;
    }
    const deCredito = r.porCredito.get(m.numeroCredito) ?? [];
    let cancela: MovimientoNuevo['cancela'] = null;
    if (m.cancelaClave !== null) {
      const indice = deCredito.findIndex((n) => n.clave === m.cancelaClave);
      const objetivo = g?.porClave.get(m.cancelaClave);
      if (indice >= 0) cancela = { indice };
      else if (objetivo) cancela = { id: objetivo.id };
      else {
        const despues = archivo.movimientos.some(
          (x) => x.numeroCredito === m.numeroCredito && x.clave === m.cancelaClave,
        );
        falla(
          informe,
          archivo,
          m,
          'cancela_clave',
          despues
            ? `la cancelación debe ir después del movimiento ${m.cancelaClave} que cancela`
            : `no existe el movimiento ${m.cancelaClave} en el crédito ${m.numeroCredito}`,
        );
        continue;
      }
    }
    m.cancela = cancela;
    m.registradoPor = registradoPor;
    deCredito.push(m);
    r.porCredito.set(m.numeroCredito, deCredito);
  }
  return r;
}
