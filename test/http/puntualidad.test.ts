import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { textoDePdf } from '../soporte/pdf.ts';

// R9's published example: 3% while punctual, 6% for the period that began with amortización 2
// unpaid, 3% again once amortización 3 was paid on its date.
const caso = casoPublicado('puntualidad/16-pierde-y-recupera-la-tasa-puntual.json');

let t: AppDePrueba;
let gestor: Sesion;
let credito: { id: number };

beforeAll(async () => {
  t = await crearAppDePrueba();
  credito = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
  gestor = await t.entrar('gestor');
});
afterAll(() => t.cerrar());

const estado = (consulta: string) =>
  t.pedir('GET', `/api/creditos/${credito.id}/estado-de-cuenta${consulta}`, { sesion: gestor });

describe('tasa por puntualidad en el estado de cuenta por HTTP y en PDF', () => {
  it('con tasa por puntualidad dice con qué tasa se cobró cada periodo y, si se perdió, por qué', async () => {
    const r = await estado('?fecha=2025-05-20');
    expect(r.statusCode).toBe(200);
    const puntual = { puntual: true, debia_la_amortizacion: null };
    expect(r.json().puntualidad).toEqual({
      tasa_puntual_anual: '0.03000000',
      tasa_ordinaria_anual: '0.06000000',
      periodo_abierto: puntual,
      amortizaciones: [
        { numero: 1, tasa: puntual },
        { numero: 2, tasa: puntual },
        { numero: 3, tasa: { puntual: false, debia_la_amortizacion: 2 } },
        { numero: 4, tasa: puntual },
      ],
      // The words the screen shows, made by the server: the PDF below prints the same.
      textos: {
        situacion: 'Paga puntual: 3%',
        tasaPropia: null,
        periodos: [
          'Amortización 1: 3% puntual',
          'Amortización 2: 3% puntual',
          'Amortización 3: 6% ordinaria — la amortización 2 se debía al 01/03/2025',
          'Amortización 4: 3% puntual',
          'Periodo en curso: 3% puntual',
        ],
      },
    });
    const pdf = await t.pedir(
      'GET',
      `/api/creditos/${credito.id}/estado-de-cuenta.pdf?fecha=2025-05-20`,
      { sesion: gestor },
    );
    const texto = textoDePdf(pdf.rawPayload);
    expect(texto).toContain('Tasa por puntualidad');
    expect(texto).toContain('Paga puntual: 3%');
    expect(texto).toContain('Amortización 2: 3% puntual');
    expect(texto).toContain(
      'Amortización 3: 6% ordinaria — la amortización 2 se debía al 01/03/2025',
    );
    expect(texto).toContain('Amortización 4: 3% puntual');
    expect(texto).toContain('Periodo en curso: 3% puntual');
    // A month earlier the borrower was paying the ordinary rate.
    const antes = await t.pedir(
      'GET',
      `/api/creditos/${credito.id}/estado-de-cuenta.pdf?fecha=2025-03-20`,
      { sesion: gestor },
    );
    expect(textoDePdf(antes.rawPayload)).toContain(
      'Perdió la tasa puntual el 01/03/2025 (debía la amortización 2)',
    );
  });
});
