import { Button, Result } from 'antd';
import { Navigate, Outlet } from 'react-router-dom';
import { mensajeDeError } from '../api/cliente.ts';
import { useSesion } from '../api/sesion.ts';
import { Cargando } from './Cargando.tsx';

/** Renders the logged-in part of the app, or sends the visitor to the login page. */
export function RequiereSesion() {
  const sesion = useSesion();

  if (sesion.isPending) return <Cargando texto="Verificando tu sesión…" />;
  if (sesion.isError) {
    return (
      <main>
        <Result
          status="warning"
          title="No se pudo verificar tu sesión"
          subTitle={mensajeDeError(sesion.error)}
          extra={
            <Button type="primary" onClick={() => void sesion.refetch()}>
              Reintentar
            </Button>
          }
        />
      </main>
    );
  }
  if (sesion.data.tipo !== 'activa') return <Navigate to="/entrar" replace />;
  return <Outlet />;
}
