import { Alert, Table, type TableColumnsType, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type {
  DepositoQuedoPendiente,
  DepositoRegistrado,
  DepositoYaPendiente,
  ResultadoImportacion,
} from '../../api/conciliacion.ts';
import { fecha, pesosDe } from '../../formato.ts';

const NOMBRE_ESTADO: Record<DepositoYaPendiente['estado'], string> = {
  pendiente: 'Sigue pendiente',
  asignado: 'Ya asignado',
  descartado: 'Descartado',
};

const base = {
  linea: { title: 'Línea', dataIndex: 'linea', width: 70, align: 'right' as const },
  folio: {
    title: 'Folio del banco',
    dataIndex: 'folio',
    width: 190,
    render: (f: string) => <span style={{ overflowWrap: 'anywhere' }}>{f}</span>,
  },
  fecha: {
    title: 'Fecha',
    key: 'fecha',
    width: 110,
    render: (_: unknown, d: { fecha: string }) => fecha(d.fecha),
  },
  importe: {
    title: 'Importe',
    key: 'importe',
    width: 130,
    align: 'right' as const,
    render: (_: unknown, d: { importe: string }) => (
      <span className="cifra">{pesosDe(d.importe)}</span>
    ),
  },
};

const columnasRegistrados: TableColumnsType<DepositoRegistrado> = [
  base.linea,
  base.folio,
  base.fecha,
  base.importe,
  {
    title: 'Crédito',
    key: 'credito',
    render: (_, d) => (
      <Link to={`/creditos/${d.creditoId}`} className="enlace-credito">
        {d.numero}
      </Link>
    ),
  },
  { title: 'Folio del pago', dataIndex: 'movimientoId', width: 120, align: 'right' },
];

/** Posted now: a deposit above what its credit owed was posted (the money arrived) and flagged. */
const columnasRegistradosAhora: TableColumnsType<DepositoRegistrado> = [
  ...columnasRegistrados,
  {
    title: 'Revisar',
    key: 'excede',
    width: 200,
    render: (_, d) =>
      d.excedeAdeudo ? (
        <Tag color="orange" style={{ whiteSpace: 'normal' }}>
          Excede el adeudo ({pesosDe(d.excedeAdeudo.adeudo)}) por {pesosDe(d.excedeAdeudo.exceso)}
        </Tag>
      ) : null,
  },
];

const columnasPendientes: TableColumnsType<DepositoQuedoPendiente> = [
  base.linea,
  base.folio,
  base.fecha,
  base.importe,
  { title: 'Referencia', dataIndex: 'referencia', width: 140 },
  { title: 'Por qué quedó pendiente', dataIndex: 'motivo' },
];

const columnasYaPendientes: TableColumnsType<DepositoYaPendiente> = [
  base.linea,
  base.folio,
  base.fecha,
  base.importe,
  { title: 'Estado', key: 'estado', render: (_, d) => NOMBRE_ESTADO[d.estado] },
];

function plural(n: number, uno: string, varios: string): string {
  return `${n.toLocaleString('es-MX')} ${n === 1 ? uno : varios}`;
}

/** What one import did, line by line: posted now, posted before, left for a person. */
export function ResultadoDeImportacion({ resultado }: { resultado: ResultadoImportacion }) {
  const i = resultado.importacion;
  // Results stored before issue 13 (an idempotent replay) have no count: none was flagged.
  const excedenAdeudo = i.excedenAdeudo ?? 0;
  const tabla = <T extends { linea: number }>(
    filas: T[],
    columnas: TableColumnsType<T>,
    vacio: string,
  ) => (
    <Table<T>
      rowKey={(d) => String(d.linea)}
      columns={columnas}
      dataSource={filas}
      size="small"
      tableLayout="fixed"
      pagination={filas.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: vacio }}
    />
  );
  return (
    <section
      aria-label="Resultado de la importación"
      className="resultado-importacion"
      data-importacion={i.id}
    >
      <Alert
        type={i.pendientes > 0 || excedenAdeudo > 0 ? 'warning' : 'success'}
        showIcon
        title={`«${i.nombreArchivo}»: ${plural(i.lineas, 'depósito leído', 'depósitos leídos')}.`}
        description={
          <ul className="resumen-importacion">
            <li>
              {plural(i.registrados, 'registrado', 'registrados')} ahora como pago, por{' '}
              <strong className="cifra">{pesosDe(i.totalRegistrado)}</strong>.
            </li>
            {excedenAdeudo > 0 && (
              <li>
                {plural(
                  excedenAdeudo,
                  'depósito registrado excede',
                  'depósitos registrados exceden',
                )}{' '}
                lo que debía su crédito: queda como saldo a favor; revísalo.
              </li>
            )}
            <li>
              {plural(i.yaRegistrados, 'ya estaba registrado', 'ya estaban registrados')}: no se
              registró otra vez.
            </li>
            <li>
              {plural(i.pendientes, 'quedó pendiente', 'quedaron pendientes')} para asignar o
              descartar.
            </li>
            {i.yaPendientes > 0 && (
              <li>
                {plural(i.yaPendientes, 'ya estaba en la lista', 'ya estaban en la lista')} de
                pendientes de una importación anterior.
              </li>
            )}
          </ul>
        }
      />
      <Tabs
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'registrados',
            label: `Registrados (${i.registrados})`,
            children: tabla(
              resultado.registrados,
              columnasRegistradosAhora,
              'Ninguno se registró ahora.',
            ),
          },
          {
            key: 'ya-registrados',
            label: `Ya registrados (${i.yaRegistrados})`,
            children: tabla(
              resultado.yaRegistrados,
              columnasRegistrados,
              'Ninguno estaba registrado antes.',
            ),
          },
          {
            key: 'pendientes',
            label: `Pendientes (${i.pendientes})`,
            children: tabla(resultado.pendientes, columnasPendientes, 'Ninguno quedó pendiente.'),
          },
          ...(i.yaPendientes > 0
            ? [
                {
                  key: 'ya-pendientes',
                  label: `Ya en pendientes (${i.yaPendientes})`,
                  children: tabla(resultado.yaPendientes, columnasYaPendientes, ''),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}
