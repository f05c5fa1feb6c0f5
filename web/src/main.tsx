import 'antd/dist/reset.css';
import './estilos.css';
import 'dayjs/locale/es-mx';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AppAntd, ConfigProvider } from 'antd';
import esES from 'antd/locale/es_ES';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { crearClienteConsultas } from './api/consultas.ts';
import { Rutas } from './Rutas.tsx';
import { temaSegunMovimiento } from './tema.ts';

dayjs.locale('es-mx');

const clienteConsultas = crearClienteConsultas();

const menosMovimiento = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const raiz = document.getElementById('raiz');
if (raiz === null) throw new Error('Falta el elemento #raiz en index.html');

createRoot(raiz).render(
  <StrictMode>
    <ConfigProvider
      locale={esES}
      theme={temaSegunMovimiento(menosMovimiento)}
      form={{ requiredMark: false }}
    >
      <AppAntd>
        <QueryClientProvider client={clienteConsultas}>
          <BrowserRouter>
            <Rutas />
          </BrowserRouter>
        </QueryClientProvider>
      </AppAntd>
    </ConfigProvider>
  </StrictMode>,
);
