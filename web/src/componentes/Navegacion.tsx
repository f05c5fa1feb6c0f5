import { NavLink, useLocation } from 'react-router-dom';
import { useUsuarioActual } from '../api/sesion.ts';
import { seccionesDe, seccionQueContiene } from '../navegacion.ts';
import { InsigniaRecados } from './recados/InsigniaRecados.tsx';

export function Navegacion() {
  const usuario = useUsuarioActual();
  const contenedora = seccionQueContiene(useLocation().pathname);
  return (
    <nav className="navegacion" aria-label="Navegación principal">
      <ul>
        {seccionesDe(usuario.rol).map((s) => (
          <li key={s.ruta}>
            <NavLink
              to={s.ruta}
              end={s.ruta === '/'}
              className={s.ruta === contenedora ? 'seccion-contenedora' : undefined}
            >
              {s.etiqueta}
              {s.ruta === '/recados' && <InsigniaRecados />}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
