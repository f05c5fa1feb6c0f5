import type { CanalGestion, ProximaAccion } from '../../db/esquema.ts';

/**
 * What the demo's gestiones and recados say: outcomes by channel, with how often each comes
 * out, and the notes and messages a gestor would type. Claves are those of the catalogue that
 * migration 0017 seeds (`resultados_gestion`).
 */

export type ClaveResultado =
  | 'contacto_efectivo'
  | 'promesa_de_pago'
  | 'ya_pago'
  | 'se_niega'
  | 'pide_informacion'
  | 'recado_con_tercero'
  | 'no_contesta'
  | 'buzon'
  | 'numero_equivocado'
  | 'domicilio_no_localizado'
  | 'enviado';

type Pesos<T> = ReadonlyArray<readonly [T, number]>;

const LLAMADA_SALIENTE: Pesos<ClaveResultado> = [
  ['no_contesta', 34],
  ['buzon', 14],
  ['contacto_efectivo', 16],
  ['promesa_de_pago', 11],
  ['recado_con_tercero', 7],
  ['pide_informacion', 6],
  ['se_niega', 5],
  ['numero_equivocado', 4],
  ['ya_pago', 3],
];
const MENSAJE: Pesos<ClaveResultado> = [
  ['enviado', 72],
  ['contacto_efectivo', 12],
  ['promesa_de_pago', 8],
  ['pide_informacion', 8],
];
const VISITA: Pesos<ClaveResultado> = [
  ['contacto_efectivo', 30],
  ['promesa_de_pago', 18],
  ['recado_con_tercero', 20],
  ['domicilio_no_localizado', 20],
  ['se_niega', 12],
];
const ENTRANTE: Pesos<ClaveResultado> = [
  ['contacto_efectivo', 34],
  ['pide_informacion', 30],
  ['promesa_de_pago', 24],
  ['ya_pago', 12],
];

export const RESULTADOS_POR_CANAL: Readonly<Record<CanalGestion, Pesos<ClaveResultado>>> = {
  llamada_saliente: LLAMADA_SALIENTE,
  llamada_entrante: ENTRANTE,
  ventanilla: ENTRANTE,
  visita_domiciliaria: VISITA,
  correo: MENSAJE,
  sms: MENSAJE,
  whatsapp: MENSAJE,
  carta: [['enviado', 1]],
};

/** Notes by outcome; null: the gestor wrote none. */
export const NOTAS: Readonly<Record<ClaveResultado, ReadonlyArray<string | null>>> = {
  contacto_efectivo: [
    'Se le explicó su saldo y las opciones de pago.',
    'Reconoce el adeudo; revisará su presupuesto y vuelve a llamar.',
    'Confirma domicilio y teléfono.',
    'Acepta recibir la ficha de pago por correo.',
  ],
  promesa_de_pago: [
    'Promete pagar en el banco con su referencia.',
    'Pagará en Oxxo con la ficha de pago.',
    'Dice que le pagan la quincena y abona.',
    'Acude a caja a pagar.',
  ],
  ya_pago: [
    'Dice que pagó la semana pasada; revisar la conciliación.',
    'Envió su comprobante por WhatsApp.',
  ],
  se_niega: ['Dice que no puede pagar por ahora.', 'No reconoce el monto; pide aclaración.'],
  pide_informacion: [
    'Pide su estado de cuenta.',
    'Pregunta por los convenios de regularización.',
    'Quiere saber cuánto le falta para liquidar.',
  ],
  recado_con_tercero: [
    'Se dejó recado con su esposa.',
    'Contestó su mamá; le dará el recado.',
    'Se dejó recado con un vecino.',
  ],
  no_contesta: [null, 'Suena y no contesta.'],
  buzon: ['Se dejó mensaje en el buzón.', null],
  numero_equivocado: ['El número es de otra persona.'],
  domicilio_no_localizado: ['No se encontró el número exterior.', 'La casa está deshabitada.'],
  enviado: ['Se envió recordatorio de pago.', 'Se envió la ficha de pago.'],
};

/** Who answered instead of the debtor, for `recado_con_tercero`. */
export const TERCEROS = ['Su esposa', 'Su mamá', 'Su hermano', 'Un vecino'] as const;

/** The next step a gestor writes down after each outcome. */
export const SIGUIENTE_PASO: Readonly<Record<ClaveResultado, Pesos<ProximaAccion>>> = {
  contacto_efectivo: [
    ['llamar', 5],
    ['cita', 2],
    ['visitar', 1],
  ],
  promesa_de_pago: [['esperar_pago', 1]],
  ya_pago: [['revisar', 1]],
  se_niega: [
    ['visitar', 2],
    ['enviar_carta', 1],
  ],
  pide_informacion: [
    ['llamar', 2],
    ['enviar_carta', 1],
  ],
  recado_con_tercero: [['llamar', 1]],
  no_contesta: [
    ['llamar', 4],
    ['visitar', 1],
  ],
  buzon: [['llamar', 1]],
  numero_equivocado: [
    ['revisar', 2],
    ['visitar', 1],
  ],
  domicilio_no_localizado: [['revisar', 1]],
  enviado: [['llamar', 1]],
};

/** What callers leave for an absent gestor. */
export const MENSAJES_RECADO = [
  'Quiere saber cuánto debe para liquidar.',
  'Pide que le regresen la llamada por la tarde.',
  'Quiere un convenio de pago; dice que se quedó sin empleo.',
  'Pregunta por qué le llegó una carta si ya pagó.',
  'Solicita su estado de cuenta por correo.',
  'Va a pasar a la oficina el viernes; pide que lo atienda su gestor.',
] as const;
