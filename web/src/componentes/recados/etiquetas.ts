import type { Canal, EstadoRecado, TipoAccion } from '../../api/recados.ts';

export const NOMBRE_CANAL: Record<Canal, string> = {
  llamada_saliente: 'Llamada saliente',
  llamada_entrante: 'Llamada entrante',
  visita_domiciliaria: 'Visita domiciliaria',
  correo: 'Correo electrónico',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  carta: 'Carta',
  ventanilla: 'En ventanilla',
};

export const NOMBRE_ACCION: Record<TipoAccion, string> = {
  llamar: 'Llamar',
  visitar: 'Visitar',
  cita: 'Cita en la oficina',
  enviar_carta: 'Enviar carta',
  esperar_pago: 'Esperar el pago',
  revisar: 'Revisar',
};

export const NOMBRE_ESTADO_RECADO: Record<EstadoRecado, string> = {
  nuevo: 'Nuevo',
  leido: 'Leído',
  atendido: 'Atendido',
};

/** Which contact datum a channel uses: the server checks that it is the person's own. */
export function medioDe(canal: Canal): 'telefono' | 'correo' | 'domicilio' | null {
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

export const recados = (n: number) => (n === 1 ? '1 recado nuevo' : `${n} recados nuevos`);
