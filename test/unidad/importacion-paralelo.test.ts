import { describe, expect, it } from 'vitest';
import type { CreditoNuevo } from '../../src/db/escritura-cartera.ts';
import { centavos } from '../../src/domain/dinero.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { generarCartera } from '../../src/modules/demo/generar-cartera.ts';
import { VERSIONES_DEMO } from '../../src/modules/demo/productos-demo.ts';
import {
  type CreditoParaMotor,
  validarConMotor,
} from '../../src/modules/importacion/validar-con-motor.ts';
import { validarEnParalelo } from '../../src/modules/importacion/validar-en-paralelo.ts';

const HOY = '2026-03-10' as Fecha;
const versiones = new Map(VERSIONES_DEMO.map((v, i) => [`${v.producto}|${v.vigenteDesde}`, i + 1]));
const versionDeId = new Map(VERSIONES_DEMO.map((v, i) => [i + 1, v]));

function paraMotor(c: CreditoNuevo, i: number): CreditoParaMotor {
  const version = versionDeId.get(c.versionProductoId);
  if (!version) throw new Error('sin versión');
  const fila = (n: number) => ({ hoja: 'movimientos', fila: 2 + i * 1000 + n });
  return {
    datos: {
      numero: c.numero,
      tasas: version,
      tasaPuntualDelCredito: c.tasaPuntual?.tasa ?? null,
      fechaInicioInteres: c.fechaInicioInteres,
      ministraciones: c.ministraciones,
      amortizaciones: c.amortizaciones,
      previos: [],
      movimientos: c.movimientos,
      periodosSinMoratorio: [],
    },
    fila: { hoja: 'creditos', fila: i + 2 },
    ministraciones: [],
    amortizaciones: [],
    movimientos: c.movimientos.map((_, n) => fila(n)),
    periodos: [],
    producto: null,
  };
}

describe('validarEnParalelo', () => {
  it('en hilos dice lo mismo que validarConMotor en este: el motor es puro', async () => {
    const destino = {
      hoy: HOY,
      versiones,
      oficinas: new Map([['HMO', 1]]),
      gestores: new Map(),
      despachoId: null,
    };
    const creditos = [...generarCartera(2_100, 5, destino, 10_000)].flatMap((l) => l.creditos);
    expect(creditos.length).toBeGreaterThan(2_000);
    // One condonación far beyond the debt, in a credit past the first batch sent to a thread
    // whose first amortización is already due.
    const indice = creditos.findIndex(
      (c, i) => i >= 2_050 && (c.amortizaciones[0]?.fecha ?? HOY) <= HOY,
    );
    const victima = creditos[indice];
    if (!victima) throw new Error('sin crédito');
    const fecha = victima.amortizaciones[0]?.fecha ?? HOY;
    victima.movimientos = [
      ...victima.movimientos.filter((m) => m.fecha <= fecha),
      {
        clave: 'C-1',
        tipo: 'condonacion',
        fecha,
        monto: centavos(99_999_999),
        excedente: null,
        concepto: 'capital',
        cancela: null,
        canal: null,
        referencia: null,
        motivo: null,
        registradoPor: null,
      },
    ];
    const lista = creditos.map(paraMotor);
    const enHilos = await validarEnParalelo(lista, HOY, { hilos: 1 });
    expect(enHilos).toEqual(validarConMotor(lista, HOY));
    expect(enHilos).toEqual([
      {
        hoja: 'movimientos',
        fila: 2 + indice * 1000 + victima.movimientos.length - 1,
        columna: null,
        mensaje:
          'el estado de cuenta no se puede calcular: movimiento C-1: la condonación excede el adeudo de capital',
      },
    ]);
  }, 60_000);
});
