import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diasHabilesEntre,
  esDiaHabil,
  esFinDeSemana,
  sumarDiasHabiles,
} from '../../src/domain/arco/dias-habiles.ts';
import { calcularPlazos, type HechosDePlazo, sumarAnios } from '../../src/domain/arco/plazos.ts';
import {
  ESTADOS_ARCO,
  type EstadoArco,
  EVENTOS_ARCO,
  motivoDeRechazoArco,
  transicionArco,
} from '../../src/domain/arco/solicitud-arco.ts';
import {
  type Fecha,
  fechaDesdeNumeroDeDia,
  fechaDesdeTexto,
  numeroDeDia,
} from '../../src/domain/fecha.ts';

const f = (t: string): Fecha => {
  const r = fechaDesdeTexto(t);
  if (r === null) throw new Error(`fecha inválida ${t}`);
  return r;
};
const NINGUNO = new Set<string>();

// 2026-03-10 is a Tuesday; 2026-03-16 is the third Monday of March (a legal holiday).
describe('días hábiles', () => {
  it('un fin de semana no es hábil; un día inhábil tampoco', () => {
    expect(esFinDeSemana(f('2026-03-14'))).toBe(true);
    expect(esFinDeSemana(f('2026-03-15'))).toBe(true);
    expect(esFinDeSemana(f('2026-03-16'))).toBe(false);
    expect(esDiaHabil(f('2026-03-16'), new Set(['2026-03-16']))).toBe(false);
    expect(esDiaHabil(f('2026-03-17'), new Set(['2026-03-16']))).toBe(true);
  });

  it.each([
    ['martes + 1', '2026-03-10', 1, NINGUNO, '2026-03-11'],
    ['viernes + 1 salta el fin de semana', '2026-03-13', 1, NINGUNO, '2026-03-16'],
    [
      'viernes + 1 salta también el lunes inhábil',
      '2026-03-13',
      1,
      new Set(['2026-03-16']),
      '2026-03-17',
    ],
    ['sábado + 1 es el lunes', '2026-03-14', 1, NINGUNO, '2026-03-16'],
    ['20 días hábiles sin inhábiles', '2026-03-10', 20, NINGUNO, '2026-04-07'],
    ['20 días hábiles con el 16 de marzo', '2026-03-10', 20, new Set(['2026-03-16']), '2026-04-08'],
    ['0 días: el mismo día', '2026-03-14', 0, NINGUNO, '2026-03-14'],
  ])('%s', (_caso, desde, n, inhabiles, esperado) => {
    expect(sumarDiasHabiles(f(desde), n, inhabiles)).toBe(esperado);
  });

  it('cuenta los días hábiles que faltan, 0 el mismo día y negativo después', () => {
    const feriado = new Set(['2026-03-16']);
    expect(diasHabilesEntre(f('2026-03-10'), f('2026-04-08'), feriado)).toBe(20);
    expect(diasHabilesEntre(f('2026-04-08'), f('2026-04-08'), feriado)).toBe(0);
    expect(diasHabilesEntre(f('2026-04-09'), f('2026-04-08'), feriado)).toBe(-1);
  });

  it('rechaza un número de días negativo o fraccionario', () => {
    expect(() => sumarDiasHabiles(f('2026-03-10'), -1, NINGUNO)).toThrow(RangeError);
    expect(() => sumarDiasHabiles(f('2026-03-10'), 1.5, NINGUNO)).toThrow(RangeError);
  });
});

// Any date 2000–2100, and up to 40 holidays within a year and a half of it.
const dia = fc.integer({ min: numeroDeDia(f('2000-01-01')), max: numeroDeDia(f('2100-12-31')) });
const escenario = fc.record({
  desde: dia,
  feriados: fc.array(fc.integer({ min: -30, max: 540 }), { maxLength: 40 }),
  n: fc.integer({ min: 0, max: 60 }),
  m: fc.integer({ min: 0, max: 60 }),
});
const armar = (e: { desde: number; feriados: number[] }) => ({
  desde: fechaDesdeNumeroDeDia(e.desde),
  inhabiles: new Set(e.feriados.map((d) => fechaDesdeNumeroDeDia(e.desde + d))),
});

