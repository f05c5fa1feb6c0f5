import { Checkbox, Flex, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { type PagarePorPrescribir, usePrescripcion } from '../../api/expedientes.ts';
import { fecha, pesosDe } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { Desplazable } from '../Desplazable.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import { FiltroOficina } from './FiltroOficina.tsx';
import { EtiquetaPrescripcion, textoDiasRestantes } from './textos.tsx';

const PLAZOS = [30, 90, 180] as const;
type Plazo = (typeof PLAZOS)[number];

const columnas: TableColumnsType<PagarePorPrescribir> = [
  {
    title: 'Crédito',
    key: 'credito',
    width: 170,
    render: (_, p) => <Link to={`/creditos/${p.creditoId}`}>{p.numero}</Link>,
  },
  { title: 'Acreditado', dataIndex: 'acreditado', width: 200 },
  { title: 'Oficina', key: 'oficina', width: 120, render: (_, p) => p.oficina.nombre },
  { title: 'Pagaré', dataIndex: 'pagareNumero', width: 150 },
  { title: 'Vencimiento', key: 'vencimiento', width: 110, render: (_, p) => fecha(p.vencimiento) },
  {
    title: 'Prescribe',
    key: 'prescribe',
    width: 210,
    render: (_, p) => (
      <>
        <div>
          {fecha(p.prescripcion.fecha)} <EtiquetaPrescripcion prescripcion={p.prescripcion} />
        </div>
        {/* Beyond the highlighted thresholds the tag is absent: the words are always here. */}
        <div className="detalle-movimiento">{textoDiasRestantes(p.prescripcion)}</div>
      </>
    ),
  },
  {
    title: 'Por qué',
    key: 'motivo',
    width: 260,
    render: (_, p) => <span className="detalle-movimiento">{p.prescripcion.motivo}</span>,
  },
  {
    title: 'Saldo',
    key: 'saldo',
    width: 130,
    align: 'right',
    render: (_, p) => (p.saldo === null ? '—' : <span className="cifra">{pesosDe(p.saldo)}</span>),
  },
];

const cantidad = (n: number) => n.toLocaleString('es-MX');

/**
 * The pagarés that prescribe within 30, 90 or 180 days, soonest first: the summary action on
 * them must be brought before that date. Prescribed ones can be included (they are still
 * collected extrajudicially). A row opens its credit. An office can have thousands: the
 * server sends them a page at a time and the table's pages are the server's.
 */
export function ListaPrescripcion() {
  const navegar = useNavigate();
  const [dias, setDias] = useState<Plazo>(90);
  const [oficinaId, setOficinaId] = useState<number | null>(null);
  const [incluirPrescritos, setIncluirPrescritos] = useState(false);
  const [pagina, setPagina] = useState(1);
  const lista = usePrescripcion({ dias, oficinaId, incluirPrescritos, pagina });
  const pagares = lista.data?.pagares ?? [];
  const porPagina = lista.data?.porPagina ?? pagares.length;
  const total = lista.data?.total ?? 0;
  const paginas = porPagina > 0 ? Math.ceil(total / porPagina) : 1;
  // Another filter is another list: it starts at its first page.
  const filtrar =
    <T,>(cambiar: (valor: T) => void) =>
    (valor: T) => {
      cambiar(valor);
      setPagina(1);
    };
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8}>
          <span id="plazo-prescripcion">Prescriben en</span>
          <Segmented<Plazo>
            aria-labelledby="plazo-prescripcion"
            value={dias}
            onChange={filtrar(setDias)}
            options={PLAZOS.map((d) => ({ value: d, label: `${d} días` }))}
          />
        </Flex>
        <FiltroOficina valor={oficinaId} alCambiar={filtrar(setOficinaId)} />
        <Checkbox
          checked={incluirPrescritos}
          onChange={(e) => filtrar(setIncluirPrescritos)(e.target.checked)}
        >
          Incluir los ya prescritos
        </Checkbox>
      </Flex>
      {lista.isError ? (
        <ErrorConReintento
          titulo="No se pudo cargar la lista de prescripción."
          error={lista.error}
          reintentar={lista.refetch}
        />
      ) : lista.data === undefined ? (
        <Cargando texto="Cargando los pagarés por prescribir…" />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} aria-live="polite">
            {total === 1 ? '1 pagaré' : `${cantidad(total)} pagarés`} al {fecha(lista.data.hoy)}
            {paginas > 1
              ? `; página ${cantidad(lista.data.pagina)} de ${cantidad(paginas)}, ${cantidad(porPagina)} por página.`
              : '.'}
          </Typography.Paragraph>
          <Desplazable etiqueta="Pagarés por prescribir" anchoMinimo={1100}>
            <Table<PagarePorPrescribir>
              size="small"
              rowKey="etiqueta"
              columns={columnas}
              dataSource={pagares}
              loading={lista.isFetching}
              pagination={
                paginas > 1
                  ? {
                      current: pagina,
                      pageSize: porPagina,
                      total,
                      showSizeChanger: false,
                      showTotal: (t, [desde, hasta]) =>
                        `${cantidad(desde)}–${cantidad(hasta)} de ${cantidad(t)}`,
                      onChange: setPagina,
                    }
                  : false
              }
              locale={{ emptyText: `Ningún pagaré prescribe en los próximos ${dias} días.` }}
              onRow={(p) => ({
                // The número is the link for the keyboard; a click anywhere else works too.
                onClick: (evento) => {
                  if (evento.target instanceof Element && evento.target.closest('a')) return;
                  navegar(`/creditos/${p.creditoId}`);
                },
                style: { cursor: 'pointer' },
              })}
            />
          </Desplazable>
        </>
      )}
    </>
  );
}
