import { describe, expect, it } from 'vitest';
import { centavos } from '../../src/domain/dinero.ts';
import { ErrorDominio } from '../../src/domain/errores.ts';
import { generarPdfCartaFiniquito } from '../../src/modules/documentos/carta-finiquito-pdf.ts';
import { montoExigido } from '../../src/modules/pagos/monto-del-pago-sql.ts';
import { DATOS_DEL_INSTITUTO_DE_PRUEBA } from '../soporte/instituto.ts';

const carta = {
  folio: 7,
  fecha: '2026-03-10',
  credito: 'HMO-000123',
  acreditado: 'Ana Pérez',
  pagares: ['P-1'],
  totalPagado: '1062.50',
  emitidaPor: 'admin',
};

describe('a PDF prints only amounts in the output form', () => {
  it('prints a well-formed amount', async () => {
    const pdf = await generarPdfCartaFiniquito(carta, DATOS_DEL_INSTITUTO_DE_PRUEBA);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  // Before, `centavosDesdeTexto(t) ?? 0` printed these as $0.00 on a legal document.
  it.each(['', '1,062.50', 'NaN', '-0.00', '1062.505'])('%j fails loudly', (total) => {
    expect(() =>
      generarPdfCartaFiniquito({ ...carta, totalPagado: total }, DATOS_DEL_INSTITUTO_DE_PRUEBA),
    ).toThrow(RangeError);
  });
});

describe('montoExigido', () => {
  it('passes a payment amount through', () => {
    expect(montoExigido(centavos(106250), 9)).toBe(106250);
  });

  it('reports a payment without an amount as damaged data, never as $0.00', () => {
    let error: unknown;
    try {
      montoExigido(null, 9);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ErrorDominio);
    expect(error).toMatchObject({ codigo: 'credito_inconsistente' });
    expect((error as Error).message).toContain('pago 9');
  });
});
