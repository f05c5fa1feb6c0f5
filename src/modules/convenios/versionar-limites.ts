import type { Db } from '../../db/conexion.ts';
import { type Centavos, formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { consultarLimites } from './consultar-limites.ts';

export interface LimiteNuevo {
  rol: 'gestor' | 'coordinador';
  tipo: string;
  /** Share as decimal text ("0.10" is 10 %); null: no limit. */
  descuentoPorcentajeMaximo: string | null;
  descuentoMontoMaximo: Centavos | null;
  pagosMaximos: number | null;
  permitido: boolean;
}

/**
 * The administrador sets a new version of the authorization matrix, in force from
 * `vigenteDesde` (today or later): the whole matrix, since the version in force replaces the
 * previous one entirely. Versions are never edited, so a convenio's decision can be re-read.
 */
export async function versionarLimites(
  trx: Db,
  vigenteDesde: Fecha,
  limites: readonly LimiteNuevo[],
  ctx: ContextoAutenticado,
) {
  const hoy = ctx.reloj.hoy();
  if (vigenteDesde < hoy) {
    throw new ErrorDominio(
      'entrada_invalida',
      'Campo «vigenteDesde»: no puede ser anterior a hoy.',
      'vigenteDesde',
    );
  }
  const existe = await trx
    .selectFrom('limites_autorizacion')
    .select('id')
    .where('vigente_desde', '=', vigenteDesde)
    .executeTakeFirst();
  if (existe) {
    throw new ErrorDominio(
      'conflicto',
      'Ya hay una versión de la matriz con esa fecha: usa otra fecha de vigencia.',
    );
  }
  const ahora = ctx.reloj.ahora();
  await trx
    .insertInto('limites_autorizacion')
    .values(
      limites.map((l) => ({
        vigente_desde: vigenteDesde,
        rol: l.rol,
        tipo: l.tipo,
        descuento_porcentaje_maximo: l.descuentoPorcentajeMaximo,
        descuento_monto_maximo_centavos: l.descuentoMontoMaximo,
        pagos_maximos: l.pagosMaximos,
        permitido: l.permitido,
        creado: ahora,
        creado_por: ctx.actor.id,
      })),
    )
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'limites_autorizacion.versionar',
    objetoTipo: 'limites_autorizacion',
    objetoId: vigenteDesde,
    detalle: {
      vigenteDesde,
      limites: limites.map((l) => ({
        ...l,
        descuentoMontoMaximo:
          l.descuentoMontoMaximo === null ? null : formatearCentavos(l.descuentoMontoMaximo),
      })),
    },
  });
  return consultarLimites(trx, ctx);
}
