import { Button, Flex, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type Deposito, type EstadoDeposito, useDepositos } from '../../api/conciliacion.ts';
import { fecha, fechaHora, pesosDe } from '../../formato.ts';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import { DialogoAsignar } from './DialogoAsignar.tsx';
import { DialogoDescartar } from './DialogoDescartar.tsx';

const OPCIONES: { value: EstadoDeposito; label: string }[] = [
  { value: 'pendiente', label: 'Pendientes' },
  { value: 'asignado', label: 'Asignados' },
  { value: 'descartado', label: 'Descartados' },
];

type Dialogo = { tipo: 'asignar' | 'descartar'; deposito: Deposito; abierto: boolean };

const texto = (t: string) => <span style={{ overflowWrap: 'anywhere' }}>{t}</span>;

/** Deposits a person must place: assign to a credit, or discard with a reason. */
export function ListaDepositos() {
  const [estado, setEstado] = useState<EstadoDeposito>('pendiente');
  const [pagina, setPagina] = useState(1);
  const depositos = useDepositos(estado, pagina);
  const [dialogo, setDialogo] = useState<Dialogo | null>(null);

  const columnas: TableColumnsType<Deposito> = [
    { title: 'Fecha', key: 'fecha', width: 104, render: (_, d) => fecha(d.fecha) },
    { title: 'Folio del banco', key: 'folio', width: 170, render: (_, d) => texto(d.folio) },
    {
      title: 'Referencia',
      key: 'referencia',
      width: 130,
      render: (_, d) => (d.referencia === '' ? 'Sin referencia' : texto(d.referencia)),
    },
    {
      title: 'Importe',
      key: 'importe',
      width: 120,
      align: 'right',
      render: (_, d) => <span className="cifra">{pesosDe(d.importe)}</span>,
    },
    { title: 'Concepto', key: 'concepto', render: (_, d) => texto(d.concepto) },
    ...(estado === 'pendiente'
      ? [
          {
            title: 'Por qué está pendiente',
            key: 'motivo',
            render: (_: unknown, d: Deposito) => texto(d.motivo),
          },
          {
            title: 'Acciones',
            key: 'acciones',
            width: 170,
            render: (_: unknown, d: Deposito) => (
              <Flex gap={6} wrap>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setDialogo({ tipo: 'asignar', deposito: d, abierto: true })}
                  aria-label={`Asignar a crédito el depósito ${d.folio}`}
                >
                  Asignar a crédito
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() => setDialogo({ tipo: 'descartar', deposito: d, abierto: true })}
                  aria-label={`Descartar el depósito ${d.folio}`}
                >
                  Descartar
                </Button>
              </Flex>
            ),
          },
        ]
      : [
          {
            title: estado === 'asignado' ? 'Asignado a' : 'Motivo del descarte',
            key: 'resolucion',
            render: (_: unknown, d: Deposito) =>
              d.asignacion !== null ? (
                <>
                  <Link to={`/creditos/${d.asignacion.creditoId}`}>{d.asignacion.numero}</Link>
                  <br />
                  Pago con folio {d.asignacion.movimientoId}
                  {d.resolucion?.motivo ? ` · ${d.resolucion.motivo}` : ''}
                </>
              ) : (
                texto(d.resolucion?.motivo ?? '')
              ),
          },
          {
            title: 'Quién y cuándo',
            key: 'quien',
            width: 170,
            render: (_: unknown, d: Deposito) =>
              d.resolucion === null
                ? ''
                : `${d.resolucion.usuario}, ${fechaHora(d.resolucion.instante)}`,
          },
        ]),
  ];

  const datos = depositos.data;
  const paginas = datos === undefined ? 1 : Math.max(1, Math.ceil(datos.total / datos.porPagina));

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<EstadoDeposito>
          options={OPCIONES}
          value={estado}
          onChange={(v) => {
            setEstado(v);
            setPagina(1);
          }}
          aria-label="Qué depósitos ver"
        />
        {datos !== undefined && (
          <Typography.Text type="secondary" aria-live="polite">
            {datos.total.toLocaleString('es-MX')} {datos.total === 1 ? 'depósito' : 'depósitos'}
          </Typography.Text>
        )}
      </Flex>
      {depositos.isError ? (
        <ErrorConReintento
          titulo="No se pudo cargar la lista de depósitos."
          error={depositos.error}
          reintentar={depositos.refetch}
        />
      ) : (
        <div aria-busy={depositos.isFetching} className="lista-depositos">
          <Table<Deposito>
            rowKey="id"
            columns={columnas}
            dataSource={datos?.depositos}
            loading={depositos.isFetching}
            size="small"
            tableLayout="fixed"
            pagination={false}
            locale={{
              emptyText:
                estado === 'pendiente'
                  ? 'No hay depósitos pendientes.'
                  : estado === 'asignado'
                    ? 'Aún no se ha asignado ningún depósito.'
                    : 'Aún no se ha descartado ningún depósito.',
            }}
          />
          {paginas > 1 && (
            <nav aria-label="Páginas de depósitos" className="paginacion">
              <Button disabled={pagina <= 1} onClick={() => setPagina(pagina - 1)}>
                Anterior
              </Button>
              <span aria-live="polite">
                Página {pagina} de {paginas}
              </span>
              <Button disabled={pagina >= paginas} onClick={() => setPagina(pagina + 1)}>
                Siguiente
              </Button>
            </nav>
          )}
        </div>
      )}
      {dialogo?.tipo === 'asignar' && (
        <DialogoAsignar
          key={dialogo.deposito.id}
          deposito={dialogo.deposito}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
      {dialogo?.tipo === 'descartar' && (
        <DialogoDescartar
          key={dialogo.deposito.id}
          deposito={dialogo.deposito}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
    </>
  );
}
