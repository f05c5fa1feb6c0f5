import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ROLES_PARAMETROS_PRESCRIPCION } from '../api/expedientes.ts';
import { useUsuarioActual } from '../api/sesion.ts';
import { Inventario } from '../componentes/expediente/Inventario.tsx';
import { ListaPrescripcion } from '../componentes/expediente/ListaPrescripcion.tsx';
import { ParametrosPrescripcion } from '../componentes/expediente/ParametrosPrescripcion.tsx';
import { PrestamosVencidos } from '../componentes/expediente/PrestamosVencidos.tsx';
import { useTituloDocumento } from '../titulo.ts';

const PESTANAS = ['vencidos', 'prescripcion', 'inventario', 'parametros'] as const;
type Pestana = (typeof PESTANAS)[number];

const esPestana = (valor: string | null): valor is Pestana => PESTANAS.some((p) => p === valor);

/**
 * The papers of the office's portfolio: loans not returned on time, pagarés about to
 * prescribe, the shelf inventory, and (administrador) the prescription parameters.
 */
export function PaginaExpedientes() {
  useTituloDocumento('Expedientes');
  const usuario = useUsuarioActual();
  // The open tab is in the address: a reload or a shared link keeps it.
  const [parametros, setParametros] = useSearchParams();
  const pedida = parametros.get('pestana');
  const administra = ROLES_PARAMETROS_PRESCRIPCION.includes(usuario.rol);
  const activa: Pestana =
    esPestana(pedida) && (pedida !== 'parametros' || administra) ? pedida : 'vencidos';

  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 4 }}>
        Expedientes
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Dónde está cada expediente y cada pagaré, qué préstamos no han vuelto, qué pagarés están por
        prescribir y el inventario de los estantes.
      </Typography.Paragraph>
      <Card size="small">
        <Tabs
          className="pestanas-envolventes"
          activeKey={activa}
          onChange={(clave) =>
            setParametros(clave === 'vencidos' ? {} : { pestana: clave }, { replace: true })
          }
          items={[
            { key: 'vencidos', label: 'Préstamos vencidos', children: <PrestamosVencidos /> },
            { key: 'prescripcion', label: 'Prescripción', children: <ListaPrescripcion /> },
            { key: 'inventario', label: 'Inventario', children: <Inventario /> },
            ...(administra
              ? [
                  {
                    key: 'parametros',
                    label: 'Parámetros de prescripción',
                    children: <ParametrosPrescripcion />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
