import { describe, expect, it } from 'vitest';
import { esBaseNoDisponible } from '../../src/db/base-no-disponible.ts';

const conCodigo = (codigo: string, mensaje = 'x') =>
  Object.assign(new Error(mensaje), { code: codigo });

describe('esBaseNoDisponible: un 503 que se puede reintentar, no un 500', () => {
  it.each([
    ['servidor caído (ECONNREFUSED)', conCodigo('ECONNREFUSED'), true],
    ['conexión cortada (ECONNRESET)', conCodigo('ECONNRESET'), true],
    ['postmaster muerto (57P01 admin_shutdown)', conCodigo('57P01'), true],
    ['recuperación tras caída (57P03 cannot_connect_now)', conCodigo('57P03'), true],
    ['excepción de conexión (08006)', conCodigo('08006'), true],
    ['cliente de pg cortado', new Error('Connection terminated unexpectedly'), true],
    ['espera del pool', new Error('timeout exceeded when trying to connect'), true],
    ['localhost con dos direcciones', new AggregateError([conCodigo('ECONNREFUSED')]), true],
    ['causa anidada', new Error('envuelto', { cause: conCodigo('ECONNREFUSED') }), true],
    ['llave duplicada (23505): error de datos', conCodigo('23505'), false],
    ['sintaxis (42601): error del programa', conCodigo('42601'), false],
    ['serialización (40001)', conCodigo('40001'), false],
    ['un error cualquiera', new Error('otra cosa'), false],
    ['no es un Error', 'ECONNREFUSED', false],
  ])('%s', (_nombre, error, esperado) => {
    expect(esBaseNoDisponible(error)).toBe(esperado);
  });
});
