import { describe, expect, it } from 'vitest';
import { ErrorDeConfiguracion, leerConfig } from '../../src/plataforma/config.ts';
import { MEMORIA_IMPORTACION_MB } from '../../src/plataforma/importar-en-hilo.ts';

describe('MEMORIA_IMPORTACION_MB', () => {
  it('por omisión es el montículo medido para la cartera de 50,000 créditos', () => {
    expect(leerConfig({}).memoriaImportacionMb).toBe(MEMORIA_IMPORTACION_MB);
    expect(leerConfig({ MEMORIA_IMPORTACION_MB: '2048' }).memoriaImportacionMb).toBe(2048);
  });

  it.each([
    ['64', 'debe estar entre 128 y 16384 MB'],
    ['mucha', 'debe ser un número entero de MB'],
  ])('rechaza «%s» diciendo por qué', (valor, motivo) => {
    expect(() => leerConfig({ MEMORIA_IMPORTACION_MB: valor })).toThrow(ErrorDeConfiguracion);
    expect(() => leerConfig({ MEMORIA_IMPORTACION_MB: valor })).toThrow(
      `MEMORIA_IMPORTACION_MB: ${motivo}`,
    );
  });
});
