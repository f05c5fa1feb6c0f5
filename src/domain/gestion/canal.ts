/** How a contact attempt was made. */
export const CANALES = [
  'llamada_saliente',
  'llamada_entrante',
  'visita_domiciliaria',
  'correo',
  'sms',
  'whatsapp',
  'carta',
  'ventanilla',
] as const;
export type CanalGestion = (typeof CANALES)[number];

/** What the contact rules look at: who started it, and whether the hour matters. */
export type SentidoDelCanal = 'saliente' | 'carta' | 'entrante';

export function sentidoDelCanal(canal: CanalGestion): SentidoDelCanal {
  switch (canal) {
    case 'llamada_saliente':
    case 'visita_domiciliaria':
    case 'correo':
    case 'sms':
    case 'whatsapp':
      return 'saliente';
    // A letter is outbound but reaches the debtor whenever he opens it: no hour applies.
    case 'carta':
      return 'carta';
    case 'llamada_entrante':
    case 'ventanilla':
      return 'entrante';
  }
}

/** The contact datum a channel goes through. */
export function medioDelCanal(canal: CanalGestion): 'telefono' | 'correo' | 'domicilio' | null {
  switch (canal) {
    case 'llamada_saliente':
    case 'llamada_entrante':
    case 'sms':
    case 'whatsapp':
      return 'telefono';
    case 'correo':
      return 'correo';
    case 'visita_domiciliaria':
    case 'carta':
      return 'domicilio';
    case 'ventanilla':
      return null;
  }
}

/** Channels that need the debtor's recorded consent (LFPDPPP; the institute's conduct rules). */
export function requiereConsentimiento(canal: CanalGestion): boolean {
  return canal === 'sms' || canal === 'whatsapp' || canal === 'correo';
}

export const NOMBRE_CANAL: Record<CanalGestion, string> = {
  llamada_saliente: 'Llamada saliente',
  llamada_entrante: 'Llamada entrante',
  visita_domiciliaria: 'Visita domiciliaria',
  correo: 'Correo electrónico',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  carta: 'Carta',
  ventanilla: 'En ventanilla',
};
