import { Button, Modal, Table, type TableColumnsType } from 'antd';
import type { VersionAlternativa } from '../../api/alternativas.ts';
import { fecha, fechaHora } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';

const autoria = (v: { creada: string | null; creadaPor: string | null }) =>
  [v.creada === null ? null : fechaHora(v.creada), v.creadaPor]
    .filter((x) => x !== null)
    .join(' · ');

/** What every version of the catálogo has, alternative or campaign. */
type VersionDelCatalogo = Pick<
  VersionAlternativa,
  'id' | 'version' | 'vigenteDesde' | 'activa' | 'creada' | 'creadaPor'
>;

export const COLUMNA_ACTIVA = {
  title: 'Activa',
  dataIndex: 'activa',
  width: 70,
  render: (x: boolean) => (x ? 'Sí' : 'No'),
};

/**
 * Every version of an alternative or a campaign, newest first: number, start date, the columns
 * of its kind, and who registered it.
 */
export function HistorialDeVersiones<V extends VersionDelCatalogo>({
  abierto,
  nombre,
  consulta,
  columnas,
  alCerrar,
}: {
  abierto: boolean;
  nombre: string;
  consulta: {
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
    data: { versiones?: V[] } | undefined;
  };
  columnas: TableColumnsType<V>;
  alCerrar: () => void;
}) {
  return (
    <Modal
      open={abierto}
      width={980}
      title={`Versiones de «${nombre}»`}
      footer={<Button onClick={alCerrar}>Cerrar</Button>}
      onCancel={alCerrar}
      destroyOnHidden
    >
      {consulta.isError ? (
        <ErrorConReintento error={consulta.error} reintentar={consulta.refetch} />
      ) : consulta.data === undefined ? (
        <Cargando texto="Cargando las versiones…" />
      ) : (
        <Table<V>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={[...(consulta.data.versiones ?? [])].reverse()}
          columns={[
            { title: 'Versión', dataIndex: 'version', width: 70, align: 'right' },
            {
              title: 'Rige desde',
              dataIndex: 'vigenteDesde',
              width: 110,
              render: (f: string) => fecha(f),
            },
            ...columnas,
            { title: 'Registrada', key: 'r', width: 150, render: (_, v) => autoria(v) },
          ]}
        />
      )}
    </Modal>
  );
}
