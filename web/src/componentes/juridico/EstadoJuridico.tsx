import { Tag, Typography } from 'antd';
import { type Actuacion, NOMBRE_ESTADO_JURIDICO } from '../../api/juridico.ts';
import { fecha } from '../../formato.ts';

/** The last legal state a firm recorded for an account, with its date; «Sin actuaciones». */
export function UltimoEstadoJuridico({
  actuacion,
}: {
  actuacion: Pick<Actuacion, 'estado' | 'fecha'> | null;
}) {
  if (actuacion === null) {
    return <Typography.Text type="secondary">Sin actuaciones</Typography.Text>;
  }
  return (
    <span>
      <Tag color="#5b2a86" variant="solid">
        {NOMBRE_ESTADO_JURIDICO[actuacion.estado]}
      </Tag>{' '}
      {fecha(actuacion.fecha)}
    </span>
  );
}
