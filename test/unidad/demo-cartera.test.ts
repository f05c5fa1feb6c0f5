import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validarCurp } from '../../src/domain/curp.ts';
import { calcularEstadoDeCuenta, validarCaso } from '../../src/domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { validarRfc } from '../../src/domain/rfc.ts';
import { MUNICIPIOS } from '../../src/modules/demo/catalogos.ts';
import { construirCurp } from '../../src/modules/demo/curp-de-persona.ts';
import {
  type DestinoDemo,
  generarCartera,
  type LoteDemo,
} from '../../src/modules/demo/generar-cartera.ts';
import { VERSIONES_DEMO } from '../../src/modules/demo/productos-demo.ts';
import { casoDeCredito } from '../../src/modules/importacion/caso-de-credito.ts';

const HOY = '2026-03-10' as Fecha;
const DESTINO: DestinoDemo = {
  hoy: HOY,
  versiones: new Map(VERSIONES_DEMO.map((v, i) => [`${v.producto}|${v.vigenteDesde}`, i + 1])),
  oficinas: new Map([
    ['HMO', 1],
    ['OBR', 2],
    ['NOG', 3],
  ]),
  gestores: new Map([
    ['HMO', [10, 11]],
    ['OBR', [12]],
    ['NOG', [13]],
  ]),
  despachoId: 5,
};
const versionDeId = new Map(VERSIONES_DEMO.map((v, i) => [i + 1, v]));

const generar = (n: number, semilla: number) => [...generarCartera(n, semilla, DESTINO, 200)];
const hash = (lotes: LoteDemo[]) =>
  createHash('sha256').update(JSON.stringify(lotes)).digest('hex');

const lotes = generar(600, 2026);
const personas = lotes.flatMap((l) => l.personas);
const creditos = lotes.flatMap((l) => l.creditos.map((c, i) => ({ c, tipo: l.tipos[i] })));
const estados = creditos.map(({ c }) => {
  const version = versionDeId.get(c.versionProductoId);
  if (!version) throw new Error(`versión ${c.versionProductoId}`);
  const r = validarCaso(
    casoDeCredito(
      {
        numero: c.numero,
        tasas: version,
        tasaPuntualDelCredito: c.tasaPuntual?.tasa ?? null,
        fechaInicioInteres: c.fechaInicioInteres,
        ministraciones: c.ministraciones,
        amortizaciones: c.amortizaciones,
        previos: [],
        movimientos: c.movimientos,
        periodosSinMoratorio: c.periodosSinMoratorio,
      },
      HOY,
    ),
  );
  return r.ok ? calcularEstadoDeCuenta(r.valor) : r.error;
});

