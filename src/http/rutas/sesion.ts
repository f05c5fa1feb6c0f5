import { z } from 'zod';
import { ErrorDominio } from '../../domain/errores.ts';
import { cambiarContrasena } from '../../modules/seguridad/cambiar-contrasena.ts';
import { cerrarSesion } from '../../modules/seguridad/cerrar-sesion.ts';
import { textoDeEspera } from '../../modules/seguridad/frenar-intentos.ts';
import { iniciarSesion } from '../../modules/seguridad/iniciar-sesion.ts';
import { buscarUsuarioVista } from '../../modules/usuarios/vista-usuario.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe, cookieDeSesion } from '../autenticacion.ts';
import { cuerpoError } from '../errores-http.ts';
import { cadena, validar } from '../validacion.ts';

const credenciales = z.strictObject({
  usuario: cadena().min(1).max(100),
  contrasena: z.string().min(1).max(200),
});
const cambio = z.strictObject({
  actual: z.string().min(1).max(200),
  nueva: z.string().min(1).max(200),
});

const CREDENCIALES_INVALIDAS = 'Usuario o contraseña incorrectos.';

export function rutasSesion({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const cookie = cookieDeSesion(deps.cookieSegura);

  app.post(
    '/api/sesion',
    {
      config: {
        accion: 'publica',
        rateLimit: { max: deps.limiteLoginPorMinuto ?? 30, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const entrada = validar(credenciales, request.body);
      const r = await db
        .transaction()
        .execute((trx) => iniciarSesion(trx, entrada, { reloj, ip: request.ip }));
      if (r.tipo === 'frenada') {
        // Retry-After: the browser's page and any script know when to try again.
        return reply
          .status(429)
          .header('retry-after', String(r.esperaSegundos))
          .send(
            cuerpoError(
              'demasiados_intentos',
              `Demasiados intentos fallidos desde este equipo. Espera ${textoDeEspera(r.esperaSegundos)} e intenta de nuevo.`,
            ),
          );
      }
      if (r.tipo === 'rechazada') throw new ErrorDominio(r.codigo, CREDENCIALES_INVALIDAS);
      reply.setCookie(cookie.nombre, r.token, { ...cookie.opciones, signed: true });
      return { usuario: r.usuario, csrf: r.csrf, hoy: reloj.hoy() };
    },
  );

  app.get('/api/sesion', { config: { accion: 'sesion.consultar' } }, async (request) => {
    const { actor } = contextoDe(request, reloj);
    return {
      usuario: await buscarUsuarioVista(db, actor.id),
      csrf: request.sesion?.csrf,
      hoy: reloj.hoy(),
    };
  });

  app.delete('/api/sesion', { config: { accion: 'sesion.cerrar' } }, async (request, reply) => {
    const ctx = contextoDe(request, reloj);
    const idHash = request.sesion?.idHash ?? '';
    await db.transaction().execute((trx) => cerrarSesion(trx, idHash, ctx));
    reply.clearCookie(cookie.nombre, cookie.opciones);
    return reply.status(204).send();
  });

  app.put(
    '/api/sesion/contrasena',
    { config: { accion: 'sesion.cambiar_contrasena' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const entrada = validar(cambio, request.body);
      const idHash = request.sesion?.idHash ?? '';
      await db.transaction().execute((trx) => cambiarContrasena(trx, entrada, idHash, ctx));
      return reply.status(204).send();
    },
  );
}
