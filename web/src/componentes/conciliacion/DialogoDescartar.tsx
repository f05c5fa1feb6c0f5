import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { type Deposito, useDescartarDeposito } from '../../api/conciliacion.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { fecha, pesosDe } from '../../formato.ts';

interface Valores {
  motivo: string;
}

const CAMPOS = ['motivo'] as const;

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
  const [formulario] = Form.useForm<Valores>();
  const descartar = useDescartarDeposito();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = ({ motivo }: Valores) => {
    if (descartar.isPending) return;
    setErrorGeneral(null);
    descartar.mutate(
      { id: deposito.id, motivo: motivo.trim() },
      {
        onSuccess: () => {
          void message.success(`Depósito ${deposito.folio} descartado.`);
          alCerrar();
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      },
    );
  };

  return (
    <Modal
      open={abierto}
      title={`Descartar el depósito ${deposito.folio}`}
      okText="Descartar depósito"
      cancelText="Volver"
      okButtonProps={{ htmlType: 'submit', danger: true, loading: descartar.isPending }}
      cancelButtonProps={{ disabled: descartar.isPending }}
      onCancel={alCerrar}
      afterClose={alTerminarCierre}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(contenido) => (
        <Form<Valores>
          form={formulario}
          name="descartar-deposito"
          layout="vertical"
          onFinish={alEnviar}
        >
          {contenido}
        </Form>
      )}
    >
      <Typography.Paragraph>
        {pesosDe(deposito.importe)} del {fecha(deposito.fecha)}. No se registra como pago de ningún
        crédito; queda en la lista de descartados con su motivo, y si el banco lo vuelve a enviar no
        se registra.
      </Typography.Paragraph>
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Motivo del descarte"
        name="motivo"
        rules={[
          { required: true, whitespace: true, message: 'Explica por qué se descarta.' },
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
