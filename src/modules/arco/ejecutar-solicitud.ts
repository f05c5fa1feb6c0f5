import { createHash } from 'node:crypto';
import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { bloquearDatos } from './bloquear-datos.ts';
import { type Rectificacion, rectificarDatos } from './rectificar-datos.ts';
import { reunirDatosDelTitular } from './reunir-datos-del-titular.ts';
import type { FilaSolicitud } from './solicitud-en-alcance.ts';

export type { Rectificacion } from './rectificar-datos.ts';

export interface Ejecucion {
  entrega: 'ventanilla' | 'correo' | 'plataforma_nacional' | 'domicilio' | null;
  rectificaciones: Rectificacion[];
  nota: string | null;
}

const invalida = (mensaje: string, campo: string) =>
  new ErrorDominio('entrada_invalida', mensaje, campo);

/**
 * Makes the right effective. What was done is returned for the request's file: for access,
 * the SHA-256 of the report delivered (the report itself is not stored twice).
 */
export async function ejecutarSolicitud(
  trx: Db,
  s: FilaSolicitud,
  e: Ejecucion,
  ctx: ContextoAutenticado,
): Promise<Record<string, unknown>> {
  const personaId = s.persona_id;
  if (personaId === null) throw new Error('solicitud procedente sin titular');
  if (s.derecho !== 'rectificacion' && e.rectificaciones.length > 0) {
    throw invalida('Solo una solicitud de rectificación lleva rectificaciones.', 'rectificaciones');
  }
  const esAcceso = s.derecho === 'acceso' || s.derecho === 'portabilidad';
  if (!esAcceso && e.entrega !== null) {
    throw invalida(
      'El medio de entrega es de las solicitudes de acceso o portabilidad.',
      'entrega',
    );
  }
  const comun = e.nota === null ? {} : { nota: e.nota };
  switch (s.derecho) {
    case 'acceso':
    case 'portabilidad': {
      if (e.entrega === null) throw invalida('Indica cómo se entregaron los datos.', 'entrega');
      const datos = await reunirDatosDelTitular(trx, personaId, ctx, { consultas: true });
      const huella = createHash('sha256').update(JSON.stringify(datos)).digest('hex');
      return { ...comun, entrega: e.entrega, sha256: huella };
    }
    case 'rectificacion': {
      if (e.rectificaciones.length === 0) {
        throw invalida('Indica al menos un dato que rectificar.', 'rectificaciones');
      }
      return { ...comun, rectificaciones: await rectificarDatos(trx, s, e.rectificaciones, ctx) };
    }
    case 'cancelacion':
      return { ...comun, ...(await bloquearDatos(trx, s, ctx)) };
    case 'oposicion': {
      const desde = ctx.reloj.ahora();
      // Another opposition of hers carried out at the same moment is the one in force.
      const nueva = await trx
        .insertInto('oposiciones_contacto')
        .values({ persona_id: personaId, solicitud_id: s.id, desde })
        .onConflict((oc) => oc.column('persona_id').doNothing())
        .returning('persona_id')
        .executeTakeFirst();
      if (nueva === undefined) {
        throw new ErrorDominio('conflicto', 'La oposición del titular ya está en vigor.');
      }
      return { ...comun, oposicionDesde: desde.toISOString() };
    }
  }
}
