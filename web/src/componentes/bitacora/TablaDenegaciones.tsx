import { Table, type TableColumnsType } from 'antd';
import type { Denegacion } from '../../api/bitacora.ts';
import { fechaHora } from '../../formato.ts';
import { Desplazable } from '../Desplazable.tsx';
import { Objeto } from './Objeto.tsx';

const columnas: TableColumnsType<Denegacion> = [
  {
    title: 'Minuto',
    key: 'minuto',
    width: 140,
    render: (_, d) => <time dateTime={d.minuto}>{fechaHora(d.minuto)}</time>,
  },
  { title: 'Usuario', key: 'usuario', width: 140, render: (_, d) => d.usuario ?? 'Sin sesión' },
  { title: 'IP', dataIndex: 'ip', width: 120 },
  {
    title: 'Ruta',
    key: 'ruta',
    width: 240,
    render: (_, d) => <code style={{ overflowWrap: 'anywhere' }}>{d.ruta}</code>,
  },
  {
    title: 'Objeto',
    key: 'objeto',
    width: 140,
    render: (_, d) => <Objeto tipo={d.objetoTipo} id={d.objetoId} />,
  },
  {
    title: 'Veces',
    key: 'veces',
    width: 80,
    align: 'right',
    render: (_, d) => <span className="cifra">{d.veces.toLocaleString('es-MX')}</span>,
  },
  { title: 'Motivo', dataIndex: 'motivo' },
];

/** Refused requests, one row per user, address, route, object and minute, with how many. */
export function TablaDenegaciones({
  denegaciones,
  cargando,
  textoVacio,
}: {
  denegaciones: Denegacion[] | undefined;
  cargando: boolean;
  textoVacio: string;
}) {
  return (
    <Desplazable etiqueta="Solicitudes denegadas" anchoMinimo={1080}>
      <Table<Denegacion>
        rowKey={(d) => `${d.minuto} ${d.usuario} ${d.ip} ${d.ruta} ${d.objetoId}`}
        columns={columnas}
        dataSource={denegaciones}
        loading={cargando}
        pagination={false}
        size="small"
        tableLayout="fixed"
        locale={{ emptyText: textoVacio }}
      />
    </Desplazable>
  );
}
