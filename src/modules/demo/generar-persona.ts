import type { PersonaNueva, TelefonoNuevo } from '../../db/escritura-cartera.ts';
import type { TipoTelefono } from '../../db/esquema.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { Aleatorio } from './aleatorio.ts';
import {
  APELLIDOS,
  CALLES,
  DOMINIOS_CORREO,
  type Municipio,
  NOMBRES_HOMBRE,
  NOMBRES_MUJER,
  SEGUNDOS_NOMBRES_HOMBRE,
  SEGUNDOS_NOMBRES_MUJER,
} from './catalogos.ts';
import { construirCurp, construirRfc, DIFERENCIADORES_POSIBLES } from './curp-de-persona.ts';
import { fecha } from './fechas.ts';

export interface Rasgos {
  sexo?: 'H' | 'M';
  primerApellido?: string;
  segundoApellido?: string;
  /** Birth year range. */
  nacidoEntre: readonly [number, number];
  municipio: Municipio;
  rfc?: boolean;
}

function nombre(rnd: Aleatorio, sexo: 'H' | 'M'): string {
  const lista = sexo === 'H' ? NOMBRES_HOMBRE : NOMBRES_MUJER;
  const primero = rnd.elegir(lista);
  if ((primero === 'José' || primero === 'María') && rnd.probabilidad(0.6)) {
    return `${primero} ${rnd.elegir(sexo === 'H' ? SEGUNDOS_NOMBRES_HOMBRE : SEGUNDOS_NOMBRES_MUJER)}`;
  }
  if (rnd.probabilidad(0.2)) {
    const segundo = rnd.elegir(lista);
    if (segundo !== primero) return `${primero} ${segundo}`;
  }
  return primero;
}

/** For e-mail addresses: lower case, no accents, ñ as n. */
function ascii(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

const TIPOS: ReadonlyArray<readonly [TipoTelefono, number]> = [
  ['movil', 70],
  ['casa', 15],
  ['trabajo', 10],
  ['recados', 5],
];

/**
 * A person of Sonora with a CURP consistent with her name, birth date, sex and state (unique in
 * `curps`: a repeated one takes the next differentiator, as RENAPO does), phones of her
 * municipality with or without consent to be contacted, often an e-mail, and an address.
 */
export function generarPersona(
  rnd: Aleatorio,
  r: Rasgos,
  curps: Set<string>,
): PersonaNueva & { sexo: 'H' | 'M' } {
  const sexo = r.sexo ?? (rnd.probabilidad(0.5) ? 'H' : 'M');
  const nombres = nombre(rnd, sexo);
  const primerApellido = r.primerApellido ?? rnd.elegir(APELLIDOS);
  const segundoApellido = r.segundoApellido ?? rnd.elegir(APELLIDOS);
  let fechaNacimiento: Fecha = fecha(
    rnd.entero(r.nacidoEntre[0], r.nacidoEntre[1]),
    rnd.entero(1, 12),
    rnd.entero(1, 28),
  );
  let curp = '';
  for (let intento = 0; ; intento++) {
    const datos = {
      nombres,
      primerApellido,
      segundoApellido,
      fechaNacimiento,
      sexo,
      entidad: 'SR',
    };
    curp = construirCurp(datos, intento % DIFERENCIADORES_POSIBLES);
    if (!curps.has(curp)) break;
    // Every differentiator taken (it takes thousands of namesakes): another birthday.
    if (intento % DIFERENCIADORES_POSIBLES === DIFERENCIADORES_POSIBLES - 1) {
      fechaNacimiento = fecha(
        Number(fechaNacimiento.slice(0, 4)),
        rnd.entero(1, 12),
        rnd.entero(1, 28),
      );
    }
  }
  curps.add(curp);
  const m = r.municipio;
  const telefonos: TelefonoNuevo[] = [];
  const cuantos = rnd.ponderado([
    [0, 8],
    [1, 55],
    [2, 30],
    [3, 7],
  ] as const);
  for (let i = 0; i < cuantos; i++) {
    const numero = `${m.lada}${String(rnd.entero(0, 9_999_999)).padStart(7, '0')}`;
    if (telefonos.some((t) => t.numero === numero)) continue;
    telefonos.push({
      numero,
      tipo: i === 0 ? 'movil' : rnd.ponderado(TIPOS),
      consentimiento: rnd.probabilidad(0.7),
    });
  }
  const correos = rnd.probabilidad(0.6)
    ? [
        {
          correo: `${ascii(nombres.split(' ')[0] ?? 'x')}.${ascii(primerApellido)}${rnd.entero(1, 99)}@${rnd.elegir(DOMINIOS_CORREO)}`,
          consentimiento: rnd.probabilidad(0.7),
        },
      ]
    : [];
  return {
    sexo,
    curp,
    nombres,
    primerApellido,
    segundoApellido,
    rfc: r.rfc
      ? construirRfc(
          curp,
          `${rnd.elegir(['1', '2', '3', 'A', 'B', 'C', 'H', 'K'])}${rnd.entero(0, 9)}`,
        )
      : null,
    fechaNacimiento,
    telefonos,
    correos,
    domicilios: [
      {
        calle: rnd.elegir(CALLES),
        numero: String(rnd.entero(1, 3500)),
        colonia: rnd.elegir(m.colonias),
        codigoPostal: String(m.codigoPostal + rnd.entero(0, 99)).padStart(5, '0'),
        municipio: m.nombre,
        estado: 'Sonora',
      },
    ],
  };
}
