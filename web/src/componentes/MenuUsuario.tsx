import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { esErrorApi, mensajeDeError } from '../api/cliente.ts';
import { useSalir, useUsuarioActual } from '../api/sesion.ts';
import { NOMBRE_ROL } from '../roles.ts';

const OPCIONES: MenuProps['items'] = [
  { key: 'contrasena', label: 'Cambiar contraseña' },
  { type: 'divider' },
  { key: 'salir', label: 'Cerrar sesión' },
];

export function MenuUsuario() {
  const usuario = useUsuarioActual();
  const salir = useSalir();
  const navegar = useNavigate();
  const { message } = App.useApp();

  const alElegir: MenuProps['onClick'] = ({ key }) => {
    if (key === 'contrasena') {
      navegar('/contrasena');
      return;
    }
    if (key === 'salir') {
      salir.mutate(undefined, {
        onSuccess: () => navegar('/entrar', { replace: true }),
        onError: (error) => {
          // A 401 means it had already expired: useSalir forgot it and the guard redirects.
          if (esErrorApi(error) && error.estado === 401) return;
          void message.error(`No se pudo cerrar la sesión: ${mensajeDeError(error)}`);
        },
      });
    }
  };

  return (
    <div className="menu-usuario">
      <Dropdown menu={{ items: OPCIONES, onClick: alElegir }} trigger={['click']} autoFocus>
        <Button
          className="boton-usuario"
          loading={salir.isPending}
          aria-label={`${usuario.nombre}, ${NOMBRE_ROL[usuario.rol]}: menú de usuario`}
        >
          <span className="boton-usuario-nombre">
            {usuario.nombre} <span aria-hidden="true">▾</span>
          </span>
          <span className="boton-usuario-rol">{NOMBRE_ROL[usuario.rol]}</span>
        </Button>
      </Dropdown>
    </div>
  );
}
