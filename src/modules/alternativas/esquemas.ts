import { z } from 'zod';
import {
  type Elegibilidad,
  formatearPorcentaje,
  MESES_MAXIMOS_DE_PRORROGA,
  type ParametrosAlternativa,
  type Porcentaje,
  porcentajeDesdeTexto,
  TIPOS_ALTERNATIVA,
  type TipoAlternativa,
  TOLERANCIA_DIAS_MAXIMA,
  TOLERANCIA_DIAS_POR_OMISION,
} from '../../domain/alternativas/index.ts';
import { type Tasa, tasaDesdeTexto } from '../../domain/tasa.ts';
// The API's text and date primitives: these shapes are what the HTTP edge validates with.
import { cadena, fecha, texto } from '../../http/validacion.ts';

/**
 * The catalogue's shapes, in one place: the HTTP edge validates requests with them, and the
 * stored jsonb parameters are read back through them (a row that no longer fits is an error,
 * not a guess). Percentages and rates travel as decimal strings; a JSON number is refused.
 */

const entero = (min: number, max: number) =>
  z
    .number()
    .int('debe ser un número entero')
    .min(min, `debe ser al menos ${min}`)
    .max(max, `admite a lo más ${max}`);

const porcentaje = z
  .string()
  .refine(
    (t) => porcentajeDesdeTexto(t) !== null,
    'debe ser una proporción entre "0" y "1" con a lo más 8 decimales (p. ej. "0.50" es 50 %)',
  )
  .transform((t) => porcentajeDesdeTexto(t) as Porcentaje);

const tasa = z
  .string()
  .refine(
    (t) => tasaDesdeTexto(t) !== null,
    'debe ser una tasa anual entre "0" y "1" con a lo más 8 decimales (p. ej. "0.06")',
  )
  .transform((t) => tasaDesdeTexto(t) as Tasa);

export const clave = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9-]{2,39}$/,
    'de 3 a 40 minúsculas sin acento, números o guiones (p. ej. "regularizacion-12")',
  );

const claves = (max: number) => z.array(texto(20)).max(max).default([]);

export const esquemaElegibilidad = z
  .strictObject({
    diasAtrasoMinimo: entero(0, 36_500).nullable().default(null),
    diasAtrasoMaximo: entero(0, 36_500).nullable().default(null),
    productos: claves(50),
    oficinas: claves(10),
    generacionDesde: entero(1980, 2100).nullable().default(null),
    generacionHasta: entero(1980, 2100).nullable().default(null),
  })
  .refine(
    (e) =>
      e.diasAtrasoMinimo === null ||
      e.diasAtrasoMaximo === null ||
      e.diasAtrasoMinimo <= e.diasAtrasoMaximo,
    { message: 'no puede ser menor que diasAtrasoMinimo', path: ['diasAtrasoMaximo'] },
  )
  .refine(
    (e) =>
      e.generacionDesde === null ||
      e.generacionHasta === null ||
      e.generacionDesde <= e.generacionHasta,
    { message: 'no puede ser anterior a generacionDesde', path: ['generacionHasta'] },
  )
  .transform((e): Elegibilidad => e);

const descuento = { descuentoMoratorio: porcentaje, descuentoInteres: porcentaje };
const aDescuento = (d: { descuentoMoratorio: Porcentaje; descuentoInteres: Porcentaje }) => ({
  moratorio: d.descuentoMoratorio,
  interes: d.descuentoInteres,
});

/** Each kind's parameters, turned into the domain's `ParametrosAlternativa`. */
export const ESQUEMA_PARAMETROS = {
  liquidacion_con_descuento: z
    .strictObject({ ...descuento, diasParaPagar: entero(0, 90) })
    .transform(
      (p): ParametrosAlternativa => ({
        tipo: 'liquidacion_con_descuento',
        descuento: aDescuento(p),
        diasParaPagar: p.diasParaPagar,
      }),
    ),
  regularizacion: z
    .strictObject({ pagosMaximos: entero(1, 60), congelaMoratorio: z.boolean() })
    .transform((p): ParametrosAlternativa => ({ tipo: 'regularizacion', ...p })),
  convenio_de_pagos: z
    .strictObject({ ...descuento, pagosMaximos: entero(1, 120), congelaMoratorio: z.boolean() })
    .transform(
      (p): ParametrosAlternativa => ({
        tipo: 'convenio_de_pagos',
        pagosMaximos: p.pagosMaximos,
        congelaMoratorio: p.congelaMoratorio,
        descuento: aDescuento(p),
      }),
    ),
  reestructura: z
    .strictObject({ ...descuento, plazoMaximoMeses: entero(1, 240), tasaOrdinariaAnual: tasa })
    .transform(
      (p): ParametrosAlternativa => ({
        tipo: 'reestructura',
        plazoMaximoMeses: p.plazoMaximoMeses,
        tasaOrdinariaAnual: p.tasaOrdinariaAnual,
        descuento: aDescuento(p),
      }),
    ),
  prorroga: z
    .strictObject({
      mesesMaximos: entero(1, MESES_MAXIMOS_DE_PRORROGA),
      congelaMoratorio: z.boolean(),
    })
    .transform((p): ParametrosAlternativa => ({ tipo: 'prorroga', ...p })),
} satisfies Record<TipoAlternativa, z.ZodType<ParametrosAlternativa, unknown>>;

