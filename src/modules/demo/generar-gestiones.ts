import type { CanalGestion, EstadoPromesaPago, ProximaAccion } from '../../db/esquema.ts';
import { type Centavos, centavos } from '../../domain/dinero.ts';
import { diasEntre, type Fecha, sumarDias } from '../../domain/fecha.ts';
import type { Aleatorio } from './aleatorio.ts';
import { diaDeLaSemana, instanteEnHermosillo } from './fechas.ts';
import { type CuentaGestionada, titularEl } from './generar-asignaciones.ts';
import {
  type ClaveResultado,
  NOTAS,
  RESULTADOS_POR_CANAL,
  SIGUIENTE_PASO,
  TERCEROS,
} from './textos-gestion.ts';

/** A person of the credit that may be contacted (acreditado or aval), with one of each medium. */
export interface ContactoDemo {
  personaId: number;
  nombre: string;
  telefono: { id: number; numero: string; consentimiento: boolean } | null;
  correo: { id: number; correo: string; consentimiento: boolean } | null;
  domicilio: { id: number; texto: string } | null;
}

export interface ContactosDeCredito {
  acreditado: ContactoDemo;
  aval: ContactoDemo | null;
}

/** A payment of the last months, not cancelled. */
export interface PagoDemo {
  fecha: Fecha;
  monto: Centavos;
}

export interface GestionDemo {
  creditoId: number;
  canal: CanalGestion;
  personaId: number;
  contactoNombre: string | null;
  telefonoId: number | null;
  correoId: number | null;
  domicilioId: number | null;
  medio: string | null;
  resultado: ClaveResultado;
  nota: string | null;
  proximaAccion: { tipo: ProximaAccion; fecha: Fecha } | null;
  inicio: Date;
  duracionSegundos: number | null;
  registradoPor: number;
  registrado: Date;
}

export interface PromesaDemo {
  /** Index of its gestión in the generated list. */
  gestion: number;
  creditoId: number;
  monto: Centavos;
  fecha: Fecha;
  toleranciaDias: number;
  hechaEl: Fecha;
  estado: EstadoPromesaPago;
  resueltaEl: Fecha | null;
}

/** How far back the demo's gestiones go: a year, the indicators' twelve months. */
export const DIAS_DE_GESTION = 365;

const LLAMADAS: readonly CanalGestion[] = ['llamada_saliente', 'llamada_entrante'];

/** A working day: Sundays move back to Saturday. */
function habil(dia: Fecha): Fecha {
  return diaDeLaSemana(dia) === 0 ? sumarDias(dia, -1) : dia;
}

function elegirCanal(rnd: Aleatorio, p: ContactoDemo): CanalGestion {
  const opciones: Array<readonly [CanalGestion, number]> = [
    ['llamada_entrante', 10],
    ['ventanilla', 7],
  ];
  if (p.telefono) {
    opciones.push(['llamada_saliente', 50]);
    // SMS and WhatsApp only where the person consented (the server refuses them otherwise).
    if (p.telefono.consentimiento) opciones.push(['whatsapp', 10], ['sms', 5]);
  }
  if (p.correo?.consentimiento) opciones.push(['correo', 6]);
  if (p.domicilio) opciones.push(['visita_domiciliaria', 6], ['carta', 4]);
  return rnd.ponderado(opciones);
}

/** The channel of a gestión that ends in a promise: a conversation. */
function canalDePromesa(rnd: Aleatorio, p: ContactoDemo): CanalGestion {
  const opciones: Array<readonly [CanalGestion, number]> = [
    ['llamada_entrante', 3],
    ['ventanilla', 2],
  ];
  if (p.telefono) opciones.push(['llamada_saliente', 8]);
  if (p.domicilio) opciones.push(['visita_domiciliaria', 1]);
  return rnd.ponderado(opciones);
}

