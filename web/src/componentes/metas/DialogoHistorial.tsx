import { Button, Modal, Table, type TableColumnsType } from 'antd';
import { type MetaEnLista, useHistorialMeta, type VersionDeMeta } from '../../api/metas.ts';
import { fechaHora } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { Desplazable } from '../Desplazable.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import { nombreDeSujeto } from './DialogoMeta.tsx';
import { CeldaItem, COLUMNAS_ITEMS } from './TextoItems.tsx';

const columnas: TableColumnsType<VersionDeMeta> = [
  { title: 'Versión', dataIndex: 'version', key: 'version', align: 'right' },
  {
    title: 'Registrada',
    key: 'registrada',
    render: (_, v) => (
      <>
        {fechaHora(v.registrada)}
        <br />
        {v.registradaPor.nombre}
      </>
    ),
  },
  ...COLUMNAS_ITEMS.map(({ item, titulo }) => ({
    title: titulo,
    key: item,
    align: 'right' as const,
    render: (_: unknown, v: VersionDeMeta) => <CeldaItem items={v.items} item={item} />,
  })),
  { title: 'Motivo', key: 'motivo', render: (_, v) => v.motivo ?? '—' },
];

/** Every version of one subject's goals for the month, newest first: who changed what, when. */
export function DialogoHistorial({
  mes,
  meta,
  nombreMes,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  mes: string;
  meta: MetaEnLista;
  nombreMes: string;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const historial = useHistorialMeta(
    mes,
    meta.gestor === null ? { oficinaId: meta.oficina.id } : { gestorId: meta.gestor.id },
  );
  const titulo = `Historial de metas de ${nombreDeSujeto(meta)}, ${nombreMes}`;
  return (
    <Modal
      open={abierto}
      title={titulo}
      onCancel={alCerrar}
      afterClose={alTerminarCierre}
      width={960}
      footer={<Button onClick={alCerrar}>Cerrar</Button>}
    >
      {historial.isError ? (
        <ErrorConReintento error={historial.error} reintentar={historial.refetch} />
      ) : historial.data === undefined ? (
        <Cargando texto="Cargando el historial…" />
      ) : (
        <Desplazable etiqueta={titulo} anchoMinimo={820}>
          <Table<VersionDeMeta>
            rowKey="version"
            columns={columnas}
            dataSource={historial.data.versiones}
            pagination={false}
            size="small"
            locale={{ emptyText: 'No se han fijado metas para este mes.' }}
          />
        </Desplazable>
      )}
    </Modal>
  );
}
