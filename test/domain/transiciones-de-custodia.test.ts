import { describe, expect, it } from 'vitest';
import {
  type DestinoPedido,
  type LugarDePieza,
  type PiezaEnCustodia,
  revisarMovimiento,
  TIPOS_MOVIMIENTO_CUSTODIA,
  type TipoMovimientoCustodia,
} from '../../src/domain/expedientes/transiciones-de-custodia.ts';
import type { Fecha } from '../../src/domain/fecha.ts';

const HOY = '2026-03-10' as Fecha;
const HMO = 1;
const NOG = 3;
const LUGARES: LugarDePieza[] = ['archivo', 'persona', 'despacho', 'devuelto'];

const pieza = (lugar: LugarDePieza, extra: Partial<PiezaEnCustodia> = {}): PiezaEnCustodia => ({
  lugar,
  oficinaId: lugar === 'archivo' || lugar === 'persona' ? HMO : null,
  esPagare: true,
  creditoCerrado: true,
  ...extra,
});

/** The usual destination and date of each kind, so that only the origin decides. */
const USUAL: Record<TipoMovimientoCustodia, [DestinoPedido, Fecha | null]> = {
  ubicar: [{ lugar: 'archivo', oficinaId: HMO }, null],
  prestamo: [{ lugar: 'persona', usuarioId: 7 }, '2026-03-20' as Fecha],
  devolucion: [{ lugar: 'archivo', oficinaId: HMO }, null],
  traslado: [{ lugar: 'archivo', oficinaId: NOG }, null],
  envio_a_despacho: [{ lugar: 'despacho', despachoId: 2 }, '2027-03-10' as Fecha],
  retorno_de_despacho: [{ lugar: 'archivo', oficinaId: HMO }, null],
  devolucion_al_acreditado: [{ lugar: 'devuelto' }, null],
};

// From where each kind may start; the rest of the cells are refused, and why.
const ORIGEN: Record<TipoMovimientoCustodia, Record<LugarDePieza, string | null>> = {
  ubicar: { archivo: null, persona: 'prestada', despacho: 'prestada', devuelto: 'devuelta' },
  prestamo: { archivo: null, persona: 'prestada', despacho: 'prestada', devuelto: 'devuelta' },
  devolucion: { archivo: 'no_esta_fuera', persona: null, despacho: null, devuelto: 'devuelta' },
  traslado: { archivo: null, persona: 'prestada', despacho: 'prestada', devuelto: 'devuelta' },
  envio_a_despacho: {
    archivo: null,
    persona: 'prestada',
    despacho: 'prestada',
    devuelto: 'devuelta',
  },
  retorno_de_despacho: {
    archivo: 'no_esta_en_despacho',
    persona: 'no_esta_en_despacho',
    despacho: null,
    devuelto: 'devuelta',
  },
  devolucion_al_acreditado: {
    archivo: null,
    persona: 'prestada',
    despacho: 'prestada',
    devuelto: 'devuelta',
  },
};

describe('la tabla de movimientos de custodia', () => {
  for (const tipo of TIPOS_MOVIMIENTO_CUSTODIA) {
    for (const lugar of LUGARES) {
      const esperado = ORIGEN[tipo][lugar];
      it(`${tipo} desde ${lugar}: ${esperado ?? 'se admite'}`, () => {
        const [destino, fecha] = USUAL[tipo];
        expect(revisarMovimiento(tipo, pieza(lugar), destino, fecha, HOY)).toBe(esperado);
      });
    }
  }
});

describe('las condiciones que la tabla no dice', () => {
  it('un préstamo lleva fecha de devolución, de hoy en adelante; una devolución no la lleva', () => {
    const aColega: DestinoPedido = { lugar: 'persona', usuarioId: 7 };
    expect(revisarMovimiento('prestamo', pieza('archivo'), aColega, null, HOY)).toBe(
      'sin_fecha_de_devolucion',
    );
    expect(
      revisarMovimiento('prestamo', pieza('archivo'), aColega, '2026-03-09' as Fecha, HOY),
    ).toBe('fecha_de_devolucion_pasada');
    expect(revisarMovimiento('prestamo', pieza('archivo'), aColega, HOY, HOY)).toBeNull();
    expect(
      revisarMovimiento(
        'devolucion',
        pieza('persona'),
        { lugar: 'archivo', oficinaId: HMO },
        '2026-03-20' as Fecha,
        HOY,
      ),
    ).toBe('fecha_de_devolucion_sobra');
  });

  it('un préstamo va a una persona o a un despacho, nunca al archivo ni al acreditado', () => {
    const f = '2026-03-20' as Fecha;
    expect(
      revisarMovimiento('prestamo', pieza('archivo'), { lugar: 'despacho', despachoId: 2 }, f, HOY),
    ).toBeNull();
    expect(revisarMovimiento('prestamo', pieza('archivo'), { lugar: 'devuelto' }, f, HOY)).toBe(
      'destino_no_admitido',
    );
    expect(
      revisarMovimiento('prestamo', pieza('archivo'), { lugar: 'archivo', oficinaId: HMO }, f, HOY),
    ).toBe('destino_no_admitido');
  });

  it('ubicar es en el archivo donde ya está; trasladar, a otro', () => {
    expect(
      revisarMovimiento(
        'ubicar',
        pieza('archivo'),
        { lugar: 'archivo', oficinaId: NOG },
        null,
        HOY,
      ),
    ).toBe('otra_oficina');
    expect(
      revisarMovimiento(
        'traslado',
        pieza('archivo'),
        { lugar: 'archivo', oficinaId: HMO },
        null,
        HOY,
      ),
    ).toBe('misma_oficina');
  });

  it('al acreditado se le devuelve un pagaré de un crédito cerrado, nunca el expediente', () => {
    const destino: DestinoPedido = { lugar: 'devuelto' };
    expect(
      revisarMovimiento(
        'devolucion_al_acreditado',
        pieza('archivo', { creditoCerrado: false }),
        destino,
        null,
        HOY,
      ),
    ).toBe('credito_vigente');
    expect(
      revisarMovimiento(
        'devolucion_al_acreditado',
        pieza('archivo', { esPagare: false }),
        destino,
        null,
        HOY,
      ),
    ).toBe('expediente_no_se_devuelve');
  });
});
