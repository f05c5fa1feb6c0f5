import { Button, Drawer, Grid, Layout } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { BuscadorGlobal } from './BuscadorGlobal.tsx';
import { Cargando } from './Cargando.tsx';
import { AvisosDeConvenios } from './convenios/AvisosDeConvenios.tsx';
import { LimiteDeError } from './LimiteDeError.tsx';
import { MenuUsuario } from './MenuUsuario.tsx';
import { Navegacion } from './Navegacion.tsx';
import { useTablasDesplazables } from './tablasDesplazables.ts';

/**
 * The frame of every logged-in page: header, left navigation and the page itself. Under
 * 768 px (a phone, a small tablet) the navigation leaves the side, where it would take a
 * third of the screen, for a drawer opened with the header's «Menú» button; which of the two
 * shows is decided in estilos.css, so that the first paint is already right.
 */
export function Marco() {
  const { pathname } = useLocation();
  const [menuAbierto, setMenuAbierto] = useState(false);
  // On a wider window the side navigation is back: a drawer left open would be a second one.
  const ancha = Grid.useBreakpoint().md === true;
  useTablasDesplazables();

  // Choosing a section closes the drawer: the page the person asked for is what they see.
  // biome-ignore lint/correctness/useExhaustiveDependencies: it must run when the page changes.
  useEffect(() => setMenuAbierto(false), [pathname]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="saltar-al-contenido" href="#contenido">
        Saltar al contenido
      </a>
      <Layout.Header className="encabezado">
        <Button
          className="boton-menu"
          aria-haspopup="dialog"
          aria-expanded={menuAbierto}
          onClick={() => setMenuAbierto(true)}
        >
          <span className="icono-menu" aria-hidden="true" />
          Menú
        </Button>
        <Link to="/" className="marca">
          <span className="marca-nombre">Recupera</span>
          <span className="marca-institucion">IBCEES</span>
        </Link>
        <BuscadorGlobal />
        <AvisosDeConvenios />
        <MenuUsuario />
      </Layout.Header>
      <Drawer
        rootClassName="cajon-menu"
        title="Menú"
        placement="left"
        size={280}
        open={menuAbierto && !ancha}
        onClose={() => setMenuAbierto(false)}
      >
        <Navegacion />
      </Drawer>
      <Layout hasSider>
        <Layout.Sider width={200} className="lateral">
          <Navegacion />
        </Layout.Sider>
        <Layout.Content id="contenido" className="contenido" tabIndex={-1}>
          <LimiteDeError key={pathname}>
            <Suspense fallback={<Cargando />}>
              <Outlet />
            </Suspense>
          </LimiteDeError>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