describe('propiedades de la aritmética de días hábiles', () => {
  it('el plazo de N ≥ 1 días hábiles cae en día hábil', () => {
    fc.assert(
      fc.property(escenario, (e) => {
        const { desde, inhabiles } = armar(e);
        const plazo = sumarDiasHabiles(desde, e.n + 1, inhabiles);
        expect(esDiaHabil(plazo, inhabiles)).toBe(true);
      }),
    );
  });

  it('sumar N días hábiles y contar de regreso da N', () => {
    fc.assert(
      fc.property(escenario, (e) => {
        const { desde, inhabiles } = armar(e);
        const plazo = sumarDiasHabiles(desde, e.n, inhabiles);
        expect(diasHabilesEntre(desde, plazo, inhabiles)).toBe(e.n);
        expect(diasHabilesEntre(plazo, desde, inhabiles) + e.n).toBe(0);
      }),
    );
  });

  it('sumar N y luego M es sumar N + M (la ampliación se suma al plazo original)', () => {
    fc.assert(
      fc.property(escenario, (e) => {
        const { desde, inhabiles } = armar(e);
        const porPartes = sumarDiasHabiles(sumarDiasHabiles(desde, e.n, inhabiles), e.m, inhabiles);
        expect(porPartes).toBe(sumarDiasHabiles(desde, e.n + e.m, inhabiles));
      }),
    );
  });

  it('un día inhábil más nunca adelanta un plazo, y lo recorre a lo más un día hábil', () => {
    fc.assert(
      fc.property(escenario, fc.integer({ min: 1, max: 120 }), (e, extra) => {
        const { desde, inhabiles } = armar(e);
        const antes = sumarDiasHabiles(desde, e.n, inhabiles);
        const con = new Set(inhabiles).add(fechaDesdeNumeroDeDia(e.desde + extra));
        const despues = sumarDiasHabiles(desde, e.n, con);
        expect(numeroDeDia(despues)).toBeGreaterThanOrEqual(numeroDeDia(antes));
        expect(despues === antes || despues === sumarDiasHabiles(antes, 1, con)).toBe(true);
      }),
    );
  });

  it('sin inhábiles, cinco días hábiles desde un día hábil son una semana exacta', () => {
    fc.assert(
      fc.property(dia, fc.integer({ min: 0, max: 12 }), (n, semanas) => {
        const desde = fechaDesdeNumeroDeDia(n);
        fc.pre(esDiaHabil(desde, NINGUNO));
        const plazo = sumarDiasHabiles(desde, 5 * semanas, NINGUNO);
        expect(numeroDeDia(plazo) - n).toBe(7 * semanas);
      }),
    );
  });
});

