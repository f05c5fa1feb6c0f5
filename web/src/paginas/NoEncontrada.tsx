import { Result, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTituloDocumento } from '../titulo.ts';

export function PaginaNoEncontrada() {
  useTituloDocumento('Página no encontrada');
  return (
    <Result
      status="info"
      title={
        <Typography.Title level={1} style={{ marginBottom: 0 }}>
          Página no encontrada
        </Typography.Title>
      }
      subTitle="La dirección que abriste no existe o cambió."
      extra={<Link to="/">Ir a Inicio</Link>}
    />
  );
}
