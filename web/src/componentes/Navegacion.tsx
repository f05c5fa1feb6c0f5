import { NavLink } from 'react-router-dom';
import { useUsuarioActual } from '../api/sesion.ts';
import { seccionesDe } from '../navegacion.ts';

export function Navegacion() {
  const usuario = useUsuarioActual();
  return (
    <nav className="navegacion" aria-label="Navegación principal">
      <ul>
        {seccionesDe(usuario.rol).map((s) => (
          <li key={s.ruta}>
            <NavLink to={s.ruta} end={s.ruta === '/'}>
              {s.etiqueta}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
