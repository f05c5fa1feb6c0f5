import { completarCurp, validarCurp } from '../../domain/curp.ts';
import { tasaDesdeTexto, tasaMayorQue } from '../../domain/tasa.ts';
import { clave, curp, movimiento, oficina as oficinaDeFila, persona, telefono } from './campos.ts';
import type { CarteraArchivo, Prelacion } from './cartera-archivo.ts';
import type { Causas } from './causas.ts';
import { HOJAS, type NombreHoja } from './disposicion.ts';
import { agruparHojas, type ParteDeHoja } from './hojas-del-libro.ts';
import type { Informe } from './informe.ts';
import { LectorDeFila } from './lector-de-fila.ts';
import { celdaVacia, type FilaLeida, type HojasLeidas } from './libro.ts';

/** R9: a punctual rate above the ordinary one would charge the punctual borrower more. */
export function excedeOrdinaria(puntual: string, ordinaria: string): boolean {
  const p = tasaDesdeTexto(puntual);
  const o = tasaDesdeTexto(ordinaria);
  return p !== null && o !== null && tasaMayorQue(p, o);
}

export function carteraVacia(): CarteraArchivo {
  return {
    productos: [],
    personas: [],
    telefonos: [],
    creditos: [],
    ministraciones: [],
    amortizaciones: [],
    movimientos: [],
    periodos: [],
    conFallas: {
      productos: new Set(),
      personas: new Set(),
      creditos: new Set(),
      incompletos: new Set(),
    },
  };
}

