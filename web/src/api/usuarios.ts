import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar, solicitarSinRespuesta } from './cliente.ts';
import { escribirSesion, leerSesion } from './sesion.ts';
import type { Rol, Usuario } from './tipos.ts';

const CLAVE_USUARIOS = ['usuarios'] as const;

export function useUsuarios() {
  return useQuery({
    queryKey: CLAVE_USUARIOS,
    queryFn: ({ signal }) =>
      solicitar<{ usuarios: Usuario[] }>('GET', '/api/usuarios', { senal: signal }),
    select: (r) => r.usuarios,
  });
}

export interface DatosNuevoUsuario {
  usuario: string;
  nombre: string;
  rol: Rol;
  oficinaId: number | null;
  contrasena: string;
}

export function useCrearUsuario() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (datos: DatosNuevoUsuario) =>
      solicitar<{ usuario: Usuario }>('POST', '/api/usuarios', { cuerpo: datos }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE_USUARIOS }),
  });
}

export interface CambiosUsuario {
  nombre?: string;
  rol?: Rol;
  oficinaId?: number | null;
  activo?: boolean;
}

export function useEditarUsuario() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({ id, cambios }: { id: number; cambios: CambiosUsuario }) =>
      solicitar<{ usuario: Usuario }>('PATCH', `/api/usuarios/${id}`, { cuerpo: cambios }),
    onSuccess: ({ usuario }) => {
      // If administrators edit themselves, the header must show the new name at once.
      const sesion = leerSesion(clienteConsultas);
      if (sesion?.tipo === 'activa' && sesion.usuario.id === usuario.id) {
        escribirSesion(clienteConsultas, { ...sesion, usuario });
      }
      return clienteConsultas.invalidateQueries({ queryKey: CLAVE_USUARIOS });
    },
  });
}

export function useRestablecerContrasena() {
  return useMutation({
    mutationFn: ({ id, contrasena }: { id: number; contrasena: string }) =>
      solicitarSinRespuesta('PUT', `/api/usuarios/${id}/contrasena`, { cuerpo: { contrasena } }),
  });
}
