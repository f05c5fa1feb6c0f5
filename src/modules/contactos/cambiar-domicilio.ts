import type { Db } from '../../db/conexion.ts';
import type { CambioContacto } from '../../db/esquema.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { DOMICILIO } from './clases-de-contacto.ts';
import { aplicarPasos, cargarContactoParaCambiar, pasoDeRetiro } from './contacto-en-tabla.ts';
import { type CamposDeDomicilio, corregirDomicilio } from './corregir-domicilio.ts';
import { cambiosTrasCorregir, type Paso } from './pasos.ts';
import { type DomicilioEnFicha, domicilioEnFicha, type FilaDomicilio } from './vistas.ts';
import { exigirZonaConocida } from './zona-del-domicilio.ts';

export interface AtributosDeDomicilio {
  /** A zone chosen by hand; null: derived from the state again. */
  zonaHoraria?: string | null;
  retirar?: boolean;
}

export interface CambiosDeDomicilio extends CamposDeDomicilio, AtributosDeDomicilio {
  motivo: string;
}

export interface DomicilioCambiado {
  domicilio: DomicilioEnFicha;
  cambios: CambioContacto[];
}

/** Changes an address' zone or retires it, in place, one history row for each. */
export async function aplicarCambiosADomicilio(
  trx: Db,
  fila: FilaDomicilio,
  c: AtributosDeDomicilio,
  motivo: string | null,
  ctx: ContextoAutenticado,
): Promise<{ fila: FilaDomicilio; cambios: CambioContacto[] }> {
  const pasos: Paso<FilaDomicilio>[] = [];
  if (c.zonaHoraria !== undefined && c.zonaHoraria !== fila.zona_horaria) {
    exigirZonaConocida(fila.estado, c.zonaHoraria);
    pasos.push({ cambio: 'zona_horaria', valores: { zona_horaria: c.zonaHoraria } });
  }
  if (c.retirar === true) pasos.push(pasoDeRetiro(DOMICILIO, ctx));
  return aplicarPasos(trx, DOMICILIO, fila, pasos, motivo, ctx);
}

/** PATCH of an address: a correction of its fields first, then its zone or its retirement. */
export async function cambiarDomicilio(
  trx: Db,
  id: number,
  c: CambiosDeDomicilio,
  ctx: ContextoAutenticado,
): Promise<DomicilioCambiado> {
  const antes = await cargarContactoParaCambiar(trx, DOMICILIO, id, ctx);
  const fila = await corregirDomicilio(trx, antes, c, c.motivo, ctx);
  const r = await aplicarCambiosADomicilio(trx, fila, c, c.motivo, ctx);
  return {
    domicilio: domicilioEnFicha(r.fila),
    cambios: cambiosTrasCorregir(antes, fila, r.cambios),
  };
}
