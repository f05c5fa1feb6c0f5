import type { Db } from '../../db/conexion.ts';
import { centavosDesdeTexto, formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { leerParametrosGestion, type ParametrosGestion } from './parametros-gestion.ts';

/** The parameters as the API shows them (money as decimal text). */
export interface VistaParametrosGestion {
  intentosDiariosPorPersona: number;
  horasHabilesParaEscalar: number;
  diasSinContacto: number;
  minutosDeToma: number;
  saldoAlto: string;
}

export function vistaParametros(p: ParametrosGestion): VistaParametrosGestion {
  return {
    intentosDiariosPorPersona: p.intentos_diarios_por_persona,
    horasHabilesParaEscalar: p.horas_habiles_para_escalar,
    diasSinContacto: p.dias_sin_contacto,
    minutosDeToma: p.minutos_de_toma,
    saldoAlto: formatearCentavos(p.saldo_alto_centavos),
  };
}

export async function consultarParametrosGestion(trx: Db): Promise<VistaParametrosGestion> {
  return vistaParametros(await leerParametrosGestion(trx));
}

/** The administrador changes the rules' parameters; before and after go to the bitácora. */
export async function cambiarParametrosGestion(
  trx: Db,
  nuevos: VistaParametrosGestion,
  ctx: ContextoAutenticado,
): Promise<VistaParametrosGestion> {
  const antes = await leerParametrosGestion(trx);
  const saldoAlto = centavosDesdeTexto(nuevos.saldoAlto);
  if (saldoAlto === null || saldoAlto <= 0) {
    throw new ErrorDominio(
      'entrada_invalida',
      'El saldo alto debe ser un monto mayor que cero.',
      'saldoAlto',
    );
  }
  const despues = await trx
    .updateTable('parametros_gestion')
    .set({
      intentos_diarios_por_persona: nuevos.intentosDiariosPorPersona,
      horas_habiles_para_escalar: nuevos.horasHabilesParaEscalar,
      dias_sin_contacto: nuevos.diasSinContacto,
      minutos_de_toma: nuevos.minutosDeToma,
      saldo_alto_centavos: saldoAlto,
    })
    .returning([
      'intentos_diarios_por_persona',
      'horas_habiles_para_escalar',
      'dias_sin_contacto',
      'minutos_de_toma',
      'saldo_alto_centavos',
    ])
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'gestion.parametros',
    objetoTipo: 'parametros_gestion',
    detalle: { antes: vistaParametros(antes), despues: vistaParametros(despues) },
  });
  return vistaParametros(despues);
}
