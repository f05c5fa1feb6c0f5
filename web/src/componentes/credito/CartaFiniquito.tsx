import { Alert, App, Button, Flex } from 'antd';
import { mensajeDeError } from '../../api/cliente.ts';
import {
  ROLES_EMITIR_FINIQUITO,
  ROLES_IMPRIMIR_FINIQUITO,
  urlCartaFiniquito,
  useEmitirCartaFiniquito,
} from '../../api/pagos.ts';
import { useUsuarioActual } from '../../api/sesion.ts';
import { fecha } from '../../formato.ts';

/**
 * A settled credit ends with its carta finiquito: the coordinador issues it (one folio per
 * credit; asking again returns the same letter), and anyone who attends the borrower reprints it.
 */
export function CartaFiniquito({
  creditoId,
  liquidado,
  conSaldo,
  existente,
}: {
  creditoId: number;
  /** Today's statement says the credit owes nothing. */
  liquidado: boolean;
  /** Today's statement is known and says the credit owes (false while it is computed). */
  conSaldo: boolean;
  /** The letter already issued (from the credit): whenever there is one, it can be reprinted. */
  existente: { folio: number; fecha: string } | null;
}) {
  const usuario = useUsuarioActual();
  const emitir = useEmitirCartaFiniquito(creditoId);
  const { message } = App.useApp();
  const carta = emitir.data ?? existente;
  if (!liquidado && carta === null) return null;

  const puedeEmitir = ROLES_EMITIR_FINIQUITO.includes(usuario.rol);
  const puedeImprimir = ROLES_IMPRIMIR_FINIQUITO.includes(usuario.rol);

  const alEmitir = () => {
    if (emitir.isPending) return;
    emitir.mutate(undefined, {
      onSuccess: (c) =>
        void message.success(
          c.nueva
            ? `Carta finiquito emitida con folio ${c.folio}.`
            : `La carta finiquito ya estaba emitida: folio ${c.folio}.`,
        ),
    });
  };

  const acciones = (
    <Flex gap={8} wrap align="center">
      {carta !== null && puedeImprimir && (
        <Button type="primary" href={urlCartaFiniquito(creditoId)} download>
          {emitir.data?.nueva ? 'Descargar carta finiquito' : 'Reimprimir carta finiquito'}
        </Button>
      )}
      {carta === null && puedeEmitir && (
        <Button type="primary" onClick={alEmitir} loading={emitir.isPending}>
          Emitir carta finiquito
        </Button>
      )}
    </Flex>
  );

  // A letter on a credit that owes again (a payment reversed after it was issued) is a fact
  // to look into, not a success: it is still shown, and still reprintable.
  const revisar = carta !== null && conSaldo && !liquidado;
  const descripcion =
    carta !== null
      ? `Carta finiquito con folio ${carta.folio}, emitida el ${fecha(carta.fecha)}.${revisar ? ' Hoy el estado de cuenta tiene saldo: revisa los movimientos del crédito.' : ''}`
      : puedeEmitir
        ? 'Emite la carta finiquito para entregarla al acreditado.'
        : 'La coordinación de cartera emite la carta finiquito.';

  return (
    <div style={{ marginBottom: 16 }}>
      <Alert
        type={revisar ? 'warning' : 'success'}
        showIcon
        // A letter is shown even while today's statement is being computed (or if it no longer
        // says liquidado): it was issued, and reprinting it must always be possible.
        title={liquidado ? 'El crédito está liquidado.' : 'El crédito tiene carta finiquito.'}
        description={descripcion}
        action={acciones}
      />
      {emitir.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={`No se pudo emitir la carta finiquito: ${mensajeDeError(emitir.error)}`}
        />
      )}
    </div>
  );
}
