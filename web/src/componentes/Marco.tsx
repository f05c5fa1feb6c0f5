import { Layout } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { BuscadorGlobal } from './BuscadorGlobal.tsx';
import { Cargando } from './Cargando.tsx';
import { LimiteDeError } from './LimiteDeError.tsx';
import { MenuUsuario } from './MenuUsuario.tsx';
import { Navegacion } from './Navegacion.tsx';

/** The frame of every logged-in page: header, left navigation and the page itself. */
export function Marco() {
  const { pathname } = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="saltar-al-contenido" href="#contenido">
        Saltar al contenido
      </a>
      <Layout.Header className="encabezado">
        <Link to="/" className="marca">
          <span className="marca-nombre">Recupera</span>
          <span className="marca-institucion">IBCEES</span>
        </Link>
        <BuscadorGlobal />
        <MenuUsuario />
      </Layout.Header>
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