/** One reader per sheet: it reads the row `l` stands on into `cartera`. */
function lectores(
  l: LectorDeFila,
  cartera: CarteraArchivo,
  causas: Causas,
): Record<NombreHoja, () => void> {
  const crudo = (columna: string) =>
    String(l.celda(columna) ?? '')
      .trim()
      .toUpperCase();
  /** A credit's child row: its credit is incomplete when the row is faulty. */
  const deCredito =
    <T>(lista: T[], leer: (numeroCredito: string) => T | null) =>
    () => {
      const numero = clave(l, 'numero_credito');
      const fila = numero === null ? null : leer(numero);
      if (fila !== null && l.fallas === 0) lista.push(fila);
      else cartera.conFallas.incompletos.add(numero ?? crudo('numero_credito'));
    };

  const productos = () => {
    const claveProducto = clave(l, 'clave');
    const nombre = l.texto('nombre', true);
    const vigenteDesde = l.fecha('vigente_desde', true);
    const tasaOrdinaria = l.tasa('tasa_ordinaria_anual', true);
    const tasaMoratoria = l.tasa('tasa_moratoria_anual', true);
    const tasaPuntual = l.tasa('tasa_puntual_anual');
    if (
      tasaPuntual !== null &&
      tasaOrdinaria !== null &&
      excedeOrdinaria(tasaPuntual, tasaOrdinaria)
    )
      l.error(
        'tasa_puntual_anual',
        `la tasa por puntualidad ${tasaPuntual} no puede ser mayor que la tasa ordinaria ${tasaOrdinaria}`,
      );
    const base = l.opcion('base_dias', ['360', '365'] as const, '360');
    const prelacion = l.opcion<Prelacion>(
      'prelacion',
      ['por_concepto', 'por_amortizacion'],
      'por_concepto',
    );
    if (
      l.fallas > 0 ||
      claveProducto === null ||
      nombre === null ||
      vigenteDesde === null ||
      tasaOrdinaria === null ||
      tasaMoratoria === null ||
      base === null ||
      prelacion === null
    ) {
      cartera.conFallas.productos.add(claveProducto ?? crudo('clave'));
      causas.raiz('producto', claveProducto ?? crudo('clave'), l.hoja, l.fila);
      return;
    }
    cartera.productos.push({
      hoja: l.hoja,
      fila: l.fila,
      clave: claveProducto,
      nombre,
      vigenteDesde,
      tasaOrdinaria,
      tasaMoratoria,
      tasaPuntual,
      baseDias: base === '365' ? 365 : 360,
      prelacion,
    });
  };

  const personas = () => {
    const p = persona(l);
    if (p) cartera.personas.push(p);
    else {
      const texto = crudo('curp');
      cartera.conFallas.personas.add(texto);
      causas.raiz('persona', texto, l.hoja, l.fila);
      // Only its check digit wrong: the credits most likely name the CURP it was meant to be.
      if (texto.length === 18) {
        const completa = completarCurp(texto.slice(0, 17));
        cartera.conFallas.personas.add(completa);
        causas.raiz('persona', completa, l.hoja, l.fila);
      }
      // A CURP that does not read may be any of those the other sheets name.
      if (!validarCurp(texto).valida) causas.dudosa('persona', texto, l.hoja, l.fila);
    }
  };

  const telefonos = () => {
    const c = curp(l, 'curp', true);
    const t = telefono(l, 'telefono', true);
    if (c !== null && t !== null && l.fallas === 0) {
      cartera.telefonos.push({ hoja: l.hoja, fila: l.fila, curp: c, ...t });
    }
  };

  const creditos = () => {
    const numero = clave(l, 'numero');
    const producto = clave(l, 'producto');
    const oficina = oficinaDeFila(l);
    const curpAcreditado = curp(l, 'curp_acreditado', true);
    const curpAval = curp(l, 'curp_aval', false);
    const curpBeneficiario = curp(l, 'curp_beneficiario', false);
    const fechaInicioInteres = l.fecha('fecha_inicio_interes', true);
    const tasaPuntual = l.tasa('tasa_puntual_anual');
    const tasaPuntualMotivo = l.texto('tasa_puntual_motivo');
    if (curpAcreditado !== null && curpAcreditado === curpAval) {
      l.error('curp_aval', 'el aval no puede ser el mismo acreditado');
    }
    if (tasaPuntual !== null && tasaPuntualMotivo === null)
      l.error('tasa_puntual_motivo', 'falta el motivo de la tasa por puntualidad del crédito');
    if (tasaPuntual === null && tasaPuntualMotivo !== null && l.vacia('tasa_puntual_anual'))
      l.error('tasa_puntual_motivo', 'hay motivo pero falta la tasa_puntual_anual del crédito');
    if (
      l.fallas > 0 ||
      numero === null ||
      producto === null ||
      oficina === null ||
      curpAcreditado === null ||
      fechaInicioInteres === null
    ) {
      cartera.conFallas.creditos.add(numero ?? crudo('numero'));
      cartera.conFallas.incompletos.add(numero ?? crudo('numero'));
      causas.raiz('credito', numero ?? crudo('numero'), l.hoja, l.fila);
      // A number that does not read may be the one its ministraciones name.
      if (numero === null) causas.dudosa('credito', crudo('numero'), l.hoja, l.fila);
      return;
    }
    cartera.creditos.push({
      hoja: l.hoja,
      fila: l.fila,
      numero,
      producto,
      oficina,
      curpAcreditado,
      curpAval,
      curpBeneficiario,
      fechaInicioInteres,
      tasaPuntual,
      tasaPuntualMotivo,
      gestor: l.texto('gestor')?.toLowerCase() ?? null,
    });
  };

  const ministraciones = deCredito(cartera.ministraciones, (numeroCredito) => {
    const numero = l.entero('numero', true);
    const fecha = l.fecha('fecha', true);
    const monto = l.monto('monto', true);
    if (monto === 0) l.error('monto', 'debe ser mayor que cero');
    const periodoEscolar = l.texto('periodo_escolar', true);
    const pagareNumero = l.texto('pagare', true)?.toUpperCase() ?? null;
    const pagareVencimiento = l.fecha('vencimiento_pagare', true);
    if (fecha !== null && pagareVencimiento !== null && pagareVencimiento < fecha) {
      l.error('vencimiento_pagare', 'el pagaré no puede vencer antes de la ministración');
    }
    if (numero === null || fecha === null || monto === null || periodoEscolar === null) return null;
    if (pagareNumero === null || pagareVencimiento === null) return null;
    return {
      hoja: l.hoja,
      fila: l.fila,
      numeroCredito,
      numero,
      fecha,
      monto,
      periodoEscolar,
      pagareNumero,
      pagareVencimiento,
    };
  });

  const amortizaciones = deCredito(cartera.amortizaciones, (numeroCredito) => {
    const numero = l.entero('numero', true);
    const fecha = l.fecha('fecha', true);
    const capital = l.monto('capital', true);
    if (numero === null || fecha === null || capital === null) return null;
    return { hoja: l.hoja, fila: l.fila, numeroCredito, numero, fecha, capital };
  });

  const movimientos = deCredito(cartera.movimientos, (numeroCredito) => {
    const c = clave(l, 'clave');
    return c === null ? null : movimiento(l, numeroCredito, c);
  });

  const periodos_sin_moratorio = deCredito(cartera.periodos, (numeroCredito) => {
    const desde = l.fecha('desde', true);
    const hasta = l.fecha('hasta', true);
    const motivo = l.texto('motivo', true);
    if (desde !== null && hasta !== null && hasta <= desde) {
      l.error('hasta', 'debe ser posterior a desde');
    }
    if (desde === null || hasta === null || motivo === null) return null;
    return { hoja: l.hoja, fila: l.fila, numeroCredito, desde, hasta, motivo };
  });
  return {
    productos,
    personas,
    telefonos,
    creditos,
    ministraciones,
    amortizaciones,
    movimientos,
    periodos_sin_moratorio,
  };
}

