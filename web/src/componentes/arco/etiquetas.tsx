import { Tag } from 'antd';
import { NOMBRE_ESTADO_ARCO, type PlazosArco, type SolicitudArco } from '../../api/arco.ts';
import { fecha } from '../../formato.ts';

/** The request's state; those that still owe the titular something stand out. */
export function EtiquetaEstadoArco({ estado }: { estado: SolicitudArco['estado'] }) {
  const pendiente = estado !== 'cerrada' && estado !== 'ejecutada' && estado !== 'improcedente';
  return pendiente ? (
    <Tag color="#0b4f6c" variant="solid">
      {NOMBRE_ESTADO_ARCO[estado]}
    </Tag>
  ) : (
    <Tag>{NOMBRE_ESTADO_ARCO[estado]}</Tag>
  );
}

export function EtiquetaAlerta({ alerta }: { alerta: PlazosArco['alerta'] }) {
  if (alerta === null) return null;
  return alerta === 'vencida' ? (
    <Tag color="#b42318" variant="solid">
      Vencida
    </Tag>
  ) : (
    <Tag color="#a35200" variant="solid">
      Por vencer
    </Tag>
  );
}

/** «Responder a más tardar el 08/04/2026 (quedan 4 días hábiles)», or null when none runs. */
export function textoDelPlazo(p: PlazosArco): string | null {
  const v = p.vigente;
  if (v === null) return null;
  const que = v.tipo === 'respuesta' ? 'Responder' : 'Ejecutar';
  if (p.alerta === 'vencida') return `${que}: el plazo venció el ${fecha(v.fecha)}`;
  const quedan =
    v.diasHabilesRestantes === 0
      ? 'hoy es el último día'
      : `${v.diasHabilesRestantes === 1 ? 'queda 1 día hábil' : `quedan ${v.diasHabilesRestantes} días hábiles`}`;
  return `${que} a más tardar el ${fecha(v.fecha)} (${quedan})`;
}
