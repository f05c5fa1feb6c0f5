import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { claveDeTurno, type EstadoTurno, type MotivoTurno } from '../../domain/turno.ts';

export interface TurnoVista {
  id: number;
  clave: string;
  fecha: string;
  nombre: string;
  motivo: MotivoTurno;
  estado: EstadoTurno;
  llegada: string;
  inicioAtencion: string | null;
  finAtencion: string | null;
  gestor: { id: number; nombre: string } | null;
  persona: { id: number; nombre: string } | null;
  resultado: string | null;
}

export function consultaTurnos(db: Db) {
  return db
    .selectFrom('turnos as t')
    .innerJoin('oficinas as o', 'o.id', 't.oficina_id')
    .leftJoin('usuarios as g', 'g.id', 't.gestor_id')
    .leftJoin('personas as p', 'p.id', 't.persona_id')
    .select([
      't.id',
      't.fecha',
      't.numero',
      't.nombre',
      't.motivo',
      't.estado',
      't.llegada',
      't.inicio_atencion',
      't.fin_atencion',
      't.resultado',
      't.gestor_id',
      't.persona_id',
      't.oficina_id',
      'o.clave as oficina_clave',
      'g.nombre as gestor_nombre',
      sql<string | null>`concat_ws(' ', p.nombres, p.primer_apellido, p.segundo_apellido)`.as(
        'persona_nombre',
      ),
    ]);
}

type Fila = Awaited<ReturnType<ReturnType<typeof consultaTurnos>['executeTakeFirstOrThrow']>>;

export function turnoVista(f: Fila): TurnoVista {
  return {
    id: f.id,
    clave: claveDeTurno(f.oficina_clave, f.numero),
    fecha: f.fecha,
    nombre: f.nombre,
    motivo: f.motivo,
    estado: f.estado,
    llegada: f.llegada.toISOString(),
    inicioAtencion: f.inicio_atencion?.toISOString() ?? null,
    finAtencion: f.fin_atencion?.toISOString() ?? null,
    gestor:
      f.gestor_id === null || f.gestor_nombre === null
        ? null
        : { id: f.gestor_id, nombre: f.gestor_nombre },
    persona: f.persona_id === null ? null : { id: f.persona_id, nombre: f.persona_nombre ?? '' },
    resultado: f.resultado,
  };
}

/** Tells every app instance that an office's queue changed (delivered when the transaction commits). */
export async function avisarCambio(trx: Db, oficinaId: number): Promise<void> {
  await sql`SELECT pg_notify('turnos', ${String(oficinaId)})`.execute(trx);
}
