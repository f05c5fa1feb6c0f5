import { z } from 'zod';
import { ROLES } from '../../db/esquema.ts';
import { crearUsuario } from '../../modules/usuarios/crear-usuario.ts';
import { editarUsuario } from '../../modules/usuarios/editar-usuario.ts';
import { listarUsuarios } from '../../modules/usuarios/listar-usuarios.ts';
import { restablecerContrasena } from '../../modules/usuarios/restablecer-contrasena.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { id, idEnRuta, texto, validar } from '../validacion.ts';

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

export function rutasUsuarios({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const enTx = db.transaction.bind(db);

  app.get('/api/usuarios', { config: { accion: 'usuarios.listar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    return { usuarios: await enTx().execute((trx) => listarUsuarios(trx, ctx)) };
  });

  app.post('/api/usuarios', { config: { accion: 'usuarios.crear' } }, async (request, reply) => {
    const ctx = contextoDe(request, reloj);
    const entrada = validar(nuevo, request.body);
    const usuario = await enTx().execute((trx) => crearUsuario(trx, entrada, ctx));
    return reply.status(201).send({ usuario });
  });

  app.patch('/api/usuarios/:id', { config: { accion: 'usuarios.editar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { id } = validar(idEnRuta, request.params);
    const entrada = validar(cambios, request.body);
    return { usuario: await enTx().execute((trx) => editarUsuario(trx, id, entrada, ctx)) };
  });

  app.put(
    '/api/usuarios/:id/contrasena',
    { config: { accion: 'usuarios.restablecer_contrasena' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const entrada = validar(contrasena, request.body);
      await enTx().execute((trx) => restablecerContrasena(trx, id, entrada.contrasena, ctx));
      return reply.status(204).send();
    },
  );
}
