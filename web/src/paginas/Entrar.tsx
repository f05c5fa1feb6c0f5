import { Alert, Button, Card, Form, Input } from 'antd';
import { Navigate, useNavigate } from 'react-router-dom';
import { esErrorApi, mensajeDeError } from '../api/cliente.ts';
import { type DatosEntrada, useEntrar, useSesion } from '../api/sesion.ts';
import { useTituloDocumento } from '../titulo.ts';

export const INSTITUTO = 'Instituto de Becas y Crédito Educativo del Estado de Sonora';

export function PaginaEntrar() {
  useTituloDocumento('Entrar');
  const sesion = useSesion();
  const entrar = useEntrar();
  const navegar = useNavigate();
  const [formulario] = Form.useForm<DatosEntrada>();

  if (sesion.data?.tipo === 'activa') return <Navigate to="/" replace />;
  const expiro = sesion.data?.tipo === 'sin_sesion' && sesion.data.motivo === 'expirada';

  const alEnviar = (datos: DatosEntrada) => {
    if (entrar.isPending) return;
    entrar.mutate(datos, {
      onSuccess: () => navegar('/', { replace: true }),
      // Wrong password: leave the user where they will type again.
      onError: (error) => {
        if (esErrorApi(error) && error.campo === 'usuario') formulario.focusField('usuario');
        else formulario.focusField('contrasena');
      },
    });
  };

  return (
    <main className="entrada">
      <div className="entrada-tarjeta">
        <header className="entrada-encabezado">
          <p className="entrada-institucion">{INSTITUTO}</p>
          <h1>Recupera</h1>
          <p className="entrada-lema">Sistema de cobranza extrajudicial</p>
        </header>
        <Card>
          {entrar.isError ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={mensajeDeError(entrar.error)}
              style={{ marginBottom: 16 }}
            />
          ) : expiro ? (
            <Alert
              type="warning"
              showIcon
              role="alert"
              title="Tu sesión expiró; vuelve a entrar."
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Form<DatosEntrada> form={formulario} layout="vertical" onFinish={alEnviar}>
            <Form.Item
              label="Usuario"
              name="usuario"
              rules={[{ required: true, whitespace: true, message: 'Escribe tu usuario.' }]}
            >
              <Input id="usuario" autoComplete="username" autoFocus autoCapitalize="none" />
            </Form.Item>
            <Form.Item
              label="Contraseña"
              name="contrasena"
              rules={[{ required: true, message: 'Escribe tu contraseña.' }]}
            >
              <Input.Password id="contrasena" autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={entrar.isPending}>
              Entrar
            </Button>
          </Form>
        </Card>
      </div>
    </main>
  );
}
