import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import type { Oferta, PedidoSimulacion, Simulacion } from '../../api/alternativas.ts';
import { DialogoCapturarConvenio } from './DialogoCapturarConvenio.tsx';

/**
 * «Capturar convenio» for the offer chosen in the simulator. `impedimento` says why it cannot
 * be captured now (shown as the button's tooltip); null when it can.
 */
export function CapturarConvenio({
  pedido,
  simulacion,
  oferta,
  impedimento,
}: {
  pedido: PedidoSimulacion;
  simulacion: Simulacion;
  oferta: Oferta | null;
  impedimento: string | null;
}) {
  // The offer stays set while its dialog animates closed.
  const [dialogo, setDialogo] = useState<{ oferta: Oferta; abierto: boolean } | null>(null);
  const boton = (
    <Button
      type={impedimento === null ? 'primary' : 'default'}
      disabled={impedimento !== null}
      aria-describedby="nota-convenios"
      onClick={() => oferta !== null && setDialogo({ oferta, abierto: true })}
    >
      Capturar convenio
    </Button>
  );
  return (
    <>
      {impedimento === null ? (
        boton
      ) : (
        <Tooltip title={impedimento}>
          {/* A disabled button gets no pointer events: the wrapper keeps the tooltip working. */}
          <span>{boton}</span>
        </Tooltip>
      )}
      {dialogo !== null && (
        <DialogoCapturarConvenio
          key={`${dialogo.oferta.origen}-${dialogo.oferta.id}`}
          pedido={pedido}
          simulacion={simulacion}
          oferta={dialogo.oferta}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
    </>
  );
}
