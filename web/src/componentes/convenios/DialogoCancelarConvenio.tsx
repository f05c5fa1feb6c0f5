import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useCancelarConvenio } from '../../api/convenios.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';

interface Valores {
  motivo: string;
}

const CAMPOS = ['motivo'] as const;

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
  const [formulario] = Form.useForm<Valores>();
  const cancelar = useCancelarConvenio(convenioId);
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = ({ motivo }: Valores) => {
    if (cancelar.isPending) return;
    setErrorGeneral(null);
    cancelar.mutate(motivo.trim(), {
      onSuccess: () => {
        void message.success(`Convenio ${convenioId} cancelado.`);
        alCerrar();
      },
      onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
    });
  };

  return (
    <Modal
      open={abierto}
      title={`Cancelar el convenio ${convenioId}`}
      okText="Cancelar convenio"
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
          name="cancelar-convenio"
          layout="vertical"
          onFinish={alEnviar}
          onValuesChange={() => setErrorGeneral(null)}
        >
          {contenido}
        </Form>
      )}
    >
      <Typography.Paragraph>
        El convenio no se borra: queda cancelado, con su motivo, y el crédito puede negociar otro.
      </Typography.Paragraph>
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Motivo de la cancelación"
        name="motivo"
        rules={[
          { required: true, whitespace: true, message: 'Explica por qué se cancela el convenio.' },
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
