import { z } from 'zod';
import { respuestaSesion } from '../../contrato/sesion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { cambiarContrasena } from '../../modules/seguridad/cambiar-contrasena.ts';
import { cerrarSesion } from '../../modules/seguridad/cerrar-sesion.ts';
import { textoDeEspera } from '../../modules/seguridad/frenar-intentos.ts';
import { iniciarSesion } from '../../modules/seguridad/iniciar-sesion.ts';
import { buscarUsuarioVista } from '../../modules/usuarios/vista-usuario.ts';
import type { ContextoApp } from '../app.ts';
import { cookieDeSesion } from '../autenticacion.ts';
import { cuerpoError } from '../errores-http.ts';
import { enrutador } from '../ruta.ts';
import { cadena } from '../validacion.ts';

const credenciales = z.strictObject({
  usuario: cadena().min(1).max(100),
  contrasena: z.string().min(1).max(200),
});
const cambio = z.strictObject({
  actual: z.string().min(1).max(200),
  nueva: z.string().min(1).max(200),
});

const CREDENCIALES_INVALIDAS = 'Usuario o contraseña incorrectos.';

export function rutasSesion(contexto: ContextoApp): void {
  const { db, reloj } = contexto.deps;
  const cookie = cookieDeSesion(contexto.deps.cookieSegura);
  const rutas = enrutador(contexto);

  rutas.post(
    '/api/sesion',
    {
      accion: 'publica',
      resumen: 'Inicia sesión con usuario y contraseña',
      respuesta: respuestaSesion,
      rateLimit: { max: contexto.deps.limiteLoginPorMinuto ?? 30, timeWindow: '1 minute' },
      body: credenciales,
    },
    // Public: no session yet, so no `ctx`; the use case gets the clock and the caller's IP.
    async ({ body, request, reply, enTransaccion }) => {
      const r = await enTransaccion((trx) => iniciarSesion(trx, body, { reloj, ip: request.ip }));
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

  rutas.get(
    '/api/sesion',
    { accion: 'sesion.consultar', resumen: 'La sesión en curso', respuesta: respuestaSesion },
    async ({ ctx, request }) => ({
      usuario: await buscarUsuarioVista(db, ctx.actor.id),
      csrf: request.sesion?.csrf ?? '',
      hoy: reloj.hoy(),
    }),
  );

  rutas.delete(
    '/api/sesion',
    { accion: 'sesion.cerrar', resumen: 'Cierra la sesión', sinContenido: true },
    async ({ ctx, request, reply, enTransaccion }) => {
      const idHash = request.sesion?.idHash ?? '';
      await enTransaccion((trx) => cerrarSesion(trx, idHash, ctx));
      reply.clearCookie(cookie.nombre, cookie.opciones);
      return reply.status(204).send();
    },
  );

  rutas.put(
    '/api/sesion/contrasena',
    {
      accion: 'sesion.cambiar_contrasena',
      resumen: 'Cambia la contraseña propia',
      body: cambio,
      sinContenido: true,
    },
    async ({ body, ctx, request, reply, enTransaccion }) => {
      const idHash = request.sesion?.idHash ?? '';
      await enTransaccion((trx) => cambiarContrasena(trx, body, idHash, ctx));
      return reply.status(204).send();
    },
  );
}
