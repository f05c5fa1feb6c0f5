import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useClaveDeIdempotencia } from '../../api/idempotencia.ts';
import { useCancelarPago } from '../../api/pagos.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';

interface Valores {
  motivo: string;
}

const CAMPOS = ['motivo'] as const;

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
  const [formulario] = Form.useForm<Valores>();
  const cancelar = useCancelarPago(creditoId);
  const clave = useClaveDeIdempotencia();
  const enviando = useRef(false);
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = ({ motivo }: Valores) => {
    if (enviando.current) return;
    enviando.current = true;
    setErrorGeneral(null);
    cancelar.mutate(
      { movimientoId, motivo: motivo.trim(), clave: clave.actual() },
      {
        onSuccess: () => {
          clave.renovar();
          void message.success(`Pago con folio ${movimientoId} cancelado.`);
          alCerrar();
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
        onSettled: () => {
          enviando.current = false;
        },
      },
    );
  };

  return (
    <Modal
      open={abierto}
      title={`Cancelar el pago con folio ${movimientoId}`}
      okText="Cancelar pago"
      cancelText="Volver"
      okButtonProps={{ htmlType: 'submit', danger: true, loading: cancelar.isPending }}
      cancelButtonProps={{ disabled: cancelar.isPending }}
      onCancel={alCerrar}
      afterClose={alTerminarCierre}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(contenido) => (
        <Form<Valores>
          form={formulario}
          name="cancelar-pago"
          layout="vertical"
          onFinish={alEnviar}
          onValuesChange={() => {
            clave.renovar();
            setErrorGeneral(null);
          }}
        >
          {contenido}
        </Form>
      )}
    >
      <Typography.Paragraph>
        El pago no se borra: queda en el historial y se registra una cancelación con fecha de hoy.
        Desde hoy el estado de cuenta se calcula como si el pago no se hubiera hecho.
      </Typography.Paragraph>
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Motivo de la cancelación"
        name="motivo"
        rules={[
          { required: true, whitespace: true, message: 'Explica por qué se cancela el pago.' },
          {
            min: 5,
            transform: (v: string | undefined) => v?.trim(),
            message: 'Explica el motivo con al menos 5 caracteres.',
          },
          { max: 500, message: 'El motivo admite a lo más 500 caracteres.' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
      </Form.Item>
    </Modal>
  );
}
