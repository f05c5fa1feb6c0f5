import { describe, expect, it } from 'vitest';
import {
  correoComparable,
  mismoDomicilio,
  telefonoComparable,
  textoComparable,
} from '../../src/domain/comparar-contactos.ts';

const ROSALES = {
  calle: 'Calle Rosales',
  numero: '45',
  colonia: 'Centro',
  codigoPostal: '83000',
  municipio: 'Hermosillo',
  estado: 'Sonora',
};

describe('comparar contactos al volver a importar', () => {
  it.each([
    ['Calle O’Donojú – Int. 3', "calle o'donoju int 3"],
    ['  CALLE   ROSALES. ', 'calle rosales'],
    ['Jesús García', 'JESUS GARCIA'],
    ['Peñúñuri', 'penunuri'],
    ['1020 int. 3', '1020 Int 3'],
  ])('«%s» es el mismo texto que «%s»', (a, b) => {
    expect(textoComparable(a)).toBe(textoComparable(b));
  });

  it.each([
    ['Calle Rosales', 'Calle Rosas'],
    ['45', '54'],
    ['Int. 3', 'Int. 4'],
  ])('«%s» no es «%s»', (a, b) => {
    expect(textoComparable(a)).not.toBe(textoComparable(b));
  });

  it('un teléfono son sus 10 dígitos; un correo, sin mayúsculas', () => {
    expect(telefonoComparable('+52 (662) 214-5591')).toBe('6622145591');
    expect(telefonoComparable('662 214 5591')).toBe('6622145591');
    expect(correoComparable(' Ana.Lopez@Ejemplo.MX ')).toBe('ana.lopez@ejemplo.mx');
  });

  it('un domicilio: calle y municipio deben coincidir; un campo vacío en el archivo no dice nada', () => {
    expect(mismoDomicilio({ ...ROSALES, calle: 'calle rosales.' }, ROSALES)).toBe(true);
    expect(mismoDomicilio({ ...ROSALES, colonia: null, codigoPostal: null }, ROSALES)).toBe(true);
    expect(mismoDomicilio({ ...ROSALES, numero: '46' }, ROSALES)).toBe(false);
    expect(mismoDomicilio({ ...ROSALES, municipio: 'Cajeme' }, ROSALES)).toBe(false);
    expect(mismoDomicilio({ ...ROSALES, calle: 'Av. Reforma' }, ROSALES)).toBe(false);
    // What the file fills must match, even if the stored one left it empty.
    expect(mismoDomicilio(ROSALES, { ...ROSALES, colonia: null })).toBe(false);
  });
});
