import type { Db } from '../../db/conexion.ts';
import type { CanalGestion, EstadoPromesaPago, ProximaAccion } from '../../db/esquema.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { enmascararCorreo, enmascararTelefono } from '../../domain/enmascarar.ts';
import { medioDelCanal } from '../../domain/gestion/canal.ts';

/** A gestión as the API shows it. */
export interface VistaGestion {
  id: number;
  creditoId: number;
  canal: CanalGestion;
  persona: { id: number; nombre: string | null } | null;
  contactoNombre: string | null;
  /** The phone or e-mail as used, masked (`•••• 2847`); an address whole. */
  medio: string | null;
  resultado: { clave: string; nombre: string; contactoEfectivo: boolean };
  nota: string | null;
  proximaAccion: { tipo: ProximaAccion; fecha: string } | null;
  inicio: string;
  duracionSegundos: number | null;
  promesa: {
    monto: string;
    fecha: string;
    toleranciaDias: number;
    estado: EstadoPromesaPago;
  } | null;
  recadoId: number | null;
  registradoPor: { id: number; nombre: string };
  registrado: string;
}

/** A gestión's phone or e-mail as lists show it: masked, as the contact data are. */
export function medioVisible(canal: CanalGestion, medio: string | null): string | null {
  if (medio === null) return null;
  switch (medioDelCanal(canal)) {
    case 'telefono':
      return enmascararTelefono(medio);
    case 'correo':
      return enmascararCorreo(medio);
    default:
      return medio;
  }
}

/** The gestiones of a credit (or one, by id), newest first. */
export async function vistasDeGestiones(
  trx: Db,
  filtro: { creditoId: number } | { gestionId: number },
): Promise<VistaGestion[]> {
  let q = trx
    .selectFrom('gestiones as g')
    .innerJoin('resultados_gestion as r', 'r.id', 'g.resultado_id')
    .innerJoin('usuarios as u', 'u.id', 'g.registrado_por')
    .leftJoin('promesas_pago as p', 'p.gestion_id', 'g.id')
    .select([
      'g.id',
      'g.credito_id',
      'g.canal',
      'g.persona_id',
      'g.contacto_nombre',
      'g.medio',
      'r.clave',
      'r.nombre as resultado_nombre',
      'r.contacto_efectivo',
      'g.nota',
      'g.proxima_accion',
      'g.proxima_accion_fecha',
      'g.inicio',
      'g.duracion_segundos',
      'g.recado_id',
      'u.id as usuario_id',
      'u.nombre as usuario_nombre',
      'g.registrado',
      'p.monto_centavos',
      'p.fecha as promesa_fecha',
      'p.tolerancia_dias',
      'p.estado as promesa_estado',
    ]);
  q =
    'creditoId' in filtro
      ? q.where('g.credito_id', '=', filtro.creditoId)
      : q.where('g.id', '=', filtro.gestionId);
  const filas = await q.orderBy('g.inicio', 'desc').orderBy('g.id', 'desc').execute();
  return filas.map((f) => ({
    id: Number(f.id),
    creditoId: f.credito_id,
    canal: f.canal,
    persona: f.persona_id === null ? null : { id: f.persona_id, nombre: f.contacto_nombre },
    contactoNombre: f.contacto_nombre,
    medio: medioVisible(f.canal, f.medio),
    resultado: {
      clave: f.clave,
      nombre: f.resultado_nombre,
      contactoEfectivo: f.contacto_efectivo,
    },
    nota: f.nota,
    proximaAccion:
      f.proxima_accion === null || f.proxima_accion_fecha === null
        ? null
        : { tipo: f.proxima_accion, fecha: f.proxima_accion_fecha },
    inicio: f.inicio.toISOString(),
    duracionSegundos: f.duracion_segundos,
    promesa:
      f.monto_centavos === null || f.promesa_fecha === null
        ? null
        : {
            monto: formatearCentavos(f.monto_centavos),
            fecha: f.promesa_fecha,
            toleranciaDias: f.tolerancia_dias ?? 0,
            estado: f.promesa_estado ?? 'pendiente',
          },
    recadoId: f.recado_id,
    registradoPor: { id: f.usuario_id, nombre: f.usuario_nombre },
    registrado: f.registrado.toISOString(),
  }));
}
