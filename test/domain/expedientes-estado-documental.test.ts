import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EstadoCredito } from '../../src/domain/estado-credito.ts';
import {
  ETIQUETA_ESTADO_DOCUMENTAL,
  estadoDocumental,
  type HechosDocumentales,
} from '../../src/domain/expedientes/estado-documental.ts';
import { type Fecha, fechaDesdeTexto } from '../../src/domain/fecha.ts';

const f = (texto: string): Fecha => {
  const fecha = fechaDesdeTexto(texto);
  if (fecha === null) throw new Error(`fecha de prueba inválida: ${texto}`);
  return fecha;
};

const hechos = (h: Partial<HechosDocumentales> = {}): HechosDocumentales => ({
  estadoCredito: 'activo',
  vencimiento: f('2026-08-15'),
  fechaLiquidacion: null,
  reestructura: null,
  cartaFiniquito: null,
  ubicacion: null,
  despacho: null,
  hoy: f('2026-03-10'),
  ...h,
});

describe('estadoDocumental through the life of a credit', () => {
  it.each<[string, Partial<HechosDocumentales>, string, string]>([
    ['not yet due', {}, 'vigente', 'Vence el 15/08/2026.'],
    ['due today is still vigente', { hoy: f('2026-08-15') }, 'vigente', 'Vence el 15/08/2026.'],
    [
      'due yesterday',
      { hoy: f('2026-08-16') },
      'vencido',
      'Venció el 15/08/2026 y el crédito no está liquidado.',
    ],
    [
      'prepaid: settled before the pagaré fell due',
      {
        estadoCredito: 'liquidado',
        fechaLiquidacion: f('2025-11-30'),
        cartaFiniquito: { folio: 41, fecha: f('2025-12-02') },
      },
      'pagado_anticipadamente',
      'El crédito se liquidó el 30/11/2025, antes del vencimiento del pagaré (15/08/2026); carta finiquito folio 41 del 02/12/2025.',
    ],
    [
      'prepaid, letter not yet issued',
      { estadoCredito: 'liquidado', fechaLiquidacion: f('2025-11-30') },
      'pagado_anticipadamente',
      'El crédito se liquidó el 30/11/2025, antes del vencimiento del pagaré (15/08/2026); falta emitir la carta finiquito.',
    ],
    [
      'settled after it fell due',
      {
        estadoCredito: 'liquidado',
        vencimiento: f('2024-01-15'),
        fechaLiquidacion: f('2025-06-01'),
        cartaFiniquito: { folio: 7, fecha: f('2025-06-03') },
      },
      'finiquitado',
      'El crédito se liquidó el 01/06/2025; carta finiquito folio 7 del 03/06/2025.',
    ],
    [
      'settled on the due date itself is not prepaid',
      {
        estadoCredito: 'liquidado',
        fechaLiquidacion: f('2026-08-15'),
        hoy: f('2026-09-01'),
      },
      'finiquitado',
      'El crédito se liquidó el 15/08/2026; falta emitir la carta finiquito.',
    ],
    [
      'settled, date unknown',
      { estadoCredito: 'liquidado' },
      'finiquitado',
      'El crédito se liquidó; falta emitir la carta finiquito.',
    ],
    [
      'restructured',
      {
        estadoCredito: 'reestructurado',
        reestructura: { fecha: f('2025-10-01'), creditoNuevo: 'RE-2025-000003' },
      },
      'sustituido_por_reestructura',
      'El crédito se reestructuró el 01/10/2025: el adeudo sigue en el crédito nuevo RE-2025-000003, con su propio pagaré.',
    ],
    [
      'restructured, links unknown',
      { estadoCredito: 'reestructurado' },
      'sustituido_por_reestructura',
      'El crédito se reestructuró: el adeudo sigue en el crédito nuevo, con su propio pagaré.',
    ],
    [
      'turned over to a firm',
      { estadoCredito: 'en_juridico', despacho: 'Bufete Ramírez', hoy: f('2027-01-01') },
      'en_despacho',
      'El crédito está turnado al despacho Bufete Ramírez para su cobro jurídico.',
    ],
    [
      'turned over, firm unknown',
      { estadoCredito: 'en_juridico' },
      'en_despacho',
      'El crédito está turnado a un despacho externo para su cobro jurídico.',
    ],
    [
      'recalled, the paper still at the firm',
      { ubicacion: 'despacho', despacho: 'Bufete Ramírez' },
      'en_despacho',
      'El pagaré está en el despacho Bufete Ramírez: sigue allá hasta que se registre su devolución.',
    ],
    [
      'lent to a colleague: the calendar decides',
      { ubicacion: 'persona', hoy: f('2027-01-01') },
      'vencido',
      'Venció el 15/08/2026 y el crédito no está liquidado.',
    ],
    [
      'returned to the borrower after settling',
      {
        estadoCredito: 'liquidado',
        ubicacion: 'devuelto',
        fechaLiquidacion: f('2025-11-30'),
        cartaFiniquito: { folio: 41, fecha: f('2025-12-02') },
      },
      'devuelto_al_acreditado',
      'El pagaré se devolvió al acreditado tras la liquidación del crédito (carta finiquito folio 41 del 02/12/2025): ya no está bajo custodia del instituto.',
    ],
    [
      'returned after a reestructura',
      { estadoCredito: 'reestructurado', ubicacion: 'devuelto' },
      'devuelto_al_acreditado',
      'El pagaré se devolvió al acreditado tras la reestructura del crédito: ya no está bajo custodia del instituto.',
    ],
    [
      'a settled credit whose paper is still at a firm is finiquitado',
      {
        estadoCredito: 'liquidado',
        vencimiento: f('2024-01-15'),
        fechaLiquidacion: f('2025-06-01'),
        ubicacion: 'despacho',
        despacho: 'Bufete Ramírez',
      },
      'finiquitado',
      'El crédito se liquidó el 01/06/2025; falta emitir la carta finiquito.',
    ],
  ])('%s', (_nombre, h, estado, motivo) => {
    expect(estadoDocumental(hechos(h))).toEqual({ estado, motivo });
  });

  it('every state has a Spanish label, and every input gets a state with a reason', () => {
    const estadoCredito = fc.constantFrom<EstadoCredito>(
      'activo',
      'liquidado',
      'reestructurado',
      'en_juridico',
    );
    const ubicacion = fc.constantFrom('archivo', 'persona', 'despacho', 'devuelto', null);
    fc.assert(
      fc.property(estadoCredito, ubicacion, fc.boolean(), (e, u, carta) => {
        const r = estadoDocumental(
          hechos({
            estadoCredito: e,
            ubicacion: u,
            cartaFiniquito: carta ? { folio: 1, fecha: f('2025-01-01') } : null,
          }),
        );
        expect(ETIQUETA_ESTADO_DOCUMENTAL[r.estado]).toBeTruthy();
        expect(r.motivo).toMatch(/\.$/);
        if (u === 'devuelto') expect(r.estado).toBe('devuelto_al_acreditado');
        if (e === 'reestructurado' && u !== 'devuelto') {
          expect(r.estado).toBe('sustituido_por_reestructura');
        }
      }),
    );
  });
});
