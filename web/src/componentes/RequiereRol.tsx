import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useUsuarioActual } from '../api/sesion.ts';
import type { Rol } from '../api/tipos.ts';

/** Shows its content only to the given roles (the server enforces the same rule). */
export function RequiereRol({ roles, children }: { roles: readonly Rol[]; children: ReactNode }) {
  const usuario = useUsuarioActual();
  if (roles.includes(usuario.rol)) return children;
  return (
    <Result
      status="warning"
      title={<h1 style={{ fontSize: 22, margin: 0 }}>Sin permiso</h1>}
      subTitle="Tu rol no tiene acceso a esta sección."
      extra={<Link to="/">Ir a Inicio</Link>}
    />
  );
}
