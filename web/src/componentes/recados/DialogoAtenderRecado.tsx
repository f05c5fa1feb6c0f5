import { revelarTelefonoDelRecado } from '../../api/datos-personales.ts';
import type { Recado } from '../../api/recados.ts';
import { DatoEnmascarado } from '../DatoEnmascarado.tsx';
import { DialogoGestion } from '../gestion/DialogoGestion.tsx';

/**
 * A recado is answered with a gestión: the call back (or whatever contact it took), in the
 * «Registrar gestión» form, with the message and the number the caller left above it. The
 * caller is offered as the person contacted when he is one of the account's debtors.
 */
export function DialogoAtenderRecado({
  recado,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  recado: Recado;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  return (
    <DialogoGestion
      destino={{ tipo: 'recado', recadoId: recado.id, creditoId: recado.creditoId }}
      titulo={`Atender el recado de ${recado.llamanteNombre}`}
      personaInicial={recado.persona?.id ?? null}
      aviso={`Recado de ${recado.llamanteNombre} atendido.`}
      abierto={abierto}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
      encabezado={
        <p className="texto-secundario" style={{ marginTop: 0 }}>
          «{recado.mensaje}»
          {recado.llamanteTelefono !== null && (
            <>
              {' · Teléfono que dejó: '}
              <DatoEnmascarado
                className="cifra"
                valor={recado.llamanteTelefono}
                etiqueta={`Mostrar teléfono completo que dejó ${recado.llamanteNombre}`}
                revelar={() => revelarTelefonoDelRecado(recado.id)}
              />
            </>
          )}
        </p>
      }
    />
  );
}
