import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  contrasenaCoincide,
  hashearContrasena,
  validarContrasenaNueva,
} from '../../src/modules/seguridad/contrasenas.ts';

// «Señal.2026»: «ñ» as one code point (NFC) and as «n» plus a combining tilde (NFD).
const COMPUESTA = 'Se\u00f1al.2026-x';
const DESCOMPUESTA = 'Sen\u0303al.2026-x';

describe('contraseñas', () => {
  it('la misma contraseña escrita compuesta o descompuesta es la misma', async () => {
    expect(COMPUESTA).not.toBe(DESCOMPUESTA);
    const h = await hashearContrasena(DESCOMPUESTA);
    expect(await contrasenaCoincide(h, COMPUESTA)).toBe(true);
    expect(await contrasenaCoincide(h, DESCOMPUESTA)).toBe(true);
    expect(await contrasenaCoincide(await hashearContrasena(COMPUESTA), DESCOMPUESTA)).toBe(true);
    expect(await contrasenaCoincide(h, 'Senal.2026-x')).toBe(false);
  });

  it('un hash de antes, del texto tal como se tecleó, sigue sirviendo', async () => {
    const deAntes = await hash(DESCOMPUESTA, { algorithm: 2 });
    expect(await contrasenaCoincide(deAntes, DESCOMPUESTA)).toBe(true);
    expect(await contrasenaCoincide(deAntes, 'otra-contraseña')).toBe(false);
  });

  it('la longitud mínima cuenta letras, no unidades de código', () => {
    // Nine letters: the decomposed form has ten UTF-16 units but is not ten characters.
    expect(() => validarContrasenaNueva('Sen\u0303al.202', 'ana', 'contrasena')).toThrow(
      /al menos 10/,
    );
  });
});
