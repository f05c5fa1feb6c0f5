import { Card, Descriptions, Typography } from 'antd';
import { useUsuarioActual } from '../api/sesion.ts';
import { fechaDeHoy } from '../formato.ts';
import { NOMBRE_ROL } from '../roles.ts';
import { useTituloDocumento } from '../titulo.ts';

export function PaginaInicio() {
  useTituloDocumento('Inicio');
  const usuario = useUsuarioActual();

  return (
    <>
      <Typography.Title level={1}>Inicio</Typography.Title>
      <Card>
        <Typography.Paragraph style={{ fontSize: 18 }}>Hola, {usuario.nombre}</Typography.Paragraph>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'rol', label: 'Rol', children: NOMBRE_ROL[usuario.rol] },
            {
              key: 'oficina',
              label: 'Oficina',
              children: usuario.oficina?.nombre ?? 'Sin oficina asignada',
            },
            { key: 'fecha', label: 'Fecha de operación', children: fechaDeHoy() },
          ]}
        />
      </Card>
    </>
  );
}
