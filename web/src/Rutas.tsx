import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Marco } from './componentes/Marco.tsx';
import { RequiereRol } from './componentes/RequiereRol.tsx';
import { RequiereSesion } from './componentes/RequiereSesion.tsx';
import { SECCIONES } from './navegacion.ts';
import { PaginaEntrar } from './paginas/Entrar.tsx';
import { PaginaNoEncontrada } from './paginas/NoEncontrada.tsx';

const PaginaContrasena = lazy(() =>
  import('./paginas/Contrasena.tsx').then((m) => ({ default: m.PaginaContrasena })),
);

export function Rutas() {
  return (
    <Routes>
      <Route path="/entrar" element={<PaginaEntrar />} />
      <Route element={<RequiereSesion />}>
        <Route element={<Marco />}>
          {SECCIONES.map(({ ruta, roles, pagina: Pagina }) => (
            <Route
              key={ruta}
              path={ruta}
              element={
                <RequiereRol roles={roles}>
                  <Pagina />
                </RequiereRol>
              }
            />
          ))}
          <Route path="/contrasena" element={<PaginaContrasena />} />
          <Route path="*" element={<PaginaNoEncontrada />} />
        </Route>
      </Route>
    </Routes>
  );
}
