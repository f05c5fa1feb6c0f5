import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { DOMICILIO } from './clases-de-contacto.ts';
import { retirarYAgregar } from './contacto-en-tabla.ts';
import type { FilaDomicilio } from './vistas.ts';
import { exigirZonaConocida } from './zona-del-domicilio.ts';

/** The fields of an address that a correction may change; an absent one stays. */
export interface CamposDeDomicilio {
  calle?: string;
  numero?: string | null;
  colonia?: string | null;
  codigoPostal?: string | null;
  municipio?: string;
  estado?: string;
}

/** The address as corrected, or null when the fields given change nothing. */
export function domicilioCorregido(fila: FilaDomicilio, c: CamposDeDomicilio) {
  const nuevo = {
    calle: c.calle ?? fila.calle,
    numero: c.numero === undefined ? fila.numero : c.numero,
    colonia: c.colonia === undefined ? fila.colonia : c.colonia,
    codigo_postal: c.codigoPostal === undefined ? fila.codigo_postal : c.codigoPostal,
    municipio: c.municipio ?? fila.municipio,
    estado: c.estado ?? fila.estado,
  };
  const igual =
    nuevo.calle === fila.calle &&
    nuevo.numero === fila.numero &&
    nuevo.colonia === fila.colonia &&
    nuevo.codigo_postal === fila.codigo_postal &&
    nuevo.municipio === fila.municipio &&
    nuevo.estado === fila.estado;
  return igual ? null : nuevo;
}

/**
 * An address corrected: the old row is retired (`vigente` false, with when) and the corrected
 * one is added. The zone chosen by hand carries over unless the state changed (whoever moved
 * from abroad to Sonora is no longer in Los Angeles' hours) or the request chooses another.
 * One history row on the old contact holds both.
 */
export async function corregirDomicilio(
  trx: Db,
  fila: FilaDomicilio,
  c: CamposDeDomicilio & { zonaHoraria?: string | null },
  motivo: string,
  ctx: ContextoAutenticado,
): Promise<FilaDomicilio> {
  const campos = domicilioCorregido(fila, c);
  if (campos === null) return fila;
  const zona =
    c.zonaHoraria !== undefined
      ? c.zonaHoraria
      : campos.estado === fila.estado
        ? fila.zona_horaria
        : null;
  exigirZonaConocida(campos.estado, zona);
  const agregar = (ahora: Date) =>
    trx
      .insertInto('domicilios')
      .values({ persona_id: fila.persona_id, ...campos, zona_horaria: zona, agregado: ahora })
      .returningAll()
      .executeTakeFirstOrThrow();
  return retirarYAgregar(trx, DOMICILIO, fila, agregar, motivo, ctx);
}
