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
  existente,
}: {
  creditoId: number;
  /** Today's statement says the credit owes nothing. */
  liquidado: boolean;
  existente: { folio: number; fecha: string } | null | undefined;
}) {
  const usuario = useUsuarioActual();
  const emitir = useEmitirCartaFiniquito(creditoId);
  const { message } = App.useApp();
  const carta = emitir.data ?? existente ?? null;
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

  const descripcion =
    carta !== null
      ? `Carta finiquito con folio ${carta.folio}, emitida el ${fecha(carta.fecha)}.`
      : puedeEmitir
        ? 'Emite la carta finiquito para entregarla al acreditado.'
        : 'La coordinación de cartera emite la carta finiquito.';

  return (
    <div style={{ marginBottom: 16 }}>
      <Alert
        type="success"
        showIcon
        title="El crédito está liquidado."
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
