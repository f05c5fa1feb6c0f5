import type { Db } from '../../db/conexion.ts';
import type { CambioContacto } from '../../db/esquema.ts';
import { enmascararCorreo } from '../../domain/enmascarar.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { anotarCambio } from './anotar-cambio.ts';
import { corregirCorreo } from './corregir-correo.ts';
import { type Paso, recorrerPasos } from './pasos.ts';
import { exigirPersonaEnCartera } from './persona-en-cartera.ts';
import { type CorreoEnFicha, correoEnFicha, type FilaCorreo, fotoDeCorreo } from './vistas.ts';

export interface AtributosDeCorreo {
  valido?: boolean;
  consentimiento?: boolean;
  retirar?: boolean;
}

export interface CambiosDeCorreo extends AtributosDeCorreo {
  /** The right address: a correction (the old one is retired, never overwritten). */
  correo?: string;
  motivo: string;
}

export interface CorreoCambiado {
  correo: CorreoEnFicha;
  cambios: CambioContacto[];
}

/** Changes an e-mail's attributes in place, one history row for each. */
export async function aplicarCambiosACorreo(
  trx: Db,
  fila: FilaCorreo,
  c: AtributosDeCorreo,
  motivo: string | null,
  ctx: ContextoAutenticado,
): Promise<{ fila: FilaCorreo; cambios: CambioContacto[] }> {
  const pasos: Paso<FilaCorreo>[] = [];
  if (c.valido !== undefined && c.valido !== fila.valido) {
    pasos.push({ cambio: c.valido ? 'valido' : 'invalido', valores: { valido: c.valido } });
  }
  if (c.consentimiento !== undefined && c.consentimiento !== fila.consentimiento) {
    pasos.push({ cambio: 'consentimiento', valores: { consentimiento: c.consentimiento } });
  }
  if (c.retirar === true)
    pasos.push({ cambio: 'retiro', valores: { retirado: ctx.reloj.ahora() } });
  if (pasos.length === 0) return { fila, cambios: [] };
  const { fila: final, dados } = recorrerPasos(fila, pasos, fotoDeCorreo);
  await trx
    .updateTable('correos')
    .set({ valido: final.valido, consentimiento: final.consentimiento, retirado: final.retirado })
    .where('id', '=', fila.id)
    .execute();
  for (const d of dados) {
    await anotarCambio(
      trx,
      { personaId: fila.persona_id, tipo: 'correo', contactoId: fila.id, ...d, motivo },
      ctx,
    );
  }
  return { fila: final, cambios: dados.map((d) => d.cambio) };
}

async function correoParaCambiar(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
): Promise<FilaCorreo> {
  const dueno = await trx
    .selectFrom('correos')
    .select('persona_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!dueno) throw new ErrorDominio('no_encontrado', 'El correo no existe.');
  await exigirPersonaEnCartera(trx, dueno.persona_id, ctx.actor, { bloquear: true });
  const fila = await trx
    .selectFrom('correos')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (fila.retirado !== null) {
    throw new ErrorDominio(
      'conflicto',
      `El correo ${enmascararCorreo(fila.correo)} ya fue retirado: para volver a usarlo, agrégalo de nuevo.`,
    );
  }
  return fila;
}

/** PATCH of an e-mail: a correction first, then the other changes on the corrected one. */
export async function cambiarCorreo(
  trx: Db,
  id: number,
  c: CambiosDeCorreo,
  ctx: ContextoAutenticado,
): Promise<CorreoCambiado> {
  let fila = await correoParaCambiar(trx, id, ctx);
  const cambios: CambioContacto[] = [];
  if (c.correo !== undefined && c.correo !== fila.correo) {
    fila = await corregirCorreo(trx, fila, c.correo, c.motivo, ctx);
    cambios.push('correccion');
  }
  const r = await aplicarCambiosACorreo(trx, fila, c, c.motivo, ctx);
  return { correo: correoEnFicha(r.fila), cambios: [...cambios, ...r.cambios] };
}
