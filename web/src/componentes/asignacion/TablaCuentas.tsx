import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { Key } from 'react';
import { Link } from 'react-router-dom';
import type { CuentaAsignable } from '../../api/asignacion.ts';
import { fechaHora, pesosDe } from '../../formato.ts';
import { NOMBRE_BUCKET } from '../Etiquetas.tsx';

const SIN_DATO = (
  <>
    <span aria-hidden="true">—</span>
    <span className="solo-lectores">Sin dato</span>
  </>
);

const columnas: TableColumnsType<CuentaAsignable> = [
  {
    title: 'Número',
    key: 'numero',
    width: 150,
    render: (_, c) => (
      <Link to={`/creditos/${c.creditoId}`} className="enlace-credito">
        {c.numero}
      </Link>
    ),
  },
  { title: 'Acreditado', dataIndex: 'acreditado', width: 200 },
  {
    title: 'Municipio',
    key: 'municipio',
    width: 120,
    render: (_, c) => c.municipio ?? SIN_DATO,
  },
  {
    title: 'Antigüedad',
    key: 'bucket',
    width: 120,
    render: (_, c) =>
      c.bucket === null ? (
        <Typography.Text type="secondary">Sin calcular</Typography.Text>
      ) : (
        NOMBRE_BUCKET[c.bucket]
      ),
  },
  {
    title: 'Saldo exigible',
    key: 'saldo',
    width: 140,
    align: 'right',
    render: (_, c) => <span className="cifra">{pesosDe(c.saldoExigible)}</span>,
  },
  {
    title: 'Gestor',
    key: 'gestor',
    width: 180,
    render: (_, c) => c.gestor?.nombre ?? <Tag>Sin asignar</Tag>,
  },
  {
    title: 'Última gestión',
    key: 'ultima',
    width: 140,
    render: (_, c) =>
      c.ultimaGestion === null ? (
        <Typography.Text type="secondary">Nunca</Typography.Text>
      ) : (
        fechaHora(c.ultimaGestion)
      ),
  },
];

/** The filtered accounts, with a checkbox each for the hand assignment. */
export function TablaCuentas({
  cuentas,
  cargando,
  seleccion,
  alSeleccionar,
  textoVacio,
}: {
  cuentas: CuentaAsignable[] | undefined;
  cargando: boolean;
  seleccion: readonly number[];
  alSeleccionar: (ids: number[]) => void;
  textoVacio: string;
}) {
  return (
    <Table<CuentaAsignable>
      rowKey="creditoId"
      columns={columnas}
      dataSource={cuentas}
      loading={cargando}
      pagination={false}
      size="middle"
      tableLayout="fixed"
      scroll={{ x: 1080 }}
      locale={{ emptyText: textoVacio }}
      rowSelection={{
        selectedRowKeys: [...seleccion],
        // Chosen accounts of other pages stay chosen while paging.
        preserveSelectedRowKeys: true,
        onChange: (claves: Key[]) => alSeleccionar(claves.map(Number)),
        // No «all» box in the header: antd repeats the header in a hidden row it measures,
        // which would leave a focusable copy there; the page has its own buttons for that.
        hideSelectAll: true,
        columnTitle: <span className="solo-lectores">Elegir</span>,
        getCheckboxProps: (c) => ({ 'aria-label': `Elegir el crédito ${c.numero}` }),
      }}
    />
  );
}
