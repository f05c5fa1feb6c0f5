import { Tag, Typography } from 'antd';
import type { EstadoDocumental, Pieza, Prescripcion, Ubicacion } from '../../api/expedientes.ts';
import { fecha, pesosDe } from '../../formato.ts';

/**
 * How a piece's state, prescription and location read. Solid tags carry white text on colours
 * of at least 5.5:1 contrast; the colour only repeats what the words say.
 */

export const NOMBRE_ESTADO_DOCUMENTAL: Record<EstadoDocumental, string> = {
  vigente: 'Vigente',
  vencido: 'Vencido',
  pagado_anticipadamente: 'Pagado anticipadamente',
  sustituido_por_reestructura: 'Sustituido por reestructura',
  finiquitado: 'Finiquitado',
  devuelto_al_acreditado: 'Devuelto al acreditado',
  en_despacho: 'En despacho',
};

const ROJO = '#b42318';
const NARANJA = '#a35200';
const OCRE = '#6b5300';
const AZUL = '#0b4f6c';
const MORADO = '#5b2a86';
const VERDE = '#1e6b3a';

const COLOR_ESTADO: Record<EstadoDocumental, string | undefined> = {
  vigente: VERDE,
  vencido: ROJO,
  pagado_anticipadamente: AZUL,
  sustituido_por_reestructura: NARANJA,
  finiquitado: AZUL,
  devuelto_al_acreditado: undefined,
  en_despacho: MORADO,
};

export function EtiquetaEstadoDocumental({ estado }: { estado: EstadoDocumental }) {
  return (
    <Tag color={COLOR_ESTADO[estado]} variant={COLOR_ESTADO[estado] ? 'solid' : undefined}>
      {NOMBRE_ESTADO_DOCUMENTAL[estado]}
    </Tag>
  );
}

/** The alert thresholds the screens highlight: 180, 90 and 30 days before it prescribes. */
const UMBRALES: readonly { dias: number; color: string }[] = [
  { dias: 30, color: ROJO },
  { dias: 90, color: NARANJA },
  { dias: 180, color: OCRE },
];

export function textoDiasRestantes(p: Prescripcion): string {
  if (p.prescrito) return 'Prescrito';
  if (p.diasRestantes === 0) return 'Prescribe hoy';
  return p.diasRestantes === 1 ? 'Prescribe mañana' : `Prescribe en ${p.diasRestantes} días`;
}

/** «Prescrito», or how soon when it is within an alert threshold; nothing further away. */
export function EtiquetaPrescripcion({ prescripcion }: { prescripcion: Prescripcion }) {
  if (prescripcion.prescrito) {
    return (
      <Tag color={ROJO} variant="solid">
        Prescrito
      </Tag>
    );
  }
  const umbral = UMBRALES.find((u) => prescripcion.diasRestantes <= u.dias);
  if (umbral === undefined) return null;
  return (
    <Tag color={umbral.color} variant="solid">
      {textoDiasRestantes(prescripcion)}
    </Tag>
  );
}

export function nombrePieza(p: Pieza): string {
  return p.tipo === 'expediente'
    ? 'Expediente del crédito'
    : `Pagaré ${p.pagare?.numero ?? p.etiqueta}`;
}

export function detallePagare(p: Pieza): string | null {
  if (p.pagare === null) return null;
  return `Ministración ${p.pagare.ministracion} · ${pesosDe(p.pagare.monto)} · vence el ${fecha(p.pagare.vencimiento)} · ${p.pagare.periodoEscolar}`;
}

function lugarEnArchivo(u: Ubicacion): string {
  const oficina = u.oficina === null ? 'Archivo' : `Archivo de ${u.oficina.nombre}`;
  if (!u.registrada || (u.estante === null && u.caja === null)) {
    return `${oficina} (estante sin registrar)`;
  }
  const partes = [oficina];
  if (u.estante !== null) partes.push(`estante ${u.estante}`);
  if (u.caja !== null) partes.push(`caja ${u.caja}`);
  return partes.join(', ');
}

/** Where a piece is, in one line. */
export function textoUbicacion(u: Ubicacion): string {
  switch (u.tipo) {
    case 'archivo':
      return lugarEnArchivo(u);
    case 'persona': {
      const quien = u.usuario?.nombre ?? 'una persona';
      return u.devolverAMasTardar === null
        ? `Prestado a ${quien}`
        : `Prestado a ${quien} hasta el ${fecha(u.devolverAMasTardar)}`;
    }
    case 'despacho':
      return `En el despacho ${u.despacho?.nombre ?? ''}`.trim();
    case 'devuelto':
      return 'Devuelto al acreditado';
  }
}

/** The location, with an overdue loan said in words (and in red). */
export function UbicacionDePieza({ ubicacion }: { ubicacion: Ubicacion }) {
  return (
    <>
      <span>{textoUbicacion(ubicacion)}</span>
      {ubicacion.vencida && (
        <Typography.Text type="danger" strong style={{ display: 'block' }}>
          Préstamo vencido: debía volver el {fecha(ubicacion.devolverAMasTardar ?? '')}
        </Typography.Text>
      )}
    </>
  );
}

/** Out of the archive: with a person or at a law firm. */
export function estaFuera(u: Ubicacion): boolean {
  return u.tipo === 'persona' || u.tipo === 'despacho';
}
