import { App } from 'antd';
import { type Deposito, useDescartarDeposito } from '../../api/conciliacion.ts';
import { fecha, pesosDe } from '../../formato.ts';
import { DialogoMotivo } from '../DialogoMotivo.tsx';

/** A deposit that pays no credit (a transfer between the institute's accounts) leaves the list. */
export function DialogoDescartar({
  deposito,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  deposito: Deposito;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const descartar = useDescartarDeposito();
  const { message } = App.useApp();
  return (
    <DialogoMotivo
      abierto={abierto}
      titulo={`Descartar el depósito ${deposito.folio}`}
      accion="Descartar depósito"
      nombre="descartar-deposito"
      explicacion={`${pesosDe(deposito.importe)} del ${fecha(deposito.fecha)}. No se registra como pago de ningún crédito; queda en la lista de descartados con su motivo, y si el banco lo vuelve a enviar no se registra.`}
      etiqueta="Motivo del descarte"
      faltaMotivo="Explica por qué se descarta."
      ocupado={descartar.isPending}
      enviar={async (motivo) => {
        await descartar.mutateAsync({ id: deposito.id, motivo });
        void message.success(`Depósito ${deposito.folio} descartado.`);
      }}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    />
  );
}
