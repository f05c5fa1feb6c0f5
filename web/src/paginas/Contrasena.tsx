import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import {
  type DatosCambioContrasena,
  useCambiarContrasena,
  useUsuarioActual,
} from '../api/sesion.ts';
import { mostrarErrorEnFormulario } from '../erroresFormulario.ts';
import {
  LONGITUD_MINIMA_CONTRASENA,
  reglasConfirmacion,
  reglasContrasenaNueva,
} from '../reglasContrasena.ts';
import { useTituloDocumento } from '../titulo.ts';

interface Valores extends DatosCambioContrasena {
  confirmacion: string;
}

const CAMPOS = ['actual', 'nueva', 'confirmacion'] as const;

export function PaginaContrasena() {
  useTituloDocumento('Cambiar contraseña');
  const usuario = useUsuarioActual();
  const [formulario] = Form.useForm<Valores>();
  const cambiar = useCambiarContrasena();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const [exito, setExito] = useState(false);

  const alEnviar = ({ actual, nueva }: Valores) => {
    if (cambiar.isPending) return;
    setErrorGeneral(null);
    setExito(false);
    cambiar.mutate(
      { actual, nueva },
      {
        onSuccess: () => {
          formulario.resetFields();
          setExito(true);
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      },
    );
  };

  return (
    <>
      <Typography.Title level={1}>Cambiar contraseña</Typography.Title>
      <Card style={{ maxWidth: 520 }}>
        <div aria-live="polite">
          {exito && (
            <Alert
              type="success"
              showIcon
              title="Contraseña actualizada."
              role="status"
              style={{ marginBottom: 16 }}
            />
          )}
        </div>
        {errorGeneral !== null && (
          <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
        )}
        <Form<Valores>
          form={formulario}
          name="cambio-contrasena"
          layout="vertical"
          onFinish={alEnviar}
          onValuesChange={() => setExito(false)}
        >
          <Form.Item
            label="Contraseña actual"
            name="actual"
            rules={[{ required: true, message: 'Escribe tu contraseña actual.' }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label="Nueva contraseña"
            name="nueva"
            extra={`Al menos ${LONGITUD_MINIMA_CONTRASENA} caracteres y distinta de tu usuario.`}
            rules={reglasContrasenaNueva(() => usuario.usuario)}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="Confirma la nueva contraseña"
            name="confirmacion"
            dependencies={['nueva']}
            rules={reglasConfirmacion('nueva')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={cambiar.isPending}>
            Guardar contraseña
          </Button>
        </Form>
      </Card>
    </>
  );
}
