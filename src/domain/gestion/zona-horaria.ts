/**
 * The time zone of a contact, needed to call or visit only at decent hours in *their* local
 * time (issue 9, `fuera_de_horario`). Zones are IANA names so that the daylight-saving rules
 * come from the tz database shipped with Node's ICU, never from a hand-written offset table:
 * Mexico dropped DST in 2022 except on the US border, and tables like that go stale.
 */
export type ZonaHoraria = string;

/** The institute is in Hermosillo: the default zone and the one business hours are counted in. */
export const ZONA_INSTITUTO: ZonaHoraria = 'America/Hermosillo';

const SONORA = 'America/Hermosillo';
const TIJUANA = 'America/Tijuana';
const MAZATLAN = 'America/Mazatlan';
const CENTRO = 'America/Mexico_City';
const CANCUN = 'America/Cancun';
const CHIHUAHUA = 'America/Chihuahua';
const CIUDAD_JUAREZ = 'America/Ciudad_Juarez';
const MATAMOROS = 'America/Matamoros';

/** Zones a user may pick by hand (contacts abroad, or a correction), with the name users read. */
export const ZONAS_ELEGIBLES: readonly { zona: ZonaHoraria; nombre: string }[] = [
  { zona: SONORA, nombre: 'hora de Sonora' },
  { zona: TIJUANA, nombre: 'hora del Pacífico (Tijuana)' },
  { zona: MAZATLAN, nombre: 'hora del Pacífico mexicano (Mazatlán)' },
  { zona: CENTRO, nombre: 'hora del centro' },
  { zona: CHIHUAHUA, nombre: 'hora de Chihuahua' },
  { zona: CIUDAD_JUAREZ, nombre: 'hora de Ciudad Juárez' },
  { zona: MATAMOROS, nombre: 'hora de la frontera noreste (Matamoros)' },
  { zona: CANCUN, nombre: 'hora de Quintana Roo' },
  { zona: 'America/Los_Angeles', nombre: 'hora del Pacífico de EE. UU. (Los Ángeles)' },
  { zona: 'America/Phoenix', nombre: 'hora de Arizona (Phoenix)' },
  { zona: 'America/Denver', nombre: 'hora de la montaña de EE. UU. (Denver)' },
  { zona: 'America/Chicago', nombre: 'hora del centro de EE. UU. (Chicago)' },
  { zona: 'America/New_York', nombre: 'hora del este de EE. UU. (Nueva York)' },
  { zona: 'Europe/Madrid', nombre: 'hora de España (Madrid)' },
];

export function esZonaValida(z: string): boolean {
  return ZONAS_ELEGIBLES.some((e) => e.zona === z);
}

/** The Spanish name of a zone for messages; an unlisted IANA name is shown as it is. */
export function nombreDeZona(zona: ZonaHoraria): string {
  return ZONAS_ELEGIBLES.find((e) => e.zona === zona)?.nombre ?? `hora de ${zona}`;
}

/**
 * States by every usual spelling, compared as lowercase letters only (accents, dots, spaces
 * and hyphens removed), so "Edo. de México", "EDO DE MEXICO" and "edodemexico" are the same.
 * The issue says "the rest UTC−6", but Baja California Sur, Sinaloa and Nayarit are on
 * Pacific time (UTC−7 all year, `America/Mazatlan`): calling them by central time would
 * allow a call at 06:xx their time, so they get their real zone.
 */
const ESTADOS: readonly [ZonaHoraria, readonly string[]][] = [
  [SONORA, ['sonora', 'son']],
  [TIJUANA, ['bajacalifornia', 'bajacalifornianorte', 'bc', 'bcn']],
  [MAZATLAN, ['bajacaliforniasur', 'bcs', 'sinaloa', 'sin', 'nayarit', 'nay']],
  [CANCUN, ['quintanaroo', 'qroo', 'qr']],
  // The state as a whole; its US-border municipalities (Juárez, Ojinaga…) follow US DST and
  // are told apart by the phone's area code or chosen by hand.
  [CHIHUAHUA, ['chihuahua', 'chih']],
  [
    CENTRO,
    [
      'aguascalientes',
      'ags',
      'campeche',
      'camp',
      'chiapas',
      'chis',
      'ciudaddemexico',
      'cdmx',
      'cddemexico',
      'distritofederal',
      'df',
      'mexicodf',
      'coahuila',
      'coahuiladezaragoza',
      'coah',
      'colima',
      'col',
      'durango',
      'dgo',
      'guanajuato',
      'gto',
      'guerrero',
      'gro',
      'hidalgo',
      'hgo',
      'jalisco',
      'jal',
      'mexico',
      'estadodemexico',
      'edodemexico',
      'edomex',
      'mex',
      'michoacan',
      'michoacandeocampo',
      'mich',
      'morelos',
      'mor',
      'nuevoleon',
      'nl',
      'oaxaca',
      'oax',
      'puebla',
      'pue',
      'queretaro',
      'queretarodearteaga',
      'qro',
      'sanluispotosi',
      'slp',
      'tabasco',
      'tab',
      'tamaulipas',
      'tamps',
      'tamp',
      'tlaxcala',
      'tlax',
      'veracruz',
      'veracruzdeignaciodelallave',
      'ver',
      'yucatan',
      'yuc',
      'zacatecas',
      'zac',
    ],
  ],
];

