import type { Db } from '../../db/conexion.ts';
import type { CambioContacto } from '../../db/esquema.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { cambiarCorreo } from '../contactos/cambiar-correo.ts';
import { cambiarDomicilio } from '../contactos/cambiar-domicilio.ts';
import { cambiarTelefono } from '../contactos/cambiar-telefono.ts';
import type { CamposDeDomicilio } from '../contactos/corregir-domicilio.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { type CamposDeIdentidad, rectificarIdentidad } from './rectificar-identidad.ts';
import { type FilaSolicitud, folioArco } from './solicitud-en-alcance.ts';

/**
 * One correction of a rectification request. Contact data go through the contact data's own
 * use cases (src/modules/contactos): the old value is retired, never overwritten, and the
 * history row carries the request's folio as its reason. Identity fields are corrected on the
 * person with before and after in the bitácora.
 */
export type Rectificacion =
  | { dato: 'telefono'; id: number; numero: string }
  | { dato: 'correo'; id: number; correo: string }
  | ({ dato: 'domicilio'; id: number } & CamposDeDomicilio)
  | ({ dato: 'identidad' } & CamposDeIdentidad);

export interface Rectificado {
  dato: Rectificacion['dato'];
  /** The contact corrected, and the one that took its place; null for identity. */
  id: number | null;
  nuevoId: number | null;
  cambios: string[];
}

const TABLA = { telefono: 'telefonos', correo: 'correos', domicilio: 'domicilios' } as const;

/** A contact named by a correction must be the titular's own. */
async function exigirDelTitular(
  trx: Db,
  dato: 'telefono' | 'correo' | 'domicilio',
  id: number,
  personaId: number,
  indice: number,
): Promise<void> {
  const fila = await trx
    .selectFrom(TABLA[dato])
    .select('persona_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (fila?.persona_id !== personaId) {
    throw new ErrorDominio(
      'entrada_invalida',
      `Ese ${dato} no es del titular de la solicitud.`,
      `rectificaciones[${indice}].id`,
    );
  }
}

export async function rectificarDatos(
  trx: Db,
  s: FilaSolicitud,
  rectificaciones: readonly Rectificacion[],
  ctx: ContextoAutenticado,
): Promise<Rectificado[]> {
  const personaId = s.persona_id;
  if (personaId === null) throw new Error('rectificación sin titular');
  const motivo = `Rectificación solicitada por el titular (derechos ARCO, ${folioArco(s)})`;
  const hechos: Rectificado[] = [];
  for (const [i, r] of rectificaciones.entries()) {
    let cambios: CambioContacto[] | string[];
    let nuevoId: number | null;
    switch (r.dato) {
      case 'telefono': {
        await exigirDelTitular(trx, r.dato, r.id, personaId, i);
        const t = await cambiarTelefono(trx, r.id, { numero: r.numero, motivo }, ctx);
        [cambios, nuevoId] = [t.cambios, t.telefono.id];
        break;
      }
      case 'correo': {
        await exigirDelTitular(trx, r.dato, r.id, personaId, i);
        const c = await cambiarCorreo(trx, r.id, { correo: r.correo, motivo }, ctx);
        [cambios, nuevoId] = [c.cambios, c.correo.id];
        break;
      }
      case 'domicilio': {
        await exigirDelTitular(trx, r.dato, r.id, personaId, i);
        const { dato: _dato, id, ...campos } = r;
        const d = await cambiarDomicilio(trx, id, { ...campos, motivo }, ctx);
        [cambios, nuevoId] = [d.cambios, d.domicilio.id];
        break;
      }
      case 'identidad': {
        const { dato: _dato, ...campos } = r;
        cambios = await rectificarIdentidad(trx, personaId, campos, motivo, i, ctx);
        nuevoId = null;
        break;
      }
    }
    hechos.push({ dato: r.dato, id: r.dato === 'identidad' ? null : r.id, nuevoId, cambios });
  }
  return hechos;
}
