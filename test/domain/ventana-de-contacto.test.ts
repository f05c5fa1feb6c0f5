import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dentroDeVentana,
  horaLocal,
  motivoFueraDeHorario,
} from '../../src/domain/gestion/ventana-de-contacto.ts';
import {
  esZonaValida,
  ZONA_INSTITUTO,
  ZONAS_ELEGIBLES,
  zonaDeContacto,
  zonaDeEstado,
  zonaDeTelefono,
} from '../../src/domain/gestion/zona-horaria.ts';

const en = (iso: string): Date => new Date(iso);

// 06:59, 07:00, 21:59 and 22:00 local of one day, written as UTC instants.
type Bordes = [zona: string, a0659: string, a0700: string, a2159: string, a2200: string];

describe('the contact window on 15 January 2026 (no DST anywhere)', () => {
  it.each<Bordes>([
    // UTC−7
    [
      'America/Hermosillo',
      '2026-01-15T13:59Z',
      '2026-01-15T14:00Z',
      '2026-01-16T04:59Z',
      '2026-01-16T05:00Z',
    ],
    [
      'America/Mazatlan',
      '2026-01-15T13:59Z',
      '2026-01-15T14:00Z',
      '2026-01-16T04:59Z',
      '2026-01-16T05:00Z',
    ],
    [
      'America/Ciudad_Juarez',
      '2026-01-15T13:59Z',
      '2026-01-15T14:00Z',
      '2026-01-16T04:59Z',
      '2026-01-16T05:00Z',
    ],
    // UTC−8
    [
      'America/Tijuana',
      '2026-01-15T14:59Z',
      '2026-01-15T15:00Z',
      '2026-01-16T05:59Z',
      '2026-01-16T06:00Z',
    ],
    // UTC−6
    [
      'America/Mexico_City',
      '2026-01-15T12:59Z',
      '2026-01-15T13:00Z',
      '2026-01-16T03:59Z',
      '2026-01-16T04:00Z',
    ],
    [
      'America/Chihuahua',
      '2026-01-15T12:59Z',
      '2026-01-15T13:00Z',
      '2026-01-16T03:59Z',
      '2026-01-16T04:00Z',
    ],
    [
      'America/Matamoros',
      '2026-01-15T12:59Z',
      '2026-01-15T13:00Z',
      '2026-01-16T03:59Z',
      '2026-01-16T04:00Z',
    ],
    // UTC−5
    [
      'America/Cancun',
      '2026-01-15T11:59Z',
      '2026-01-15T12:00Z',
      '2026-01-16T02:59Z',
      '2026-01-16T03:00Z',
    ],
  ])('%s', (zona, a0659, a0700, a2159, a2200) => {
    expect(horaLocal(en(a0659), zona)).toEqual({
      fecha: '2026-01-15',
      hora: 6,
      minuto: 59,
      texto: '06:59',
    });
    expect(horaLocal(en(a2200), zona)).toEqual({
      fecha: '2026-01-15',
      hora: 22,
      minuto: 0,
      texto: '22:00',
    });
    expect(dentroDeVentana(en(a0659), zona)).toBe(false);
    expect(dentroDeVentana(en(a0700), zona)).toBe(true);
    expect(dentroDeVentana(en(a2159), zona)).toBe(true);
    expect(dentroDeVentana(en(a2200), zona)).toBe(false);
  });
});

