import type { Db } from '../../db/conexion.ts';
import type { LimiteAutorizacion } from '../../domain/convenios/autorizacion.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import type { ContextoAutenticado } from '../contexto.ts';

/** Every version of the authorization matrix, newest first, and which one is in force today. */
export async function consultarLimites(trx: Db, ctx: ContextoAutenticado) {
  const hoy = ctx.reloj.hoy();
  const filas = await trx
    .selectFrom('limites_autorizacion')
    .selectAll()
    .orderBy('vigente_desde', 'desc')
    .orderBy('rol')
    .orderBy('tipo')
    .execute();
  const fechas = [...new Set(filas.map((f) => f.vigente_desde))];
  const vigente = fechas.find((f) => f <= hoy) ?? null;
  return {
    vigenteDesde: vigente,
    versiones: fechas.map((vigenteDesde) => ({
      vigenteDesde,
      limites: filas
        .filter((f) => f.vigente_desde === vigenteDesde)
        .map((f) => ({
          rol: f.rol,
          // Written only through the matrix's schema, which admits these tipos alone.
          tipo: f.tipo as LimiteAutorizacion['tipo'],
          descuentoPorcentajeMaximo: f.descuento_porcentaje_maximo,
          descuentoMontoMaximo:
            f.descuento_monto_maximo_centavos === null
              ? null
              : formatearCentavos(f.descuento_monto_maximo_centavos),
          pagosMaximos: f.pagos_maximos,
          permitido: f.permitido,
        })),
    })),
  };
}
