import { ErrorDominio } from '../../../domain/errores.ts';
import type {
  RechazoDeCustodia,
  TipoMovimientoCustodia,
} from '../../../domain/expedientes/transiciones-de-custodia.ts';
import { type Fecha, formatearFecha } from '../../../domain/fecha.ts';
import { quienLaTiene, type Ubicacion } from './ubicacion.ts';

/** How each kind of move reads on the acuse and in messages. */
export const NOMBRE_DEL_MOVIMIENTO: Readonly<Record<TipoMovimientoCustodia, string>> = {
  ubicar: 'Ubicación en archivo',
  prestamo: 'Préstamo',
  devolucion: 'Devolución al archivo',
  traslado: 'Traslado entre oficinas',
  envio_a_despacho: 'Envío a despacho externo',
  retorno_de_despacho: 'Retorno de despacho externo',
  devolucion_al_acreditado: 'Devolución al acreditado',
};

/** The refusal of `revisarMovimiento`, as an error that names the piece and who holds it. */
export function errorDeCustodia(
  rechazo: RechazoDeCustodia,
  etiqueta: string,
  ubicacion: Ubicacion,
): ErrorDominio {
  const donde = quienLaTiene(ubicacion);
  switch (rechazo) {
    case 'prestada': {
      const fecha =
        ubicacion.devolverAMasTardar === null
          ? ''
          : ` (debe volver a más tardar el ${formatearFecha(ubicacion.devolverAMasTardar as Fecha)})`;
      return new ErrorDominio(
        'pieza_prestada',
        `La pieza ${etiqueta} ya está prestada: la tiene ${donde}${fecha}. Registra primero su devolución.`,
        'etiquetas',
        { etiqueta, ubicacion },
      );
    }
    case 'devuelta':
      return new ErrorDominio(
        'conflicto',
        `La pieza ${etiqueta} ya se devolvió al acreditado: no vuelve a moverse.`,
        'etiquetas',
      );
    case 'no_esta_fuera':
      return new ErrorDominio(
        'conflicto',
        `La pieza ${etiqueta} no está prestada: está en ${donde}.`,
        'etiquetas',
      );
    case 'no_esta_en_despacho':
      return new ErrorDominio(
        'conflicto',
        `La pieza ${etiqueta} no está en un despacho: está con ${donde}.`,
        'etiquetas',
      );
    case 'destino_no_admitido':
      return new ErrorDominio(
        'entrada_invalida',
        'Ese destino no corresponde a este tipo de movimiento.',
        'destino',
      );
    case 'otra_oficina':
      return new ErrorDominio(
        'conflicto',
        `La pieza ${etiqueta} está en ${donde}: para llevarla a otra oficina registra un traslado.`,
        'destino.oficinaId',
      );
    case 'misma_oficina':
      return new ErrorDominio(
        'conflicto',
        `La pieza ${etiqueta} ya está en ${donde}: un traslado va a otra oficina.`,
        'destino.oficinaId',
      );
    case 'sin_fecha_de_devolucion':
      return new ErrorDominio(
        'entrada_invalida',
        'Indica la fecha en que debe devolverse (devolverAMasTardar).',
        'devolverAMasTardar',
      );
    case 'fecha_de_devolucion_pasada':
      return new ErrorDominio(
        'entrada_invalida',
        'La fecha de devolución no puede ser anterior a hoy.',
        'devolverAMasTardar',
      );
    case 'fecha_de_devolucion_sobra':
      return new ErrorDominio(
        'entrada_invalida',
        'Solo un préstamo o un envío a despacho llevan fecha de devolución.',
        'devolverAMasTardar',
      );
    case 'expediente_no_se_devuelve':
      return new ErrorDominio(
        'conflicto',
        `${etiqueta} es un expediente: el instituto lo conserva; al acreditado se le devuelven sus pagarés.`,
        'etiquetas',
      );
    case 'credito_vigente':
      return new ErrorDominio(
        'conflicto',
        `El pagaré ${etiqueta} es de un crédito que no está liquidado ni reestructurado: sigue siendo exigible y no se devuelve.`,
        'etiquetas',
      );
  }
}
