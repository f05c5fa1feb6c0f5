import { Card, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { type ConvenioEnLista, useConvenios } from '../../api/convenios.ts';
import { fecha, pesosDe } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import { EtiquetaConvenio } from '../Etiquetas.tsx';

/** The convenios of a credit or of a person's credits, each linked to its page. */
export function ConveniosDe({ filtro }: { filtro: { creditoId: number } | { personaId: number } }) {
  const convenios = useConvenios(filtro);
  const columnas: TableColumnsType<ConvenioEnLista> = [
    {
      title: 'Convenio',
      key: 'convenio',
      render: (_, c) => (
        <Link to={`/convenios/${c.id}`}>
          Convenio {c.id}: {c.nombre}
        </Link>
      ),
    },
    {
      title: 'Estado',
      key: 'estado',
      width: 130,
      render: (_, c) => <EtiquetaConvenio estado={c.estado} etiqueta={c.estadoEtiqueta} />,
    },
    ...('personaId' in filtro
      ? [
          {
            title: 'Créditos',
            key: 'creditos',
            render: (_: unknown, c: ConvenioEnLista) => c.creditos.map((x) => x.numero).join(', '),
          },
        ]
      : []),
    { title: 'Fecha', dataIndex: 'fecha', width: 118, render: (f: string) => fecha(f) },
    {
      title: 'Firmado',
      dataIndex: 'fechaFirma',
      width: 118,
      render: (f: string | null) => (f === null ? '—' : fecha(f)),
    },
    {
      title: 'Total',
      dataIndex: 'total',
      align: 'right',
      render: (m: string) => <span className="cifra">{pesosDe(m)}</span>,
    },
    {
      title: 'Descuento',
      dataIndex: 'descuento',
      align: 'right',
      render: (m: string) => <span className="cifra">{pesosDe(m)}</span>,
    },
  ];
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <h2 className="titulo-tarjeta" id="titulo-convenios">
          Convenios{convenios.data ? ` (${convenios.data.length})` : ''}
        </h2>
      }
    >
      {convenios.isPending ? (
        <Cargando texto="Cargando los convenios…" />
      ) : convenios.isError ? (
        <ErrorConReintento
          titulo="No se pudieron cargar los convenios."
          error={convenios.error}
          reintentar={convenios.refetch}
        />
      ) : (
        <Table<ConvenioEnLista>
          size="small"
          aria-labelledby="titulo-convenios"
          rowKey="id"
          pagination={false}
          dataSource={convenios.data}
          columns={columnas}
          locale={{ emptyText: 'Sin convenios.' }}
        />
      )}
    </Card>
  );
}
