import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { type Centavos, formatearCentavos, sumarTodos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { filtroDeAlcance } from '../cartera/alcance-sql.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { montoDelPago, montoExigido } from '../pagos/monto-del-pago-sql.ts';

export interface PagoDelDia {
  folio: number;
  creditoId: number;
  credito: string;
  oficina: string;
  canal: string;
  referencia: string;
  monto: string;
  registradoPor: string;
  cancelado: boolean;
}

export interface Total {
  clave: string;
  pagos: number;
  monto: string;
}

export interface CorteDeCaja {
  fecha: string;
  pagos: PagoDelDia[];
  total: Total;
  porCanal: Total[];
  porOficina: Total[];
  porGestor: Total[];
}

type PagoConCentavos = PagoDelDia & { centavos: Centavos };

function totales(pagos: PagoConCentavos[], clave: (p: PagoDelDia) => string): Total[] {
  const grupos = new Map<string, Centavos[]>();
  for (const p of pagos) {
    if (p.cancelado) continue;
    const montos = grupos.get(clave(p)) ?? [];
    montos.push(p.centavos);
    grupos.set(clave(p), montos);
  }
  return [...grupos.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'es'))
    .map(([k, montos]) => ({
      clave: k,
      pagos: montos.length,
      monto: formatearCentavos(sumarTodos(montos)),
    }));
}

/**
 * Payments dated on a day, by channel, office and who registered them. A cancelled payment is
 * listed (so the day's paper trail is complete) but does not count in the totals. The closing
 * payments of reestructuras (canal `reestructura`) are not money received and are left out.
 */
export async function corteDeCaja(
  trx: Db,
  fecha: Fecha,
  ctx: ContextoAutenticado,
): Promise<CorteDeCaja> {
  const filas = await trx
    .selectFrom('movimientos as m')
    .innerJoin('creditos as c', 'c.id', 'm.credito_id')
    .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
    .leftJoin('usuarios as u', 'u.id', 'm.registrado_por')
    .select([
      'm.id',
      'c.id as credito_id',
      'c.numero',
      'o.nombre as oficina',
      'm.canal',
      'm.referencia',
      // A payment stored in parts (migration 0016) is one payment: its first row, its total.
      montoDelPago('m').as('monto_centavos'),
      'u.nombre as registrado_por',
      sql<boolean>`exists (select 1 from movimientos x where x.cancela_id = m.id)`.as('cancelado'),
    ])
    .where('m.tipo', '=', 'pago')
    .where('m.parte_de', 'is', null)
    // A reestructura's closing payment settles the old credit with the new one: no money
    // reached the institute, so it is not in the day's cash (docs/convenios.md).
    .where((eb) => eb.or([eb('m.canal', 'is', null), eb('m.canal', '<>', 'reestructura')]))
    .where('m.fecha', '=', fecha)
    .where(filtroDeAlcance(ctx.actor))
    .orderBy('m.id')
    .execute();
  const pagos: PagoConCentavos[] = filas.map((f) => {
    const monto = montoExigido(f.monto_centavos, f.id);
    return {
      folio: f.id,
      creditoId: f.credito_id,
      credito: f.numero,
      oficina: f.oficina,
      canal: f.canal ?? 'banco',
      referencia: f.referencia ?? '',
      centavos: monto,
      monto: formatearCentavos(monto),
      registradoPor: f.registrado_por ?? 'Conciliación bancaria',
      cancelado: f.cancelado,
    };
  });
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'caja.corte',
    detalle: { fecha, pagos: pagos.length },
  });
  const [total] = totales(pagos, () => 'total');
  return {
    fecha,
    pagos: pagos.map(({ centavos: _, ...p }) => p),
    total: total ?? { clave: 'total', pagos: 0, monto: '0.00' },
    porCanal: totales(pagos, (p) => p.canal),
    porOficina: totales(pagos, (p) => p.oficina),
    porGestor: totales(pagos, (p) => p.registradoPor),
  };
}
