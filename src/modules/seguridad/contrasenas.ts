import { hash, verify } from '@node-rs/argon2';
import { ErrorDominio } from '../../domain/errores.ts';

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes): ~30 ms here.
const OPCIONES = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const LONGITUD_MINIMA = 10;

/**
 * The same password typed on two systems can reach us as two different strings: «ñ» is one
 * code point from one keyboard and «n» plus a combining tilde from another (or from a
 * password manager). Hashed in NFC, both are the same password.
 */
function normalizada(contrasena: string): string {
  return contrasena.normalize('NFC');
}

export function hashearContrasena(contrasena: string): Promise<string> {
  return hash(normalizada(contrasena), OPCIONES);
}

async function coincideTal(hashGuardado: string, contrasena: string): Promise<boolean> {
  try {
    return await verify(hashGuardado, contrasena);
  } catch {
    return false;
  }
}

export async function contrasenaCoincide(
  hashGuardado: string,
  contrasena: string,
): Promise<boolean> {
  const nfc = normalizada(contrasena);
  if (await coincideTal(hashGuardado, nfc)) return true;
  // A hash made before passwords were normalized holds the text as it was typed then.
  return nfc !== contrasena && coincideTal(hashGuardado, contrasena);
}

// Verified against when the user does not exist, so that both failures take the same time.
let hashSenuelo: Promise<string> | null = null;
export function verificarSenuelo(contrasena: string): Promise<boolean> {
  hashSenuelo ??= hashearContrasena('contraseña-señuelo-que-nadie-usa');
  return hashSenuelo.then((h) => contrasenaCoincide(h, contrasena));
}

export function validarContrasenaNueva(contrasena: string, usuario: string, campo: string): void {
  if ([...normalizada(contrasena)].length < LONGITUD_MINIMA) {
    throw new ErrorDominio(
      'contrasena_debil',
      `La contraseña debe tener al menos ${LONGITUD_MINIMA} caracteres.`,
      campo,
    );
  }
  if (contrasena.trim().toLowerCase() === usuario.trim().toLowerCase()) {
    throw new ErrorDominio(
      'contrasena_debil',
      'La contraseña no puede ser igual al usuario.',
      campo,
    );
  }
}
