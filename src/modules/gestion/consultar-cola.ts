import type { Db } from '../../db/conexion.ts';
import type { ProximaAccion } from '../../db/esquema.ts';
import { nombreCompleto } from '../../db/nombre-persona.ts';
import type { Bucket } from '../../domain/antiguedad.ts';
import { centavos, formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import {
  alertasAlcanzadas,
  type ClaveMotivo,
  clavesDeMotivos,
  type Motivo,
  type ParametrosDeCola,
  puntajeDeCuenta,
  recuperacionEsperada,
  textoDeMotivo,
} from '../../domain/gestion/cola.ts';
import { titularesSuplidos } from '../asignacion/cuentas-a-cargo.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { leerParametrosPrescripcion } from '../expedientes/parametros-prescripcion.ts';
import { type CuentaConHechos, hechosDeCola } from './hechos-de-cola.ts';
import { leerParametrosGestion } from './parametros-gestion.ts';

export interface CuentaEnCola {
  creditoId: number;
  numero: string;
  acreditado: string;
  motivos: Motivo[];
  puntaje: number;
  proximaAccion: { tipo: ProximaAccion; fecha: string } | null;
  saldoExigible: string | null;
  bucket: Bucket | null;
  tomadaPor: { id: number; nombre: string } | null;
}

export interface Cola {
  gestor: { id: number; nombre: string };
  total: number;
  /** Of the `total` accounts, those with a gestión started today (the day's progress). */
  gestionadasHoy: number;
  cuentas: CuentaEnCola[];
}

/** Whose queue: a gestor his own; a coordinador his own or one of his office's gestores. */
export async function gestorDeLaCola(
  trx: Db,
  gestorId: number | null,
  ctx: ContextoAutenticado,
): Promise<{ id: number; nombre: string }> {
  const id = gestorId ?? ctx.actor.id;
  if (id !== ctx.actor.id && ctx.actor.rol !== 'coordinador') {
    throw new ErrorDominio('prohibido', 'Solo ves tu propia cola de trabajo.');
  }
  const u = await trx
    .selectFrom('usuarios')
    .select(['id', 'nombre', 'oficina_id', 'rol'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (
    !u ||
    u.oficina_id !== ctx.actor.oficinaId ||
    (u.rol !== 'gestor' && u.rol !== 'coordinador')
  ) {
    throw new ErrorDominio('prohibido', 'Ese usuario no es de tu oficina.');
  }
  return { id: u.id, nombre: u.nombre };
}

/** An account of the queue with its motives (claves) and score. */
export interface CuentaPuntuada {
  hechos: CuentaConHechos;
  claves: ClaveMotivo[];
  puntaje: number;
}

/** The accounts of a queue, ranked, with the parameters their motives were read with. */
export async function cuentasOrdenadas(
  trx: Db,
  gestorId: number,
  ctx: ContextoAutenticado,
): Promise<{ parametros: ParametrosDeCola; cuentas: CuentaPuntuada[] }> {
  const hoy = ctx.reloj.hoy();
  const p = await leerParametrosGestion(trx);
  // The prescription motive follows the prescription alerts (docs/expedientes.md), not a
  // threshold of its own.
  const { alertasDias } = await leerParametrosPrescripcion(trx);
  const gestores = [gestorId, ...(await titularesSuplidos(trx, gestorId, hoy))];
  const hechos = await hechosDeCola(trx, gestores, hoy, ctx.reloj.ahora());
  const parametros: ParametrosDeCola = {
    hoy,
    diasSinContacto: p.dias_sin_contacto,
    alertasPrescripcion: alertasDias,
    saldoAlto: p.saldo_alto_centavos,
  };
  const cuentas = hechos.map((h): CuentaPuntuada => {
    const claves = clavesDeMotivos(h, parametros);
    const alertas = alertasAlcanzadas(h, parametros);
    return {
      hechos: h,
      claves,
      puntaje: puntajeDeCuenta(claves, recuperacionEsperada(h), alertas),
    };
  });
  // Ties by credit number, compared as plain text: localeCompare over thousands of rows cost
  // more than the rest of the ranking.
  cuentas.sort(
    (a, b) =>
      b.puntaje - a.puntaje ||
      (a.hechos.numero < b.hechos.numero ? -1 : a.hechos.numero > b.hechos.numero ? 1 : 0),
  );
  return { parametros, cuentas };
}

/** The acreditado's name of each credit, for the rows shown. */
export async function nombresDeAcreditados(
  trx: Db,
  creditoIds: readonly number[],
): Promise<Map<number, string>> {
  if (creditoIds.length === 0) return new Map();
  const filas = await trx
    .selectFrom('participantes_credito as pc')
    .innerJoin('personas as p', 'p.id', 'pc.persona_id')
    .select(['pc.credito_id', 'p.nombres', 'p.primer_apellido', 'p.segundo_apellido'])
    .where('pc.credito_id', 'in', [...creditoIds])
    .where('pc.rol', '=', 'acreditado')
    .execute();
  return new Map(filas.map((f) => [f.credito_id, nombreCompleto(f)]));
}

/** A ranked account as the API shows it; the motives' sentences are written here. */
export function cuentaEnCola(
  c: CuentaPuntuada,
  nombres: Map<number, string>,
  parametros: ParametrosDeCola,
): CuentaEnCola {
  const h = c.hechos;
  return {
    creditoId: h.creditoId,
    numero: h.numero,
    acreditado: nombres.get(h.creditoId) ?? '',
    motivos: c.claves.map((clave) => ({ clave, texto: textoDeMotivo(clave, h, parametros) })),
    puntaje: c.puntaje,
    proximaAccion: h.proximaAccion,
    saldoExigible: h.saldoExigible === null ? null : formatearCentavos(centavos(h.saldoExigible)),
    bucket: h.bucket,
    tomadaPor: h.tomadaPor,
  };
}

/**
 * "Mi cartera hoy": a gestor's accounts ranked by what to do now (`src/domain/gestion/cola.ts`).
 * The first `limite` rows are returned, with the total.
 */
export async function consultarCola(
  trx: Db,
  filtro: { gestorId: number | null; limite: number },
  ctx: ContextoAutenticado,
): Promise<Cola> {
  const gestor = await gestorDeLaCola(trx, filtro.gestorId, ctx);
  const { parametros, cuentas: todas } = await cuentasOrdenadas(trx, gestor.id, ctx);
  const primeras = todas.slice(0, filtro.limite);
  const nombres = await nombresDeAcreditados(
    trx,
    primeras.map((c) => c.hechos.creditoId),
  );
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'cola.consultar',
    objetoTipo: 'usuario',
    objetoId: gestor.id,
    detalle: { cuentas: primeras.length },
  });
  return {
    gestor,
    total: todas.length,
    gestionadasHoy: todas.filter((c) => c.hechos.gestionadaHoy).length,
    cuentas: primeras.map((c) => cuentaEnCola(c, nombres, parametros)),
  };
}
