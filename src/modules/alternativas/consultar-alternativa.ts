import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { cargarAlternativas } from './versiones.ts';
import { type AlternativaVista, alternativaVista } from './vista-catalogo.ts';

/** One alternative with every version it ever had. */
export async function consultarAlternativa(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
): Promise<AlternativaVista> {
  const [alternativa] = await cargarAlternativas(trx, [id]);
  if (!alternativa) throw new ErrorDominio('no_encontrado', 'La alternativa no existe.');
  return alternativaVista(alternativa, ctx.reloj.hoy(), true);
}
