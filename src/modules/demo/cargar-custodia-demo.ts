import type { Db } from '../../db/conexion.ts';
import type { Rol } from '../../db/esquema.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import type { Reloj } from '../../domain/reloj.ts';
import type { Contexto, ContextoAutenticado } from '../contexto.ts';
import { moverPiezas } from '../expedientes/custodia/mover-piezas.ts';

export interface ResumenCustodiaDemo {
  /** Credits whose expediente and pagarés sit on a shelf. */
  ubicados: number;
  prestamos: number;
  vencidos: number;
}

// Per office: eight boxes on each of three shelves, one credit's papers per box.
const CREDITOS_POR_OFICINA = 24;
const CAJAS_POR_ESTANTE = 8;

/** The demo clock moved back `dias` days, so that the history reads in order. */
function haceDias(reloj: Reloj, dias: number): Reloj {
  const hoy = reloj.hoy();
  const ahora = reloj.ahora();
  return {
    ahora: () => new Date(ahora.getTime() - dias * 86_400_000),
    hoy: (): Fecha => sumarDias(hoy, -dias),
  };
}

/**
 * Custody for the demo: in each office the archive clerk (its coordinador, else a gestor)
 * shelved the papers of some accounts a month ago; in Hermosillo a few expedientes are lent
 * to a colleague, one of them past its return date, so that the overdue list has something.
 * Accounts held by a law firm are left to the turnados.
 */
export async function cargarCustodiaDemo(trx: Db, ctx: Contexto): Promise<ResumenCustodiaDemo> {
  const r: ResumenCustodiaDemo = { ubicados: 0, prestamos: 0, vencidos: 0 };
  const personal = await trx
    .selectFrom('usuarios as u')
    .innerJoin('oficinas as o', 'o.id', 'u.oficina_id')
    .select(['u.id', 'u.usuario', 'u.nombre', 'u.rol', 'u.oficina_id', 'o.clave'])
    .where('u.activo', '=', true)
    .where('u.rol', 'in', ['gestor', 'coordinador'] satisfies Rol[])
    .orderBy('u.id')
    .execute();
  const oficinas = [...new Set(personal.map((p) => p.oficina_id))];
  for (const oficinaId of oficinas) {
    if (oficinaId === null) continue;
    const deLaOficina = personal.filter((p) => p.oficina_id === oficinaId);
    const archivista = deLaOficina.find((p) => p.rol === 'coordinador') ?? deLaOficina[0];
    if (!archivista) continue;
    const actor = {
      id: archivista.id,
      usuario: archivista.usuario,
      nombre: archivista.nombre,
      rol: archivista.rol,
      oficinaId,
      despachoId: null,
    };
    const creditos = await trx
      .selectFrom('creditos')
      .select('id')
      .where('oficina_id', '=', oficinaId)
      .where('despacho_id', 'is', null)
      .where('estado', '=', 'activo')
      .orderBy('id')
      .limit(CREDITOS_POR_OFICINA)
      .execute();
    const haceUnMes: ContextoAutenticado = { ...ctx, actor, reloj: haceDias(ctx.reloj, 30) };
    for (const [i, c] of creditos.entries()) {
      const ministraciones = await trx
        .selectFrom('ministraciones')
        .select('id')
        .where('credito_id', '=', c.id)
        .execute();
      await moverPiezas(trx, haceUnMes, {
        tipo: 'ubicar',
        piezas: [null, ...ministraciones.map((m) => m.id)].map((ministracionId) => ({
          creditoId: c.id,
          ministracionId,
        })),
        destino: {
          estante: `A-${Math.floor(i / CAJAS_POR_ESTANTE) + 1}`,
          caja: String((i % CAJAS_POR_ESTANTE) + 1),
        },
      });
      r.ubicados++;
    }
    const colega = deLaOficina.find((p) => p.id !== archivista.id);
    if (archivista.clave !== 'HMO' || !colega) continue;
    // Three expedientes lent for a review: the first one twenty days ago, due ten days ago.
    for (const [i, c] of creditos.slice(0, 3).entries()) {
      const vencido = i === 0;
      const reloj = haceDias(ctx.reloj, vencido ? 20 : 2);
      await moverPiezas(
        trx,
        { ...ctx, actor, reloj },
        {
          tipo: 'prestamo',
          piezas: [{ creditoId: c.id, ministracionId: null }],
          destino: { usuarioId: colega.id },
          devolverAMasTardar: sumarDias(reloj.hoy(), vencido ? 10 : 7),
          nota: 'Revisión del expediente para la gestión de cobranza',
        },
      );
      r.prestamos++;
      if (vencido) r.vencidos++;
    }
  }
  return r;
}
