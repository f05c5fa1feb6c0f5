import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Accion, alcanzaObjeto, exigir } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { leerDatosDelInstituto } from '../instituto/datos-del-instituto.ts';
import { creditoAlAlcance } from '../referencias/consultar-referencia.ts';
import type {
  ContenidoDeDocumento,
  Impresion,
  TipoDeDocumentoEmitido,
} from './generar-documento.ts';
import { leerPlantilla } from './leer-plantilla.ts';

/** Who may print each document at all; the object (credit, convenio) is checked apart. */
export const ACCION_DEL_DOCUMENTO: Record<TipoDeDocumentoEmitido, Accion> = {
  recibo: 'pagos.recibo',
  carta_finiquito: 'finiquito.imprimir',
  ficha_de_pago: 'referencias.ficha_de_pago',
  estado_de_cuenta: 'creditos.estado_de_cuenta',
  convenio: 'convenios.consultar',
};

const esTipo = (t: string): t is TipoDeDocumentoEmitido => Object.hasOwn(ACCION_DEL_DOCUMENTO, t);

/** The same check the original document's route makes: its policy, then its object's scope. */
export async function exigirAccesoAlDocumento(
  trx: Db,
  d: { tipo: TipoDeDocumentoEmitido; credito_id: number; convenio_id: number | null },
  ctx: ContextoAutenticado,
): Promise<void> {
  exigir(ctx.actor, ACCION_DEL_DOCUMENTO[d.tipo]);
  await creditoAlAlcance(trx, d.credito_id, ctx);
  if (d.convenio_id === null) return;
  // A convenio is seen only by whoever reaches every credit in it (vistaConvenio).
  const creditos = await trx
    .selectFrom('convenio_creditos as cc')
    .innerJoin('creditos as c', 'c.id', 'cc.credito_id')
    .select(['c.oficina_id', 'c.despacho_id', 'c.turnado_hasta'])
    .where('cc.convenio_id', '=', d.convenio_id)
    .execute();
  const alcanza = creditos.every((c) =>
    alcanzaObjeto(ctx.actor, {
      oficinaId: c.oficina_id,
      despachoId: c.despacho_id,
      turnadoHasta: c.turnado_hasta,
    }),
  );
  if (!alcanza) throw new ErrorDominio('prohibido', 'Este convenio no está en tu cartera.');
}

/**
 * An issued document printed again: its stored content with the template and datos del
 * instituto versions it first printed with, its first emission's date and issuer. Nothing
 * marks it as a reprint in the body: the content is the same. The reprint is logged.
 */
export async function reimprimirDocumento(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
): Promise<{ tipo: TipoDeDocumentoEmitido; impresion: Impresion }> {
  const d = await trx
    .selectFrom('documentos_emitidos')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (d === undefined || !esTipo(d.tipo)) {
    throw new ErrorDominio('no_encontrado', 'El documento emitido no existe.');
  }
  const tipo = d.tipo;
  await exigirAccesoAlDocumento(trx, { ...d, tipo }, ctx);
  if (d.datos_instituto_version === null) {
    throw new ErrorDominio('conflicto', 'Este documento se emitió sin datos del instituto.');
  }
  const instituto = await leerDatosDelInstituto(trx, d.datos_instituto_version);
  if (instituto === null) {
    throw new ErrorDominio('conflicto', 'Falta la versión de los datos del instituto.');
  }
  if (d.contenido === null) {
    throw new ErrorDominio(
      'conflicto',
      'Este documento ya no puede reimprimirse: nombraba a una persona cuyos datos se bloquearon por una cancelación (derechos ARCO). Emite uno nuevo.',
    );
  }
  const guardado = d.contenido as { documento: unknown; emitidoPor: string };
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'documento.reimprimir',
    objetoTipo: 'credito',
    objetoId: d.credito_id,
    detalle: { documentoId: d.id, tipo },
  });
  return {
    tipo,
    impresion: {
      // Written by emitirDocumento from the same union, under this `tipo`.
      ...({ tipo, contenido: guardado.documento } as ContenidoDeDocumento),
      instituto,
      emision: { emitido: d.emitido_en, usuario: guardado.emitidoPor },
      plantilla: await leerPlantilla(trx, tipo, d.plantilla_version),
      plantillaPagare:
        d.plantilla_pagare_version === null
          ? null
          : await leerPlantilla(trx, 'pagare', d.plantilla_pagare_version),
    },
  };
}
