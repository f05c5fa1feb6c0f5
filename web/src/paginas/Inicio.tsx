import { Card, Descriptions, Typography } from 'antd';
import { ROLES_RECALCULAR_ANTIGUEDAD, ROLES_RESUMEN_ANTIGUEDAD } from '../api/antiguedad.ts';
import { useHoy, useUsuarioActual } from '../api/sesion.ts';
import { AvisoPrestamosVencidos } from '../componentes/expediente/AvisoPrestamosVencidos.tsx';
import { MisCuentasTurnadas } from '../componentes/juridico/MisCuentasTurnadas.tsx';
import { ResumenAntiguedad } from '../componentes/ResumenAntiguedad.tsx';
import { fecha } from '../formato.ts';
import { NOMBRE_ROL } from '../roles.ts';
import { useTituloDocumento } from '../titulo.ts';

export function PaginaInicio() {
  useTituloDocumento('Inicio');
  const usuario = useUsuarioActual();
  const hoy = useHoy();

  return (
    <>
      <Typography.Title level={1}>Inicio</Typography.Title>
      <Card size="small">
        <Typography.Paragraph style={{ fontSize: 18 }}>Hola, {usuario.nombre}</Typography.Paragraph>
        <Descriptions
          column={{ xs: 1, sm: 2, md: 3 }}
          size="small"
          items={[
            { key: 'rol', label: 'Rol', children: NOMBRE_ROL[usuario.rol] },
            {
              key: 'oficina',
              label: 'Oficina',
              children: usuario.oficina?.nombre ?? 'Sin oficina asignada',
            },
            // The server's business date, never the browser's clock.
            { key: 'fecha', label: 'Fecha de operación', children: fecha(hoy) },
          ]}
        />
      </Card>
      {/* Papers lent and not back: said first, the day's work comes after. */}
      <AvisoPrestamosVencidos />
      {ROLES_RESUMEN_ANTIGUEDAD.includes(usuario.rol) && (
        <ResumenAntiguedad puedeRecalcular={ROLES_RECALCULAR_ANTIGUEDAD.includes(usuario.rol)} />
      )}
      {/* The external lawyer starts from his firm's accounts. */}
      {usuario.rol === 'abogado_externo' && <MisCuentasTurnadas />}
    </>
  );
}