function medioDe(canal: CanalGestion, p: ContactoDemo) {
  const nada = { telefonoId: null, correoId: null, domicilioId: null, medio: null };
  switch (canal) {
    case 'llamada_saliente':
    case 'llamada_entrante':
    case 'sms':
    case 'whatsapp':
      return p.telefono ? { ...nada, telefonoId: p.telefono.id, medio: p.telefono.numero } : nada;
    case 'correo':
      return p.correo ? { ...nada, correoId: p.correo.id, medio: p.correo.correo } : nada;
    case 'visita_domiciliaria':
    case 'carta':
      return p.domicilio
        ? { ...nada, domicilioId: p.domicilio.id, medio: p.domicilio.texto }
        : nada;
    case 'ventanilla':
      return nada;
  }
}

function duracion(rnd: Aleatorio, canal: CanalGestion, resultado: ClaveResultado): number | null {
  if (!LLAMADAS.includes(canal)) return null;
  if (resultado === 'no_contesta' || resultado === 'buzon') return rnd.entero(15, 45);
  if (resultado === 'numero_equivocado') return rnd.entero(20, 60);
  return rnd.entero(90, 720);
}

/**
 * The promise made on `dia`: kept if a payment from that day to its date plus tolerance came
 * (the amount is at most that payment, so the payment covers it), broken if that deadline is
 * already past, pending otherwise. `fecha` forces the promised date.
 */
function promesa(
  rnd: Aleatorio,
  dia: Fecha,
  pagos: readonly PagoDemo[],
  hoy: Fecha,
  fecha: Fecha = sumarDias(dia, rnd.entero(2, 12)),
): Omit<PromesaDemo, 'gestion' | 'creditoId'> {
  const toleranciaDias = rnd.entero(0, 3);
  const limite = sumarDias(fecha, toleranciaDias);
  const monto = rnd.entero(5, 60) * 10_000;
  const pago = pagos.find((p) => p.fecha >= dia && p.fecha <= limite);
  if (pago) {
    return {
      monto: centavos(Math.min(monto, pago.monto)),
      fecha,
      toleranciaDias,
      hechaEl: dia,
      estado: 'cumplida',
      resueltaEl: pago.fecha,
    };
  }
  const vencida = limite < hoy;
  return {
    monto: centavos(monto),
    fecha,
    toleranciaDias,
    hechaEl: dia,
    estado: vencida ? 'incumplida' : 'pendiente',
    resueltaEl: vencida ? sumarDias(limite, 1) : null,
  };
}

/** One gestión on a day: forced to a promise (and its promised date) or drawn by channel. */
interface Plan {
  dia: Fecha;
  promesa: { fecha: Fecha | undefined } | null;
}

/** The days an account is worked on: distinct, in order, inside its window. */
function planear(
  rnd: Aleatorio,
  cuenta: CuentaGestionada,
  pagos: readonly PagoDemo[],
  hoy: Fecha,
): Plan[] {
  const inicioHistoria = cuenta.tramos[0]?.desde ?? hoy;
  const primero = sumarDias(hoy, -DIAS_DE_GESTION);
  const desde = inicioHistoria >= primero ? sumarDias(inicioHistoria, 1) : primero;
  const ayer = sumarDias(hoy, -1);
  if (desde > ayer) return [];
  const dias = new Map<Fecha, Plan>();
  const agregar = (dia: Fecha, p: Plan['promesa']) => {
    const d = habil(dia);
    if (d >= desde && d <= ayer && !dias.has(d)) dias.set(d, { dia: d, promesa: p });
  };
  // A promise shortly before a payment that then kept it: the common good case.
  // About one chance a quarter, so that every month of the year has kept promises.
  const enVentana = pagos.filter((p) => p.fecha > desde && p.fecha <= ayer);
  for (let trimestre = 0; trimestre < 4; trimestre++) {
    if (enVentana.length === 0 || !rnd.probabilidad(0.3)) continue;
    const pago = rnd.elegir(enVentana);
    agregar(sumarDias(pago.fecha, -rnd.entero(1, 6)), {
      fecha: sumarDias(pago.fecha, rnd.entero(0, 2)),
    });
  }
  // A promise of the last few days: pending, or just broken.
  if (rnd.probabilidad(0.08)) agregar(sumarDias(hoy, -rnd.entero(1, 6)), { fecha: undefined });
  const ancho = diasEntre(desde, ayer);
  for (let i = 0; i < cuenta.gestiones * 2 && dias.size < cuenta.gestiones; i++)
    agregar(sumarDias(desde, rnd.entero(0, ancho)), null);
  return [...dias.values()].sort((a, b) => (a.dia < b.dia ? -1 : 1));
}

