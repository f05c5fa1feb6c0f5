import type { Selectable } from 'kysely';
import type {
  CorreoFila,
  DomicilioFila,
  TelefonoFila,
  TipoContacto,
  TipoTelefono,
} from '../../db/esquema.ts';
import { enmascararCorreo, enmascararTelefono } from '../../domain/enmascarar.ts';
import { zonaDeContacto } from '../../domain/gestion/zona-horaria.ts';

/**
 * How the API shows each contact datum, and the snapshots the history keeps of it. Numbers and
 * e-mails go out masked (`•••• 2847`, `s•••@dominio.com`), the history's too: the whole value
 * is a logged reveal (`revelarDatoPersonal`). The zone is worked out from the whole number.
 */

export type FilaTelefono = Selectable<TelefonoFila>;
export type FilaCorreo = Selectable<CorreoFila>;
export type FilaDomicilio = Selectable<DomicilioFila>;

interface Vigencia {
  agregado: string;
  /** When it stopped being used (corrected or retired); null: current. */
  retirado: string | null;
}

interface ZonaEfectiva {
  /** The zone the contact rules use: chosen by hand, else derived. */
  zonaHoraria: string;
  /** True when someone chose it (abroad); false when derived from a state or an area code. */
  zonaHorariaAMano: boolean;
}

export interface TelefonoEnFicha extends Vigencia, ZonaEfectiva {
  id: number;
  /** Masked: `•••• 2847`. */
  numero: string;
  tipo: TipoTelefono;
  consentimiento: boolean;
  valido: boolean;
}

export interface CorreoEnFicha extends Vigencia {
  id: number;
  /** Masked: `s•••@dominio.com`. */
  correo: string;
  consentimiento: boolean;
  valido: boolean;
}

export interface DomicilioEnFicha extends Vigencia, ZonaEfectiva {
  id: number;
  calle: string;
  numero: string | null;
  colonia: string | null;
  codigoPostal: string | null;
  municipio: string;
  estado: string;
  vigente: boolean;
}

const instante = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** A phone's zone: by hand, else the state of the person's current address, else its area code. */
export function telefonoEnFicha(
  f: FilaTelefono,
  estadoDelDomicilio: string | null,
): TelefonoEnFicha {
  return {
    id: f.id,
    numero: enmascararTelefono(f.numero),
    tipo: f.tipo,
    consentimiento: f.consentimiento,
    valido: f.valido,
    zonaHoraria: zonaDeContacto({
      zonaElegida: f.zona_horaria,
      estadoDelDomicilio,
      telefono: f.numero,
    }),
    zonaHorariaAMano: f.zona_horaria !== null,
    agregado: f.agregado.toISOString(),
    retirado: instante(f.retirado),
  };
}

export function correoEnFicha(f: FilaCorreo): CorreoEnFicha {
  return {
    id: f.id,
    correo: enmascararCorreo(f.correo),
    consentimiento: f.consentimiento,
    valido: f.valido,
    agregado: f.agregado.toISOString(),
    retirado: instante(f.retirado),
  };
}

export function domicilioEnFicha(f: FilaDomicilio): DomicilioEnFicha {
  return {
    id: f.id,
    calle: f.calle,
    numero: f.numero,
    colonia: f.colonia,
    codigoPostal: f.codigo_postal,
    municipio: f.municipio,
    estado: f.estado,
    vigente: f.vigente,
    zonaHoraria: zonaDeContacto({
      zonaElegida: f.zona_horaria,
      estadoDelDomicilio: f.estado,
      telefono: null,
    }),
    zonaHorariaAMano: f.zona_horaria !== null,
    agregado: f.agregado.toISOString(),
    retirado: instante(f.retirado),
  };
}

/** What the history keeps of a phone: the stored values (the zone as chosen, null if derived). */
export function fotoDeTelefono(f: FilaTelefono) {
  return {
    id: f.id,
    numero: f.numero,
    tipo: f.tipo,
    consentimiento: f.consentimiento,
    valido: f.valido,
    zonaHoraria: f.zona_horaria,
    retirado: instante(f.retirado),
  };
}

export function fotoDeCorreo(f: FilaCorreo) {
  return {
    id: f.id,
    correo: f.correo,
    consentimiento: f.consentimiento,
    valido: f.valido,
    retirado: instante(f.retirado),
  };
}

export function fotoDeDomicilio(f: FilaDomicilio) {
  return {
    id: f.id,
    calle: f.calle,
    numero: f.numero,
    colonia: f.colonia,
    codigoPostal: f.codigo_postal,
    municipio: f.municipio,
    estado: f.estado,
    vigente: f.vigente,
    zonaHoraria: f.zona_horaria,
    retirado: instante(f.retirado),
  };
}

/** A history snapshot as the API shows it: the phone's number or the e-mail masked. */
export function fotoVisible(tipo: TipoContacto, foto: unknown): unknown {
  if (typeof foto !== 'object' || foto === null) return foto;
  const f = foto as Record<string, unknown>;
  if (tipo === 'telefono' && typeof f.numero === 'string') {
    return { ...f, numero: enmascararTelefono(f.numero) };
  }
  if (tipo === 'correo' && typeof f.correo === 'string') {
    return { ...f, correo: enmascararCorreo(f.correo) };
  }
  return foto;
}
