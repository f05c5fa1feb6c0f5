import type { Db } from '../../db/conexion.ts';
import { porcentajeDesdeTexto } from '../../domain/alternativas/index.ts';
import type { LimiteAutorizacion } from '../../domain/convenios/autorizacion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';

/** Every row of the authorization matrix (all versions: the domain picks the one in force). */
export async function cargarLimites(trx: Db): Promise<LimiteAutorizacion[]> {
  const filas = await trx.selectFrom('limites_autorizacion').selectAll().orderBy('id').execute();
  return filas.map((f) => {
    const porcentaje =
      f.descuento_porcentaje_maximo === null
        ? null
        : porcentajeDesdeTexto(f.descuento_porcentaje_maximo);
    if (f.descuento_porcentaje_maximo !== null && porcentaje === null) {
      throw new ErrorDominio('conflicto', `Límite de autorización ${f.id} ilegible.`);
    }
    return {
      vigenteDesde: f.vigente_desde as Fecha,
      rol: f.rol,
      tipo: f.tipo as LimiteAutorizacion['tipo'],
      descuentoPorcentajeMaximo: porcentaje,
      descuentoMontoMaximo: f.descuento_monto_maximo_centavos,
      pagosMaximos: f.pagos_maximos,
      permitido: f.permitido,
    };
  });
}
