import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { DocumentoIdentidad } from '../../db/esquema.ts';
import { calcularPlazos, fueraDePlazo, type PlazosArco } from '../../domain/arco/plazos.ts';
import {
  type DerechoArco,
  type EstadoArco,
  type EventoArco,
  transicionArco,
} from '../../domain/arco/solicitud-arco.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { type FilaSolicitud, folioArco } from './solicitud-en-alcance.ts';

interface Referencia {
  id: number;
  nombre: string;
}

/** What the API's `POST /api/arco/:id/eventos` accepts, in the order a request goes. */
export type AccionArco = 'verificar' | 'ampliar' | 'responder' | 'ejecutar' | 'cerrar';

export interface VistaSolicitudArco {
  id: number;
  folio: string;
  derecho: DerechoArco;
  estado: EstadoArco;
  /** The titular in Recupera; `bloqueada` once a cancellation blocked her data. */
  persona: { id: number; nombre: string; bloqueada: boolean } | null;
  titularNombre: string;
  representante: string | null;
  oficina: Referencia;
  medioRecepcion: FilaSolicitud['medio_recepcion'];
  medioNotificacion: string;
  descripcion: string;
  recibida: string;
  identidad: {
    documento: DocumentoIdentidad;
    numero: string;
    representante: string | null;
    verificadaPor: Referencia;
    verificada: string;
  } | null;
  ampliacion: { fecha: string; motivo: string } | null;
  respuesta: {
    sentido: 'procedente' | 'improcedente';
    fundamento: string;
    fecha: string;
    fueraDePlazo: boolean;
  } | null;
  ejecucion: { fecha: string; detalle: unknown; fueraDePlazo: boolean } | null;
  cierre: { instante: string; motivo: string | null } | null;
  plazos: PlazosArco;
  /** What may be done with it now (the UI shows these buttons). */
  acciones: AccionArco[];
  /** The access report (PDF and JSON) can be generated: access or portability, identity verified. */
  accesoDisponible: boolean;
  registradaPor: Referencia;
  registrada: string;
}

export interface Calendario {
  hoy: Fecha;
  diasDeAviso: number;
  inhabiles: ReadonlySet<string>;
}

const EVENTOS_DE: Record<AccionArco, readonly EventoArco[]> = {
  verificar: ['verificar'],
  ampliar: ['ampliar'],
  responder: ['responder_procedente', 'responder_improcedente'],
  ejecutar: ['ejecutar'],
  cerrar: ['cerrar'],
};

/** The rows a view needs: the request with the names it refers to. */
export async function filasDeSolicitudes(
  trx: Db,
  filtro: { id?: number; oficinaId?: number | null; estados?: readonly EstadoArco[] },
) {
  let q = trx
    .selectFrom('solicitudes_arco as s')
    .innerJoin('oficinas as o', 'o.id', 's.oficina_id')
    .innerJoin('usuarios as r', 'r.id', 's.registrada_por')
    .leftJoin('usuarios as v', 'v.id', 's.identidad_verificada_por')
    .leftJoin('personas as p', 'p.id', 's.persona_id')
    .selectAll('s')
    .select([
      'o.nombre as oficina_nombre',
      'r.nombre as registrada_por_nombre',
      'v.nombre as verificada_por_nombre',
      'p.bloqueada as persona_bloqueada',
      sql<string | null>`concat_ws(' ', p.nombres, p.primer_apellido, p.segundo_apellido)`.as(
        'persona_nombre',
      ),
    ]);
  if (filtro.id !== undefined) q = q.where('s.id', '=', filtro.id);
  if (filtro.oficinaId !== undefined && filtro.oficinaId !== null) {
    q = q.where('s.oficina_id', '=', filtro.oficinaId);
  }
  if (filtro.estados !== undefined) q = q.where('s.estado', 'in', [...filtro.estados]);
  return q.orderBy('s.id', 'desc').limit(1000).execute();
}

type FilaConNombres = FilaSolicitud & {
  oficina_nombre: string;
  registrada_por_nombre: string;
  verificada_por_nombre: string | null;
  persona_bloqueada: Date | null;
  persona_nombre: string | null;
};

export function vistaSolicitud(f: FilaConNombres, c: Calendario): VistaSolicitudArco {
  const plazos = calcularPlazos(
    {
      estado: f.estado,
      recibida: f.recibida as Fecha,
      ampliada: f.ampliada !== null,
      respondida: f.respondida as Fecha | null,
      diasParaResponder: f.dias_para_responder,
      diasDeAmpliacion: f.dias_de_ampliacion,
      diasParaEjecutar: f.dias_para_ejecutar,
    },
    c.hoy,
    c.diasDeAviso,
    c.inhabiles,
  );
  // An extension is notified within the term to answer: after it, it is no longer offered.
  const acciones = (Object.keys(EVENTOS_DE) as AccionArco[]).filter(
    (a) =>
      EVENTOS_DE[a].some((e) => transicionArco(f.estado, e) !== null) &&
      (a !== 'ampliar' || !fueraDePlazo(c.hoy, plazos.respuestaSinAmpliacion)),
  );
  return {
    id: f.id,
    folio: folioArco(f),
    derecho: f.derecho,
    estado: f.estado,
    persona:
      f.persona_id === null
        ? null
        : {
            id: f.persona_id,
            nombre: f.persona_nombre ?? '',
            bloqueada: f.persona_bloqueada !== null,
          },
    titularNombre: f.titular_nombre,
    representante: f.representante,
    oficina: { id: f.oficina_id, nombre: f.oficina_nombre },
    medioRecepcion: f.medio_recepcion,
    medioNotificacion: f.medio_notificacion,
    descripcion: f.descripcion,
    recibida: f.recibida,
    identidad:
      f.identidad_documento === null || f.identidad_verificada === null
        ? null
        : {
            documento: f.identidad_documento,
            numero: f.identidad_numero ?? '',
            representante: f.identidad_representante,
            verificadaPor: {
              id: f.identidad_verificada_por ?? 0,
              nombre: f.verificada_por_nombre ?? '',
            },
            verificada: f.identidad_verificada.toISOString(),
          },
    ampliacion:
      f.ampliada === null ? null : { fecha: f.ampliada, motivo: f.ampliacion_motivo ?? '' },
    respuesta:
      f.respondida === null || f.respuesta === null
        ? null
        : {
            sentido: f.respuesta,
            fundamento: f.respuesta_fundamento ?? '',
            fecha: f.respondida,
            fueraDePlazo: fueraDePlazo(f.respondida as Fecha, plazos.respuesta),
          },
    ejecucion:
      f.ejecutada === null
        ? null
        : {
            fecha: f.ejecutada,
            detalle: f.ejecucion,
            fueraDePlazo:
              plazos.ejecucion !== null && fueraDePlazo(f.ejecutada as Fecha, plazos.ejecucion),
          },
    cierre:
      f.cerrada === null ? null : { instante: f.cerrada.toISOString(), motivo: f.cierre_motivo },
    plazos,
    acciones,
    accesoDisponible:
      (f.derecho === 'acceso' || f.derecho === 'portabilidad') &&
      f.identidad_verificada !== null &&
      f.persona_id !== null &&
      f.persona_bloqueada === null,
    registradaPor: { id: f.registrada_por, nombre: f.registrada_por_nombre },
    registrada: f.registrada.toISOString(),
  };
}