const ZONA_POR_ESTADO = new Map<string, ZonaHoraria>(
  ESTADOS.flatMap(([zona, nombres]) => nombres.map((n) => [n, zona] as const)),
);

function soloLetras(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** The zone of a Mexican state written as people write it; `null` when it is not a state. */
export function zonaDeEstado(estado: string): ZonaHoraria | null {
  const clave = soloLetras(estado);
  const directa = ZONA_POR_ESTADO.get(clave);
  if (directa !== undefined) return directa;
  // "Estado de Sonora", "Edo. de Jalisco": the prefix adds nothing.
  const sinPrefijo = clave.replace(/^(estadode|edode)/, '');
  return sinPrefijo !== clave ? (ZONA_POR_ESTADO.get(sinPrefijo) ?? null) : null;
}

/**
 * Area codes (LADA) outside central time. Mexico City, Guadalajara and Monterrey have
 * two-digit codes (55/56, 33, 81) and are central time, the default; no three-digit code
 * below starts with 55, 56, 33 or 81, so reading three digits never misplaces them.
 */
const LADAS: readonly [ZonaHoraria, readonly string[]][] = [
  [
    SONORA,
    [
      '622',
      '623',
      '631',
      '632',
      '633',
      '634',
      '637',
      '638',
      '641',
      '642',
      '643',
      '644',
      '645',
      '647',
      '653',
      '662',
    ],
  ],
  [TIJUANA, ['664', '665', '661', '646', '686', '616', '658']],
  [
    MAZATLAN,
    [
      // Baja California Sur
      '612',
      '613',
      '615',
      '624',
      // Sinaloa
      '667',
      '668',
      '669',
      '672',
      '673',
      '687',
      '694',
      '696',
      '697',
      '698',
      // Nayarit
      '311',
      '319',
      '323',
      '324',
      '325',
      '327',
      '389',
    ],
  ],
  [CANCUN, ['983', '984', '998', '997']],
  [CHIHUAHUA, ['614', '625', '626', '627', '628', '629', '635', '636', '639', '648', '649']],
  [CIUDAD_JUAREZ, ['656']],
  // Border cities of Tamaulipas and Coahuila that keep US daylight saving since 2022.
  [MATAMOROS, ['868', '899', '867', '878', '877']],
];

const ZONA_POR_LADA = new Map<string, ZonaHoraria>(
  LADAS.flatMap(([zona, ladas]) => ladas.map((l) => [l, zona] as const)),
);

/**
 * The ten national digits of a Mexican number, accepting the country code (+52) and the old
 * mobile prefix (+52 1); `null` when it is not a Mexican number.
 */
export function digitosNacionales(numero: string): string | null {
  const digitos = numero.replace(/\D/g, '');
  if (digitos.length === 10) return digitos;
  if (digitos.length === 12 && digitos.startsWith('52')) return digitos.slice(2);
  if (digitos.length === 13 && digitos.startsWith('521')) return digitos.slice(3);
  return null;
}

/** The zone of a 10-digit Mexican number from its area code; central time when not listed. */
export function zonaDeTelefono(numero: string): ZonaHoraria {
  const digitos = digitosNacionales(numero);
  if (digitos === null) return CENTRO;
  return ZONA_POR_LADA.get(digitos.slice(0, 3)) ?? CENTRO;
}

/**
 * Where the contact is, in order of trust: a zone chosen by hand (only a listed one; the
 * route validates it, this guards stale data), the state of the address, the phone's area
 * code (only a real Mexican number), else the institute's own zone.
 */
export function zonaDeContacto(opciones: {
  zonaElegida: string | null;
  estadoDelDomicilio: string | null;
  telefono: string | null;
}): ZonaHoraria {
  const { zonaElegida, estadoDelDomicilio, telefono } = opciones;
  if (zonaElegida !== null && esZonaValida(zonaElegida)) return zonaElegida;
  const porEstado = estadoDelDomicilio === null ? null : zonaDeEstado(estadoDelDomicilio);
  if (porEstado !== null) return porEstado;
  if (telefono !== null && digitosNacionales(telefono) !== null) return zonaDeTelefono(telefono);
  return ZONA_INSTITUTO;
}
