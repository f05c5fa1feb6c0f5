import { z } from 'zod';
import {
  contactos,
  correoAgregado,
  correoCambiado,
  domicilioAgregado,
  domicilioCambiado,
  telefonoAgregado,
  telefonoCambiado,
} from '../../contrato/contactos.ts';
import { esZonaValida } from '../../domain/gestion/zona-horaria.ts';
import { agregarCorreo } from '../../modules/contactos/agregar-correo.ts';
import { agregarDomicilio } from '../../modules/contactos/agregar-domicilio.ts';
import { agregarTelefono } from '../../modules/contactos/agregar-telefono.ts';
import { cambiarCorreo } from '../../modules/contactos/cambiar-correo.ts';
import { cambiarDomicilio } from '../../modules/contactos/cambiar-domicilio.ts';
import { cambiarTelefono } from '../../modules/contactos/cambiar-telefono.ts';
import { consultarContactos } from '../../modules/contactos/consultar-contactos.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';
import { idEnRuta, texto, textoOpcional } from '../validacion.ts';

/**
 * "+52 662 214 5591", "(662) 214-5591", "662-214-5591" → "6622145591": the ten national
 * digits. With a "+" only Mexico's code (and the old mobile "1" after it) is accepted: the
 * table keeps ten digits, and a foreign number would lose its country. Null: not a number.
 */
export function normalizarTelefono(escrito: string): string | null {
  const t = escrito.trim();
  if (!/^\+?[\d\s().-]+$/.test(t)) return null;
  const digitos = t.replace(/\D/g, '');
  if (!t.startsWith('+')) return digitos.length === 10 ? digitos : null;
  if (digitos.length === 12 && digitos.startsWith('52')) return digitos.slice(2);
  if (digitos.length === 13 && digitos.startsWith('521')) return digitos.slice(3);
  return null;
}

const numeroTelefono = z
  .string('debe ser un teléfono como texto, p. ej. "662 214 5591"')
  .refine(
    (t) => normalizarTelefono(t) !== null,
    'debe ser un teléfono de 10 dígitos, p. ej. «662 214 5591», «(662) 214-5591» o «+52 662 214 5591»',
  )
  .transform((t) => normalizarTelefono(t) ?? t);
const tipoTelefono = z.enum(
  ['movil', 'casa', 'trabajo', 'recados'],
  'debe ser movil, casa, trabajo o recados',
);
const siNo = z.boolean('debe ser true o false');
const zonaHoraria = z
  .string('debe ser una zona horaria, p. ej. "America/Los_Angeles"')
  .refine(
    esZonaValida,
    'debe ser una de las zonas horarias de la lista, p. ej. «America/Los_Angeles»',
  )
  .nullable();
const correo = z
  .string('debe ser un correo como texto')
  .trim()
  .toLowerCase()
  .max(254, 'admite a lo más 254 caracteres')
  .pipe(z.email('debe ser un correo electrónico válido, p. ej. «nombre@dominio.mx»'));
const motivo = texto(500, { renglones: true });
// false is accepted and changes nothing: a form may send its checkbox as it is.
const retirar = z.boolean('debe ser true o false');
const opcional = (max: number) => textoOpcional(max);
// An empty field is no postal code, as in the import.
const codigoPostal = z
  .string('debe ser un código postal de 5 dígitos como texto, p. ej. "83000"')
  .trim()
  .refine((t) => t === '' || /^\d{5}$/.test(t), 'debe tener 5 dígitos, p. ej. «83000»')
  .transform((t) => (t === '' ? null : t))
  .nullable();

/** A PATCH must change something; `motivo` alone changes nothing. */
function algoQueCambiar(campos: string) {
  return (c: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const nada = (k: string) => k === 'motivo' || c[k] === undefined || (k === 'retirar' && !c[k]);
    if (Object.keys(c).every(nada)) {
      ctx.addIssue({ code: 'custom', message: `indica qué cambiar: ${campos}` });
    }
  };
}

/** A correction already retires the old value: retiring it too would say something else. */
function correccionORetiro(campo: string) {
  return (c: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (c.retirar === true && c[campo] !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['retirar'],
        message: `no se combina con «${campo}»: la corrección ya retira el valor anterior`,
      });
    }
  };
}

const telefonoNuevo = z.strictObject({
  numero: numeroTelefono,
  tipo: tipoTelefono,
  consentimiento: siNo,
  zonaHoraria: zonaHoraria.default(null),
});
const cambiosDeTelefono = z
  .strictObject({
    numero: numeroTelefono.optional(),
    tipo: tipoTelefono.optional(),
    valido: siNo.optional(),
    consentimiento: siNo.optional(),
    zonaHoraria: zonaHoraria.optional(),
    retirar: retirar.optional(),
    motivo,
  })
  .superRefine(algoQueCambiar('numero, tipo, valido, consentimiento, zonaHoraria o retirar'))
  .superRefine(correccionORetiro('numero'));

