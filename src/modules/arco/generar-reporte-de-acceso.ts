import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type DatosDelTitular, reunirDatosDelTitular } from './reunir-datos-del-titular.ts';
import { folioArco, solicitudEnAlcance } from './solicitud-en-alcance.ts';

export interface ReporteDeAcceso {
  folio: string;
  generado: string;
  generadoPor: string;
  datos: DatosDelTitular;
}

/**
 * The access (or portability) report of a request: everything Recupera holds on the titular,
 * with who read it. Only once the identity was verified, and never for blocked data. Making it
 * is itself a read of all her data: logged on her person, so the next report shows it.
 */
export async function generarReporteDeAcceso(
  trx: Db,
  id: number,
  formato: 'pdf' | 'json',
  ctx: ContextoAutenticado,
): Promise<ReporteDeAcceso> {
  const s = await solicitudEnAlcance(trx, id, ctx.actor, { bloquear: false });
  if (s.derecho !== 'acceso' && s.derecho !== 'portabilidad') {
    throw new ErrorDominio(
      'conflicto',
      'El reporte de datos es de las solicitudes de acceso o portabilidad.',
    );
  }
  if (s.identidad_verificada === null) {
    throw new ErrorDominio(
      'conflicto',
      'Primero verifica la identidad del titular: sin ella no se entregan sus datos.',
    );
  }
  if (s.persona_id === null) {
    throw new ErrorDominio(
      'conflicto',
      'La solicitud no tiene titular en Recupera: no obran datos.',
    );
  }
  const persona = await trx
    .selectFrom('personas')
    .select('bloqueada')
    .where('id', '=', s.persona_id)
    .executeTakeFirstOrThrow();
  if (persona.bloqueada !== null) {
    throw new ErrorDominio(
      'conflicto',
      'Los datos del titular están bloqueados por una cancelación.',
    );
  }
  const datos = await reunirDatosDelTitular(trx, s.persona_id, ctx, { consultas: true });
  const folio = folioArco(s);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'arco.acceso',
    objetoTipo: 'persona',
    objetoId: s.persona_id,
    detalle: { folio, solicitudId: s.id, formato },
  });
  return {
    folio,
    generado: ctx.reloj.ahora().toISOString(),
    generadoPor: ctx.actor.nombre,
    datos,
  };
}
