import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type Asignacion, useAsignacionesDeCredito } from '../../api/asignacion.ts';
import { fechaHora } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { Desplazable } from '../Desplazable.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';

const columnas: TableColumnsType<Asignacion> = [
  {
    title: 'Gestor',
    key: 'gestor',
    width: 200,
    render: (_, a) => (
      <>
        {a.gestor.nombre}
        {a.hasta === null && (
          <>
            {' '}
            <Tag color="#1e6b3a" variant="solid">
              Actual
            </Tag>
          </>
        )}
      </>
    ),
  },
  { title: 'Desde', key: 'desde', width: 150, render: (_, a) => fechaHora(a.desde) },
  {
    title: 'Hasta',
    key: 'hasta',
    width: 150,
    render: (_, a) =>
      a.hasta === null ? (
        <Typography.Text type="secondary">A la fecha</Typography.Text>
      ) : (
        fechaHora(a.hasta)
      ),
  },
  {
    title: 'Asignó',
    key: 'asignadoPor',
    width: 180,
    render: (_, a) =>
      a.asignadoPor?.nombre ?? (
        <Typography.Text type="secondary">Antes del historial</Typography.Text>
      ),
  },
  { title: 'Motivo', key: 'motivo', render: (_, a) => a.motivo ?? '' },
];

/**
 * Who held the account from when to when, newest first: goals and recovery are attributed by
 * it. For the credit page (a tab or a card of its own).
 */
export function HistorialAsignacion({ creditoId }: { creditoId: number }) {
  const asignaciones = useAsignacionesDeCredito(creditoId);
  if (asignaciones.isError) {
    return (
      <ErrorConReintento
        titulo="No se pudo cargar el historial de asignación."
        error={asignaciones.error}
        reintentar={asignaciones.refetch}
      />
    );
  }
  if (asignaciones.data === undefined) return <Cargando texto="Cargando el historial…" />;
  return (
    <Desplazable etiqueta="Historial de asignación" anchoMinimo={760}>
      <Table<Asignacion>
        rowKey={(a) => `${a.gestor.id}-${a.desde}`}
        columns={columnas}
        dataSource={asignaciones.data}
        pagination={false}
        size="small"
        locale={{ emptyText: 'La cuenta nunca ha tenido gestor asignado.' }}
      />
    </Desplazable>
  );
}