const correoNuevo = z.strictObject({ correo, consentimiento: siNo });
const cambiosDeCorreo = z
  .strictObject({
    correo: correo.optional(),
    valido: siNo.optional(),
    consentimiento: siNo.optional(),
    retirar: retirar.optional(),
    motivo,
  })
  .superRefine(algoQueCambiar('correo, valido, consentimiento o retirar'))
  .superRefine(correccionORetiro('correo'));

// Required as the table has them: street and municipio; the state defaults to Sonora.
const domicilioNuevo = z.strictObject({
  calle: texto(200),
  numero: opcional(20).default(null),
  colonia: opcional(120).default(null),
  codigoPostal: codigoPostal.default(null),
  municipio: texto(120),
  estado: texto(60).default('Sonora'),
  zonaHoraria: zonaHoraria.default(null),
});
const CAMPOS_DE_DOMICILIO = ['calle', 'numero', 'colonia', 'codigoPostal', 'municipio', 'estado'];
const cambiosDeDomicilio = z
  .strictObject({
    calle: texto(200).optional(),
    numero: opcional(20).optional(),
    colonia: opcional(120).optional(),
    codigoPostal: codigoPostal.optional(),
    municipio: texto(120).optional(),
    estado: texto(60).optional(),
    zonaHoraria: zonaHoraria.optional(),
    retirar: retirar.optional(),
    motivo,
  })
  .superRefine(algoQueCambiar(`${CAMPOS_DE_DOMICILIO.join(', ')}, zonaHoraria o retirar`))
  .superRefine((c, ctx) => {
    const campo = CAMPOS_DE_DOMICILIO.find((k) => c[k as keyof typeof c] !== undefined);
    if (campo !== undefined) correccionORetiro(campo)(c, ctx);
  });

export function rutasContactos(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/personas/:id/contactos',
    {
      accion: 'contactos.consultar',
      params: idEnRuta,
      resumen: 'Los teléfonos, correos y domicilios de una persona, con su historial',
      respuesta: contactos,
    },
    async ({ params: { id }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarContactos(trx, id, ctx)),
  );

  rutas.post(
    '/api/personas/:id/telefonos',
    {
      accion: 'contactos.editar',
      params: idEnRuta,
      body: telefonoNuevo,
      resumen: 'Agrega un teléfono a una persona (o actualiza el que ya tiene)',
      respuesta: telefonoAgregado,
    },
    async ({ params: { id }, body, ctx, enTransaccion, responder }) => {
      const r = await enTransaccion((trx) => agregarTelefono(trx, id, body, ctx));
      return responder(r.nuevo ? 201 : 200, { telefono: r.telefono });
    },
  );

  rutas.patch(
    '/api/telefonos/:id',
    {
      accion: 'contactos.editar',
      params: idEnRuta,
      body: cambiosDeTelefono,
      resumen: 'Corrige, marca o retira un teléfono',
      respuesta: telefonoCambiado,
    },
    async ({ params: { id }, body, ctx, enTransaccion }) =>
      enTransaccion((trx) => cambiarTelefono(trx, id, body, ctx)),
  );

  rutas.post(
    '/api/personas/:id/correos',
    {
      accion: 'contactos.editar',
      params: idEnRuta,
      body: correoNuevo,
      resumen: 'Agrega un correo a una persona (o actualiza el que ya tiene)',
      respuesta: correoAgregado,
    },
    async ({ params: { id }, body, ctx, enTransaccion, responder }) => {
      const r = await enTransaccion((trx) => agregarCorreo(trx, id, body, ctx));
      return responder(r.nuevo ? 201 : 200, { correo: r.correo });
    },
  );

  rutas.patch(
    '/api/correos/:id',
    {
      accion: 'contactos.editar',
      params: idEnRuta,
      body: cambiosDeCorreo,
      resumen: 'Corrige, marca o retira un correo',
      respuesta: correoCambiado,
    },
    async ({ params: { id }, body, ctx, enTransaccion }) =>
      enTransaccion((trx) => cambiarCorreo(trx, id, body, ctx)),
  );

  rutas.post(
    '/api/personas/:id/domicilios',
    {
      accion: 'contactos.editar',
      params: idEnRuta,
      body: domicilioNuevo,
      resumen: 'Agrega un domicilio a una persona',
      respuesta: domicilioAgregado,
    },
    async ({ params: { id }, body, ctx, enTransaccion, responder }) => {
      const r = await enTransaccion((trx) => agregarDomicilio(trx, id, body, ctx));
      return responder(r.nuevo ? 201 : 200, { domicilio: r.domicilio });
    },
  );

  rutas.patch(
    '/api/domicilios/:id',
    {
      accion: 'contactos.editar',
      params: idEnRuta,
      body: cambiosDeDomicilio,
      resumen: 'Corrige, cambia de zona horaria o retira un domicilio',
      respuesta: domicilioCambiado,
    },
    async ({ params: { id }, body, ctx, enTransaccion }) =>
      enTransaccion((trx) => cambiarDomicilio(trx, id, body, ctx)),
  );
}