describe('plazos de una solicitud', () => {
  const base: HechosDePlazo = {
    estado: 'registrada',
    recibida: f('2026-03-10'),
    ampliada: false,
    respondida: null,
    diasParaResponder: 20,
    diasDeAmpliacion: 10,
    diasParaEjecutar: 15,
  };
  const feriado = new Set(['2026-03-16']);

  it('corre el plazo de respuesta; avisa 5 días hábiles antes y marca el vencido', () => {
    const lejos = calcularPlazos(base, f('2026-03-10'), 5, feriado);
    expect(lejos.respuesta).toBe('2026-04-08');
    expect(lejos.vigente).toEqual({
      tipo: 'respuesta',
      fecha: '2026-04-08',
      diasHabilesRestantes: 20,
    });
    expect(lejos.alerta).toBeNull();
    expect(calcularPlazos(base, f('2026-04-01'), 5, feriado).alerta).toBe('por_vencer');
    expect(calcularPlazos(base, f('2026-04-08'), 5, feriado).vigente?.diasHabilesRestantes).toBe(0);
    expect(calcularPlazos(base, f('2026-04-08'), 5, feriado).alerta).toBe('por_vencer');
    expect(calcularPlazos(base, f('2026-04-09'), 5, feriado).alerta).toBe('vencida');
  });

  it('la ampliación suma 10 días hábiles al plazo original', () => {
    const p = calcularPlazos(
      { ...base, estado: 'ampliada', ampliada: true },
      f('2026-03-20'),
      5,
      feriado,
    );
    expect(p.respuestaSinAmpliacion).toBe('2026-04-08');
    expect(p.respuesta).toBe(sumarDiasHabiles(f('2026-04-08'), 10, feriado));
    expect(p.respuesta).toBe('2026-04-22');
  });

  it('respondida procedente, corre el de ejecución: 15 días hábiles desde la respuesta', () => {
    const p = calcularPlazos(
      { ...base, estado: 'procedente', respondida: f('2026-03-20') },
      f('2026-03-20'),
      5,
      feriado,
    );
    expect(p.ejecucion).toBe('2026-04-10');
    expect(p.vigente?.tipo).toBe('ejecucion');
  });

  it.each<EstadoArco>(['improcedente', 'ejecutada', 'cerrada'])(
    '%s: no corre ningún plazo ni hay alerta',
    (estado) => {
      const p = calcularPlazos(
        { ...base, estado, respondida: f('2026-03-20') },
        f('2027-01-01'),
        5,
        feriado,
      );
      expect(p.vigente).toBeNull();
      expect(p.alerta).toBeNull();
    },
  );

  it('el bloqueo termina el mismo día N años después (29 de febrero → 28)', () => {
    expect(sumarAnios(f('2026-03-10'), 7)).toBe('2033-03-10');
    expect(sumarAnios(f('2028-02-29'), 1)).toBe('2029-02-28');
    expect(sumarAnios(f('2028-02-29'), 4)).toBe('2032-02-29');
  });
});

describe('tabla de transiciones', () => {
  it('el recorrido completo de una solicitud procedente', () => {
    let estado: EstadoArco = 'registrada';
    for (const [evento, esperado] of [
      ['verificar', 'en_tramite'],
      ['ampliar', 'ampliada'],
      ['responder_procedente', 'procedente'],
      ['ejecutar', 'ejecutada'],
      ['cerrar', 'cerrada'],
    ] as const) {
      const siguiente = transicionArco(estado, evento);
      expect(siguiente).toBe(esperado);
      estado = siguiente ?? estado;
    }
  });

  it('sin identidad verificada solo se responde improcedente o se cierra', () => {
    expect(transicionArco('registrada', 'responder_procedente')).toBeNull();
    expect(transicionArco('registrada', 'ejecutar')).toBeNull();
    expect(transicionArco('registrada', 'responder_improcedente')).toBe('improcedente');
    expect(transicionArco('registrada', 'cerrar')).toBe('cerrada');
  });

  it('el plazo se amplía una sola vez, y lo procedente se ejecuta antes de cerrarse', () => {
    expect(transicionArco('ampliada', 'ampliar')).toBeNull();
    expect(motivoDeRechazoArco('ampliada', 'ampliar')).toContain('solo se amplía una vez');
    expect(transicionArco('procedente', 'cerrar')).toBeNull();
  });

  it('cerrada es final, y toda transición lleva a un estado conocido', () => {
    for (const estado of ESTADOS_ARCO) {
      for (const evento of EVENTOS_ARCO) {
        const siguiente = transicionArco(estado, evento);
        if (estado === 'cerrada') expect(siguiente).toBeNull();
        if (siguiente !== null) expect(ESTADOS_ARCO).toContain(siguiente);
        else expect(motivoDeRechazoArco(estado, evento)).toMatch(/^No se puede/);
      }
    }
  });

  it('desde cualquier estado abierto se llega a cerrada', () => {
    const alcanzables = (desde: EstadoArco): Set<EstadoArco> => {
      const vistos = new Set<EstadoArco>([desde]);
      const pendientes = [desde];
      for (let e = pendientes.pop(); e !== undefined; e = pendientes.pop()) {
        for (const ev of EVENTOS_ARCO) {
          const s = transicionArco(e, ev);
          if (s !== null && !vistos.has(s)) {
            vistos.add(s);
            pendientes.push(s);
          }
        }
      }
      return vistos;
    };
    for (const estado of ESTADOS_ARCO) expect(alcanzables(estado).has('cerrada')).toBe(true);
  });
});