describe('the contact window on 15 July 2026 (US DST on the border)', () => {
  it.each<Bordes>([
    // UTC−7: Sonora and the Pacific states all year; Tijuana on PDT.
    [
      'America/Hermosillo',
      '2026-07-15T13:59Z',
      '2026-07-15T14:00Z',
      '2026-07-16T04:59Z',
      '2026-07-16T05:00Z',
    ],
    [
      'America/Mazatlan',
      '2026-07-15T13:59Z',
      '2026-07-15T14:00Z',
      '2026-07-16T04:59Z',
      '2026-07-16T05:00Z',
    ],
    [
      'America/Tijuana',
      '2026-07-15T13:59Z',
      '2026-07-15T14:00Z',
      '2026-07-16T04:59Z',
      '2026-07-16T05:00Z',
    ],
    // UTC−6: central time has no DST since 2022; Juárez is on MDT.
    [
      'America/Mexico_City',
      '2026-07-15T12:59Z',
      '2026-07-15T13:00Z',
      '2026-07-16T03:59Z',
      '2026-07-16T04:00Z',
    ],
    [
      'America/Chihuahua',
      '2026-07-15T12:59Z',
      '2026-07-15T13:00Z',
      '2026-07-16T03:59Z',
      '2026-07-16T04:00Z',
    ],
    [
      'America/Ciudad_Juarez',
      '2026-07-15T12:59Z',
      '2026-07-15T13:00Z',
      '2026-07-16T03:59Z',
      '2026-07-16T04:00Z',
    ],
    // UTC−5: Quintana Roo all year; Matamoros on CDT.
    [
      'America/Cancun',
      '2026-07-15T11:59Z',
      '2026-07-15T12:00Z',
      '2026-07-16T02:59Z',
      '2026-07-16T03:00Z',
    ],
    [
      'America/Matamoros',
      '2026-07-15T11:59Z',
      '2026-07-15T12:00Z',
      '2026-07-16T02:59Z',
      '2026-07-16T03:00Z',
    ],
  ])('%s', (zona, a0659, a0700, a2159, a2200) => {
    expect(dentroDeVentana(en(a0659), zona)).toBe(false);
    expect(dentroDeVentana(en(a0700), zona)).toBe(true);
    expect(dentroDeVentana(en(a2159), zona)).toBe(true);
    expect(dentroDeVentana(en(a2200), zona)).toBe(false);
  });

  it('22:00:00 exactly is outside, 21:59:59.999 inside, 06:59:59.999 outside', () => {
    expect(dentroDeVentana(en('2026-07-16T04:59:59.999Z'), 'America/Hermosillo')).toBe(true);
    expect(dentroDeVentana(en('2026-07-16T05:00:00.000Z'), 'America/Hermosillo')).toBe(false);
    expect(dentroDeVentana(en('2026-07-15T13:59:59.999Z'), 'America/Hermosillo')).toBe(false);
  });
});

describe('Baja California DST switch days in 2026 (US rules)', () => {
  // 05:30 UTC is 21:30 PST (inside) or 22:30 PDT (outside); 14:30 UTC is 06:30 PST or 07:30 PDT.
  it.each([
    ['8 March, evening before the switch (PST)', '2026-03-08T05:30Z', true, '21:30'],
    ['8 March, evening after the switch (PDT)', '2026-03-09T05:30Z', false, '22:30'],
    ['7 March morning (PST)', '2026-03-07T14:30Z', false, '06:30'],
    ['8 March morning (PDT)', '2026-03-08T14:30Z', true, '07:30'],
    ['1 November, evening before the switch (PDT)', '2026-11-01T05:30Z', false, '22:30'],
    ['1 November, evening after the switch (PST)', '2026-11-02T05:30Z', true, '21:30'],
    ['31 October morning (PDT)', '2026-10-31T14:30Z', true, '07:30'],
    ['1 November morning (PST)', '2026-11-01T14:30Z', false, '06:30'],
  ])('Tijuana %s', (_caso, iso, dentro, texto) => {
    expect(horaLocal(en(iso), 'America/Tijuana').texto).toBe(texto);
    expect(dentroDeVentana(en(iso), 'America/Tijuana')).toBe(dentro);
  });

  it.each(['2026-03-08T05:30Z', '2026-03-09T05:30Z', '2026-11-01T05:30Z', '2026-11-02T05:30Z'])(
    'Sonora does not switch: %s is 22:30 and outside',
    (iso) => {
      expect(horaLocal(en(iso), 'America/Hermosillo').texto).toBe('22:30');
      expect(dentroDeVentana(en(iso), 'America/Hermosillo')).toBe(false);
    },
  );
});

describe('Chihuahua: the border follows US DST, the capital does not', () => {
  // 8 March 2026: US DST starts. 13:30 UTC is 06:30 MST / 07:30 MDT in Juárez.
  it.each([
    ['America/Ciudad_Juarez', '2026-03-07T13:30Z', '06:30', false],
    ['America/Ciudad_Juarez', '2026-03-09T13:30Z', '07:30', true],
    ['America/Chihuahua', '2026-03-07T12:30Z', '06:30', false],
    ['America/Chihuahua', '2026-03-09T12:30Z', '06:30', false],
    ['America/Matamoros', '2026-03-07T12:30Z', '06:30', false],
    ['America/Matamoros', '2026-03-09T12:30Z', '07:30', true],
    ['America/Mexico_City', '2026-03-09T12:30Z', '06:30', false],
  ])('%s at %s is %s', (zona, iso, texto, dentro) => {
    expect(horaLocal(en(iso), zona).texto).toBe(texto);
    expect(dentroDeVentana(en(iso), zona)).toBe(dentro);
  });
});

