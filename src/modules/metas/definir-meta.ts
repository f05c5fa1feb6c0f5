import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import {
  ITEMS_META,
  type ItemMeta,
  type ObjetivoItem,
  pesoEnCentesimas,
} from '../../domain/metas/indice-de-cumplimiento.ts';
import { type Mes, mesDeFecha, primerDia } from '../../domain/metas/mes.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { objetivosDeFila } from './metas-vigentes.ts';
import {
  cargarSujeto,
  exigirPuedeDefinir,
  type SujetoDeMeta,
  type SujetoPedido,
  versionesDeSujeto,
} from './sujeto-de-meta.ts';
import { itemsDeFila, type MetaEnLista, metaEnLista, versionDeFila } from './vista-meta.ts';

export type Objetivos = Partial<Record<ItemMeta, ObjetivoItem>>;

export interface MetaNueva {
  sujeto: SujetoPedido;
  /** recuperacion in centavos, the rest counts; each with its weight ("40", "12.5"). */
  items: Objetivos;
  motivo: string | null;
}

export interface MetaDefinida extends MetaEnLista {
  /** false: the goal already asked for exactly this, and no version was added. */
  cambio: boolean;
}

// Namespace of the advisory lock that numbers a subject's versions of a month.
const CANDADO_METAS = 727_023;
/** pg's `integer`, the count columns. */
const MAXIMO_CONTEO = 2_147_483_647n;
/** numeric(6,2): 0 to 9999.99; the institute's weights go to 999.99. */
export const PESO = /^\d{1,3}(\.\d{1,2})?$/;

/** A month before the current one (business time) is closed: its figures were measured. */
export function exigirMesAbierto(mes: Mes, ctx: ContextoAutenticado): void {
  const actual = mesDeFecha(ctx.reloj.hoy());
  if (mes < actual) {
    throw new ErrorDominio(
      'mes_cerrado',
      `El mes ${mes} ya cerró: sus metas no se cambian. Se fijan las del mes en curso (${actual}) o de los siguientes.`,
      'mes',
    );
  }
}

/** The edge checks these too; the use case does not trust its callers (the XLSX import). */
export function revisarObjetivos(items: Objetivos): void {
  const presentes = ITEMS_META.filter((i) => items[i] !== undefined);
  if (presentes.length === 0) {
    throw new ErrorDominio(
      'entrada_invalida',
      'La meta debe pedir al menos una cosa: recuperación, contactos efectivos, convenios o turnos atendidos.',
      'items',
    );
  }
  for (const item of presentes) {
    const o = items[item] as ObjetivoItem;
    const tope = item === 'recuperacion' ? BigInt(Number.MAX_SAFE_INTEGER) : MAXIMO_CONTEO;
    if (o.meta < 0n || o.meta > tope) {
      throw new ErrorDominio(
        'entrada_invalida',
        'La meta debe ser un número no negativo dentro del rango admitido.',
        `items.${item}.meta`,
      );
    }
    if (!PESO.test(o.peso)) {
      throw new ErrorDominio(
        'entrada_invalida',
        'El peso debe ser un número entre 0 y 999.99 con a lo más 2 decimales.',
        `items.${item}.peso`,
      );
    }
  }
}

/** Same goal: the same items with the same targets and weights ("40" is "40.00"). */
export function mismosObjetivos(a: Objetivos, b: Objetivos): boolean {
  return ITEMS_META.every((i) => {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return x === y;
    return x.meta === y.meta && pesoEnCentesimas(x.peso) === pesoEnCentesimas(y.peso);
  });
}

const texto = (o: ObjetivoItem | undefined) => (o === undefined ? null : o.peso);
const numero = (o: ObjetivoItem | undefined) => (o === undefined ? null : Number(o.meta));

/**
 * Writes the subject's goal as a new version unless it already asks for exactly this. The
 * caller has checked the month and the actor's right to set it. Serialized per subject, so two
 * coordinadores saving at once get versions n+1 and n+2, not a collision.
 */
export async function guardarMeta(
  trx: Db,
  mes: Mes,
  s: SujetoDeMeta,
  items: Objetivos,
  motivo: string | null,
  ctx: ContextoAutenticado,
): Promise<MetaDefinida> {
  const clave = s.gestor === null ? `o:${s.oficina.id}` : `g:${s.gestor.id}`;
  await sql`SELECT pg_advisory_xact_lock(${CANDADO_METAS}, hashtext(${`${mes}/${clave}`}))`.execute(
    trx,
  );
  const [actual] = await versionesDeSujeto(trx, mes, s);
  const gestor =
    s.gestor === null
      ? null
      : { id: s.gestor.id, usuario: s.gestor.usuario, nombre: s.gestor.nombre };
  if (actual && mismosObjetivos(objetivosDeFila(actual), items)) {
    return {
      ...metaEnLista(s.oficina, gestor, versionDeFila(actual, actual.registro_nombre)),
      cambio: false,
    };
  }
  const fila = await trx
    .insertInto('metas')
    .values({
      mes: primerDia(mes),
      oficina_id: s.oficina.id,
      gestor_id: s.gestor?.id ?? null,
      version: (actual?.version ?? 0) + 1,
      recuperacion_centavos: numero(items.recuperacion),
      recuperacion_peso: texto(items.recuperacion),
      contactos_efectivos: numero(items.contactosEfectivos),
      contactos_efectivos_peso: texto(items.contactosEfectivos),
      convenios: numero(items.convenios),
      convenios_peso: texto(items.convenios),
      turnos_atendidos: numero(items.turnosAtendidos),
      turnos_atendidos_peso: texto(items.turnosAtendidos),
      motivo,
      registrada_por: ctx.actor.id,
      registrada: ctx.reloj.ahora(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'metas.definir',
    objetoTipo: 'meta',
    objetoId: fila.id,
    detalle: {
      mes,
      oficinaId: s.oficina.id,
      gestorId: s.gestor?.id ?? null,
      version: fila.version,
      antes: actual ? itemsDeFila(actual) : null,
      despues: itemsDeFila(fila),
      motivo,
    },
  });
  return {
    ...metaEnLista(s.oficina, gestor, versionDeFila(fila, ctx.actor.nombre)),
    cambio: true,
  };
}

/**
 * Sets one gestor's or one office's goal for a month (issue 11): the coordinador for his own
 * office's active gestores, the administrador for any office or gestor; never for a closed month.
 */
export async function definirMeta(
  trx: Db,
  mes: Mes,
  meta: MetaNueva,
  ctx: ContextoAutenticado,
): Promise<MetaDefinida> {
  exigirMesAbierto(mes, ctx);
  revisarObjetivos(meta.items);
  const s = await cargarSujeto(trx, meta.sujeto);
  exigirPuedeDefinir(ctx.actor, s);
  return guardarMeta(trx, mes, s, meta.items, meta.motivo, ctx);
}
