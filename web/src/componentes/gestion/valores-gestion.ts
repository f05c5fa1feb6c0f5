import type { Dayjs } from 'dayjs';
import type { TipoProximaAccion } from '../../api/cola.ts';
import {
  CANALES_LLAMADA,
  type CanalGestion,
  type DatosGestion,
  MEDIO_DE_CANAL,
} from '../../api/gestiones.ts';
import { leerMonto } from '../../formato.ts';

/** «Otra persona»: a third party, named by hand, who is not charged. */
export const OTRA = 'otra';

/** What the «Registrar gestión» form holds. */
export interface Valores {
  /** Only for a recado without a credit: the debtor whose credits are offered. */
  deudorId?: number | null;
  /** Only for a recado without a credit: where the gestión is logged. */
  creditoId?: number;
  canal: CanalGestion;
  persona?: number | typeof OTRA;
  contactoNombre?: string;
  medio?: number;
  resultado?: string;
  monto?: string;
  fechaPromesa?: Dayjs;
  tolerancia?: number | null;
  nota?: string;
  tipoAccion?: TipoProximaAccion;
  fechaAccion?: Dayjs;
  inicio?: Dayjs | null;
  duracion?: string;
}

export const CAMPOS = [
  'creditoId',
  'canal',
  'persona',
  'contactoNombre',
  'medio',
  'resultado',
  'monto',
  'fechaPromesa',
  'tolerancia',
  'nota',
  'tipoAccion',
  'fechaAccion',
  'inicio',
  'duracion',
] as const;

/** API field → dialog field, so a refusal about one shows under it. */
export const NOMBRES_API: Record<string, (typeof CAMPOS)[number]> = {
  personaId: 'persona',
  telefonoId: 'medio',
  correoId: 'medio',
  domicilioId: 'medio',
  'promesa.monto': 'monto',
  'promesa.fecha': 'fechaPromesa',
  'promesa.toleranciaDias': 'tolerancia',
  'proximaAccion.tipo': 'tipoAccion',
  'proximaAccion.fecha': 'fechaAccion',
  duracionSegundos: 'duracion',
  promesa: 'resultado',
  proximaAccion: 'tipoAccion',
};

/** The contact rules' refusals: said above the form, whole, because they are about the contact. */
export const NEGATIVAS = new Set([
  'fuera_de_horario',
  'contacto_no_permitido',
  'sin_consentimiento',
  'en_juridico',
  'limite_de_contactos',
]);

export const FORMATO_ISO = 'YYYY-MM-DD';
const DURACION = /^(\d{1,3})(?::([0-5]\d))?$/;

/** `4:30` → 270 seconds; `4` → 240; null for anything else. */
export function segundosDe(texto: string): number | null {
  const partes = DURACION.exec(texto.trim());
  if (!partes) return null;
  return Number(partes[1]) * 60 + Number(partes[2] ?? '0');
}

/** The start as the gestor typed it, in the institute's time (Sonora is UTC−7 all year). */
function instanteHermosillo(d: Dayjs): string {
  return `${d.format('YYYY-MM-DDTHH:mm')}:00-07:00`;
}

/**
 * The API body from what the form shows. Fields hidden by a later choice (a promise's amount
 * after the result changed) keep their values in the form: only the shown ones are sent.
 */
export function cuerpoDe(v: Valores, conPromesa: boolean): Omit<DatosGestion, 'recadoId'> {
  const medio = MEDIO_DE_CANAL[v.canal];
  const medioId = v.medio ?? null;
  const monto = !conPromesa || v.monto === undefined ? null : leerMonto(v.monto);
  const nota = (v.nota ?? '').trim();
  const persona = v.persona ?? null;
  return {
    canal: v.canal,
    personaId: persona === OTRA ? null : persona,
    contactoNombre: persona === OTRA ? (v.contactoNombre ?? '').trim() || null : null,
    telefonoId: medio === 'telefono' ? medioId : null,
    correoId: medio === 'correo' ? medioId : null,
    domicilioId: medio === 'domicilio' ? medioId : null,
    resultado: v.resultado ?? '',
    nota: nota === '' ? null : nota,
    proximaAccion:
      v.tipoAccion !== undefined && v.fechaAccion !== undefined
        ? { tipo: v.tipoAccion, fecha: v.fechaAccion.format(FORMATO_ISO) }
        : null,
    // Empty: now, by the server's clock, never the browser's.
    inicio: v.inicio ? instanteHermosillo(v.inicio) : null,
    duracionSegundos:
      CANALES_LLAMADA.includes(v.canal) && v.duracion ? segundosDe(v.duracion) : null,
    promesa:
      monto !== null && v.fechaPromesa !== undefined
        ? {
            monto,
            fecha: v.fechaPromesa.format(FORMATO_ISO),
            toleranciaDias: v.tolerancia ?? 0,
          }
        : null,
  };
}
