import type { Db } from '../../db/conexion.ts';
import { nombreCompleto } from '../../db/nombre-persona.ts';
import { enmascararTelefono } from '../../domain/enmascarar.ts';
import type { EstadoRecado } from '../../domain/gestion/estado-recado.ts';

/** A recado as the API shows it. */
export interface RecadoVista {
  id: number;
  estado: EstadoRecado;
  oficinaId: number;
  /** The account it is about, with its acreditado; null when the caller named none. */
  creditoId: number | null;
  numero: string | null;
  acreditado: string | null;
  /** The caller, when found with the search. */
  persona: { id: number; nombre: string } | null;
  llamanteNombre: string;
  /** Masked (`•••• 4567`): whoever calls back asks for it whole (`revelarTelefonoDelRecado`). */
  llamanteTelefono: string | null;
  para: { id: number; nombre: string };
  /** Who answered the phone and took the message. */
  tomadoPor: { id: number; nombre: string };
  mensaje: string;
  volverALlamar: string | null;
  creado: string;
  leido: string | null;
  atendido: string | null;
  gestionId: number | null;
  /** When it went to the office's coordinador for lack of attention. */
  escalado: string | null;
}

/** Recados with everything their view needs; callers add the filter and the order. */
export function consultaRecados(trx: Db) {
  return trx
    .selectFrom('recados as r')
    .innerJoin('usuarios as para', 'para.id', 'r.para_id')
    .innerJoin('usuarios as tomo', 'tomo.id', 'r.creado_por')
    .leftJoin('creditos as c', 'c.id', 'r.credito_id')
    .leftJoin('participantes_credito as pc', (j) =>
      j.onRef('pc.credito_id', '=', 'r.credito_id').on('pc.rol', '=', 'acreditado'),
    )
    .leftJoin('personas as acr', 'acr.id', 'pc.persona_id')
    .leftJoin('personas as pe', 'pe.id', 'r.persona_id')
    .select([
      'r.id',
      'r.estado',
      'r.oficina_id',
      'r.credito_id',
      'c.numero',
      'acr.nombres as acr_nombres',
      'acr.primer_apellido as acr_primer_apellido',
      'acr.segundo_apellido as acr_segundo_apellido',
      'r.persona_id',
      'pe.nombres as pe_nombres',
      'pe.primer_apellido as pe_primer_apellido',
      'pe.segundo_apellido as pe_segundo_apellido',
      'r.llamante_nombre',
      'r.llamante_telefono',
      'r.para_id',
      'para.nombre as para_nombre',
      'r.creado_por',
      'tomo.nombre as tomo_nombre',
      'r.mensaje',
      'r.volver_a_llamar',
      'r.creado',
      'r.leido',
      'r.atendido',
      'r.gestion_id',
      'r.escalado',
    ]);
}

type FilaRecado = Awaited<
  ReturnType<ReturnType<typeof consultaRecados>['executeTakeFirstOrThrow']>
>;

function nombre(
  nombres: string | null,
  primer: string | null,
  segundo: string | null,
): string | null {
  return nombres === null || primer === null
    ? null
    : nombreCompleto({ nombres, primer_apellido: primer, segundo_apellido: segundo });
}

export function recadoVista(f: FilaRecado): RecadoVista {
  const persona = nombre(f.pe_nombres, f.pe_primer_apellido, f.pe_segundo_apellido);
  return {
    id: f.id,
    estado: f.estado,
    oficinaId: f.oficina_id,
    creditoId: f.credito_id,
    numero: f.numero,
    acreditado: nombre(f.acr_nombres, f.acr_primer_apellido, f.acr_segundo_apellido),
    persona:
      f.persona_id === null || persona === null ? null : { id: f.persona_id, nombre: persona },
    llamanteNombre: f.llamante_nombre,
    llamanteTelefono: f.llamante_telefono === null ? null : enmascararTelefono(f.llamante_telefono),
    para: { id: f.para_id, nombre: f.para_nombre },
    tomadoPor: { id: f.creado_por, nombre: f.tomo_nombre },
    mensaje: f.mensaje,
    volverALlamar: f.volver_a_llamar?.toISOString() ?? null,
    creado: f.creado.toISOString(),
    leido: f.leido?.toISOString() ?? null,
    atendido: f.atendido?.toISOString() ?? null,
    gestionId: f.gestion_id === null ? null : Number(f.gestion_id),
    escalado: f.escalado?.toISOString() ?? null,
  };
}

/** One recado's view, after a change. */
export async function vistaDeRecado(trx: Db, id: number): Promise<RecadoVista> {
  return recadoVista(await consultaRecados(trx).where('r.id', '=', id).executeTakeFirstOrThrow());
}