/**
 * A year of gestiones for the accounts picked in `generarAsignaciones`: each on
 * its own day (so no person nears the daily limit of outbound attempts), in business hours
 * (08:00–20:00 in Hermosillo, inside every contact window of Sonora), registered by whoever
 * held the account that day, through a medium the person has and, for messages, consented
 * to; some end in a promise (with its row), some with a next action, the latest of an account
 * often due in the coming days.
 */
export function generarGestiones(
  cuentas: readonly CuentaGestionada[],
  contactos: ReadonlyMap<number, ContactosDeCredito>,
  pagos: ReadonlyMap<number, readonly PagoDemo[]>,
  hoy: Fecha,
  rnd: Aleatorio,
): { gestiones: GestionDemo[]; promesas: PromesaDemo[] } {
  const gestiones: GestionDemo[] = [];
  const promesas: PromesaDemo[] = [];
  for (const cuenta of cuentas) {
    const c = contactos.get(cuenta.creditoId);
    if (!c) continue;
    const pagosDe = pagos.get(cuenta.creditoId) ?? [];
    const planes = planear(rnd, cuenta, pagosDe, hoy);
    planes.forEach((plan, i) => {
      const persona = c.aval && rnd.probabilidad(0.15) ? c.aval : c.acreditado;
      const canal = plan.promesa ? canalDePromesa(rnd, persona) : elegirCanal(rnd, persona);
      const resultado: ClaveResultado = plan.promesa
        ? 'promesa_de_pago'
        : rnd.ponderado(RESULTADOS_POR_CANAL[canal]);
      const inicio = instanteEnHermosillo(plan.dia, rnd.entero(8 * 60, 20 * 60 - 1));
      const segundos = duracion(rnd, canal, resultado);
      const hecha =
        resultado === 'promesa_de_pago'
          ? promesa(rnd, plan.dia, pagosDe, hoy, plan.promesa?.fecha)
          : null;
      let proximaAccion: GestionDemo['proximaAccion'] = null;
      if (hecha) proximaAccion = { tipo: 'esperar_pago', fecha: hecha.fecha };
      else if (i === planes.length - 1 ? rnd.probabilidad(0.55) : rnd.probabilidad(0.3)) {
        proximaAccion = {
          tipo: rnd.ponderado(SIGUIENTE_PASO[resultado]),
          fecha:
            i === planes.length - 1
              ? sumarDias(hoy, rnd.entero(0, 10))
              : sumarDias(plan.dia, rnd.entero(1, 7)),
        };
      }
      if (hecha)
        promesas.push({ ...hecha, gestion: gestiones.length, creditoId: cuenta.creditoId });
      gestiones.push({
        creditoId: cuenta.creditoId,
        canal,
        personaId: persona.personaId,
        contactoNombre: resultado === 'recado_con_tercero' ? rnd.elegir(TERCEROS) : null,
        ...medioDe(canal, persona),
        resultado,
        nota: rnd.elegir(NOTAS[resultado]),
        proximaAccion,
        inicio,
        duracionSegundos: segundos,
        registradoPor: titularEl(cuenta.tramos, plan.dia),
        registrado: new Date(inicio.getTime() + ((segundos ?? 0) + rnd.entero(30, 300)) * 1000),
      });
    });
  }
  return { gestiones, promesas };
}
