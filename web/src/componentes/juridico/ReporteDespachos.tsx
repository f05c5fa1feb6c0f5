import { DatePicker, Flex, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type FilaReporte, useReporteDespachos } from '../../api/juridico.ts';
import { useHoy } from '../../api/sesion.ts';
import { pesosDe } from '../../formato.ts';
import { ErrorConReintento } from '../ErrorConReintento.tsx';

const ISO = 'YYYY-MM-DD';

const columnas: TableColumnsType<FilaReporte> = [
  { title: 'Despacho', key: 'despacho', width: 220, render: (_, f) => f.despacho.nombre },
  {
    title: 'Cuentas',
    dataIndex: 'cuentas',
    width: 100,
    align: 'right',
    render: (n: number) => <span className="cifra">{n.toLocaleString('es-MX')}</span>,
  },
  {
    title: 'Saldo',
    key: 'saldo',
    width: 150,
    align: 'right',
    render: (_, f) => <span className="cifra">{pesosDe(f.saldo)}</span>,
  },
  {
    title: 'Recuperado en el periodo',
    key: 'recuperado',
    width: 170,
    align: 'right',
    render: (_, f) => <span className="cifra">{pesosDe(f.recuperado)}</span>,
  },
  {
    title: 'Pagos',
    dataIndex: 'pagos',
    width: 90,
    align: 'right',
    render: (n: number) => <span className="cifra">{n.toLocaleString('es-MX')}</span>,
  },
  {
    title: 'Devueltas',
    dataIndex: 'devueltas',
    width: 100,
    align: 'right',
    render: (n: number) => <span className="cifra">{n.toLocaleString('es-MX')}</span>,
  },
  {
    title: 'Días promedio en el despacho',
    key: 'dias',
    width: 150,
    align: 'right',
    render: (_, f) =>
      f.diasPromedio === null ? (
        <>
          <span aria-hidden="true">—</span>
          <span className="solo-lectores">Sin dato</span>
        </>
      ) : (
        <span className="cifra">{Math.round(f.diasPromedio).toLocaleString('es-MX')}</span>
      ),
  },
];

/** Per firm: the accounts it holds, their balance, what came in during the period, time held. */
export function ReporteDespachos() {
  const hoy = useHoy();
  const [periodo, setPeriodo] = useState<[string, string]>([
    dayjs(hoy, ISO).startOf('month').format(ISO),
    hoy,
  ]);
  const reporte = useReporteDespachos(periodo[0], periodo[1]);

  // Each end has its own labelled field: a range picker's second input has no label of its own.
  const cambiar = (extremo: 0 | 1) => (valor: Dayjs | null) => {
    if (valor === null || !valor.isValid()) return;
    const nuevo: [string, string] = [...periodo];
    nuevo[extremo] = valor.format(ISO);
    // A period that ends before it starts is read as the other way round.
    setPeriodo(nuevo[0] <= nuevo[1] ? nuevo : [nuevo[1], nuevo[0]]);
  };

  return (
    <>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <label htmlFor="reporte-desde">Desde</label>
        <DatePicker
          id="reporte-desde"
          value={dayjs(periodo[0], ISO)}
          format="DD/MM/YYYY"
          allowClear={false}
          inputReadOnly={false}
          showNow={false}
          onChange={cambiar(0)}
          style={{ width: 140 }}
        />
        <label htmlFor="reporte-hasta">Hasta</label>
        <DatePicker
          id="reporte-hasta"
          value={dayjs(periodo[1], ISO)}
          format="DD/MM/YYYY"
          allowClear={false}
          inputReadOnly={false}
          showNow={false}
          onChange={cambiar(1)}
          style={{ width: 140 }}
        />
      </Flex>
      {reporte.isError ? (
        <ErrorConReintento
          titulo="No se pudo cargar el reporte por despacho."
          error={reporte.error}
          reintentar={reporte.refetch}
        />
      ) : (
        <Table<FilaReporte>
          rowKey={(f) => f.despacho.id}
          columns={columnas}
          dataSource={reporte.data}
          loading={reporte.isFetching}
          pagination={false}
          size="middle"
          tableLayout="fixed"
          scroll={{ x: 980 }}
          locale={{ emptyText: 'Ningún despacho tuvo cuentas en el periodo.' }}
        />
      )}
    </>
  );
}
