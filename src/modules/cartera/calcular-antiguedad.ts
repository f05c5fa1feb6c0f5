import type { Db } from '../../db/conexion.ts';
import { bucketDeAtraso } from '../../domain/antiguedad.ts';
import { type EstadoCredito, eventoPorSituacion, transicion } from '../../domain/estado-credito.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';
import { calcularEstado } from './calcular-estado.ts';
import { cargarCreditos } from './cargar-credito.ts';

const LOTE = 500;

export interface ResultadoAntiguedad {
  fecha: Fecha;
  creditos: number;
  /** Credits the engine refused (inconsistent stored data), by number: reported, not hidden. */
  conError: Array<{ numero: string; mensaje: string }>;
  /** Credits whose administrative state followed today's numbers (settled, or reopened). */
  transiciones: Array<{ numero: string; de: EstadoCredito; a: EstadoCredito }>;
}

/**
 * Each credit's aging on `fecha`, stored for lists and indicators. Derived data: recomputing a
 * date replaces that date's snapshot. Runs in the caller's transaction, so a reader sees either
 * the whole old snapshot or the whole new one.
 */
export async function calcularAntiguedad(
  trx: Db,
  fecha: Fecha,
  ctx: Contexto & { actor?: Pick<Actor, 'id' | 'usuario'> | null },
): Promise<ResultadoAntiguedad> {
  const calculado = ctx.reloj.ahora();
  const conError: ResultadoAntiguedad['conError'] = [];
  const transiciones: ResultadoAntiguedad['transiciones'] = [];
  // Only today's numbers move a credit's state: a snapshot of a past date is just a report.
  const esHoy = fecha === ctx.reloj.hoy();
  let total = 0;
  let ultimoId = 0;
  for (;;) {
    const ids = (
      await trx
        .selectFrom('creditos')
        .select('id')
        .where('id', '>', ultimoId)
        .orderBy('id')
        .limit(LOTE)
        .execute()
    ).map((f) => f.id);
    const ultimo = ids.at(-1);
    if (ultimo === undefined) break;
    ultimoId = ultimo;
    const creditos = await cargarCreditos(trx, ids);
    const filas = [];
    for (const credito of creditos.values()) {
      try {
        const e = calcularEstado(credito, fecha);
        if (esHoy) {
          const cambio = cambioDeEstado(credito.estado, e.situacion);
          if (cambio) transiciones.push({ numero: credito.credito.numero, ...cambio });
        }
        filas.push({
          credito_id: credito.id,
          fecha,
          situacion: e.situacion,
          dias_atraso: e.diasAtraso,
          bucket: bucketDeAtraso(e.diasAtraso),
          capital_insoluto_centavos: e.capitalInsoluto,
          saldo_exigible_centavos: e.saldoExigible,
          saldo_para_liquidar_centavos: e.saldoParaLiquidar,
          interes_moratorio_centavos: e.interesMoratorio,
          calculado,
        });
      } catch (error) {
        conError.push({
          numero: credito.credito.numero,
          mensaje: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (filas.length > 0) {
      await trx
        .insertInto('antiguedad_saldos')
        .values(filas)
        .onConflict((oc) =>
          oc.columns(['credito_id', 'fecha']).doUpdateSet((eb) => ({
            situacion: eb.ref('excluded.situacion'),
            dias_atraso: eb.ref('excluded.dias_atraso'),
            bucket: eb.ref('excluded.bucket'),
            capital_insoluto_centavos: eb.ref('excluded.capital_insoluto_centavos'),
            saldo_exigible_centavos: eb.ref('excluded.saldo_exigible_centavos'),
            saldo_para_liquidar_centavos: eb.ref('excluded.saldo_para_liquidar_centavos'),
            interes_moratorio_centavos: eb.ref('excluded.interes_moratorio_centavos'),
            calculado: eb.ref('excluded.calculado'),
          })),
        )
        .execute();
    }
    total += filas.length;
  }
  for (const t of transiciones) {
    await trx
      .updateTable('creditos')
      .set({ estado: t.a })
      .where('numero', '=', t.numero)
      .where('estado', '=', t.de)
      .execute();
  }
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'antiguedad.calcular',
    detalle: {
      fecha,
      creditos: total,
      conError: conError.length,
      transiciones: transiciones.slice(0, 200),
    },
  });
  return { fecha, creditos: total, conError, transiciones };
}

function cambioDeEstado(
  estado: EstadoCredito,
  situacion: 'al_corriente' | 'vencido' | 'liquidado',
): { de: EstadoCredito; a: EstadoCredito } | null {
  const evento = eventoPorSituacion(estado, situacion);
  const a = evento === null ? null : transicion(estado, evento);
  return a === null ? null : { de: estado, a };
}
