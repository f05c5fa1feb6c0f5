import type { EstadoJuridico } from '../../db/esquema.ts';

/** The catalogue of what a firm reports on an account, in the order a lawsuit goes. */
export const ETIQUETA_ESTADO_JURIDICO: Record<EstadoJuridico, string> = {
  recibido: 'Recibido',
  requerimiento_extrajudicial: 'Requerimiento extrajudicial',
  demanda_presentada: 'Demanda presentada',
  emplazado: 'Emplazado',
  sentencia: 'Sentencia',
  embargo: 'Embargo',
  convenio_judicial: 'Convenio judicial',
  cobrado: 'Cobrado',
  incobrable: 'Incobrable',
};

export const ESTADOS_JURIDICOS = Object.keys(ETIQUETA_ESTADO_JURIDICO) as [
  EstadoJuridico,
  ...EstadoJuridico[],
];

export interface ActuacionJson {
  id: number;
  turnadoId: number;
  creditoId: number;
  despacho: { id: number; nombre: string };
  estado: EstadoJuridico;
  etiqueta: string;
  fecha: string;
  juzgado: string | null;
  expedienteJudicial: string | null;
  nota: string | null;
  registradoPor: string;
  registradoEn: string;
}