/** The parameters as stored (jsonb) and shown: the same form the administrador sends. */
export function parametrosAJson(
  p: ParametrosAlternativa,
): Record<string, string | number | boolean> {
  const pct = formatearPorcentaje;
  switch (p.tipo) {
    case 'liquidacion_con_descuento':
      return {
        descuentoMoratorio: pct(p.descuento.moratorio),
        descuentoInteres: pct(p.descuento.interes),
        diasParaPagar: p.diasParaPagar,
      };
    case 'regularizacion':
      return { pagosMaximos: p.pagosMaximos, congelaMoratorio: p.congelaMoratorio };
    case 'convenio_de_pagos':
      return {
        pagosMaximos: p.pagosMaximos,
        congelaMoratorio: p.congelaMoratorio,
        descuentoMoratorio: pct(p.descuento.moratorio),
        descuentoInteres: pct(p.descuento.interes),
      };
    case 'reestructura':
      return {
        plazoMaximoMeses: p.plazoMaximoMeses,
        tasaOrdinariaAnual: pct(p.tasaOrdinariaAnual),
        descuentoMoratorio: pct(p.descuento.moratorio),
        descuentoInteres: pct(p.descuento.interes),
      };
    case 'prorroga':
      return { mesesMaximos: p.mesesMaximos, congelaMoratorio: p.congelaMoratorio };
  }
}

/** Days a promise of a convenio signed under the version keeps past its date. */
const toleranciaDias = entero(0, TOLERANCIA_DIAS_MAXIMA).default(TOLERANCIA_DIAS_POR_OMISION);

/** Read first, alone, so that a wrong kind gets its own clear message. */
export const soloTipo = z.looseObject({ tipo: z.enum(TIPOS_ALTERNATIVA) });

const comunesAlternativa = {
  nombre: texto(120),
  descripcion: cadena({ renglones: true })
    .trim()
    .max(1000, 'admite a lo más 1000 caracteres')
    .default(''),
  vigenteDesde: fecha.optional(),
  activa: z.boolean().default(true),
  toleranciaDias,
  elegibilidad: esquemaElegibilidad.default({
    diasAtrasoMinimo: null,
    diasAtrasoMaximo: null,
    productos: [],
    oficinas: [],
    generacionDesde: null,
    generacionHasta: null,
  }),
};

function versionDe<T extends TipoAlternativa>(tipo: T) {
  return z.strictObject({
    tipo: z.literal(tipo),
    ...comunesAlternativa,
    parametros: ESQUEMA_PARAMETROS[tipo] as z.ZodType<ParametrosAlternativa, unknown>,
  });
}

/** A new version of an alternative of kind `tipo` (PUT), or with its clave, a new one (POST). */
export function esquemaVersionAlternativa(tipo: TipoAlternativa) {
  return versionDe(tipo);
}

export function esquemaNuevaAlternativa(tipo: TipoAlternativa) {
  return versionDe(tipo).extend({ clave });
}

export type DatosVersionAlternativa = z.output<ReturnType<typeof esquemaVersionAlternativa>>;

const camposCampana = {
  nombre: texto(120),
  acuerdo: texto(200),
  descripcion: cadena({ renglones: true })
    .trim()
    .max(1000, 'admite a lo más 1000 caracteres')
    .default(''),
  inicio: fecha,
  fin: fecha,
  vigenteDesde: fecha.optional(),
  activa: z.boolean().default(true),
  descuentoMoratorio: porcentaje,
  descuentoInteres: porcentaje,
  pagosMaximos: entero(1, 120),
  congelaMoratorio: z.boolean().default(true),
  toleranciaDias,
  elegibilidad: comunesAlternativa.elegibilidad,
};

const finNoAntesDeInicio = {
  message: 'no puede ser anterior a inicio',
  path: ['fin'],
};

export const esquemaVersionCampana = z
  .strictObject(camposCampana)
  .refine((c) => c.fin >= c.inicio, finNoAntesDeInicio);

export const esquemaNuevaCampana = z
  .strictObject({ ...camposCampana, clave })
  .refine((c) => c.fin >= c.inicio, finNoAntesDeInicio);

export type DatosVersionCampana = z.output<typeof esquemaVersionCampana>;
