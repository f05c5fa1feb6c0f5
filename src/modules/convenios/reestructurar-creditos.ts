import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/conexion.ts';
import type { ConvenioFila } from '../../db/esquema.ts';
import { calcularSupuesto, type MovimientoSupuesto } from '../../domain/alternativas/index.ts';
import { type Centavos, centavosDesdeTexto, formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { transicion } from '../../domain/estado-credito.ts';
import { type Fecha, fechaDesdeTexto } from '../../domain/fecha.ts';
import { versionAlternativaDesdeFila } from '../alternativas/versiones.ts';
import { calcularEstado, entradaValida } from '../cartera/calcular-estado.ts';
import { cargarCredito } from '../cartera/cargar-credito.ts';
import type { ContextoAutenticado } from '../contexto.ts';

export interface CreditoReestructurado {
  anterior: number;
  nuevo: number;
  numero: string;
  /** The closing payment posted on the old credit (canal `reestructura`). */
  pagoDeCierre: number;
}

const centavosJson = z.string().transform((t, ctx) => {
  const c = centavosDesdeTexto(t);
  if (c !== null) return c;
  ctx.addIssue({ code: 'custom', message: `monto inválido: ${t}` });
  return z.NEVER;
});
const fechaJson = z.string().transform((t, ctx) => {
  const f = fechaDesdeTexto(t);
  if (f !== null) return f;
  ctx.addIssue({ code: 'custom', message: `fecha inválida: ${t}` });
  return z.NEVER;
});
/** The part of the stored offer (ofertaAJson) that says what the new credits are. */
const ofertaGuardada = z.looseObject({
  creditos: z.array(
    z.looseObject({
      creditoId: z.number(),
      reestructura: z
        .object({
          principal: centavosJson,
          amortizaciones: z
            .array(z.object({ numero: z.number(), fecha: fechaJson, capital: centavosJson }))
            .min(1),
        })
        .nullable(),
    }),
  ),
});

type Reestructura = NonNullable<z.infer<typeof ofertaGuardada>['creditos'][number]['reestructura']>;

function conflicto(mensaje: string): ErrorDominio {
  return new ErrorDominio('conflicto', `No se puede firmar la reestructura: ${mensaje}`);
}

/** The agreed ordinary rate: the one of the exact alternative version the convenio points to. */
async function tasaPactada(trx: Db, c: Pick<ConvenioFila, 'version_alternativa_id'>) {
  if (c.version_alternativa_id === null)
    throw conflicto('el convenio no viene de una alternativa.');
  const v = await trx
    .selectFrom('versiones_alternativa as v')
    .innerJoin('alternativas as a', 'a.id', 'v.alternativa_id')
    .selectAll('v')
    .select(['a.clave', 'a.tipo'])
    .where('v.id', '=', c.version_alternativa_id)
    .executeTakeFirstOrThrow();
  const { parametros } = versionAlternativaDesdeFila(
    { id: v.alternativa_id, clave: v.clave, tipo: v.tipo },
    v,
  );
  if (parametros.tipo !== 'reestructura') throw conflicto('la versión no es de reestructura.');
  return parametros.tasaOrdinariaAnual.texto;
}

/** `<old>-R`, or `-R2`, `-R3`… if taken; the number is also the new pagaré's, so both must be free. */
async function numeroLibre(trx: Db, anterior: string): Promise<string> {
  for (let k = 1; ; k++) {
    const numero = k === 1 ? `${anterior}-R` : `${anterior}-R${k}`;
    const [credito, pagare] = await Promise.all([
      trx.selectFrom('creditos').select('id').where('numero', '=', numero).executeTakeFirst(),
      trx
        .selectFrom('ministraciones')
        .select('id')
        .where('pagare_numero', '=', numero)
        .executeTakeFirst(),
    ]);
    if (!credito && !pagare) return numero;
  }
}

/**
 * The new credit: same office, gestor, despacho, product version and people; interest from
 * the convenio's date at the agreed rate; one ministración of the principal whose pagaré is
 * the new one (its number is the credit's); the offer's amortizaciones. Active.
 */
async function crearCreditoNuevo(
  trx: Db,
  anteriorId: number,
  r: Reestructura,
  convenio: { id: number; fecha: Fecha; tasa: string },
  ctx: ContextoAutenticado,
): Promise<{ id: number; numero: string }> {
  const anterior = await trx
    .selectFrom('creditos')
    .selectAll()
    .where('id', '=', anteriorId)
    .executeTakeFirstOrThrow();
  const numero = await numeroLibre(trx, anterior.numero);
  const nuevo = await trx
    .insertInto('creditos')
    .values({
      numero,
      version_producto_id: anterior.version_producto_id,
      oficina_id: anterior.oficina_id,
      estado: 'activo',
      fecha_inicio_interes: convenio.fecha,
      gestor_id: anterior.gestor_id,
      despacho_id: anterior.despacho_id,
      creado: ctx.reloj.ahora(),
      tasa_ordinaria_pactada: convenio.tasa,
      reestructura_de: anterior.id,
      convenio_id: convenio.id,
    })
    .returning(['id', 'numero'])
    .executeTakeFirstOrThrow();
  // The same gestor carries on with the debt: the new credit's history starts now, and the
  // old credit's holding ends with it (issue 9: recovery is attributed by this history).
  if (anterior.gestor_id !== null) {
    await trx
      .updateTable('asignaciones')
      .set((eb) => ({ hasta: sql<Date>`greatest(${eb.ref('desde')}, ${ctx.reloj.ahora()})` }))
      .where('credito_id', '=', anterior.id)
      .where('hasta', 'is', null)
      .execute();
    await trx
      .insertInto('asignaciones')
      .values({
        credito_id: nuevo.id,
        gestor_id: anterior.gestor_id,
        desde: ctx.reloj.ahora(),
        asignado_por: ctx.actor.id,
        motivo: `Reestructura del crédito ${anterior.numero}`,
      })
      .execute();
  }
  const participantes = await trx
    .selectFrom('participantes_credito')
    .select(['persona_id', 'rol'])
    .where('credito_id', '=', anterior.id)
    .execute();
  if (participantes.length > 0) {
    await trx
      .insertInto('participantes_credito')
      .values(participantes.map((p) => ({ ...p, credito_id: nuevo.id })))
      .execute();
  }
  const ultima = r.amortizaciones.at(-1)?.fecha ?? convenio.fecha;
  await trx
    .insertInto('ministraciones')
    .values({
      credito_id: nuevo.id,
      numero: 1,
      fecha: convenio.fecha,
      monto_centavos: r.principal,
      periodo_escolar: 'Reestructura',
      pagare_numero: numero,
      pagare_vencimiento: ultima,
    })
    .execute();
  await trx
    .insertInto('amortizaciones')
    .values(
      r.amortizaciones.map((a) => ({
        credito_id: nuevo.id,
        numero: a.numero,
        fecha: a.fecha,
        capital_centavos: a.capital,
      })),
    )
    .execute();
  return nuevo;
}

/**
 * Settles the old credit with the principal on the convenio's date (after the discount's
 * condonaciones, already posted) and closes it. The engine must find it `liquidado` with
 * nothing left over, on that date and today: a payment posted between the proposal and the
 * signing changes the debt, and the offer no longer fits it.
 */
async function cerrarCreditoAnterior(
  trx: Db,
  anteriorId: number,
  principal: Centavos,
  nuevo: { id: number; numero: string },
  convenio: { id: number; fecha: Fecha },
  ctx: ContextoAutenticado,
): Promise<number> {
  const pago = await trx
    .insertInto('movimientos')
    .values({
      credito_id: anteriorId,
      tipo: 'pago',
      fecha: convenio.fecha,
      monto_centavos: principal,
      excedente: 'reducir_plazo',
      canal: 'reestructura',
      referencia: nuevo.numero,
      motivo: `reestructura, convenio ${convenio.id}`,
      clave_externa: `reestructura:${convenio.id}`,
      registrado_por: ctx.actor.id,
      registrado: ctx.reloj.ahora(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('convenio_movimientos')
    .values({ convenio_id: convenio.id, movimiento_id: pago.id })
    .execute();
  const credito = await cargarCredito(trx, anteriorId);
  const numero = credito.credito.numero;
  for (const fecha of [convenio.fecha, ctx.reloj.hoy()]) {
    const e = calcularEstado(credito, fecha, (m) => conflicto(`${numero}: ${m}`));
    if (e.situacion !== 'liquidado' || e.saldoAFavor !== 0) {
      throw conflicto(
        `el adeudo del crédito ${numero} cambió desde la fecha del convenio (el pago de cierre de ${formatearCentavos(principal)} no lo liquida exactamente): cancela el convenio y propón otro.`,
      );
    }
  }
  const estado = transicion(credito.estado, 'reestructurar');
  if (estado === null) {
    throw conflicto(`el crédito ${numero} está ${credito.estado} y no se puede reestructurar.`);
  }
  await trx.updateTable('creditos').set({ estado }).where('id', '=', anteriorId).execute();
  return pago.id;
}

/**
 * The promises follow the new credit (its amortizaciones are what the debtor now pays), and
 * paying each on its date must settle it, as the simulator announced.
 */
async function llevarPromesas(
  trx: Db,
  convenioId: number,
  anteriorId: number,
  nuevo: { id: number; numero: string },
  hoy: Fecha,
): Promise<void> {
  const promesas = await trx
    .updateTable('convenio_promesas')
    .set({ credito_id: nuevo.id })
    .where('convenio_id', '=', convenioId)
    .where('credito_id', '=', anteriorId)
    .returning(['numero', 'fecha', 'monto_centavos'])
    .execute();
  const credito = await cargarCredito(trx, nuevo.id);
  calcularEstado(credito, hoy, (m) => conflicto(`${nuevo.numero}: ${m}`));
  const pagos: MovimientoSupuesto[] = promesas
    .sort((a, b) => a.numero - b.numero)
    .map((p) => ({ tipo: 'pago', fecha: p.fecha as Fecha, monto: p.monto_centavos }));
  const ultima = pagos.at(-1)?.fecha;
  if (
    ultima === undefined ||
    calcularSupuesto(
      entradaValida(credito, ultima, (m) => conflicto(`${nuevo.numero}: ${m}`)),
      { movimientos: pagos, ventana: null },
      ultima,
    ).situacion !== 'liquidado'
  ) {
    throw conflicto(`los pagos prometidos no liquidan el crédito nuevo ${nuevo.numero}.`);
  }
}

/**
 * The novation, inside the signing's transaction: for each credit of the convenio (locked by
 * the caller, its condonaciones already posted), the new credit with the offer's principal and
 * schedule at the agreed rate, the closing payment that settles the old one, the old one
 * `reestructurado`, and the promises moved to the new credit.
 */
export async function reestructurarCreditos(
  trx: Db,
  c: Pick<ConvenioFila, 'version_alternativa_id' | 'fecha_simulacion'> & {
    id: number;
    oferta: unknown;
    creditos: readonly number[];
  },
  ctx: ContextoAutenticado,
): Promise<CreditoReestructurado[]> {
  const oferta = ofertaGuardada.safeParse(c.oferta);
  if (!oferta.success) throw new Error(`la oferta guardada del convenio ${c.id} no es legible`);
  const convenio = {
    id: c.id,
    fecha: c.fecha_simulacion as Fecha,
    tasa: await tasaPactada(trx, c),
  };
  const hechos: CreditoReestructurado[] = [];
  for (const anteriorId of [...c.creditos].sort((a, b) => a - b)) {
    const r = oferta.data.creditos.find((o) => o.creditoId === anteriorId)?.reestructura;
    if (!r)
      throw new Error(`la oferta del convenio ${c.id} no trae el crédito nuevo de ${anteriorId}`);
    const nuevo = await crearCreditoNuevo(trx, anteriorId, r, convenio, ctx);
    const pago = await cerrarCreditoAnterior(trx, anteriorId, r.principal, nuevo, convenio, ctx);
    await llevarPromesas(trx, c.id, anteriorId, nuevo, ctx.reloj.hoy());
    hechos.push({
      anterior: anteriorId,
      nuevo: nuevo.id,
      numero: nuevo.numero,
      pagoDeCierre: pago,
    });
  }
  return hechos;
}
