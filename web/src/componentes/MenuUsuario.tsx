import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useRef } from 'react';
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
  const boton = useRef<HTMLButtonElement>(null);

  // When the menu closes (Esc, a choice), give focus back to its button instead of leaving it
  // on <body>; but never take it from something the user clicked or tabbed to meanwhile.
  const alAbrirOCerrar = (abierto: boolean) => {
    if (abierto) return;
    requestAnimationFrame(() => {
      const activo = document.activeElement;
      if (activo === null || activo === document.body || activo.closest('.ant-dropdown')) {
        boton.current?.focus();
      }
    });
  };

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
      <Dropdown
        menu={{ items: OPCIONES, onClick: alElegir }}
        trigger={['click']}
        autoFocus
        onOpenChange={alAbrirOCerrar}
      >
        <Button
          ref={boton}
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
