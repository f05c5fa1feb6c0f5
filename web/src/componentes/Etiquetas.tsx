import { Tag } from 'antd';
import type { EstadoConvenio, Promesa } from '../api/convenios.ts';
import type { Bucket, EstadoAmortizacion, EstadoCredito, Situacion } from '../api/creditos.ts';

/**
 * The names people read for the portfolio's states, and their tags. Solid tags carry white
 * text on colours of at least 5.5:1 contrast; the colour only repeats what the word says.
 */

export const NOMBRE_BUCKET: Record<Bucket, string> = {
  al_corriente: 'Al corriente',
  '1-30': '1 a 30 días',
  '31-60': '31 a 60 días',
  '61-90': '61 a 90 días',
  '91-180': '91 a 180 días',
  '181-365': '181 a 365 días',
  mas_de_365: 'Más de 365 días',
};

export const NOMBRE_SITUACION: Record<Situacion, string> = {
  al_corriente: 'Al corriente',
  vencido: 'Vencido',
  liquidado: 'Liquidado',
};

export const NOMBRE_ESTADO_CREDITO: Record<EstadoCredito, string> = {
  activo: 'Activo',
  liquidado: 'Liquidado',
  reestructurado: 'Reestructurado',
  en_juridico: 'En jurídico',
};

const VERDE = '#1e6b3a';
const ROJO = '#b42318';
const NARANJA = '#a35200';
const AZUL = '#0b4f6c';
const MORADO = '#5b2a86';

const COLOR_SITUACION: Record<Situacion, string> = {
  al_corriente: VERDE,
  vencido: ROJO,
  liquidado: AZUL,
};

export function EtiquetaSituacion({ situacion }: { situacion: Situacion }) {
  return (
    <Tag color={COLOR_SITUACION[situacion]} variant="solid">
      {NOMBRE_SITUACION[situacion]}
    </Tag>
  );
}

const COLOR_ESTADO_CREDITO: Record<EstadoCredito, string | undefined> = {
  activo: undefined,
  liquidado: AZUL,
  reestructurado: NARANJA,
  en_juridico: MORADO,
};

export function EtiquetaEstadoCredito({ estado }: { estado: EstadoCredito }) {
  const color = COLOR_ESTADO_CREDITO[estado];
  return color === undefined ? (
    <Tag>{NOMBRE_ESTADO_CREDITO[estado]}</Tag>
  ) : (
    <Tag color={color} variant="solid">
      {NOMBRE_ESTADO_CREDITO[estado]}
    </Tag>
  );
}

/**
 * `exigible` means "due on the cut-off date": «Exigible hoy» when the statement is today's,
 * «Exigible al corte» for any other date, so a past statement never says "today".
 */
export function EtiquetaAmortizacion({
  estado,
  corteEsHoy,
}: {
  estado: EstadoAmortizacion;
  corteEsHoy: boolean;
}) {
  switch (estado) {
    case 'pagada':
      return (
        <Tag color={VERDE} variant="solid">
          Pagada
        </Tag>
      );
    case 'vencida':
      return (
        <Tag color={ROJO} variant="solid">
          Vencida
        </Tag>
      );
    case 'exigible':
      return (
        <Tag color={NARANJA} variant="solid">
          {corteEsHoy ? 'Exigible hoy' : 'Exigible al corte'}
        </Tag>
      );
    case 'por_vencer':
      return <Tag>Por vencer</Tag>;
  }
}

/** How a payment reached the institute: nobody at Recupera receives cash (CONDUSEF). */
export const NOMBRE_CANAL: Record<
  'banco' | 'caja' | 'nomina' | 'importacion' | 'reestructura',
  string
> = {
  banco: 'Depósito bancario',
  caja: 'Caja del instituto',
  nomina: 'Descuento por nómina',
  importacion: 'Importación',
  // The old credit's closing payment: the debt moved to the new pagaré, no money came in.
  reestructura: 'Cierre por reestructura (sin dinero)',
};

function esCanal(canal: string): canal is keyof typeof NOMBRE_CANAL {
  return Object.hasOwn(NOMBRE_CANAL, canal);
}

export function nombreCanal(canal: string | null): string {
  if (canal === null) return 'Sin canal';
  return esCanal(canal) ? NOMBRE_CANAL[canal] : canal;
}

export function EtiquetaCancelado() {
  return (
    <Tag color={ROJO} variant="solid">
      Cancelado
    </Tag>
  );
}

/** A yes/no fact about a contact, in words: «Con consentimiento», «No válido»… */
export function EtiquetaSiNo({ valor, si, no }: { valor: boolean; si: string; no: string }) {
  return valor ? (
    <Tag color={VERDE} variant="solid">
      {si}
    </Tag>
  ) : (
    <Tag color={NARANJA} variant="solid">
      {no}
    </Tag>
  );
}

const COLOR_CONVENIO: Record<EstadoConvenio, string | undefined> = {
  propuesto: NARANJA,
  autorizado: MORADO,
  firmado: AZUL,
  cumplido: VERDE,
  incumplido: ROJO,
  cancelado: undefined,
};

/** A convenio's state, with the server's Spanish label («Propuesto», «Incumplido»…). */
export function EtiquetaConvenio({
  estado,
  etiqueta,
}: {
  estado: EstadoConvenio;
  etiqueta: string;
}) {
  const color = COLOR_CONVENIO[estado];
  return color === undefined ? (
    <Tag>{etiqueta}</Tag>
  ) : (
    <Tag color={color} variant="solid">
      {etiqueta}
    </Tag>
  );
}

export function EtiquetaPromesa({ estado }: { estado: Promesa['estado'] }) {
  switch (estado) {
    case 'pendiente':
      return <Tag>Pendiente</Tag>;
    case 'cumplida':
      return (
        <Tag color={VERDE} variant="solid">
          Cumplida
        </Tag>
      );
    case 'incumplida':
      return (
        <Tag color={ROJO} variant="solid">
          Incumplida
        </Tag>
      );
  }
}