describe('motivoFueraDeHorario', () => {
  it('is null inside the window', () => {
    expect(motivoFueraDeHorario(en('2026-01-15T20:00Z'), 'America/Tijuana')).toBeNull();
  });

  it("names the contact's local time and zone", () => {
    expect(motivoFueraDeHorario(en('2026-01-16T06:15Z'), 'America/Tijuana')).toBe(
      'Son las 22:15 en el lugar del contacto (hora del Pacífico (Tijuana)): solo se contacta de 07:00 a 22:00.',
    );
    expect(motivoFueraDeHorario(en('2026-01-15T11:05Z'), 'America/Mexico_City')).toBe(
      'Son las 05:05 en el lugar del contacto (hora del centro): solo se contacta de 07:00 a 22:00.',
    );
    expect(motivoFueraDeHorario(en('2026-01-15T08:40Z'), 'America/Hermosillo')).toBe(
      'Es la 01:40 en el lugar del contacto (hora de Sonora): solo se contacta de 07:00 a 22:00.',
    );
  });
});

describe('zonaDeEstado', () => {
  it.each([
    ['Aguascalientes', 'America/Mexico_City'],
    ['Baja California', 'America/Tijuana'],
    ['BC', 'America/Tijuana'],
    ['Baja California Sur', 'America/Mazatlan'],
    ['B.C.S.', 'America/Mazatlan'],
    ['Campeche', 'America/Mexico_City'],
    ['Chiapas', 'America/Mexico_City'],
    ['Chihuahua', 'America/Chihuahua'],
    ['Ciudad de México', 'America/Mexico_City'],
    ['Ciudad de Mexico', 'America/Mexico_City'],
    ['CDMX', 'America/Mexico_City'],
    ['Distrito Federal', 'America/Mexico_City'],
    ['Coahuila', 'America/Mexico_City'],
    ['Coahuila de Zaragoza', 'America/Mexico_City'],
    ['Colima', 'America/Mexico_City'],
    ['Durango', 'America/Mexico_City'],
    ['Guanajuato', 'America/Mexico_City'],
    ['Guerrero', 'America/Mexico_City'],
    ['Hidalgo', 'America/Mexico_City'],
    ['Jalisco', 'America/Mexico_City'],
    ['México', 'America/Mexico_City'],
    ['Estado de México', 'America/Mexico_City'],
    ['Edo. de México', 'America/Mexico_City'],
    ['Michoacán', 'America/Mexico_City'],
    ['Michoacan de Ocampo', 'America/Mexico_City'],
    ['Morelos', 'America/Mexico_City'],
    ['Nayarit', 'America/Mazatlan'],
    ['Nuevo León', 'America/Mexico_City'],
    ['Nuevo Leon', 'America/Mexico_City'],
    ['Oaxaca', 'America/Mexico_City'],
    ['Puebla', 'America/Mexico_City'],
    ['Querétaro', 'America/Mexico_City'],
    ['Queretaro', 'America/Mexico_City'],
    ['Quintana Roo', 'America/Cancun'],
    ['Q. Roo', 'America/Cancun'],
    ['San Luis Potosí', 'America/Mexico_City'],
    ['San Luis Potosi', 'America/Mexico_City'],
    ['Sinaloa', 'America/Mazatlan'],
    ['Sonora', 'America/Hermosillo'],
    ['  SONORA ', 'America/Hermosillo'],
    ['Estado de Sonora', 'America/Hermosillo'],
    ['Tabasco', 'America/Mexico_City'],
    ['Tamaulipas', 'America/Mexico_City'],
    ['Tlaxcala', 'America/Mexico_City'],
    ['Veracruz', 'America/Mexico_City'],
    ['Veracruz de Ignacio de la Llave', 'America/Mexico_City'],
    ['Yucatán', 'America/Mexico_City'],
    ['Yucatan', 'America/Mexico_City'],
    ['Zacatecas', 'America/Mexico_City'],
  ])('%s → %s', (estado, zona) => {
    expect(zonaDeEstado(estado)).toBe(zona);
  });

  it.each(['', 'Texas', 'Arizona', 'Sonoraa', 'Estado de Texas'])('%j is not a state', (texto) => {
    expect(zonaDeEstado(texto)).toBeNull();
  });
});

