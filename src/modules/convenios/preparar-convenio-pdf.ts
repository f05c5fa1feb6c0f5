import type { Db } from '../../db/conexion.ts';
import type { EstadoDeCuenta } from '../../domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { generarReferencia } from '../../domain/referencia.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import { cargarCredito } from '../cartera/cargar-credito.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type DatosDelInstituto, datosParaImprimir } from '../instituto/datos-del-instituto.ts';
import { type VistaConvenio, vistaConvenio } from './vista-convenio.ts';

export interface CreditoDelConvenioPdf {
  id: number;
  numero: string;
  referencia: string;
  /** The engine's statement on the convenio's date, without the convenio's own effects. */
  adeudo: EstadoDeCuenta;
  reestructura: {
    principal: string;
    amortizaciones: Array<{ numero: number; fecha: string; capital: string }>;
  } | null;
}

export interface ConvenioPdf {
  convenio: VistaConvenio;
  creditos: CreditoDelConvenioPdf[];
  /** The alternative's or campaign's version number as the catalogue shows it (v1, v2…). */
  versionDelCatalogo: number | null;
  /** What it prints of the institute: checked complete for the convenio (and its pagaré). */
  instituto: DatosDelInstituto;
}

interface OfertaGuardada {
  creditos?: Array<{
    creditoId: number;
    reestructura: CreditoDelConvenioPdf['reestructura'];
  }>;
}

/**
 * What the written convenio needs (CONDUSEF): the debt's breakdown by the engine on the
 * convenio's date as it stood before it (its condonaciones and window left out), the plan,
 * where and with which reference to pay, the signers, and for a reestructura the new pagaré.
 * Printing a debtor's agreement is a read of personal data: it goes to the bitácora.
 */
export async function prepararConvenioPdf(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
): Promise<ConvenioPdf> {
  const convenio = await vistaConvenio(trx, id, ctx);
  const instituto = await datosParaImprimir(trx, 'convenio');
  const ligados = new Set(
    (
      await trx
        .selectFrom('convenio_movimientos')
        .select('movimiento_id')
        .where('convenio_id', '=', id)
        .execute()
    ).map((m) => Number(m.movimiento_id)),
  );
  const fila = await trx
    .selectFrom('convenios')
    .select('oferta')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const oferta = fila.oferta as OfertaGuardada;
  const creditos: CreditoDelConvenioPdf[] = [];
  for (const c of convenio.creditos) {
    const cargado = await cargarCredito(trx, c.id);
    const ventanas = convenio.periodosSinMoratorio.filter((v) => v.creditoId === c.id);
    const antes = {
      ...cargado,
      movimientos: cargado.movimientos.filter(
        (m) => !ligados.has(Number(m.id)) && !ligados.has(Number(m.cancela_id)),
      ),
      periodos: cargado.periodos.filter(
        (p) => !ventanas.some((v) => v.desde === p.desde && v.hasta === p.hasta),
      ),
    };
    creditos.push({
      id: c.id,
      numero: c.numero,
      referencia: generarReferencia(c.id),
      adeudo: calcularEstado(antes, convenio.fecha as Fecha),
      reestructura: oferta.creditos?.find((o) => o.creditoId === c.id)?.reestructura ?? null,
    });
  }
  // A reestructura carries the new pagaré: what it needs of the institute is checked too.
  if (creditos.some((c) => c.reestructura !== null)) await datosParaImprimir(trx, 'pagare');
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'convenio.imprimir',
    objetoTipo: 'convenio',
    objetoId: id,
    detalle: { estado: convenio.estado },
  });
  return {
    convenio,
    creditos,
    versionDelCatalogo: await versionDelCatalogo(trx, id),
    instituto,
  };
}

/** The convenio's alternative or campaign version, by the number the catalogue shows. */
async function versionDelCatalogo(trx: Db, convenioId: number): Promise<number | null> {
  const v = await trx
    .selectFrom('convenios as c')
    .leftJoin('versiones_alternativa as va', 'va.id', 'c.version_alternativa_id')
    .leftJoin('versiones_campana as vc', 'vc.id', 'c.version_campana_id')
    .select(['va.version as alternativa', 'vc.version as campana'])
    .where('c.id', '=', convenioId)
    .executeTakeFirst();
  return v?.alternativa ?? v?.campana ?? null;
}
