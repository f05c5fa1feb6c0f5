/**
 * The contract's fixed sets of values, as plain arrays: the zod schemas (`z.enum`) and the web's
 * selects and filters both read them from here. This file imports nothing (not even zod), so
 * a screen may import these values at run time without bundling the schemas.
 */

export const ROLES = [
  'gestor',
  'coordinador',
  'contabilidad',
  'abogado_externo',
  'administrador',
] as const;

/** Aging buckets, in the order the institute reports them. */
export const BUCKETS = [
  'al_corriente',
  '1-30',
  '31-60',
  '61-90',
  '91-180',
  '181-365',
  'mas_de_365',
] as const;

export const CANALES_GESTION = [
  'llamada_saliente',
  'llamada_entrante',
  'visita_domiciliaria',
  'correo',
  'sms',
  'whatsapp',
  'carta',
  'ventanilla',
] as const;

export const ITEMS_META = [
  'recuperacion',
  'contactosEfectivos',
  'convenios',
  'turnosAtendidos',
] as const;

/** The legal states a law firm records, in the order a lawsuit usually goes. */
export const ESTADOS_JURIDICOS = [
  'recibido',
  'requerimiento_extrajudicial',
  'demanda_presentada',
  'emplazado',
  'sentencia',
  'embargo',
  'convenio_judicial',
  'cobrado',
  'incobrable',
] as const;

export const MOTIVOS_TURNO = ['informes', 'abono', 'liquidacion', 'convenio', 'otro'] as const;
