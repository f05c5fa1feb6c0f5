/**
 * Expedientes: a credit's papers, where each piece is (custody), its scans, and the pagarés
 * about to prescribe (src/http/rutas/expedientes.ts, custodia.ts, escaneos.ts).
 */
import { z } from 'zod';
import { fecha, id, instante, pesos } from './comun.ts';

/** An office as the papers name it: with its short key (`HMO`), printed on the labels. */
export const oficinaConClave = z.strictObject({ id, clave: z.string(), nombre: z.string() });
export type OficinaConClave = z.infer<typeof oficinaConClave>;

/** Someone who holds a piece, or a law firm: id and name. */
export const nombrado = z.strictObject({ id, nombre: z.string() });
export type Nombrado = z.infer<typeof nombrado>;

export const tipoUbicacion = z.enum(['archivo', 'persona', 'despacho', 'devuelto']);
export type TipoUbicacion = z.infer<typeof tipoUbicacion>;

/** Where a piece is, as every answer shows it (the shared contract of issue 10). */
export const ubicacion = z.strictObject({
  tipo: tipoUbicacion,
  /** The archive's office (also the office of the person who has it). */
  oficina: oficinaConClave.nullable(),
  estante: z.string().nullable(),
  caja: z.string().nullable(),
  usuario: nombrado.nullable(),
  despacho: nombrado.nullable(),
  /** While lent: the date it must be back. */
  devolverAMasTardar: fecha.nullable(),
  /** Lent and past its date. */
  vencida: z.boolean(),
  /** False: nothing recorded yet, it is in its office's archive on an unknown shelf. */
  registrada: z.boolean(),
});
export type Ubicacion = z.infer<typeof ubicacion>;

/** When a pagaré's summary action prescribes (docs/expedientes.md). */
export const prescripcion = z.strictObject({
  /** The last day the action may be exercised. */
  fecha,
  /** The date the three years run from: the due date or the act that restarted them. */
  desde: fecha,
  motivo: z.string(),
  /** Negative once prescribed. */
  diasRestantes: z.number().int(),
  prescrito: z.boolean(),
});
export type Prescripcion = z.infer<typeof prescripcion>;

export const estadoDocumental = z.enum([
  'vigente',
  'vencido',
  'pagado_anticipadamente',
  'sustituido_por_reestructura',
  'finiquitado',
  'devuelto_al_acreditado',
  'en_despacho',
]);
export type EstadoDocumental = z.infer<typeof estadoDocumental>;

export const tipoPieza = z.enum(['expediente', 'pagare']);
export type TipoPieza = z.infer<typeof tipoPieza>;

export const pieza = z.strictObject({
  /** `EXP-<número de crédito>` or `PAG-<número de pagaré>`: what the label's QR says. */
  etiqueta: z.string(),
  tipo: tipoPieza,
  ministracionId: id.nullable(),
  pagare: z
    .strictObject({
      numero: z.string(),
      ministracion: z.number().int(),
      monto: pesos,
      vencimiento: fecha,
      periodoEscolar: z.string(),
    })
    .nullable(),
  /** Null for the expediente: only a pagaré has a documentary state and a prescription. */
  estadoDocumental: estadoDocumental.nullable(),
  motivoEstado: z.string().nullable(),
  prescripcion: prescripcion.nullable(),
  ubicacion,
});
export type Pieza = z.infer<typeof pieza>;

export const tipoArchivoEscaneo = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
export type TipoArchivoEscaneo = z.infer<typeof tipoArchivoEscaneo>;

export const escaneo = z.strictObject({
  id,
  ministracionId: id.nullable(),
  /** A document of a legal action (the lawsuit filed, the ruling…) rather than of a piece. */
  actuacionId: id.nullable(),
  nombre: z.string(),
  tipo: tipoArchivoEscaneo,
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
  descripcion: z.string().nullable(),
  /** The uploader's name. */
  subidoPor: z.string(),
  subidoEn: instante,
});
export type Escaneo = z.infer<typeof escaneo>;
export const listaEscaneos = z.strictObject({ escaneos: z.array(escaneo) });
export type ListaEscaneos = z.infer<typeof listaEscaneos>;

