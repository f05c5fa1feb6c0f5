import {
  type Domicilio,
  NOMBRE_TIPO_TELEFONO,
  nombreDeZona,
  type Telefono,
} from '../../api/contactos.ts';

/** `6621234567` → `662 123 4567`, as people read a Mexican number aloud. */
export function numeroTelefonico(numero: string): string {
  return /^\d{10}$/.test(numero)
    ? `${numero.slice(0, 3)} ${numero.slice(3, 6)} ${numero.slice(6)}`
    : numero;
}

/** «Calle 5 de Mayo 123, Centro, C. P. 83000, Hermosillo, Sonora», skipping what is missing. */
export function textoDomicilio(d: Domicilio): string {
  const calle = [d.calle, d.numero ?? ''].filter((p) => p.trim() !== '').join(' ');
  const cp = d.codigoPostal === null ? '' : `C. P. ${d.codigoPostal}`;
  return [calle, d.colonia ?? '', cp, d.municipio, d.estado]
    .filter((p) => p.trim() !== '')
    .join(', ');
}

/** A phone as an option of the dialog: number, kind, zone, and what would stop a contact. */
export function etiquetaTelefono(t: Telefono): string {
  const avisos = [
    t.valido ? null : 'no válido',
    t.consentimiento ? null : 'sin consentimiento',
  ].filter((a) => a !== null);
  return `${numeroTelefonico(t.numero)} · ${NOMBRE_TIPO_TELEFONO[t.tipo]} · ${nombreDeZona(t.zonaHoraria)}${
    avisos.length > 0 ? ` (${avisos.join(', ')})` : ''
  }`;
}
