import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import {
  type CalendarioDelAnio,
  consultarDiasInhabiles,
  type DiaInhabil,
} from './consultar-dias-inhabiles.ts';

/**
 * The administrador replaces one year's non-working days. Every open ARCO deadline over a day
 * added or removed moves with it (deadlines are computed when read). Before and after go to
 * the bitácora.
 */
export async function fijarDiasInhabiles(
  trx: Db,
  anio: number,
  dias: readonly DiaInhabil[],
  ctx: ContextoAutenticado,
): Promise<CalendarioDelAnio> {
  dias.forEach((d, i) => {
    if (!d.fecha.startsWith(`${anio}-`)) {
      throw new ErrorDominio(
        'entrada_invalida',
        `El día ${d.fecha} no es del año ${anio}.`,
        `dias[${i}].fecha`,
      );
    }
    if (dias.findIndex((o) => o.fecha === d.fecha) !== i) {
      throw new ErrorDominio(
        'entrada_invalida',
        `El día ${d.fecha} aparece dos veces.`,
        `dias[${i}].fecha`,
      );
    }
  });
  // One calendar edit at a time: two replacing the same year would collide on the key.
  await trx.selectFrom('parametros_arco').select('id').forUpdate().executeTakeFirstOrThrow();
  const antes = await consultarDiasInhabiles(trx, anio);
  await trx
    .deleteFrom('dias_inhabiles')
    .where('fecha', '>=', `${anio}-01-01`)
    .where('fecha', '<=', `${anio}-12-31`)
    .execute();
  if (dias.length > 0) {
    await trx
      .insertInto('dias_inhabiles')
      .values(
        dias.map((d) => ({
          fecha: d.fecha,
          descripcion: d.descripcion,
          registrado_por: ctx.actor.id,
          registrado: ctx.reloj.ahora(),
        })),
      )
      .execute();
  }
  const despues = await consultarDiasInhabiles(trx, anio);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'dias_inhabiles.fijar',
    objetoTipo: 'calendario',
    objetoId: anio,
    detalle: { antes: antes.dias, despues: despues.dias },
  });
  return despues;
}
