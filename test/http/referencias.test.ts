import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generarReferencia } from '../../src/domain/referencia.ts';
import { DATOS_DEL_INSTITUTO_DEMO } from '../../src/modules/demo/datos-del-instituto-demo.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { type CasoEntrada, casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { textoDePdf } from '../soporte/pdf.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');

/** Same credit shape, nothing due yet on 30/06/2024: its first amortization falls in July. */
const alCorriente: CasoEntrada = {
  ...caso,
  credito: {
    ...caso.credito,
    id: 'AL-CORRIENTE',
    amortizaciones: caso.credito.amortizaciones.map((a, i) => ({
      ...a,
      fecha: `2024-${String(7 + i).padStart(2, '0')}-01`,
    })),
  },
  movimientos: [],
};

let t: AppDePrueba;
let hermosillo: { id: number; numero: string };
let alDia: { id: number; numero: string };
const s: Record<string, Sesion> = {};

beforeAll(async () => {
  t = await crearAppDePrueba();
  t.reloj.fijar('2024-06-30T18:00:00Z');
  for (const u of ['gestor', 'gestor.nogales', 'abogado', 'contabilidad']) s[u] = await t.entrar(u);
  hermosillo = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
  alDia = await guardarCaso(t.base.db, alCorriente, { oficina: 'HMO' });
});
afterAll(() => t.cerrar());

const ficha = (id: number, sesion: Sesion | undefined, consulta = '') =>
  t.pedir('GET', `/api/creditos/${id}/ficha-de-pago.pdf${consulta}`, { sesion });

describe('referencia de depósito de un crédito', () => {
  it('el gestor de la oficina la obtiene: derivada del id, con su número de crédito', async () => {
    const r = await t.pedir('GET', `/api/creditos/${hermosillo.id}/referencia`, {
      sesion: s.gestor,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      referencia: generarReferencia(hermosillo.id),
      creditoId: hermosillo.id,
      numero: hermosillo.numero,
    });
  });

  it('un gestor de otra oficina y un abogado sin la cuenta turnada no la obtienen; un id inexistente es 404', async () => {
    for (const [u, esperado] of [
      ['gestor.nogales', 403],
      // For the external lawyer an account not turned over to his firm does not exist.
      ['abogado', 404],
    ] as const) {
      const r = await t.pedir('GET', `/api/creditos/${hermosillo.id}/referencia`, { sesion: s[u] });
      expect(r.statusCode, u).toBe(esperado);
    }
    const r = await t.pedir('GET', '/api/creditos/999999/referencia', { sesion: s.gestor });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.mensaje).toBe('El crédito no existe.');
  });
});

describe('ficha de pago en PDF', () => {
  it('por omisión pide el saldo exigible de hoy según el motor, y dice qué es', async () => {
    const estado = (
      await t.pedir('GET', `/api/creditos/${hermosillo.id}/estado-de-cuenta`, { sesion: s.gestor })
    ).json();
    const r = await ficha(hermosillo.id, s.gestor);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toContain(
      `ficha-de-pago-${hermosillo.numero}-2024-06-30.pdf`,
    );
    const texto = textoDePdf(r.rawPayload);
    const pesos = (t: string) =>
      `$${Number(t).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(Number(estado.saldo_exigible)).toBeGreaterThan(0);
    for (const esperado of [
      'Instituto de Becas y Crédito Educativo del Estado de Sonora',
      'Ficha de pago',
      generarReferencia(hermosillo.id),
      hermosillo.numero,
      'José Ángel Núñez Ibáñez',
      'Importe a pagar',
      'Es el saldo exigible al 30/06/2024',
      `Saldo exigible al 30/06/2024`,
      `Saldo para liquidar al 30/06/2024`,
      pesos(estado.saldo_exigible),
      pesos(estado.saldo_para_liquidar),
      'CLABE',
      'El personal de Recupera no recibe efectivo.',
    ]) {
      expect(texto).toContain(esperado);
    }
    // Where to pay is the institute's data (Datos del instituto), never a placeholder.
    for (const cuenta of DATOS_DEL_INSTITUTO_DEMO.cuentas) {
      expect(texto).toContain(cuenta.banco);
      expect(texto).toContain(cuenta.clabe);
    }
    expect(texto).not.toContain('Por confirmar');
    expect(texto).not.toContain('por confirmar');
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['accion', 'detalle'])
      .where('accion', '=', 'ficha_de_pago.emitir')
      .where('objeto_id', '=', String(hermosillo.id))
      .execute();
    expect(bitacora.at(-1)?.detalle).toMatchObject({
      origen: 'saldo_exigible',
      fecha: '2024-06-30',
    });
  });

  it('con ?monto= imprime ese importe en formato es-MX', async () => {
    const r = await ficha(hermosillo.id, s.gestor, '?monto=1234.5');
    expect(r.statusCode).toBe(200);
    const texto = textoDePdf(r.rawPayload);
    expect(texto).toContain('$1,234.50');
    expect(texto).toContain('Importe indicado al emitir esta ficha');
  });

  it('sin saldo exigible deja el importe a quien paga y muestra el saldo para liquidar', async () => {
    const texto = textoDePdf((await ficha(alDia.id, s.gestor)).rawPayload);
    expect(texto).toContain('El que usted decida');
    expect(texto).toContain('no tiene saldo vencido al 30/06/2024');
    expect(texto).toContain('Saldo exigible al 30/06/2024');
    expect(texto).toContain('$0.00');
  });

  it.each([
    ['?monto=0', 'monto'],
    ['?monto=12.345', 'monto'],
    ['?monto=-5', 'monto'],
    ['?importe=5', 'importe'],
  ])('%s es 400 y nombra el campo', async (consulta, campo) => {
    const r = await ficha(hermosillo.id, s.gestor, consulta);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.campo).toBe(campo);
  });

  it('solo dentro del alcance del estado de cuenta: otra oficina no; contabilidad sí', async () => {
    expect((await ficha(hermosillo.id, s['gestor.nogales'])).statusCode).toBe(403);
    expect((await ficha(hermosillo.id, s.abogado)).statusCode).toBe(404);
    expect((await ficha(hermosillo.id, s.contabilidad)).statusCode).toBe(200);
  });
});
