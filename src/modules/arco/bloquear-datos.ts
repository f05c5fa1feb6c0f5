import type { Db } from '../../db/conexion.ts';
import { sumarAnios } from '../../domain/arco/plazos.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { retirarContenidosDePersona } from '../plantillas/retirar-contenidos-de-persona.ts';
import { leerParametrosArco } from './parametros-arco.ts';
import { reunirDatosDelTitular } from './reunir-datos-del-titular.ts';
import { type FilaSolicitud, folioArco } from './solicitud-en-alcance.ts';

/** What a blocked person is called wherever her row is still shown (a credit's acreditado). */
export const NOMBRE_BLOQUEADO = 'Datos bloqueados';
const TEXTO_BLOQUEADO = 'Contenido bloqueado por una cancelación (derechos ARCO).';

/**
 * A cancellation carried out: the titular's personal data are blocked (LGPDPPSO): kept apart,
 * out of every screen and search, for the blocking period only, then deleted by the nightly
 * job (`suprimirDatosBloqueados`). The person's row stays, because credits, the ledger,
 * convenios and contact attempts point at it: its personal fields are replaced and the link
 * kept. What is blocked and what is kept is listed in docs/arco.md.
 */
export async function bloquearDatos(
  trx: Db,
  s: FilaSolicitud,
  ctx: ContextoAutenticado,
): Promise<{ suprimirEl: string; bloqueados: Record<string, number> }> {
  const personaId = s.persona_id;
  if (personaId === null) throw new Error('cancelación sin titular');
  // Locked and read again: two cancellations of hers carried out at once run one after the
  // other, and the second finds the data already blocked.
  const persona = await trx
    .selectFrom('personas')
    .select('bloqueada')
    .where('id', '=', personaId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (persona.bloqueada !== null) {
    throw new ErrorDominio(
      'conflicto',
      'Los datos del titular ya están bloqueados por una cancelación anterior.',
    );
  }
  const datos = await reunirDatosDelTitular(trx, personaId, ctx, { consultas: false });
  const { aniosDeBloqueo } = await leerParametrosArco(trx);
  const ahora = ctx.reloj.ahora();
  const suprimirEl = sumarAnios(ctx.reloj.hoy(), aniosDeBloqueo);
  await trx
    .insertInto('datos_bloqueados')
    .values({
      persona_id: personaId,
      solicitud_id: s.id,
      datos: JSON.stringify(datos),
      bloqueados: ahora,
      suprimir_el: suprimirEl,
    })
    .execute();

  // The contact attempts stay as facts of the credit's collection (when, channel, result,
  // promise); who was reached through which number or address, and the notes, do not.
  const telefonos = trx.selectFrom('telefonos').select('id').where('persona_id', '=', personaId);
  const correos = trx.selectFrom('correos').select('id').where('persona_id', '=', personaId);
  const domicilios = trx.selectFrom('domicilios').select('id').where('persona_id', '=', personaId);
  const gestiones = await trx
    .updateTable('gestiones')
    .set({
      telefono_id: null,
      correo_id: null,
      domicilio_id: null,
      medio: null,
      contacto_nombre: null,
      nota: null,
    })
    .where((eb) =>
      eb.or([
        eb('persona_id', '=', personaId),
        eb('telefono_id', 'in', telefonos),
        eb('correo_id', 'in', correos),
        eb('domicilio_id', 'in', domicilios),
      ]),
    )
    .executeTakeFirst();
  const historial = await trx
    .deleteFrom('historial_contactos')
    .where('persona_id', '=', personaId)
    .executeTakeFirst();
  const borrados = await Promise.all(
    (['telefonos', 'correos', 'domicilios'] as const).map((t) =>
      trx.deleteFrom(t).where('persona_id', '=', personaId).executeTakeFirst(),
    ),
  );
  const turnos = await trx
    .updateTable('turnos')
    .set({ nombre: NOMBRE_BLOQUEADO })
    .where('persona_id', '=', personaId)
    .executeTakeFirst();
  const recados = await trx
    .updateTable('recados')
    .set({ llamante_nombre: NOMBRE_BLOQUEADO, llamante_telefono: null, mensaje: TEXTO_BLOQUEADO })
    .where('persona_id', '=', personaId)
    .executeTakeFirst();
  const documentosEmitidos = await retirarContenidosDePersona(trx, personaId, ahora);
  await trx
    .updateTable('personas')
    .set({
      nombres: NOMBRE_BLOQUEADO,
      primer_apellido: folioArco(s),
      segundo_apellido: null,
      curp: null,
      rfc: null,
      fecha_nacimiento: null,
      bloqueada: ahora,
    })
    .where('id', '=', personaId)
    .execute();

  const n = (r: { numUpdatedRows?: bigint; numDeletedRows?: bigint } | undefined) =>
    Number(r?.numUpdatedRows ?? r?.numDeletedRows ?? 0n);
  const bloqueados = {
    telefonos: n(borrados[0]),
    correos: n(borrados[1]),
    domicilios: n(borrados[2]),
    historialDeContactos: n(historial),
    gestiones: n(gestiones),
    turnos: n(turnos),
    recados: n(recados),
    documentosEmitidos,
  };
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'arco.datos_bloqueados',
    objetoTipo: 'persona',
    objetoId: personaId,
    detalle: { folio: folioArco(s), suprimirEl, ...bloqueados },
  });
  return { suprimirEl, bloqueados };
}
