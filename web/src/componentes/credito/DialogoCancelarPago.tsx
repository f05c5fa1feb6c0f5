import { App } from 'antd';
import { useClaveDeIdempotencia } from '../../api/idempotencia.ts';
import { useCancelarPago } from '../../api/pagos.ts';
import { DialogoMotivo } from '../DialogoMotivo.tsx';

/**
 * A reversal, never a deletion: a new movement dated today names the payment, which stays in
 * the ledger and in earlier statements. The reason is required and kept in the bitácora.
 */
export function DialogoCancelarPago({
  creditoId,
  movimientoId,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  creditoId: number;
  movimientoId: number;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const cancelar = useCancelarPago(creditoId);
  const clave = useClaveDeIdempotencia();
  const { message } = App.useApp();
  return (
    <DialogoMotivo
      abierto={abierto}
      titulo={`Cancelar el pago con folio ${movimientoId}`}
      accion="Cancelar pago"
      nombre="cancelar-pago"
      explicacion="El pago no se borra: queda en el historial y se registra una cancelación con fecha de hoy. Desde hoy el estado de cuenta se calcula como si el pago no se hubiera hecho."
      etiqueta="Motivo de la cancelación"
      faltaMotivo="Explica por qué se cancela el pago."
      ocupado={cancelar.isPending}
      enviar={async (motivo) => {
        // A retry after a network error reuses the key: the server answers the first result.
        await cancelar.mutateAsync({ movimientoId, motivo, clave: clave.actual() });
        clave.renovar();
        void message.success(`Pago con folio ${movimientoId} cancelado.`);
      }}
      alCambiar={clave.renovar}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    />
  );
}
