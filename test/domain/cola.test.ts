import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centavos } from '../../src/domain/dinero.ts';
import {
  alertasAlcanzadas,
  type ClaveMotivo,
  clavesDeMotivos,
  type HechosDeCuenta,
  motivosDeCuenta,
  PESO_MOTIVO,
  puntajeDeCuenta,
  recuperacionEsperada,
} from '../../src/domain/gestion/cola.ts';

const PARAMETROS = {
  hoy: '2026-03-10',
  diasSinContacto: 30,
  alertasPrescripcion: [180, 90, 30],
  saldoAlto: centavos(5_000_000),
};
const TRANQUILA: HechosDeCuenta = {
  saldoExigible: centavos(100_000),
  bucket: '31-60',
  promesaIncumplida: false,
  promesaHoy: null,
  convenioIncumplido: false,
  pagoDeConvenioHoy: false,
  recadosPendientes: 0,
  proximaAccionFecha: '2026-03-20',
  diasParaPrescribir: 900,
  diasSinContactoEfectivo: 3,
  tieneGestiones: true,
};

describe('motivos de la cola', () => {
  const casos: Array<[string, Partial<HechosDeCuenta>, ClaveMotivo[]]> = [
    ['sin nada pendiente', {}, []],
    ['promesa rota', { promesaIncumplida: true }, ['promesa_incumplida']],
    ['promesa de hoy', { promesaHoy: centavos(120_000) }, ['promesa_hoy']],
    ['acción vencida', { proximaAccionFecha: '2026-03-09' }, ['llamada_programada']],
    ['acción de hoy', { proximaAccionFecha: '2026-03-10' }, ['llamada_programada']],
    ['prescripción en 180 días', { diasParaPrescribir: 180 }, ['prescripcion_cercana']],
    ['prescripción en 181 días', { diasParaPrescribir: 181 }, []],
    ['prescripción hoy', { diasParaPrescribir: 0 }, ['prescripcion_cercana']],
    [
      'nunca contactado',
      { tieneGestiones: false, diasSinContactoEfectivo: null },
      ['nunca_contactado'],
    ],
    ['30 días sin contacto efectivo', { diasSinContactoEfectivo: 30 }, ['sin_contacto']],
    ['saldo alto', { saldoExigible: centavos(5_000_000) }, ['saldo_alto']],
    ['dos recados', { recadosPendientes: 2 }, ['recado']],
    ['convenio incumplido', { convenioIncumplido: true }, ['convenio_incumplido']],
    ['pago de convenio hoy', { pagoDeConvenioHoy: true }, ['pago_de_convenio']],
    [
      'todo a la vez, del más urgente al menos',
      {
        promesaIncumplida: true,
        convenioIncumplido: true,
        promesaHoy: centavos(10_000),
        pagoDeConvenioHoy: true,
        recadosPendientes: 1,
        proximaAccionFecha: '2026-03-10',
        diasParaPrescribir: 10,
        diasSinContactoEfectivo: 45,
        saldoExigible: centavos(6_000_000),
      },
      [
        'promesa_incumplida',
        'convenio_incumplido',
        'promesa_hoy',
        'pago_de_convenio',
        'recado',
        'llamada_programada',
        'prescripcion_cercana',
        'sin_contacto',
        'saldo_alto',
      ],
    ],
  ];
  for (const [nombre, cambio, esperado] of casos) {
    it(nombre, () => {
      expect(clavesDeMotivos({ ...TRANQUILA, ...cambio }, PARAMETROS)).toEqual(esperado);
    });
  }

  it('las frases dicen el monto, los días y el número de recados', () => {
    const m = motivosDeCuenta(
      { ...TRANQUILA, promesaHoy: centavos(123_456), recadosPendientes: 2, diasParaPrescribir: 1 },
      PARAMETROS,
    );
    expect(m.map((x) => x.texto)).toEqual([
      'Promesa de pago de $1,234.56 vence hoy',
      '2 recados por atender',
      'Un pagaré prescribe en 1 día',
    ]);
  });
});

