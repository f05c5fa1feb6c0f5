import type { EstadoDeCuentaJson } from '../../domain/estado-de-cuenta/index.ts';
import type { CreditoVista } from '../cartera/consultar-credito.ts';

export interface DatosEmision {
  emitido: Date;
  usuario: string;
}

/** The statement as a PDF people keep (Spanish, the institute's header). */
export async function generarPdfEstadoDeCuenta(
  _credito: CreditoVista,
  _estado: EstadoDeCuentaJson,
  _emision: DatosEmision,
): Promise<Buffer> {
  throw new Error('pendiente: el PDF del estado de cuenta');
}
