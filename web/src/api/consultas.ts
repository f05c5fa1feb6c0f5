import { QueryClient } from '@tanstack/react-query';
import { configurarCliente, esErrorApi } from './cliente.ts';
import { leerSesion, terminarSesionLocal } from './sesion.ts';

/** The app's single query cache, wired to the API client (CSRF token and expired sessions). */
export function crearClienteConsultas(): QueryClient {
  const clienteConsultas = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; network and 5xx errors get two more tries.
        retry: (intentos, error) =>
          !(esErrorApi(error) && error.estado >= 400 && error.estado < 500) && intentos < 2,
      },
      mutations: { retry: false },
    },
  });

  configurarCliente({
    obtenerCsrf: () => {
      const sesion = leerSesion(clienteConsultas);
      return sesion?.tipo === 'activa' ? sesion.csrf : undefined;
    },
    alExpirarSesion: () => terminarSesionLocal(clienteConsultas, 'expirada'),
  });

  return clienteConsultas;
}