describe('zonaDeTelefono', () => {
  it.each([
    ['6621234567', 'America/Hermosillo'], // Hermosillo
    ['644 123 4567', 'America/Hermosillo'], // Ciudad Obregón
    ['(631) 123-4567', 'America/Hermosillo'], // Nogales
    ['+52 664 123 4567', 'America/Tijuana'],
    ['686 123 4567', 'America/Tijuana'], // Mexicali
    ['612 123 4567', 'America/Mazatlan'], // La Paz
    ['667 123 4567', 'America/Mazatlan'], // Culiacán
    ['311 123 4567', 'America/Mazatlan'], // Tepic
    ['998 123 4567', 'America/Cancun'],
    ['614 123 4567', 'America/Chihuahua'],
    ['656 123 4567', 'America/Ciudad_Juarez'],
    ['868 123 4567', 'America/Matamoros'],
    ['899 123 4567', 'America/Matamoros'],
    ['+52 1 55 1234 5678', 'America/Mexico_City'],
    ['33 1234 5678', 'America/Mexico_City'], // Guadalajara
    ['81 1234 5678', 'America/Mexico_City'], // Monterrey
    ['12345', 'America/Mexico_City'], // not a Mexican number
  ])('%s → %s', (numero, zona) => {
    expect(zonaDeTelefono(numero)).toBe(zona);
  });
});

describe('zonaDeContacto', () => {
  it('a zone chosen by hand wins over the address and the phone', () => {
    expect(
      zonaDeContacto({
        zonaElegida: 'America/Phoenix',
        estadoDelDomicilio: 'Sonora',
        telefono: '6641234567',
      }),
    ).toBe('America/Phoenix');
  });

  it("then the address' state, over the phone", () => {
    expect(
      zonaDeContacto({
        zonaElegida: null,
        estadoDelDomicilio: 'Baja California',
        telefono: '6621234567',
      }),
    ).toBe('America/Tijuana');
  });

  it("then the phone's area code", () => {
    expect(
      zonaDeContacto({ zonaElegida: null, estadoDelDomicilio: 'Texas', telefono: '9981234567' }),
    ).toBe('America/Cancun');
  });

  it("else the institute's zone; an unlisted chosen zone or a foreign number is ignored", () => {
    expect(zonaDeContacto({ zonaElegida: null, estadoDelDomicilio: null, telefono: null })).toBe(
      ZONA_INSTITUTO,
    );
    expect(
      zonaDeContacto({
        zonaElegida: 'Marte/Olimpo',
        estadoDelDomicilio: null,
        telefono: '+1 520 555 0100',
      }),
    ).toBe(ZONA_INSTITUTO);
  });

  it('every eligible zone is a real IANA zone with a Spanish name', () => {
    for (const { zona, nombre } of ZONAS_ELEGIBLES) {
      expect(esZonaValida(zona)).toBe(true);
      expect(() => horaLocal(new Date(0), zona)).not.toThrow();
      expect(nombre).toMatch(/^hora /);
    }
    expect(esZonaValida('America/Argentina/Buenos_Aires')).toBe(false);
  });
});

describe('properties', () => {
  const arbInstante = fc.date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2060-12-31T23:59:59Z'),
    noInvalidDate: true,
  });
  const arbZona = fc.constantFrom(...ZONAS_ELEGIBLES.map((z) => z.zona));

  it('dentroDeVentana is exactly 7 ≤ local hour < 22, and the reason says why', () => {
    fc.assert(
      fc.property(arbInstante, arbZona, (instante, zona) => {
        const { hora, minuto, texto } = horaLocal(instante, zona);
        const dentro = dentroDeVentana(instante, zona);
        expect(dentro).toBe(hora >= 7 && hora < 22);
        expect(hora).toBeGreaterThanOrEqual(0);
        expect(hora).toBeLessThan(24);
        expect(minuto).toBeLessThan(60);
        const motivo = motivoFueraDeHorario(instante, zona);
        if (dentro) expect(motivo).toBeNull();
        else expect(motivo).toContain(texto);
      }),
    );
  });
});
