import { z } from 'zod';
import { datosYVersiones, datosDelInstituto as esquemaDatos } from '../../contrato/instituto.ts';
import { consultarVersionesDeDatos } from '../../modules/instituto/consultar-versiones.ts';
import {
  leerDatosDelInstituto,
  TIPOS_DE_DOCUMENTO,
  type TipoDocumento,
} from '../../modules/instituto/datos-del-instituto.ts';
import { guardarDatosDelInstituto } from '../../modules/instituto/guardar-datos-del-instituto.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';
import { texto } from '../validacion.ts';

const cuenta = z.strictObject({
  banco: texto(80),
  titular: texto(200),
  cuenta: z
    .string('debe ser el número de cuenta')
    .trim()
    .regex(/^\d{6,20}$/, 'debe ser el número de cuenta: de 6 a 20 dígitos, sin espacios'),
  clabe: z
    .string('debe ser la CLABE de 18 dígitos')
    .trim()
    .regex(/^\d{18}$/, 'debe ser la CLABE: 18 dígitos, sin espacios'),
  convencionReferencia: texto(500, { renglones: true }),
});

const firmante = z.strictObject({ nombre: texto(150), cargo: texto(150) });

/** One optional entry per document type; any other key is refused, naming it. */
function porDocumento<T extends z.ZodType>(valor: T) {
  const forma = Object.fromEntries(TIPOS_DE_DOCUMENTO.map((t) => [t, valor.optional()])) as Record<
    TipoDocumento,
    z.ZodOptional<T>
  >;
  return z.strictObject(forma);
}

const datosDelInstituto = z.strictObject({
  razonSocial: texto(200),
  domicilio: texto(300),
  telefono: z
    .string('debe ser un teléfono')
    .trim()
    .regex(/^[\d\s()+-]{7,30}$/, 'debe ser un teléfono: dígitos, espacios, paréntesis o guiones'),
  correo: z
    .string('debe ser un correo')
    .trim()
    .max(200, 'admite a lo más 200 caracteres')
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'debe ser un correo, p. ej. cobranza@instituto.gob.mx'),
  cuentas: z
    .array(cuenta, 'debe ser una lista de cuentas bancarias')
    .max(10, 'a lo más 10 cuentas bancarias'),
  firmantes: porDocumento(firmante),
  leyendas: porDocumento(texto(2_000, { renglones: true })),
});

/** Datos del instituto (issue 14): what the documents print of it; the administrador's. */
export function rutasInstituto(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/instituto',
    {
      accion: 'instituto.consultar',
      resumen: 'Los datos del instituto vigentes y sus versiones',
      respuesta: datosYVersiones,
    },
    async ({ enTransaccion }) =>
      enTransaccion(async (trx) => ({
        datos: await leerDatosDelInstituto(trx),
        versiones: await consultarVersionesDeDatos(trx),
      })),
  );

  rutas.put(
    '/api/instituto',
    {
      accion: 'instituto.administrar',
      body: datosDelInstituto,
      resumen: 'Guarda una nueva versión de los datos del instituto',
      respuesta: esquemaDatos,
    },
    async ({ body, ctx, enTransaccion }) =>
      enTransaccion((trx) => guardarDatosDelInstituto(trx, body, ctx)),
  );
}
