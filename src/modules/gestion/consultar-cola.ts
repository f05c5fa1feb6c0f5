import type { Db } from '../../db/conexion.ts';
import { nombreCompleto } from '../../db/nombre-persona.ts';
import { centavos, formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import {
  type Motivo,
  motivosDeCuenta,
  puntajeDeCuenta,
  recuperacionEsperada,
} from '../../domain/gestion/cola.ts';
import { titularesSuplidos } from '../asignacion/cuentas-a-cargo.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type CuentaConHechos, hechosDeCola } from './hechos-de-cola.ts';
import { leerParametrosGestion } from './parametros-gestion.ts';

export interface CuentaEnCola {
  creditoId: number;
  numero: string;
  acreditado: string;
  motivos: Motivo[];
  puntaje: number;
  proximaAccion: { tipo: string; fecha: string } | null;
  saldoExigible: string | null;
  bucket: string | null;
  tomadaPor: { id: number; nombre: string } | null;
}

export interface Cola {
  gestor: { id: number; nombre: string };
  total: number;
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

/** The accounts of a queue, ranked, each with its motives and score. */
export async function cuentasOrdenadas(
  trx: Db,
  gestorId: number,
  ctx: ContextoAutenticado,
): Promise<Array<CuentaConHechos & { motivos: Motivo[]; puntaje: number }>> {
  const hoy = ctx.reloj.hoy();
  const p = await leerParametrosGestion(trx);
  const gestores = [gestorId, ...(await titularesSuplidos(trx, gestorId, hoy))];
  const hechos = await hechosDeCola(trx, gestores, hoy, ctx.reloj.ahora());
  const parametros = {
    hoy,
    diasSinContacto: p.dias_sin_contacto,
    diasParaPrescripcion: p.dias_para_prescripcion,
    saldoAlto: Number(p.saldo_alto_centavos),
  };
  return hechos
    .map((h) => {
      const motivos = motivosDeCuenta(h, parametros);
      return { ...h, motivos, puntaje: puntajeDeCuenta(motivos, recuperacionEsperada(h)) };
    })
    .sort((a, b) => b.puntaje - a.puntaje || a.numero.localeCompare(b.numero));
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

export function cuentaEnCola(
  c: CuentaConHechos & { motivos: Motivo[]; puntaje: number },
  nombres: Map<number, string>,
): CuentaEnCola {
  return {
    creditoId: c.creditoId,
    numero: c.numero,
    acreditado: nombres.get(c.creditoId) ?? '',
    motivos: c.motivos,
    puntaje: c.puntaje,
    proximaAccion: c.proximaAccion,
    saldoExigible: c.saldoExigible === null ? null : formatearCentavos(centavos(c.saldoExigible)),
    bucket: c.bucket,
    tomadaPor: c.tomadaPor,
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
  const todas = await cuentasOrdenadas(trx, gestor.id, ctx);
  const primeras = todas.slice(0, filtro.limite);
  const nombres = await nombresDeAcreditados(
    trx,
    primeras.map((c) => c.creditoId),
  );
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'cola.consultar',
    objetoTipo: 'usuario',
    objetoId: gestor.id,
    detalle: { cuentas: primeras.length },
  });
  return { gestor, total: todas.length, cuentas: primeras.map((c) => cuentaEnCola(c, nombres)) };
}
