import { civilDesdeDia, diaDesdeCivil, type Fecha, fechaDesdeTexto } from '../fecha.ts';

/** A calendar month, `AAAA-MM`: the period goals and indicators are set and measured by. */
export type Mes = string & { readonly __marca: 'Mes' };

const dos = (n: number) => String(n).padStart(2, '0');

export function mesDesdeTexto(texto: string): Mes | null {
  const m = /^(\d{4})-(\d{2})$/.exec(texto);
  if (!m) return null;
  return fechaDesdeTexto(`${texto}-01`) === null ? null : (texto as Mes);
}

export function mesDeFecha(fecha: Fecha): Mes {
  return fecha.slice(0, 7) as Mes;
}

export function primerDia(mes: Mes): Fecha {
  return `${mes}-01` as Fecha;
}

export function ultimoDia(mes: Mes): Fecha {
  const { anio, mes: m } = partes(mes);
  const c = civilDesdeDia(diaDesdeCivil(m === 12 ? anio + 1 : anio, m === 12 ? 1 : m + 1, 1) - 1);
  return `${c.anio}-${dos(c.mes)}-${dos(c.dia)}` as Fecha;
}

export function mesAnterior(mes: Mes): Mes {
  const { anio, mes: m } = partes(mes);
  return (m === 1 ? `${anio - 1}-12` : `${anio}-${dos(m - 1)}`) as Mes;
}

export function mesSiguiente(mes: Mes): Mes {
  const { anio, mes: m } = partes(mes);
  return (m === 12 ? `${anio + 1}-01` : `${anio}-${dos(m + 1)}`) as Mes;
}

function partes(mes: Mes): { anio: number; mes: number } {
  return { anio: Number(mes.slice(0, 4)), mes: Number(mes.slice(5, 7)) };
}

const NOMBRES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** "2026-03" → "marzo de 2026", as reports and screens name a month. */
export function nombreDelMes(mes: string): string {
  return `${NOMBRES[Number(mes.slice(5, 7)) - 1] ?? mes.slice(5, 7)} de ${mes.slice(0, 4)}`;
}
