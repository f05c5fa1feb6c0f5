import type { LightMyRequestResponse } from 'fastify';
import type { AppDePrueba, Sesion } from './app-de-prueba.ts';
import { acreditadoDe } from './fabricas.ts';

export interface Propuesta {
  /** The answer of `POST /api/convenios`, for the caller to assert on. */
  respuesta: LightMyRequestResponse;
  /** The catalogue version the simulator offered (0 if it offered no such alternative). */
  versionId: number;
  acreditadoId: number;
}

/**
 * Proposes, as `sesion`, the offer `clave` the simulator makes for the credit (e.g.
 * `reestructura`, `liquidacion-con-descuento`), signed by its acreditado: the way a gestor
 * captures a convenio from the offer.
 */
export async function proponerOferta(
  t: AppDePrueba,
  sesion: Sesion | undefined,
  creditoId: number,
  clave: string,
  opciones: { plazo?: number; condiciones?: string } = {},
): Promise<Propuesta> {
  const acreditadoId = await acreditadoDe(t.base.db, creditoId);
  const simulacion = await t.pedir('POST', '/api/simulaciones', {
    sesion,
    cuerpo: { creditoId },
  });
  const ofertas = simulacion.json().ofertas as Array<{ clave: string; versionId: number }>;
  const versionId = ofertas.find((o) => o.clave === clave)?.versionId ?? 0;
  const respuesta = await t.pedir('POST', '/api/convenios', {
    sesion,
    cuerpo: {
      creditoId,
      origen: 'alternativa',
      versionId,
      ...(opciones.plazo === undefined ? {} : { plazo: opciones.plazo }),
      condiciones:
        opciones.condiciones ?? 'El acreditado se obliga a pagar en las fechas pactadas.',
      firmantes: [acreditadoId],
    },
  });
  return { respuesta, versionId, acreditadoId };
}
