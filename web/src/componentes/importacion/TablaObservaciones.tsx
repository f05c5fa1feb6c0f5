import { Flex, Select, Table, type TableColumnsType, type TableProps } from 'antd';
import { useId, useMemo, useState } from 'react';
import type { Observacion } from '../../api/importacion.ts';
import { ordenDeHoja } from './hojas.ts';

const FILAS_POR_PAGINA = 20;
const TODAS = '';

interface FilaObservacion extends Observacion {
  /** Its place in the server's report (sheet, row, column order): the key and the tiebreaker. */
  orden: number;
}

const compararHoja = (a: FilaObservacion, b: FilaObservacion) =>
  ordenDeHoja(a.hoja) - ordenDeHoja(b.hoja) || a.hoja.localeCompare(b.hoja) || a.orden - b.orden;

const compararFila = (a: FilaObservacion, b: FilaObservacion) =>
  (a.fila ?? 0) - (b.fila ?? 0) || a.orden - b.orden;

/** antd's es_ES sort hints say «Click para…»: these are plain Mexican Spanish. */
const LOCALE_TABLA: TableProps['locale'] = {
  triggerAsc: 'Ordenar de menor a mayor',
  triggerDesc: 'Ordenar de mayor a menor',
  cancelSort: 'Quitar el orden',
};

const columnas: TableColumnsType<FilaObservacion> = [
  {
    title: 'Hoja',
    dataIndex: 'hoja',
    width: 190,
    sorter: compararHoja,
    render: (hoja: string) => <span style={{ overflowWrap: 'anywhere' }}>{hoja}</span>,
  },
  {
    title: 'Fila',
    key: 'fila',
    width: 110,
    align: 'right',
    sorter: compararFila,
    render: (_, o) => (o.fila === null ? 'Toda la hoja' : o.fila.toLocaleString('es-MX')),
  },
  {
    title: 'Columna',
    key: 'columna',
    width: 190,
    render: (_, o) =>
      o.columna !== null ? (
        <span style={{ overflowWrap: 'anywhere' }}>{o.columna}</span>
      ) : o.fila === null ? (
        '—'
      ) : (
        'Toda la fila'
      ),
  },
  { title: 'Motivo', dataIndex: 'mensaje' },
];

/**
 * The errors or warnings of a workbook, as the server ordered them (sheet by sheet, row by
 * row); sortable by sheet and row, narrowed to one sheet with a labelled select (antd's filter
 * icon cannot be reached with the keyboard), paginated.
 */
export function TablaObservaciones({
  observaciones,
  nombre,
}: {
  observaciones: readonly Observacion[];
  /** «errores» or «advertencias»: names the sheet selector and the counts. */
  nombre: string;
}) {
  const id = useId();
  const [hoja, setHoja] = useState(TODAS);
  const filas = useMemo(() => observaciones.map((o, orden) => ({ ...o, orden })), [observaciones]);
  const porHoja = useMemo(() => {
    const cuenta = new Map<string, number>();
    for (const o of filas) cuenta.set(o.hoja, (cuenta.get(o.hoja) ?? 0) + 1);
    return [...cuenta].sort(
      ([a], [b]) => ordenDeHoja(a) - ordenDeHoja(b) || a.localeCompare(b, 'es-MX'),
    );
  }, [filas]);
  const visibles = hoja === TODAS ? filas : filas.filter((o) => o.hoja === hoja);

  return (
    <>
      {porHoja.length > 1 && (
        <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <label htmlFor={`${id}-hoja`}>Mostrar {nombre} de la hoja</label>
          <Select
            id={`${id}-hoja`}
            value={hoja}
            onChange={setHoja}
            style={{ width: 280 }}
            options={[
              {
                value: TODAS,
                label: `Todas las hojas (${filas.length.toLocaleString('es-MX')})`,
              },
              ...porHoja.map(([h, n]) => ({
                value: h,
                label: `${h} (${n.toLocaleString('es-MX')})`,
              })),
            ]}
          />
        </Flex>
      )}
      <Table<FilaObservacion>
        key={hoja}
        rowKey="orden"
        columns={columnas}
        dataSource={visibles}
        size="small"
        bordered
        tableLayout="fixed"
        locale={LOCALE_TABLA}
        pagination={
          visibles.length > FILAS_POR_PAGINA
            ? {
                pageSize: FILAS_POR_PAGINA,
                showSizeChanger: false,
                showTotal: (total, [desde, hasta]) =>
                  `${desde.toLocaleString('es-MX')}–${hasta.toLocaleString('es-MX')} de ${total.toLocaleString('es-MX')}`,
              }
            : false
        }
      />
    </>
  );
}