describe('cartera de demostración', () => {
  // Generating twice more takes a couple of seconds; more on a busy machine.
  it('es determinista: la misma semilla da los mismos datos; otra semilla, otros', {
    timeout: 60_000,
  }, () => {
    expect(hash(generar(600, 2026))).toBe(hash(lotes));
    expect(hash(generar(600, 2027))).not.toBe(hash(lotes));
  });

  it('cada CURP es válida, única y coherente con nombre, nacimiento, sexo y Sonora; cada RFC, válido', () => {
    expect(new Set(personas.map((p) => p.curp)).size).toBe(personas.length);
    for (const p of personas) {
      expect(validarCurp(p.curp)).toEqual({ valida: true, curp: p.curp });
      expect(p.curp.slice(4, 10)).toBe((p.fechaNacimiento ?? '').slice(2).replaceAll('-', ''));
      expect(p.curp.slice(11, 13)).toBe('SR');
      expect(p.curp.slice(0, 16)).toBe(
        construirCurp({
          ...p,
          sexo: p.curp.charAt(10) === 'H' ? 'H' : 'M',
          fechaNacimiento: p.fechaNacimiento ?? '',
          entidad: 'SR',
        }).slice(0, 16),
      );
      if (p.rfc !== null) expect(validarRfc(p.rfc)).toEqual({ valido: true, rfc: p.rfc });
    }
  });

  it('los nombres llevan acentos y eñes; los domicilios son de municipios de Sonora', () => {
    const nombres = personas
      .map((p) => `${p.nombres} ${p.primerApellido} ${p.segundoApellido}`)
      .join(' ');
    for (const letra of ['á', 'é', 'í', 'ó', 'ú', 'ñ', 'Á', 'Ó']) expect(nombres).toContain(letra);
    expect(nombres).toMatch(/Peñúñuri|Yocupicio|Búrquez|Ibáñez|Núñez/);
    const municipios = new Set(MUNICIPIOS.map((m) => m.nombre));
    for (const p of personas)
      for (const d of p.domicilios) expect(municipios.has(d.municipio)).toBe(true);
  });

  it('el motor acepta y calcula cada crédito', () => {
    expect(estados.filter((e) => 'codigo' in e)).toEqual([]);
  });

  it('hay historiales de cada tipo y cada situación: liquidado, vencido de más de un año, al corriente', () => {
    expect(new Set(creditos.map((x) => x.tipo))).toEqual(
      new Set(['puntual', 'tardio', 'abandonado', 'liquidado', 'prepago', 'adelantado']),
    );
    const situaciones = estados.map((e) =>
      'codigo' in e
        ? 'error'
        : e.situacion === 'vencido' && e.diasAtraso > 365
          ? 'vencido>365'
          : e.situacion,
    );
    for (const s of ['liquidado', 'vencido>365', 'vencido', 'al_corriente'])
      expect(situaciones).toContain(s);
    const movimientos = creditos.flatMap(({ c }) => c.movimientos);
    for (const tipo of ['pago', 'condonacion', 'cancelacion'])
      expect(movimientos.map((m) => m.tipo)).toContain(tipo);
    expect(movimientos.map((m) => m.excedente)).toContain('adelantar');
  });

  it('las tasas son las del instituto (R9): 6 %, 3 % a quien paga a tiempo y, uno de cada veinte, 0 % propio', () => {
    for (const v of VERSIONES_DEMO)
      expect([v.tasaOrdinaria, v.tasaPuntual]).toEqual(['0.06', '0.03']);
    const propias = creditos.filter(({ c }) => c.tasaPuntual !== null);
    expect(propias.length).toBeGreaterThan(creditos.length / 40);
    expect(propias.length).toBeLessThan(creditos.length / 10);
    for (const { c } of propias)
      expect(c.tasaPuntual).toMatchObject({ tasa: '0', motivo: 'Promedio de 90 o más' });
    // Whoever always pays on time, at the punctual rate, ends up exactly al corriente.
    const puntuales = creditos.flatMap(({ tipo }, i) => (tipo === 'puntual' ? [estados[i]] : []));
    for (const e of puntuales)
      expect(e && !('codigo' in e) ? e.situacion : 'error').not.toBe('vencido');
  });

  it('el estado guardado dice la verdad: liquidado según el motor; en jurídico, vencido de más de un año', () => {
    creditos.forEach(({ c }, i) => {
      const e = estados[i];
      if (!e || 'codigo' in e) throw new Error('error del motor');
      if (c.estado === 'liquidado') expect(e.situacion).toBe('liquidado');
      if (c.estado === 'en_juridico') {
        expect(c.despachoId).toBe(5);
        expect(e.diasAtraso).toBeGreaterThan(365);
      }
    });
    expect(creditos.some(({ c }) => c.estado === 'en_juridico')).toBe(true);
  });

  it('una ministración por semestre (2 a 10) con su pagaré; calendario mensual tras 6 meses de gracia', () => {
    for (const { c } of creditos) {
      expect(c.ministraciones.length).toBeGreaterThanOrEqual(2);
      expect(c.ministraciones.length).toBeLessThanOrEqual(10);
      const ultima = c.ministraciones.at(-1)?.fecha ?? '';
      expect(c.fechaInicioInteres.slice(0, 7) > ultima.slice(0, 7)).toBe(true);
      for (const m of c.ministraciones) expect(m.pagareVencimiento >= m.fecha).toBe(true);
      const oficina = c.oficinaId;
      if (c.gestorId !== null)
        expect(oficina === 1 ? [10, 11] : oficina === 2 ? [12] : [13]).toContain(c.gestorId);
    }
    const pagares = creditos.flatMap(({ c }) => c.ministraciones.map((m) => m.pagareNumero));
    expect(new Set(pagares).size).toBe(pagares.length);
  });

  it('algunos acreditados son el padre o la madre del estudiante (beneficiario) y comparten apellido', () => {
    const porCurp = new Map(personas.map((p) => [p.curp, p]));
    const conBeneficiario = creditos.filter(({ c }) =>
      c.participantes.some((p) => p.rol === 'beneficiario'),
    );
    expect(conBeneficiario.length).toBeGreaterThan(0);
    for (const { c } of conBeneficiario) {
      const acreditado = porCurp.get(
        c.participantes.find((p) => p.rol === 'acreditado')?.curp ?? '',
      );
      const estudiante = porCurp.get(
        c.participantes.find((p) => p.rol === 'beneficiario')?.curp ?? '',
      );
      expect([estudiante?.primerApellido, estudiante?.segundoApellido]).toContain(
        acreditado?.primerApellido,
      );
    }
  });
});