describe('alertas de prescripción', () => {
  const conDias = (dias: number | null) => ({ ...TRANQUILA, diasParaPrescribir: dias });

  it('la cuenta entra con la mayor alerta y cuenta cada alerta menor que alcanza', () => {
    const alcanzadas = [900, 181, 180, 91, 90, 31, 30, 0, null].map((d) =>
      alertasAlcanzadas(conDias(d), PARAMETROS),
    );
    expect(alcanzadas).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 0]);
  });

  it('las alertas son las del parámetro, en cualquier orden: otra mayor mete antes la cuenta', () => {
    const otras = { ...PARAMETROS, alertasPrescripcion: [30, 365] };
    expect(clavesDeMotivos(conDias(300), otras)).toEqual(['prescripcion_cercana']);
    expect(clavesDeMotivos(conDias(300), PARAMETROS)).toEqual([]);
    expect(alertasAlcanzadas(conDias(30), otras)).toBe(2);
  });

  it('la urgencia sube 20 en cada alerta menor: 40, 60 y 80 con 180, 90 y 30 días', () => {
    // recuperación 0: puntaje = urgencia × (1 + log10(1)) = urgencia.
    const puntaje = (d: number) => {
      const h = conDias(d);
      return puntajeDeCuenta(clavesDeMotivos(h, PARAMETROS), 0, alertasAlcanzadas(h, PARAMETROS));
    };
    expect([puntaje(150), puntaje(60), puntaje(10)]).toEqual([40, 60, 80]);
    // At the last alert it goes before an account with a call due today (weight 50).
    expect(puntaje(10)).toBeGreaterThan(puntajeDeCuenta(['llamada_programada'], 0));
  });

  it('más alertas alcanzadas nunca bajan el puntaje', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        (a, b, r) =>
          puntajeDeCuenta(['prescripcion_cercana'], r, Math.max(a, b)) >=
          puntajeDeCuenta(['prescripcion_cercana'], r, Math.min(a, b)),
      ),
    );
  });
});

describe('motivos de convenio', () => {
  it('se leen como «Convenio incumplido» y «Pago de convenio vence hoy»', () => {
    expect(
      motivosDeCuenta(
        { ...TRANQUILA, convenioIncumplido: true, pagoDeConvenioHoy: true },
        PARAMETROS,
      ),
    ).toEqual([
      { clave: 'convenio_incumplido', texto: 'Convenio incumplido' },
      { clave: 'pago_de_convenio', texto: 'Pago de convenio vence hoy' },
    ]);
  });

  it('un convenio roto va antes que un pago de convenio del día, y éste antes que un recado, con el mismo saldo', () => {
    const r = recuperacionEsperada(TRANQUILA);
    const roto = puntajeDeCuenta(
      clavesDeMotivos({ ...TRANQUILA, convenioIncumplido: true }, PARAMETROS),
      r,
    );
    const pago = puntajeDeCuenta(
      clavesDeMotivos({ ...TRANQUILA, pagoDeConvenioHoy: true }, PARAMETROS),
      r,
    );
    const recado = puntajeDeCuenta(
      clavesDeMotivos({ ...TRANQUILA, recadosPendientes: 1 }, PARAMETROS),
      r,
    );
    expect(roto).toBeGreaterThan(pago);
    expect(pago).toBeGreaterThan(recado);
    // 90 and 70 times 1 + log10(1 + 1,000 × 0.65) for 100,000 centavos in 31-60.
    expect([roto, pago]).toEqual([343.2, 267]);
  });
});

describe('puntaje', () => {
  const claves = fc.subarray(Object.keys(PESO_MOTIVO) as ClaveMotivo[]);
  const montos = fc.integer({ min: 0, max: 10_000_000_000 });

  it('un motivo más nunca baja el puntaje', () => {
    fc.assert(
      fc.property(claves, montos, (c, r) => {
        const extra = (Object.keys(PESO_MOTIVO) as ClaveMotivo[]).find((k) => !c.includes(k));
        fc.pre(extra !== undefined);
        return puntajeDeCuenta([...c, extra as ClaveMotivo], r) >= puntajeDeCuenta(c, r);
      }),
    );
  });

  it('más recuperación esperada nunca baja el puntaje', () => {
    fc.assert(
      fc.property(
        claves,
        montos,
        montos,
        (c, a, b) => puntajeDeCuenta(c, Math.max(a, b)) >= puntajeDeCuenta(c, Math.min(a, b)),
      ),
    );
  });

  it('una promesa rota en una cuenta pequeña va antes que una cuenta grande sin pendientes', () => {
    const pequena = puntajeDeCuenta(
      ['promesa_incumplida'],
      recuperacionEsperada({ ...TRANQUILA, saldoExigible: centavos(50_000) }),
    );
    const grande = puntajeDeCuenta(
      ['saldo_alto'],
      recuperacionEsperada({ ...TRANQUILA, saldoExigible: centavos(50_000_000) }),
    );
    expect(pequena).toBeGreaterThan(grande);
  });

  it('la recuperación esperada es el saldo (o lo prometido, si es mayor) por la probabilidad del rango', () => {
    expect(
      recuperacionEsperada({ ...TRANQUILA, saldoExigible: centavos(100_000), bucket: '61-90' }),
    ).toBe(50_000);
    expect(
      recuperacionEsperada({
        ...TRANQUILA,
        saldoExigible: centavos(10_000),
        promesaHoy: centavos(40_000),
        bucket: 'al_corriente',
      }),
    ).toBe(36_000);
    expect(recuperacionEsperada({ ...TRANQUILA, saldoExigible: null, bucket: null })).toBe(0);
  });
});
