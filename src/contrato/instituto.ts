/** Datos del instituto: what every document prints of it (src/http/rutas/instituto.ts). */
import { z } from 'zod';
import { instante } from './comun.ts';

/** The documents the institute issues, by the key the API uses. */
export const tipoDocumento = z.enum([
  'convenio',
  'pagare',
  'carta_finiquito',
  'recibo',
  'ficha_de_pago',
  'estado_de_cuenta',
]);
export type TipoDocumento = z.infer<typeof tipoDocumento>;

export const cuentaDelInstituto = z.strictObject({
  banco: z.string(),
  titular: z.string(),
  cuenta: z.string(),
  clabe: z.string(),
  /** How a payer writes the reference at this bank, in words. */
  convencionReferencia: z.string(),
});
export type CuentaDelInstituto = z.infer<typeof cuentaDelInstituto>;

export const firmanteDelInstituto = z.strictObject({ nombre: z.string(), cargo: z.string() });
export type FirmanteDelInstituto = z.infer<typeof firmanteDelInstituto>;

/** Who saved a version (the user's full name) and when. */
export const versionDeDatos = z.strictObject({
  version: z.number().int(),
  guardadoPor: z.string(),
  guardadoEn: instante,
});
export type VersionDeDatos = z.infer<typeof versionDeDatos>;

/** The version in force; every save is a new version (append-only). */
export const datosDelInstituto = versionDeDatos.extend({
  razonSocial: z.string(),
  domicilio: z.string(),
  telefono: z.string(),
  correo: z.string(),
  cuentas: z.array(cuentaDelInstituto),
  /** Only the documents that carry a signature have one. */
  firmantes: z.partialRecord(tipoDocumento, firmanteDelInstituto),
  /** Legal legends printed on each document. */
  leyendas: z.partialRecord(tipoDocumento, z.string()),
});
export type DatosDelInstituto = z.infer<typeof datosDelInstituto>;

/** The version in force (null: never captured) and every version saved, newest first. */
export const datosYVersiones = z.strictObject({
  datos: datosDelInstituto.nullable(),
  versiones: z.array(versionDeDatos),
});
export type DatosYVersiones = z.infer<typeof datosYVersiones>;
