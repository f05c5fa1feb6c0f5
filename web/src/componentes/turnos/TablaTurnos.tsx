import { Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Turno } from '../../api/turnos.ts';
import { duracion, hora, minutosEntre } from '../../formato.ts';
import { EtiquetaEstadoTurno, NOMBRE_MOTIVO } from './etiquetas.tsx';

const SIN_DATO = (
  <>
    <span aria-hidden="true">—</span>
    <span className="solo-lectores">Sin dato</span>
  </>
);

/** Every turn of the day in arrival order, whatever became of it. */
export function TablaTurnos({ turnos, ahora }: { turnos: readonly Turno[]; ahora: Date }) {
  const columnas: TableColumnsType<Turno> = [
    { title: 'Turno', dataIndex: 'clave', width: 68 },
    { title: 'Nombre', dataIndex: 'nombre', width: 140 },
    { title: 'Motivo', key: 'motivo', width: 96, render: (_, t) => NOMBRE_MOTIVO[t.motivo] },
    {
      title: 'Estado',
      key: 'estado',
      width: 104,
      render: (_, t) => <EtiquetaEstadoTurno estado={t.estado} />,
    },
    { title: 'Llegada', key: 'llegada', width: 84, render: (_, t) => hora(t.llegada) },
    {
      title: 'Espera',
      key: 'espera',
      width: 84,
      align: 'right',
      render: (_, t) =>
        t.estado === 'abandonado' && t.inicioAtencion === null
          ? SIN_DATO
          : duracion(minutosEntre(t.llegada, t.inicioAtencion ?? ahora)),
    },
    {
      title: 'Atención',
      key: 'atencion',
      width: 96,
      align: 'right',
      render: (_, t) =>
        t.inicioAtencion === null
          ? SIN_DATO
          : duracion(minutosEntre(t.inicioAtencion, t.finAtencion ?? ahora)),
    },
    { title: 'Gestor', key: 'gestor', width: 130, render: (_, t) => t.gestor?.nombre ?? SIN_DATO },
    {
      title: 'Persona',
      key: 'persona',
      width: 140,
      render: (_, t) =>
        t.persona === null ? (
          SIN_DATO
        ) : (
          <Link to={`/personas/${t.persona.id}`}>{t.persona.nombre}</Link>
        ),
    },
    {
      title: 'Resultado',
      key: 'resultado',
      render: (_, t) =>
        t.resultado === null ? (
          SIN_DATO
        ) : (
          <Typography.Paragraph
            style={{ marginBottom: 0 }}
            ellipsis={{ rows: 2, expandable: true, symbol: 'ver más' }}
          >
            {t.resultado}
          </Typography.Paragraph>
        ),
    },
  ];
  return (
    <Table<Turno>
      rowKey="id"
      columns={columnas}
      dataSource={[...turnos]}
      size="small"
      tableLayout="fixed"
      pagination={turnos.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: 'Nadie ha llegado hoy.' }}
    />
  );
}
