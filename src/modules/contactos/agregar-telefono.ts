import type { Db } from '../../db/conexion.ts';
import type { TipoTelefono } from '../../db/esquema.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { aplicarCambiosATelefono } from './cambiar-telefono.ts';
import { TELEFONO } from './clases-de-contacto.ts';
import { agregarConClave } from './contacto-con-clave.ts';
import { estadoDelDomicilioActual } from './persona-en-cartera.ts';
import { type FilaTelefono, type TelefonoEnFicha, telefonoEnFicha } from './vistas.ts';

export interface TelefonoNuevo {
  /** Ten digits, already normalized at the edge. */
  numero: string;
  tipo: TipoTelefono;
  consentimiento: boolean;
  /** A zone chosen by hand (abroad); null: derived from the address or the area code. */
  zonaHoraria: string | null;
}

export interface TelefonoAgregado {
  telefono: TelefonoEnFicha;
  /** False when the person already had it as a current number (it was only updated). */
  nuevo: boolean;
}

/**
 * Adds a phone to a person. A number can be hers only once (UNIQUE): if she had it and it was
 * retired it comes back, valid, as given now (history `alta` with the row before); if she has
 * it, what the request says of it now is applied as changes of that row.
 */
export async function agregarTelefono(
  trx: Db,
  personaId: number,
  t: TelefonoNuevo,
  ctx: ContextoAutenticado,
): Promise<TelefonoAgregado> {
  const heredado = { tipo: t.tipo, consentimiento: t.consentimiento, zona_horaria: t.zonaHoraria };
  const actualizar = async (actual: FilaTelefono) => {
    const cambios = {
      tipo: t.tipo,
      valido: true,
      consentimiento: t.consentimiento,
      zonaHoraria: t.zonaHoraria,
    };
    return (await aplicarCambiosATelefono(trx, actual, cambios, null, ctx)).fila;
  };
  const r = await agregarConClave(trx, TELEFONO, personaId, t.numero, heredado, actualizar, ctx);
  return {
    telefono: telefonoEnFicha(r.fila, await estadoDelDomicilioActual(trx, personaId)),
    nuevo: r.nuevo,
  };
}
