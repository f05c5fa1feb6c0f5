import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { sumarDias } from '../../domain/fecha.ts';
import { simularAlternativas } from '../alternativas/simular-alternativas.ts';
import type { Contexto, ContextoAutenticado } from '../contexto.ts';
import { autorizarConvenio } from '../convenios/autorizar-convenio.ts';
import { firmarConvenio } from '../convenios/firmar-convenio.ts';
import { proponerConvenio } from '../convenios/proponer-convenio.ts';
import { actorDemo } from './actor-demo.ts';

export interface ConveniosDemo {
  firmados: number;
  autorizados: number;
  propuestos: number;
}

/** How many of each the demo leaves: enough to see every list, few enough to read them. */
const CUPO: ConveniosDemo = { firmados: 3, autorizados: 2, propuestos: 2 };
/** Accounts tried at most: an offer may not qualify, or the catalogue may have changed. */
const INTENTOS = 40;

/**
 * A few convenios on the demo gestor's overdue accounts, made the way the counter makes them
 * (simulate, propose the first offer that qualifies, the coordinador authorizes what waits
 * above the gestor's limit, the debtor signs), so that the convenios screens, the
 * coordinador's pending list and the gestor's queue have some from the first start: signed
 * ones (one with its first payment today), authorized ones waiting for the signature, and
 * proposals waiting for the coordinador. Reestructuras are left out: signing one replaces the
 * credit, and the demo portfolio stays the one its seed describes. Deterministic: accounts in
 * id order, offers in the simulator's order.
 */
export async function cargarConveniosDemo(trx: Db, ctx: Contexto): Promise<ConveniosDemo> {
  const hoy = ctx.reloj.hoy();
  const gestor = await actorDemo(trx, 'gestor', hoy);
  const coordinador = await actorDemo(trx, 'coordinador', hoy);
  const hechos: ConveniosDemo = { firmados: 0, autorizados: 0, propuestos: 0 };
  if (gestor === null || coordinador === null) return hechos;
  const comoGestor: ContextoAutenticado = { ...ctx, actor: gestor };
  const comoCoordinador: ContextoAutenticado = { ...ctx, actor: coordinador };
  const cuentas = await trx
    .selectFrom('creditos as c')
    .innerJoin('participantes_credito as pc', (j) =>
      j.onRef('pc.credito_id', '=', 'c.id').on('pc.rol', '=', 'acreditado'),
    )
    .select(['c.id', 'pc.persona_id'])
    .where('c.gestor_id', '=', gestor.id)
    .where('c.estado', '=', 'activo')
    .where('c.despacho_id', 'is', null)
    .orderBy('c.id')
    .limit(INTENTOS)
    .execute();
  const lleno = () =>
    hechos.firmados >= CUPO.firmados &&
    hechos.autorizados >= CUPO.autorizados &&
    hechos.propuestos >= CUPO.propuestos;
  for (const cuenta of cuentas) {
    if (lleno()) break;
    // The first signed one falls due today: the queue shows «Pago de convenio vence hoy».
    const primerPago = hechos.firmados === 0 ? hoy : sumarDias(hoy, 7 + hechos.firmados * 7);
    const simulacion = await simularAlternativas(
      trx,
      { quien: { creditoId: cuenta.id }, fecha: null, primerPago, plazo: null },
      comoGestor,
    );
    const faltaAutorizado =
      hechos.firmados < CUPO.firmados || hechos.autorizados < CUPO.autorizados;
    const oferta = simulacion.ofertas.find(
      (o) =>
        o.califica &&
        o.clave !== 'reestructura' &&
        (faltaAutorizado || (o.autorizacion.requerida && hechos.propuestos < CUPO.propuestos)),
    );
    if (oferta === undefined) continue;
    try {
      const convenio = await proponerConvenio(
        trx,
        {
          quien: { creditoId: cuenta.id },
          origen: oferta.origen,
          versionId: oferta.versionId,
          primerPago,
          plazo: null,
          condiciones: 'El acreditado se obliga a pagar en las fechas pactadas.',
          firmantes: [cuenta.persona_id],
        },
        comoGestor,
      );
      if (convenio.estado === 'propuesto') {
        if (hechos.propuestos < CUPO.propuestos) {
          hechos.propuestos++;
          continue;
        }
        // Above the gestor's limit: the coordinador authorizes it (maker-checker).
        await autorizarConvenio(trx, convenio.id, comoCoordinador);
      }
      if (hechos.firmados < CUPO.firmados) {
        await firmarConvenio(trx, convenio.id, hoy, comoGestor);
        hechos.firmados++;
      } else {
        hechos.autorizados++;
      }
    } catch (e) {
      // An offer the simulator showed but proposing refused (e.g. a limit): try the next account.
      if (e instanceof ErrorDominio) continue;
      throw e;
    }
  }
  return hechos;
}
