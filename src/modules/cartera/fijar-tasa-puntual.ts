import type { Db } from '../../db/conexion.ts';
import { tasaOrdinariaEnVigor, tasaPuntualDeVersion } from '../../db/tasas-en-vigor.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Tasa, tasaDesdeTexto, tasaMayorQue } from '../../domain/tasa.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { calcularEstado } from './calcular-estado.ts';
import { cargarCredito } from './cargar-credito.ts';

export interface CambioDeTasaPuntual {
  /** The credit's own punctual rate (decimal text, "0.00"); null removes it. */
  tasa: string | null;
  motivo: string;
  evidencia: string | null;
}

export interface TasaPuntualFijada {
  creditoId: number;
  /** The credit's own rate now, with why; null: it has none. */
  tasaPuntualDelCredito: { tasa: string; motivo: string; evidencia: string | null } | null;
  /** The punctual rate in force: the credit's own, else its product version's; null: no R9. */
  tasaPuntualAnual: string | null;
}

/** "0.06000000" → "6 %", "0.035" → "3.5 %": how a rate reads in a message. */
function porcentaje(t: Tasa): string {
  const millonesimas = (t.numerador * 1_000_000n) / t.denominador;
  return `${Number(millonesimas) / 10_000} %`;
}

function leer(texto: string, campo: string): Tasa {
  const tasa = tasaDesdeTexto(texto);
  if (tasa === null) {
    throw new ErrorDominio(
      'tasa_invalida',
      `La tasa ${texto} no es válida: debe ser un decimal entre 0 y 1 (p. ej. "0.03").`,
      campo,
    );
  }
  return tasa;
}

/**
 * Sets or removes a credit's own punctual rate (R9: e.g. 0% for a student with an average of
 * 90 or more), never above the ordinary rate in force. The statement is recomputed from the
 * start with it (the rate is a term of the contract), so the engine must still accept the
 * credit. Who set it and when, with the rate before and after, go to the bitácora.
 */
export async function fijarTasaPuntual(
  trx: Db,
  creditoId: number,
  cambio: CambioDeTasaPuntual,
  ctx: ContextoAutenticado,
): Promise<TasaPuntualFijada> {
  const c = await trx
    .selectFrom('creditos as c')
    .innerJoin('versiones_producto as v', 'v.id', 'c.version_producto_id')
    .select([
      'c.numero',
      'c.estado',
      'c.oficina_id',
      'c.despacho_id',
      'c.tasa_puntual_anual',
      'c.tasa_puntual_motivo',
      'c.tasa_puntual_evidencia',
      tasaOrdinariaEnVigor.as('tasa_ordinaria'),
      tasaPuntualDeVersion.as('tasa_puntual_version'),
    ])
    .where('c.id', '=', creditoId)
    .forUpdate('c')
    .executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  exigirCreditoEnCartera(ctx.actor, { oficinaId: c.oficina_id, despachoId: c.despacho_id });
  // The novation is final: the debt and its terms live on in the new credit.
  if (c.estado === 'reestructurado') {
    throw new ErrorDominio(
      'conflicto',
      `El crédito ${c.numero} fue reestructurado: su tasa ya no se cambia (la deuda sigue en el crédito nuevo).`,
    );
  }
  if (cambio.tasa !== null) {
    const tasa = leer(cambio.tasa, 'tasa');
    const ordinaria = leer(c.tasa_ordinaria, 'tasa');
    if (tasaMayorQue(tasa, ordinaria)) {
      throw new ErrorDominio(
        'tasa_invalida',
        `La tasa por puntualidad (${porcentaje(tasa)}) no puede ser mayor que la tasa ordinaria en vigor del crédito ${c.numero} (${porcentaje(ordinaria)}).`,
        'tasa',
      );
    }
  }
  const despues = await trx
    .updateTable('creditos')
    .set({
      tasa_puntual_anual: cambio.tasa,
      tasa_puntual_motivo: cambio.tasa === null ? null : cambio.motivo,
      tasa_puntual_evidencia: cambio.tasa === null ? null : cambio.evidencia,
    })
    .where('id', '=', creditoId)
    .returning(['tasa_puntual_anual', 'tasa_puntual_motivo', 'tasa_puntual_evidencia'])
    .executeTakeFirstOrThrow();
  calcularEstado(
    await cargarCredito(trx, creditoId),
    ctx.reloj.hoy(),
    (m) => new ErrorDominio('tasa_invalida', `No se puede fijar esa tasa al crédito: ${m}`, 'tasa'),
  );
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'credito.tasa_puntual',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: {
      antes: {
        tasa: c.tasa_puntual_anual,
        motivo: c.tasa_puntual_motivo,
        evidencia: c.tasa_puntual_evidencia,
      },
      despues: {
        tasa: despues.tasa_puntual_anual,
        motivo: despues.tasa_puntual_motivo,
        evidencia: despues.tasa_puntual_evidencia,
      },
      motivo: cambio.motivo,
      evidencia: cambio.evidencia,
    },
  });
  return {
    creditoId,
    tasaPuntualDelCredito:
      despues.tasa_puntual_anual === null
        ? null
        : {
            tasa: despues.tasa_puntual_anual,
            motivo: despues.tasa_puntual_motivo ?? '',
            evidencia: despues.tasa_puntual_evidencia,
          },
    tasaPuntualAnual: despues.tasa_puntual_anual ?? c.tasa_puntual_version,
  };
}
