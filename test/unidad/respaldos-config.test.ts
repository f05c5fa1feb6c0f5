import { describe, expect, it } from 'vitest';
import { ErrorDeConfiguracion, leerConfig } from '../../src/plataforma/config.ts';
import { leerNombreDeRespaldo, nombreDeRespaldo } from '../../src/plataforma/respaldos/nombres.ts';

describe('configuración de los respaldos nocturnos', () => {
  it('por omisión conserva 7 diarios, 4 semanales y 12 mensuales', () => {
    expect(leerConfig({}).respaldos).toEqual({ diarios: 7, semanales: 4, mensuales: 12 });
  });

  it('lee cada variable', () => {
    const c = leerConfig({
      RESPALDOS_DIARIOS: '14',
      RESPALDOS_SEMANALES: '0',
      RESPALDOS_MENSUALES: '24',
    });
    expect(c.respaldos).toEqual({ diarios: 14, semanales: 0, mensuales: 24 });
  });

  it('nombra cada valor inválido en español', () => {
    let error: unknown;
    try {
      leerConfig({
        RESPALDOS_DIARIOS: '0',
        RESPALDOS_SEMANALES: 'cuatro',
        RESPALDOS_MENSUALES: '5000',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ErrorDeConfiguracion);
    const mensaje = (error as Error).message;
    expect(mensaje).toContain('RESPALDOS_DIARIOS: debe estar entre 1 y 1000');
    expect(mensaje).toContain('RESPALDOS_SEMANALES: debe ser un número entero');
    expect(mensaje).toContain('RESPALDOS_MENSUALES: debe estar entre 0 y 1000');
  });
});

describe('nombres de los respaldos', () => {
  it('llevan la fecha y la hora de negocio', () => {
    const instante = new Date('2026-12-04T09:20:12Z');
    expect(nombreDeRespaldo(instante, 'America/Hermosillo', 'embebido')).toBe(
      'recupera-2026-12-04-022012.tar.gz',
    );
    // 05:30 UTC is still the evening before in Hermosillo (UTC−7).
    expect(
      nombreDeRespaldo(new Date('2026-12-05T05:30:00Z'), 'America/Hermosillo', 'externo'),
    ).toBe('recupera-2026-12-04-223000.dump');
  });

  it('se leen de vuelta, y lo demás no es un respaldo', () => {
    expect(leerNombreDeRespaldo('recupera-2026-12-04-022012.tar.gz')).toEqual({
      nombre: 'recupera-2026-12-04-022012.tar.gz',
      fecha: '2026-12-04',
      marca: '2026-12-04-022012',
    });
    for (const ajeno of [
      'recupera-2026-02-30-022012.tar.gz',
      'recupera-2026-12-04-246000.dump',
      'recupera-2026-12-04-022012.zip',
      'otro-2026-12-04-022012.tar.gz',
    ])
      expect(leerNombreDeRespaldo(ajeno)).toBeNull();
  });
});
