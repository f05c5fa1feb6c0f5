import { App } from 'antd';
import { useCancelarConvenio } from '../../api/convenios.ts';
import { DialogoMotivo } from '../DialogoMotivo.tsx';

/** Withdraws a convenio not yet signed; the reason is kept in it and in the bitácora. */
export function DialogoCancelarConvenio({
  convenioId,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  convenioId: number;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const cancelar = useCancelarConvenio(convenioId);
  const { message } = App.useApp();
  return (
    <DialogoMotivo
      abierto={abierto}
      titulo={`Cancelar el convenio ${convenioId}`}
      accion="Cancelar convenio"
      nombre="cancelar-convenio"
      explicacion="El convenio no se borra: queda cancelado, con su motivo, y el crédito puede negociar otro."
      etiqueta="Motivo de la cancelación"
      faltaMotivo="Explica por qué se cancela el convenio."
      ocupado={cancelar.isPending}
      enviar={async (motivo) => {
        await cancelar.mutateAsync(motivo);
        void message.success(`Convenio ${convenioId} cancelado.`);
      }}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    />
  );
}
