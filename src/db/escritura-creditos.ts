import type { Db } from './conexion.ts';
import type { CreditoNuevo, MovimientoNuevo } from './escritura-cartera.ts';
import { InsercionMasiva, reservarIds } from './insercion-masiva.ts';

/** The credits' tables, for the portfolio's bulk writer (escritura-cartera.ts). */

export interface ConteoCreditos {
  creditos: number;
  ministraciones: number;
  amortizaciones: number;
}

/**
 * Ids are drawn first, so every child row knows its parent without a round trip; each table is
 * then written whole before the next, parents first.
 */
export async function escribirCreditos(
  trx: Db,
  creditos: readonly CreditoNuevo[],
  personas: ReadonlyMap<string, number>,
  instante: Date,
  idsCreditos: Map<string, number>,
): Promise<ConteoCreditos> {
  const resumen: ConteoCreditos = { creditos: 0, ministraciones: 0, amortizaciones: 0 };
  const ids = await reservarIds(trx, 'creditos_id_seq', creditos.length);
  const idDe = (i: number) => ids[i] ?? 0;
  creditos.forEach((c, i) => {
    idsCreditos.set(c.numero, idDe(i));
  });

  const cr = new InsercionMasiva(
    trx,
    'creditos',
    [
      ['id', 'int4'],
      ['numero', 'text'],
      ['version_producto_id', 'int4'],
      ['oficina_id', 'int4'],
      ['estado', 'estado_credito'],
      ['fecha_inicio_interes', 'date'],
      ['gestor_id', 'int4'],
      ['despacho_id', 'int4'],
      ['tasa_puntual_anual', 'numeric'],
      ['tasa_puntual_motivo', 'text'],
      ['tasa_puntual_evidencia', 'text'],
    ],
    { constantes: [['creado', instante, 'timestamptz']] },
  );
  for (const [i, c] of creditos.entries()) {
    await cr.agregar(
      idDe(i),
      c.numero,
      c.versionProductoId,
      c.oficinaId,
      c.estado,
      c.fechaInicioInteres,
      c.gestorId,
      c.despachoId,
      c.tasaPuntual?.tasa ?? null,
      c.tasaPuntual?.motivo ?? null,
      c.tasaPuntual?.evidencia ?? null,
    );
  }
  resumen.creditos = await cr.terminar();

  const pa = new InsercionMasiva(trx, 'participantes_credito', [
    ['credito_id', 'int4'],
    ['persona_id', 'int4'],
    ['rol', 'text'],
  ]);
  for (const [i, c] of creditos.entries())
    for (const p of c.participantes) await pa.agregar(idDe(i), personas.get(p.curp), p.rol);
  await pa.terminar();

  const mi = new InsercionMasiva(trx, 'ministraciones', [
    ['credito_id', 'int4'],
    ['numero', 'int2'],
    ['fecha', 'date'],
    ['monto_centavos', 'int8'],
    ['periodo_escolar', 'text'],
    ['pagare_numero', 'text'],
    ['pagare_vencimiento', 'date'],
  ]);
  for (const [i, c] of creditos.entries()) {
    for (const m of c.ministraciones) {
      await mi.agregar(
        idDe(i),
        m.numero,
        m.fecha,
        m.monto,
        m.periodoEscolar,
        m.pagareNumero,
        m.pagareVencimiento,
      );
    }
  }
  resumen.ministraciones = await mi.terminar();

  const am = new InsercionMasiva(trx, 'amortizaciones', [
    ['credito_id', 'int4'],
    ['numero', 'int2'],
    ['fecha', 'date'],
    ['capital_centavos', 'int8'],
  ]);
  for (const [i, c] of creditos.entries())
    for (const a of c.amortizaciones) await am.agregar(idDe(i), a.numero, a.fecha, a.capital);
  resumen.amortizaciones = await am.terminar();

  const pe = new InsercionMasiva(trx, 'periodos_sin_moratorio', [
    ['credito_id', 'int4'],
    ['desde', 'date'],
    ['hasta', 'date'],
    ['motivo', 'text'],
  ]);
  for (const [i, c] of creditos.entries())
    for (const p of c.periodosSinMoratorio) await pe.agregar(idDe(i), p.desde, p.hasta, p.motivo);
  await pe.terminar();

  return resumen;
}

/** Movements in ledger order: ids drawn increasing, so a cancelación finds its target's. */
export async function escribirMovimientos(
  trx: Db,
  listas: ReadonlyArray<{ creditoId: number; movimientos: readonly MovimientoNuevo[] }>,
  instante: Date,
): Promise<number> {
  const total = listas.reduce((n, l) => n + l.movimientos.length, 0);
  const ids = await reservarIds(trx, 'movimientos_id_seq', total);
  const mo = new InsercionMasiva(
    trx,
    'movimientos',
    [
      ['id', 'int8'],
      ['credito_id', 'int4'],
      ['tipo', 'text'],
      ['fecha', 'date'],
      ['monto_centavos', 'int8'],
      ['excedente', 'text'],
      ['concepto', 'text'],
      ['cancela_id', 'int8'],
      ['canal', 'text'],
      ['referencia', 'text'],
      ['motivo', 'text'],
      ['clave_externa', 'text'],
      ['registrado_por', 'int4'],
    ],
    { constantes: [['registrado', instante, 'timestamptz']] },
  );
  let k = 0;
  for (const { creditoId, movimientos } of listas) {
    const base = k;
    for (const m of movimientos) {
      const cancela =
        m.cancela === null
          ? null
          : 'id' in m.cancela
            ? m.cancela.id
            : (ids[base + m.cancela.indice] ?? null);
      await mo.agregar(
        ids[k++],
        creditoId,
        m.tipo,
        m.fecha,
        m.monto,
        m.excedente,
        m.concepto,
        cancela,
        m.canal,
        m.referencia,
        m.motivo,
        m.clave,
        m.registradoPor,
      );
    }
  }
  return mo.terminar();
}
