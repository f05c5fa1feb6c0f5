import type { Db } from '../../db/conexion.ts';
import type { RolEnCredito, VersionProductoFila } from '../../db/esquema.ts';
import { nombreCompleto } from '../../db/nombre-persona.ts';
import { tasaOrdinariaEnVigor, tasaPuntualDeVersion } from '../../db/tasas-en-vigor.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { EstadoCredito } from '../../domain/estado-credito.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import {
  type LigasDeReestructura,
  ligasDeReestructura,
  SIN_LIGAS,
} from './ligas-de-reestructura.ts';

/**
 * `tasaOrdinariaPactada` is also in `producto.tasaOrdinariaAnual`, which is the rate in force.
 * `producto.tasaPuntualAnual` is the punctual rate in force (R9): the credit's own when it has
 * one (`tasaPuntualDelCredito`, with why), else its version's; null: R9 does not apply.
 */
export interface CreditoVista extends LigasDeReestructura {
  id: number;
  numero: string;
  estado: EstadoCredito;
  oficina: string;
  /** The gestor responsible for the account now (issue 9); null: unassigned. */
  gestor: { id: number; nombre: string } | null;
  producto: {
    clave: string;
    nombre: string;
    tasaOrdinariaAnual: string;
    tasaMoratoriaAnual: string;
    tasaPuntualAnual: string | null;
    baseDias: number;
    prelacion: VersionProductoFila['prelacion'];
  };
  tasaPuntualDelCredito: { tasa: string; motivo: string; evidencia: string | null } | null;
  fechaInicioInteres: string;
  participantes: Array<{ personaId: number; nombre: string; rol: RolEnCredito }>;
  ministraciones: Array<{
    numero: number;
    fecha: string;
    monto: string;
    periodoEscolar: string;
    pagare: string;
    vencimientoPagare: string;
  }>;
  /** The settlement letter already issued, if any (reprint it; never a second folio). */
  cartaFiniquito: { folio: number; fecha: string } | null;
}

/** The credit's header: who is on it, its product and its pagarés. Names are personal data: logged. */
export async function consultarCredito(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<CreditoVista> {
  const c = await trx
    .selectFrom('creditos as c')
    .innerJoin('versiones_producto as v', 'v.id', 'c.version_producto_id')
    .innerJoin('productos as p', 'p.id', 'v.producto_id')
    .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
    .leftJoin('usuarios as g', 'g.id', 'c.gestor_id')
    .select([
      'c.id',
      'g.id as gestor_id',
      'g.nombre as gestor_nombre',
      'c.numero',
      'c.estado',
      'c.oficina_id',
      'c.despacho_id',
      'c.turnado_hasta',
      'c.fecha_inicio_interes',
      'o.nombre as oficina',
      'p.clave',
      'p.nombre as producto',
      tasaOrdinariaEnVigor.as('tasa_ordinaria_anual'),
      tasaPuntualDeVersion.as('tasa_puntual_version'),
      'c.tasa_puntual_anual',
      'c.tasa_puntual_motivo',
      'c.tasa_puntual_evidencia',
      'v.tasa_moratoria_anual',
      'v.base_dias',
      'v.prelacion',
    ])
    .where('c.id', '=', creditoId)
    .executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  exigirCreditoEnCartera(ctx.actor, {
    oficinaId: c.oficina_id,
    despachoId: c.despacho_id,
    turnadoHasta: c.turnado_hasta,
  });
  const [participantes, ministraciones, carta, ligas] = await Promise.all([
    trx
      .selectFrom('participantes_credito as pc')
      .innerJoin('personas as pe', 'pe.id', 'pc.persona_id')
      .select(['pe.id', 'pe.nombres', 'pe.primer_apellido', 'pe.segundo_apellido', 'pc.rol'])
      .where('pc.credito_id', '=', creditoId)
      .orderBy('pc.rol')
      .execute(),
    trx
      .selectFrom('ministraciones')
      .selectAll()
      .where('credito_id', '=', creditoId)
      .orderBy('numero')
      .execute(),
    trx
      .selectFrom('cartas_finiquito')
      .select(['folio', 'fecha'])
      .where('credito_id', '=', creditoId)
      .executeTakeFirst(),
    ligasDeReestructura(trx, [creditoId]),
  ]);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'credito.consultar',
    objetoTipo: 'credito',
    objetoId: creditoId,
  });
  return {
    id: c.id,
    numero: c.numero,
    estado: c.estado,
    oficina: c.oficina,
    gestor:
      c.gestor_id === null || c.gestor_nombre === null
        ? null
        : { id: c.gestor_id, nombre: c.gestor_nombre },
    producto: {
      clave: c.clave,
      nombre: c.producto,
      tasaOrdinariaAnual: c.tasa_ordinaria_anual,
      tasaMoratoriaAnual: c.tasa_moratoria_anual,
      tasaPuntualAnual: c.tasa_puntual_anual ?? c.tasa_puntual_version,
      baseDias: c.base_dias,
      prelacion: c.prelacion,
    },
    tasaPuntualDelCredito:
      c.tasa_puntual_anual === null
        ? null
        : {
            tasa: c.tasa_puntual_anual,
            motivo: c.tasa_puntual_motivo ?? '',
            evidencia: c.tasa_puntual_evidencia,
          },
    fechaInicioInteres: c.fecha_inicio_interes,
    ...(ligas.get(creditoId) ?? SIN_LIGAS),
    participantes: participantes.map((p) => ({
      personaId: p.id,
      nombre: nombreCompleto(p),
      rol: p.rol,
    })),
    ministraciones: ministraciones.map((m) => ({
      numero: m.numero,
      fecha: m.fecha,
      monto: formatearCentavos(m.monto_centavos),
      periodoEscolar: m.periodo_escolar,
      pagare: m.pagare_numero,
      vencimientoPagare: m.pagare_vencimiento,
    })),
    cartaFiniquito: carta ?? null,
  };
}
