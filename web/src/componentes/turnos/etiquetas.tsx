import { Tag } from 'antd';
import type { EstadoTurno, MotivoTurno } from '../../api/turnos.ts';

export const NOMBRE_MOTIVO: Record<MotivoTurno, string> = {
  informes: 'Informes',
  abono: 'Abono',
  liquidacion: 'Liquidación',
  convenio: 'Convenio',
  otro: 'Otro',
};

export const NOMBRE_ESTADO_TURNO: Record<EstadoTurno, string> = {
  en_espera: 'En espera',
  en_atencion: 'En atención',
  atendido: 'Atendido',
  abandonado: 'Se retiró',
};

// Solid tags carry white text on colours of at least 5.5:1 contrast.
const COLOR: Record<EstadoTurno, string> = {
  en_espera: '#a35200',
  en_atencion: '#0b4f6c',
  atendido: '#1e6b3a',
  abandonado: '#595959',
};

export function EtiquetaEstadoTurno({ estado }: { estado: EstadoTurno }) {
  return (
    <Tag color={COLOR[estado]} variant="solid">
      {NOMBRE_ESTADO_TURNO[estado]}
    </Tag>
  );
}
