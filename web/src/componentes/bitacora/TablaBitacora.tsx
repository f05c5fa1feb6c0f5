import { Table, type TableColumnsType, Tag } from 'antd';
import { ACCION_DENEGADA, type FilaBitacora } from '../../api/bitacora.ts';
import { fechaHora } from '../../formato.ts';
import { Desplazable } from '../Desplazable.tsx';
import { Objeto } from './Objeto.tsx';

const columnas: TableColumnsType<FilaBitacora> = [
  { title: 'Folio', dataIndex: 'id', width: 80, align: 'right' },
  {
    title: 'Fecha y hora',
    key: 'instante',
    width: 140,
    render: (_, f) => <time dateTime={f.instante}>{fechaHora(f.instante)}</time>,
  },
  { title: 'Usuario', key: 'usuario', width: 140, render: (_, f) => f.usuario ?? 'Sistema' },
  {
    title: 'Acción',
    key: 'accion',
    width: 210,
    render: (_, f) =>
      f.accion === ACCION_DENEGADA ? (
        <Tag color="red">Acceso denegado</Tag>
      ) : (
        <code style={{ overflowWrap: 'anywhere' }}>{f.accion}</code>
      ),
  },
  {
    title: 'Objeto',
    key: 'objeto',
    width: 140,
    render: (_, f) => <Objeto tipo={f.objetoTipo} id={f.objetoId} />,
  },
  { title: 'IP', dataIndex: 'ip', width: 120 },
  {
    title: 'Detalle',
    key: 'detalle',
    render: (_, f) => (
      <code style={{ overflowWrap: 'anywhere', fontSize: 12 }}>{JSON.stringify(f.detalle)}</code>
    ),
  },
];

/** One page of the bitácora, newest first; it scrolls sideways on a phone. */
export function TablaBitacora({
  filas,
  cargando,
  textoVacio,
}: {
  filas: FilaBitacora[] | undefined;
  cargando: boolean;
  textoVacio: string;
}) {
  return (
    <Desplazable etiqueta="Movimientos de la bitácora" anchoMinimo={1100}>
      <Table<FilaBitacora>
        rowKey="id"
        columns={columnas}
        dataSource={filas}
        loading={cargando}
        pagination={false}
        size="small"
        tableLayout="fixed"
        locale={{ emptyText: textoVacio }}
      />
    </Desplazable>
  );
}
