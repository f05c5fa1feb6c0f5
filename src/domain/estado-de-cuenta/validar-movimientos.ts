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
        monto: leerMonto(movimiento, 'monto', ruta, true),
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
        monto: leerMonto(movimiento, 'monto', ruta, true),
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

/** Every movement's form is validated, also those dated after fecha_corte (calculo.md). */
export function validarMovimientos(caso: Objeto, ultimaMinistracion: Dia): Movimiento[] {
  const lista = leerLista(caso, 'movimientos', '', 'movimiento_invalido', []);
  const porId = new Map<string, Movimiento>();
  const cancelados = new Set<string>();
  const movimientos = lista.map((valor, i) => {
    const movimiento = leerMovimiento(valor, `movimientos[${i}]`);
    if (porId.has(movimiento.id)) {
      rechazar('movimiento_duplicado', `movimientos[${i}].id: el id ${movimiento.id} ya se usó`);
    }
    if (movimiento.tipo === 'cancelacion') verificarCancelacion(movimiento, porId, cancelados);
    porId.set(movimiento.id, movimiento);
    return movimiento;
  });
  // The whole schedule is disbursed before anything is paid, condoned or cancelled.
  for (const movimiento of movimientos) {
    if (movimiento.dia < ultimaMinistracion.dia) {
      rechazar(
        'movimiento_fuera_de_rango',
        `movimiento ${movimiento.id} anterior a la última ministración`,
      );
    }
  }
  return movimientos;
}

export function validarPeriodos(caso: Objeto): PeriodoSinMoratorio[] {
  const lista = leerLista(caso, 'periodos_sin_moratorio', '', 'periodo_invalido', []);
  return lista.map((valor, i) => {
    const ruta = `periodos_sin_moratorio[${i}]`;
    const periodo = leerObjeto(valor, ruta, 'periodo_invalido');
    const desde = leerFecha(periodo, 'desde', ruta);
    const hasta = leerFecha(periodo, 'hasta', ruta);
    if (hasta.dia <= desde.dia)
      rechazar('periodo_invalido', `${ruta}.hasta: debe ser posterior a desde`);
    return { desde, hasta };
  });
}
