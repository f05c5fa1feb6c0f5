import type {
  Cancelacion,
  Concepto,
  Dia,
  Excedente,
  Movimiento,
  PeriodoSinMoratorio,
} from './caso.ts';
import {
  citar,
  leerFecha,
  leerLista,
  leerMonto,
  leerObjeto,
  leerOpcion,
  type Objeto,
  rechazar,
} from './lectura.ts';
import { verificarMonto } from './validar-credito.ts';

const TIPOS = ['pago', 'condonacion', 'cancelacion'] as const;
const EXCEDENTES: readonly Excedente[] = ['reducir_plazo', 'adelantar'];
const CONCEPTOS: readonly Concepto[] = ['moratorio', 'interes', 'capital'];

function leerMovimiento(valor: unknown, ruta: string): Movimiento {
  const movimiento = leerObjeto(valor, ruta, 'movimiento_invalido');
  const id = movimiento.id;
  if (typeof id !== 'string' || id === '') {
    rechazar('movimiento_invalido', `${ruta}.id: falta el id del movimiento`);
  }
  const tipo = leerOpcion(movimiento, 'tipo', ruta, TIPOS, 'movimiento_invalido');
  const { fecha, dia } = leerFecha(movimiento, 'fecha', ruta);
  switch (tipo) {
    case 'pago':
      return {
        tipo,
        id,
        fecha,
        dia,
        monto: leerMonto(movimiento, 'monto', ruta),
        excedente: leerOpcion(
          movimiento,
          'excedente',
          ruta,
          EXCEDENTES,
          'movimiento_invalido',
          'reducir_plazo',
        ),
      };
    case 'condonacion':
      return {
        tipo,
        id,
        fecha,
        dia,
        concepto: leerOpcion(movimiento, 'concepto', ruta, CONCEPTOS, 'movimiento_invalido'),
        monto: leerMonto(movimiento, 'monto', ruta),
      };
    case 'cancelacion':
      return { tipo, id, fecha, dia, movimiento: leerObjetivo(movimiento, ruta) };
  }
}

function leerObjetivo(cancelacion: Objeto, ruta: string): string {
  const objetivo = cancelacion.movimiento;
  if (typeof objetivo !== 'string') {
    rechazar(
      'cancelacion_invalida',
      `${ruta}.movimiento: ${citar(objetivo)} no es el id de un movimiento`,
    );
  }
  return objetivo;
}

/**
 * A cancelación names a movement listed before it, not a cancelación, not dated after
 * itself, and not already cancelled (calculo.md, cancelacion_invalida).
 */
function verificarCancelacion(
  cancelacion: Cancelacion,
  anteriores: ReadonlyMap<string, Movimiento>,
  cancelados: Set<string>,
): void {
  const objetivo = anteriores.get(cancelacion.movimiento);
  const motivo =
    objetivo === undefined
      ? 'no cancela un movimiento listado antes'
      : objetivo.tipo === 'cancelacion'
        ? 'no se puede cancelar una cancelación'
        : objetivo.dia > cancelacion.dia
          ? 'cancela un movimiento posterior a ella'
          : cancelados.has(objetivo.id)
            ? 'el movimiento ya estaba cancelado'
            : null;
  if (motivo !== null) {
    rechazar(
      'cancelacion_invalida',
      `movimiento ${cancelacion.id} cancela ${cancelacion.movimiento}: ${motivo}`,
    );
  }
  cancelados.add(cancelacion.movimiento);
}

/** Every movement's form is read, also those dated after fecha_corte (calculo.md). */
export function leerMovimientos(caso: Objeto): Movimiento[] {
  const lista = leerLista(caso, 'movimientos', '', 'movimiento_invalido', []);
  return lista.map((valor, i) => leerMovimiento(valor, `movimientos[${i}]`));
}

/**
 * Ids are unique, amounts are positive, each cancelación names a movement it may cancel, and
 * the whole schedule is disbursed before anything is paid, condoned or cancelled.
 */
export function verificarMovimientos(
  movimientos: readonly Movimiento[],
  ultimaMinistracion: Dia,
): void {
  const porId = new Map<string, Movimiento>();
  const cancelados = new Set<string>();
  movimientos.forEach((movimiento, i) => {
    if (porId.has(movimiento.id)) {
      rechazar('movimiento_duplicado', `movimientos[${i}].id: el id ${movimiento.id} ya se usó`);
    }
    if (movimiento.tipo === 'cancelacion') verificarCancelacion(movimiento, porId, cancelados);
    else verificarMonto(movimiento.monto, `movimientos[${i}].monto`, true);
    porId.set(movimiento.id, movimiento);
  });
  for (const movimiento of movimientos) {
    if (movimiento.dia < ultimaMinistracion.dia) {
      rechazar(
        'movimiento_fuera_de_rango',
        `movimiento ${movimiento.id} anterior a la última ministración`,
      );
    }
  }
}

export function leerPeriodos(caso: Objeto): PeriodoSinMoratorio[] {
  const lista = leerLista(caso, 'periodos_sin_moratorio', '', 'periodo_invalido', []);
  return lista.map((valor, i) => {
    const ruta = `periodos_sin_moratorio[${i}]`;
    const periodo = leerObjeto(valor, ruta, 'periodo_invalido');
    return { desde: leerFecha(periodo, 'desde', ruta), hasta: leerFecha(periodo, 'hasta', ruta) };
  });
}

export function verificarPeriodos(periodos: readonly PeriodoSinMoratorio[]): void {
  periodos.forEach(({ desde, hasta }, i) => {
    if (hasta.dia <= desde.dia)
      rechazar(
        'periodo_invalido',
        `periodos_sin_moratorio[${i}].hasta: debe ser posterior a desde`,
      );
  });
}
