import { type CanalGestion, requiereConsentimiento, sentidoDelCanal } from './canal.ts';

/** Why the server refuses an outbound contact (issue 9, item 3). */
export type CodigoRechazo =
  | 'en_juridico'
  | 'contacto_no_permitido'
  | 'sin_consentimiento'
  | 'fuera_de_horario'
  | 'limite_de_contactos'
  /** The person exercised her right of opposition (ARCO): no outbound contact at all. */
  | 'contacto_con_oposicion';

export interface Rechazo {
  codigo: CodigoRechazo;
  mensaje: string;
}

/** What is known about an attempt when it is logged. */
export interface HechosDeContacto {
  canal: CanalGestion;
  /** The account is with an external law firm. */
  enJuridico: boolean;
  /** The person's part in this credit; 'otro' for a reference or a third party. */
  calidad: 'acreditado' | 'aval' | 'otro';
  esMenor: boolean;
  /** An opposition (ARCO) carried out for this person: she is not contacted (docs/arco.md). */
  oposicion: boolean;
  /** Recorded consent on the datum used (phone or e-mail); null when the channel uses none. */
  consentimiento: boolean | null;
  /** null inside 07:00–22:00 of the contact's local time, else the sentence that says why. */
  fueraDeHorario: string | null;
  intentosHoy: number;
  limiteDiario: number;
}

/**
 * The first rule an attempt breaks, or null. Inbound contacts (a call that comes in, a visit
 * to the counter) are always recorded: the debtor chose the moment. A letter is outbound but
 * not bound to an hour nor counted in the daily limit.
 */
export function rechazoDeContacto(h: HechosDeContacto): Rechazo | null {
  const sentido = sentidoDelCanal(h.canal);
  if (sentido === 'entrante') return null;
  // Her own right comes before anything about the account: a letter is contact too.
  if (h.oposicion) {
    return {
      codigo: 'contacto_con_oposicion',
      mensaje:
        'La persona ejerció su derecho de oposición (ARCO): no se le contacta por ningún medio. Solo se registran los contactos que ella inicie (llamada entrante o ventanilla).',
    };
  }
  if (h.enJuridico) {
    return {
      codigo: 'en_juridico',
      mensaje:
        'La cuenta está turnada a un despacho externo: el contacto con el acreditado lo lleva el despacho.',
    };
  }
  if (h.calidad === 'otro') {
    return {
      codigo: 'contacto_no_permitido',
      mensaje:
        'Solo se contacta al acreditado o a un aval del crédito: las referencias y los terceros no se contactan para cobrar.',
    };
  }
  if (h.esMenor) {
    return {
      codigo: 'contacto_no_permitido',
      mensaje: 'La persona es menor de edad: no se le contacta para cobrar.',
    };
  }
  if (requiereConsentimiento(h.canal) && h.consentimiento !== true) {
    return {
      codigo: 'sin_consentimiento',
      mensaje:
        h.canal === 'correo'
          ? 'No hay consentimiento registrado para escribir a ese correo.'
          : 'No hay consentimiento registrado para enviar mensajes a ese número.',
    };
  }
  if (sentido === 'carta') return null;
  if (h.fueraDeHorario !== null) {
    return { codigo: 'fuera_de_horario', mensaje: h.fueraDeHorario };
  }
  if (h.intentosHoy >= h.limiteDiario) {
    return {
      codigo: 'limite_de_contactos',
      mensaje: `Esta persona ya tuvo ${h.intentosHoy} ${h.intentosHoy === 1 ? 'intento' : 'intentos'} de contacto hoy: el máximo es ${h.limiteDiario} por día.`,
    };
  }
  return null;
}

/** Whether someone born on `nacimiento` (YYYY-MM-DD) is under 18 on `hoy`. */
export function esMenorDeEdad(nacimiento: string | null, hoy: string): boolean {
  if (nacimiento === null) return false;
  const anio = Number(nacimiento.slice(0, 4)) + 18;
  return `${String(anio).padStart(4, '0')}${nacimiento.slice(4)}` > hoy;
}
