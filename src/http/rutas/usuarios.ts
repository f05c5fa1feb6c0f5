import { z } from 'zod';
import { listaUsuarios, respuestaUsuario } from '../../contrato/sesion.ts';
import { ROLES } from '../../db/esquema.ts';
import { crearUsuario } from '../../modules/usuarios/crear-usuario.ts';
import { editarUsuario } from '../../modules/usuarios/editar-usuario.ts';
import { listarUsuarios } from '../../modules/usuarios/listar-usuarios.ts';
import { restablecerContrasena } from '../../modules/usuarios/restablecer-contrasena.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';
import { id, idEnRuta, texto } from '../validacion.ts';

const rol = z.enum(ROLES as [string, ...string[]]).transform((r) => r as (typeof ROLES)[number]);
const oficinaId = id.nullable();
const nombreUsuario = z
  .string()
  .trim()
  .regex(
    /^[a-zA-Z0-9._-]{3,40}$/,
    'de 3 a 40 letras sin acento, números, punto, guion o guion bajo',
  );
const nuevo = z.strictObject({
  usuario: nombreUsuario,
  nombre: texto(120),
  rol,
  oficinaId,
  contrasena: z.string().max(200),
});
const cambios = z.strictObject({
  nombre: texto(120).optional(),
  rol: rol.optional(),
  oficinaId: oficinaId.optional(),
  activo: z.boolean().optional(),
});
const contrasena = z.strictObject({ contrasena: z.string().max(200) });

export function rutasUsuarios(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/usuarios',
    { accion: 'usuarios.listar', resumen: 'Lista los usuarios', respuesta: listaUsuarios },
    async ({ ctx, enTransaccion }) => ({
      usuarios: await enTransaccion((trx) => listarUsuarios(trx, ctx)),
    }),
  );

  rutas.post(
    '/api/usuarios',
    {
      accion: 'usuarios.crear',
      resumen: 'Crea un usuario',
      body: nuevo,
      respuesta: respuestaUsuario,
    },
    async ({ body, ctx, enTransaccion, responder }) => {
      const usuario = await enTransaccion((trx) => crearUsuario(trx, body, ctx));
      return responder(201, { usuario });
    },
  );

  rutas.patch(
    '/api/usuarios/:id',
    {
      accion: 'usuarios.editar',
      resumen: 'Edita nombre, rol, oficina o estado de un usuario',
      params: idEnRuta,
      body: cambios,
      respuesta: respuestaUsuario,
    },
    async ({ params: { id }, body, ctx, enTransaccion }) => ({
      usuario: await enTransaccion((trx) => editarUsuario(trx, id, body, ctx)),
    }),
  );

  rutas.put(
    '/api/usuarios/:id/contrasena',
    {
      accion: 'usuarios.restablecer_contrasena',
      resumen: 'Restablece la contraseña de un usuario',
      params: idEnRuta,
      body: contrasena,
      sinContenido: true,
    },
    async ({ params: { id }, body, ctx, enTransaccion, reply }) => {
      await enTransaccion((trx) => restablecerContrasena(trx, id, body.contrasena, ctx));
      return reply.status(204).send();
    },
  );
}
