import type { Db } from '../../db/conexion.ts';
import type { DocumentoIdentidad } from '../../db/esquema.ts';
import { fueraDePlazo } from '../../domain/arco/plazos.ts';
import {
  type EventoArco,
  motivoDeRechazoArco,
  transicionArco,
} from '../../domain/arco/solicitud-arco.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { formatearFecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { anotarEvento } from './anotar-evento.ts';
import { calendarioArco } from './calendario.ts';
import { consultarSolicitud, type SolicitudConEventos } from './consultar-solicitud.ts';
import { ejecutarSolicitud, type Rectificacion } from './ejecutar-solicitud.ts';
import { exigirQueProceda } from './procedencia.ts';
import { type FilaSolicitud, folioArco, solicitudEnAlcance } from './solicitud-en-alcance.ts';
import { filasDeSolicitudes, vistaSolicitud } from './vista-solicitud.ts';

export type EventoSolicitud =
  | {
      evento: 'verificar';
      documento: DocumentoIdentidad;
      numero: string;
      /** How the representative's authority was accredited (carta poder, instrumento público). */
      representante: string | null;
    }
  | { evento: 'ampliar'; motivo: string }
  | { evento: 'responder'; sentido: 'procedente' | 'improcedente'; fundamento: string }
  | {
      evento: 'ejecutar';
      /** How the access report was delivered (access and portability). */
      entrega: 'ventanilla' | 'correo' | 'plataforma_nacional' | 'domicilio' | null;
      /** The corrections (rectification), applied through the contact data's use cases. */
      rectificaciones: Rectificacion[];
      nota: string | null;
    }
  | { evento: 'cerrar'; motivo: string | null };

function eventoDeDominio(e: EventoSolicitud): EventoArco {
  switch (e.evento) {
    case 'responder':
      return e.sentido === 'procedente' ? 'responder_procedente' : 'responder_improcedente';
    case 'verificar':
    case 'ampliar':
    case 'ejecutar':
    case 'cerrar':
      return e.evento;
  }
}

const conflicto = (mensaje: string) => new ErrorDominio('conflicto', mensaje);

/**
 * One step of a request: the transition table decides whether it applies
 * (`src/domain/arco/solicitud-arco.ts`), then the step's own rules and effects. Each step
 * writes a row of the request's file and one of the bitácora, in the caller's transaction.
 */
export async function procesarSolicitud(
  trx: Db,
  id: number,
  e: EventoSolicitud,
  ctx: ContextoAutenticado,
): Promise<SolicitudConEventos> {
  const s = await solicitudEnAlcance(trx, id, ctx.actor, { bloquear: true });
  const evento = eventoDeDominio(e);
  const nuevo = transicionArco(s.estado, evento);
  if (nuevo === null) throw conflicto(motivoDeRechazoArco(s.estado, evento));
  const hoy = ctx.reloj.hoy();
  const [conNombres] = await filasDeSolicitudes(trx, { id });
  if (!conNombres) throw new Error('la solicitud ARCO desapareció dentro de la transacción');
  const { plazos } = vistaSolicitud(conNombres, await calendarioArco(trx, hoy));
  // The extension is notified within the term to answer: after it, there is none to give.
  if (e.evento === 'ampliar' && fueraDePlazo(hoy, plazos.respuestaSinAmpliacion)) {
    throw conflicto(
      `El plazo para responder venció el ${formatearFecha(plazos.respuestaSinAmpliacion)}: la ampliación se notifica dentro del plazo.`,
    );
  }
  const cambios = await aplicar(trx, s, e, ctx);
  // A late answer or execution is still given (the titular is owed it), and marked late.
  const tarde =
    e.evento === 'responder'
      ? { fueraDePlazo: fueraDePlazo(hoy, plazos.respuesta) }
      : e.evento === 'ejecutar'
        ? { fueraDePlazo: plazos.ejecucion !== null && fueraDePlazo(hoy, plazos.ejecucion) }
        : {};
  const detalle = { ...cambios.detalle, ...tarde };
  await trx
    .updateTable('solicitudes_arco')
    .set({ ...cambios.columnas, estado: nuevo })
    .where('id', '=', id)
    .execute();
  await anotarEvento(trx, id, e.evento, s.estado, nuevo, detalle, ctx);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: `arco.${e.evento}`,
    objetoTipo: 'solicitud_arco',
    objetoId: id,
    detalle: { folio: folioArco(s), antes: s.estado, despues: nuevo, ...detalle },
  });
  return consultarSolicitud(trx, id, ctx, { registrar: false });
}

interface Cambios {
  columnas: Partial<{
    identidad_documento: DocumentoIdentidad;
    identidad_numero: string;
    identidad_representante: string | null;
    identidad_verificada_por: number;
    identidad_verificada: Date;
    ampliada: string;
    ampliacion_motivo: string;
    respondida: string;
    respuesta: 'procedente' | 'improcedente';
    respuesta_fundamento: string;
    ejecutada: string;
    ejecucion: string;
    cerrada: Date;
    cierre_motivo: string | null;
  }>;
  /** What the request's file and the bitácora record of this step (no identity numbers). */
  detalle: Record<string, unknown>;
}

async function aplicar(
  trx: Db,
  s: FilaSolicitud,
  e: EventoSolicitud,
  ctx: ContextoAutenticado,
): Promise<Cambios> {
  const hoy = ctx.reloj.hoy();
  switch (e.evento) {
    case 'verificar':
      if (s.representante !== null && e.representante === null) {
        throw new ErrorDominio(
          'entrada_invalida',
          `La solicitud la presenta ${s.representante} en representación: indica cómo acreditó su representación.`,
          'representante',
        );
      }
      return {
        columnas: {
          identidad_documento: e.documento,
          identidad_numero: e.numero,
          identidad_representante: e.representante,
          identidad_verificada_por: ctx.actor.id,
          identidad_verificada: ctx.reloj.ahora(),
        },
        detalle: { documento: e.documento, representante: e.representante !== null },
      };
    case 'ampliar':
      return {
        columnas: { ampliada: hoy, ampliacion_motivo: e.motivo },
        detalle: { motivo: e.motivo },
      };
    case 'responder':
      if (e.sentido === 'procedente') await exigirQueProceda(trx, s);
      return {
        columnas: { respondida: hoy, respuesta: e.sentido, respuesta_fundamento: e.fundamento },
        detalle: { sentido: e.sentido, fundamento: e.fundamento },
      };
    case 'ejecutar': {
      await exigirQueProceda(trx, s);
      const hecho = await ejecutarSolicitud(trx, s, e, ctx);
      return {
        columnas: { ejecutada: hoy, ejecucion: JSON.stringify(hecho) },
        detalle: hecho,
      };
    }
    case 'cerrar': {
      const sinRespuesta = s.respuesta === null;
      if (sinRespuesta && e.motivo === null) {
        throw new ErrorDominio(
          'entrada_invalida',
          'Una solicitud sin respuesta solo se cierra con el motivo (p. ej., el titular se desistió).',
          'motivo',
        );
      }
      return {
        columnas: { cerrada: ctx.reloj.ahora(), cierre_motivo: e.motivo },
        detalle: { motivo: e.motivo },
      };
    }
  }
}