export const expediente = z.strictObject({
  creditoId: id,
  numero: z.string(),
  oficina: oficinaConClave,
  /** The law firm holding the account and until when; null: not turned over. */
  turnado: z.strictObject({ despacho: nombrado, hasta: fecha }).nullable(),
  /** The expediente first, then the pagarés by ministración. */
  piezas: z.array(pieza),
  escaneos: z.array(escaneo),
});
export type Expediente = z.infer<typeof expediente>;

/** A custody move: the acuse to sign and where every piece is now. */
export const movimientoHecho = z.strictObject({
  acuseId: id,
  /** Where to download the acuse to sign. */
  acusePdf: z.string(),
  piezas: z.array(z.strictObject({ etiqueta: z.string(), ubicacion })),
});
export type MovimientoHecho = z.infer<typeof movimientoHecho>;

/** What a scanned label names, and where the system believes it is. */
export const piezaEscaneada = z.strictObject({
  creditoId: id,
  numero: z.string(),
  pieza: z.strictObject({
    etiqueta: z.string(),
    tipo: tipoPieza,
    ministracionId: id.nullable(),
    ubicacion,
  }),
});
export type PiezaEscaneada = z.infer<typeof piezaEscaneada>;

export const piezaVencida = z.strictObject({
  etiqueta: z.string(),
  creditoId: id,
  numero: z.string(),
  ubicacion,
  diasDeRetraso: z.number().int(),
});
export type PiezaVencida = z.infer<typeof piezaVencida>;
export const prestamosVencidos = z.strictObject({ piezas: z.array(piezaVencida) });
export type PrestamosVencidos = z.infer<typeof prestamosVencidos>;

export const piezaDeInventario = z.strictObject({
  etiqueta: z.string(),
  creditoId: id,
  numero: z.string(),
});
export type PiezaDeInventario = z.infer<typeof piezaDeInventario>;

export const resultadoInventario = z.strictObject({
  oficinaId: id,
  estante: z.string(),
  caja: z.string().nullable(),
  /** Scanned, and the system has them here. */
  coinciden: z.array(piezaDeInventario),
  /** The system says they are on this shelf, and they were not scanned. */
  faltan: z.array(piezaDeInventario),
  /** Scanned here, while the system says they are elsewhere. */
  sobran: z.array(piezaDeInventario.extend({ ubicacionRegistrada: ubicacion })),
  /** Scanned labels that name no piece. */
  desconocidas: z.array(z.string()),
});
export type ResultadoInventario = z.infer<typeof resultadoInventario>;

export const pagarePorPrescribir = z.strictObject({
  creditoId: id,
  numero: z.string(),
  acreditado: z.string(),
  oficina: oficinaConClave,
  etiqueta: z.string(),
  pagareNumero: z.string(),
  vencimiento: fecha,
  prescripcion,
  /** The balance at the latest aging; null while none has been computed for the credit. */
  saldo: pesos.nullable(),
});
export type PagarePorPrescribir = z.infer<typeof pagarePorPrescribir>;

export const listaPorPrescribir = z.strictObject({
  hoy: fecha,
  dias: z.number().int(),
  /** One page of them, soonest first. */
  pagares: z.array(pagarePorPrescribir),
  /** How many match in all pages. */
  total: z.number().int().nonnegative(),
  pagina: z.number().int().positive(),
  porPagina: z.number().int().positive(),
});
export type ListaPorPrescribir = z.infer<typeof listaPorPrescribir>;

export const parametrosPrescripcion = z.strictObject({
  /** Whether a documented payment restarts the 3-year term. */
  pagoInterrumpe: z.boolean(),
  /** Days before the prescription date at which the queue and the list alert, largest first. */
  alertasDias: z.array(z.number().int().positive()),
  /** The legal basis the administrador noted. */
  fundamento: z.string(),
  /** Who set it (null: the initial value of migration 0029). */
  definidoPor: z.string().nullable(),
  definidoEn: instante,
});
export type ParametrosPrescripcion = z.infer<typeof parametrosPrescripcion>;
