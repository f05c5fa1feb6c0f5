import { Checkbox, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type PiezaVencida, usePrestamosVencidos } from '../../api/expedientes.ts';
import { fecha } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { Desplazable } from '../Desplazable.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import { FiltroOficina } from './FiltroOficina.tsx';
import { textoUbicacion } from './textos.tsx';

function quienLaTiene(p: PiezaVencida): string {
  const u = p.ubicacion;
  if (u.tipo === 'persona') return u.usuario?.nombre ?? 'Una persona';
  if (u.tipo === 'despacho') return `Despacho ${u.despacho?.nombre ?? ''}`.trim();
  return textoUbicacion(u);
}

const columnas: TableColumnsType<PiezaVencida> = [
  { title: 'Pieza', dataIndex: 'etiqueta', width: 200 },
  {
    title: 'Crédito',
    key: 'credito',
    width: 170,
    render: (_, p) => <Link to={`/creditos/${p.creditoId}`}>{p.numero}</Link>,
  },
  { title: 'La tiene', key: 'quien', render: (_, p) => quienLaTiene(p) },
  {
    title: 'Debía volver',
    key: 'fecha',
    width: 120,
    render: (_, p) =>
      p.ubicacion.devolverAMasTardar === null ? '—' : fecha(p.ubicacion.devolverAMasTardar),
  },
  {
    title: 'Retraso',
    key: 'retraso',
    width: 130,
    align: 'right',
    render: (_, p) => (
      <Typography.Text type="danger" strong>
        {p.diasDeRetraso === 1 ? '1 día' : `${p.diasDeRetraso} días`}
      </Typography.Text>
    ),
  },
];

/**
 * Pieces lent out and not back by their date, the longest overdue first. «Solo las que tengo
 * yo» is in the address (`mios=si`): the start page's alert links straight to it.
 */
export function PrestamosVencidos() {
  const [oficinaId, setOficinaId] = useState<number | null>(null);
  const [parametros, setParametros] = useSearchParams();
  const mios = parametros.get('mios') === 'si';
  const lista = usePrestamosVencidos(oficinaId, { mios });
  const cambiarMios = (valor: boolean) =>
    setParametros(
      (previos) => {
        const siguientes = new URLSearchParams(previos);
        if (valor) siguientes.set('mios', 'si');
        else siguientes.delete('mios');
        return siguientes;
      },
      { replace: true },
    );
  const piezas = [...(lista.data ?? [])].sort((a, b) => b.diasDeRetraso - a.diasDeRetraso);
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <FiltroOficina valor={oficinaId} alCambiar={setOficinaId} />
        <Checkbox checked={mios} onChange={(e) => cambiarMios(e.target.checked)}>
          Solo las que tengo yo
        </Checkbox>
      </Flex>
      {lista.isError ? (
        <ErrorConReintento
          titulo="No se pudieron cargar los préstamos vencidos."
          error={lista.error}
          reintentar={lista.refetch}
        />
      ) : lista.data === undefined ? (
        <Cargando texto="Cargando los préstamos vencidos…" />
      ) : (
        <Desplazable etiqueta="Préstamos vencidos" anchoMinimo={720}>
          <Table<PiezaVencida>
            size="small"
            rowKey="etiqueta"
            columns={columnas}
            dataSource={piezas}
            pagination={piezas.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            locale={{
              emptyText: mios
                ? 'No tienes piezas con la devolución vencida.'
                : 'No hay préstamos vencidos: todo lo prestado volvió a tiempo.',
            }}
          />
        </Desplazable>
      )}
    </>
  );
}
