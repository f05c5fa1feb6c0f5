import { describe, expect, it } from 'vitest';
import { ErrorDeConfiguracion, leerConfig } from '../../src/plataforma/config.ts';

describe('configuración desde el entorno', () => {
  it('sin variables usa los valores de demostración', () => {
    const c = leerConfig({});
    expect(c).toMatchObject({
      puerto: 3000,
      databaseUrl: null,
      sessionSecret: null,
      zonaHoraria: 'America/Hermosillo',
      cookieSegura: false,
    });
    expect(c.carpetaDatos).toMatch(/\/data$/);
  });

  it('lee cada variable', () => {
    const c = leerConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/recupera',
      DATA_DIR: '/var/lib/recupera',
      SESSION_SECRET: 's'.repeat(40),
      ZONA_HORARIA: 'America/Mexico_City',
      COOKIE_SEGURA: 'si',
    });
    expect(c).toMatchObject({
      puerto: 8080,
      databaseUrl: 'postgres://u:p@db:5432/recupera',
      carpetaDatos: '/var/lib/recupera',
      zonaHoraria: 'America/Mexico_City',
      cookieSegura: true,
    });
  });

  it('DATABASE_URL_MIGRACIONES es la conexión de la dueña, y solo tiene sentido con DATABASE_URL', () => {
    expect(
      leerConfig({
        DATABASE_URL: 'postgres://recupera_app:a@db/recupera',
        DATABASE_URL_MIGRACIONES: 'postgres://recupera_duenio:d@db/recupera',
      }),
    ).toMatchObject({
      databaseUrl: 'postgres://recupera_app:a@db/recupera',
      databaseUrlMigraciones: 'postgres://recupera_duenio:d@db/recupera',
    });
    expect(leerConfig({ DATABASE_URL: 'postgres://u@db/r' }).databaseUrlMigraciones).toBeNull();
    expect(() =>
      leerConfig({ DATABASE_URL_MIGRACIONES: 'postgres://recupera_duenio:d@db/recupera' }),
    ).toThrow('DATABASE_URL_MIGRACIONES: requiere DATABASE_URL');
  });

  it('nombra cada variable inválida en una línea en español', () => {
    let error: unknown;
    try {
      leerConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        SESSION_SECRET: 'corto',
        ZONA_HORARIA: 'Marte/Olympus',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ErrorDeConfiguracion);
    const mensaje = (error as Error).message;
    expect(mensaje).toContain('PORT: debe ser un número entero');
    expect(mensaje).toContain('DATABASE_URL: debe empezar con postgres://');
    expect(mensaje).toContain('SESSION_SECRET: debe tener al menos 32 caracteres');
    expect(mensaje).toContain('ZONA_HORARIA: no es una zona horaria IANA válida');
  });

  it('el límite de solicitudes y el proxy de confianza se configuran y se validan', () => {
    expect(leerConfig({})).toMatchObject({ confiarEnProxy: false, limitePorMinuto: 6000 });
    expect(leerConfig({ CONFIAR_EN_PROXY: 'si', LIMITE_POR_MINUTO: '120' })).toMatchObject({
      confiarEnProxy: true,
      limitePorMinuto: 120,
    });
    expect(() => leerConfig({ LIMITE_POR_MINUTO: '10' })).toThrow(
      /LIMITE_POR_MINUTO: debe ser al menos 60/,
    );
    expect(() => leerConfig({ CONFIAR_EN_PROXY: 'quizá' })).toThrow(
      /CONFIAR_EN_PROXY: debe ser "si" o "no"/,
    );
  });

  it('un puerto fuera de rango se rechaza', () => {
    expect(() => leerConfig({ PORT: '70000' })).toThrow(/PORT: debe estar entre 1 y 65535/);
  });

  it('los días de pago anticipado puntual: 10 por omisión, 0 lo desactiva, otro valor se nombra', () => {
    expect(leerConfig({}).diasPagoAnticipadoPuntual).toBe(10);
    expect(leerConfig({ DIAS_PAGO_ANTICIPADO_PUNTUAL: '0' }).diasPagoAnticipadoPuntual).toBe(0);
    expect(() => leerConfig({ DIAS_PAGO_ANTICIPADO_PUNTUAL: 'diez' })).toThrow(
      'DIAS_PAGO_ANTICIPADO_PUNTUAL: debe ser un número entero de días (0 lo desactiva)',
    );
    expect(() => leerConfig({ DIAS_PAGO_ANTICIPADO_PUNTUAL: '90' })).toThrow(
      'DIAS_PAGO_ANTICIPADO_PUNTUAL: debe estar entre 0 y 60 días',
    );
  });
});