// Rows between two pauses (see leerHojas).
const FILAS_POR_PAUSA = 5_000;

/** Reads rows of any sheet, each into `cartera` by its sheet's reader (see leerHojas). */
export class LectorDeHojas {
  private readonly l: LectorDeFila;
  private readonly lectores: Record<NombreHoja, () => void>;
  /** Rows read (blank ones are skipped and not counted). */
  leidas = 0;

  constructor(
    readonly cartera: CarteraArchivo,
    informe: Informe,
  ) {
    this.l = new LectorDeFila(informe);
    this.lectores = lectores(this.l, cartera, informe.causas);
  }

  /** false: a blank row, skipped. */
  leer(hoja: NombreHoja, parte: ParteDeHoja, fila: FilaLeida): boolean {
    if (fila.celdas.every(celdaVacia)) return false;
    this.l.situar(parte.nombre, parte.indices, fila.numero, fila.celdas);
    this.lectores[hoja]();
    this.leidas++;
    return true;
  }

  /** Every so often, lets other work on this thread go on. */
  async pausar(alLeer: (filas: number) => void): Promise<void> {
    if (this.leidas % FILAS_POR_PAUSA !== 0) return;
    alLeer(this.leidas);
    await new Promise((listo) => setImmediate(listo));
  }
}

/**
 * The rows of `hojas`, each cell checked alone (form, required, enumerations), into
 * `cartera`. Faults go to the report; a faulty row is left out and its key remembered
 * (`conFallas`). Every so often it lets other work on this thread go on: the import sends what
 * it has already validated to the database while it reads the next sheets.
 */
export async function leerHojas(
  grupos: ReadonlyMap<NombreHoja, readonly ParteDeHoja[]>,
  hojas: readonly NombreHoja[],
  cartera: CarteraArchivo,
  informe: Informe,
  /** Told the rows read so far, every so often and at the end (the upload screen shows it). */
  alLeer: (filas: number) => void = () => {},
): Promise<void> {
  const lector = new LectorDeHojas(cartera, informe);
  for (const hoja of hojas) {
    for (const parte of grupos.get(hoja) ?? []) {
      for (const fila of parte.filas)
        if (lector.leer(hoja, parte, fila)) await lector.pausar(alLeer);
    }
  }
  alLeer(lector.leidas);
}

/** Every sheet of the workbook at once. */
export async function leerFilas(libro: HojasLeidas, informe: Informe): Promise<CarteraArchivo> {
  const cartera = carteraVacia();
  await leerHojas(agruparHojas(libro, informe), HOJAS, cartera, informe);
  return cartera;
}
