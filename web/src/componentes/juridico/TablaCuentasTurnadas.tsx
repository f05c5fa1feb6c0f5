import { Button, Table, type TableColumnsType, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { CuentaTurnada } from '../../api/juridico.ts';
import { fecha } from '../../formato.ts';
import { UltimoEstadoJuridico } from './EstadoJuridico.tsx';
import { FechaPrescripcion, SaldoDeCuenta } from './Prescripcion.tsx';

/**
 * Accounts held by a law firm: balance, when they prescribe, until when the firm has them and
 * what it did last, a page at a time. The coordinador's view adds the firm and an action.
 */
export function TablaCuentasTurnadas({
  datos,
  cargando,
  conDespacho,
  accion,
  vacio,
  etiquetaPaginas,
  alCambiarPagina,
}: {
  datos: { cuentas: CuentaTurnada[]; pagina: number; porPagina: number } | undefined;
  cargando: boolean;
  conDespacho: boolean;
  accion?: (c: CuentaTurnada) => ReactNode;
  vacio: string;
  etiquetaPaginas: string;
  alCambiarPagina: (pagina: number) => void;
}) {
  const cuentas = datos?.cuentas;
  const columnas: TableColumnsType<CuentaTurnada> = [
    {
      title: 'Crédito',
      key: 'numero',
      width: 170,
      render: (_, c) => (
        <Link to={`/creditos/${c.creditoId}`} className="enlace-credito">
          {c.numero}
        </Link>
      ),
    },
    { title: 'Acreditado', dataIndex: 'acreditado', width: 200 },
    ...(conDespacho
      ? [
          {
            title: 'Despacho',
            key: 'despacho',
            width: 200,
            render: (_: unknown, c: CuentaTurnada) => c.despacho.nombre,
          },
        ]
      : []),
    {
      title: 'Saldo',
      key: 'saldo',
      width: 130,
      align: 'right',
      render: (_, c) => <SaldoDeCuenta saldo={c.saldo} />,
    },
    {
      title: 'Prescripción',
      key: 'prescripcion',
      width: 210,
      render: (_, c) => <FechaPrescripcion prescribe={c.prescribe} />,
    },
    {
      title: 'Turnada hasta',
      key: 'hasta',
      width: 130,
      render: (_, c) => (
        <>
          {fecha(c.hasta)}
          {c.vencido && (
            <>
              {' '}
              <Tag color="#b42318" variant="solid">
                Vencido
              </Tag>
            </>
          )}
        </>
      ),
    },
    {
      title: 'Último estado jurídico',
      key: 'estado',
      width: 240,
      render: (_, c) => <UltimoEstadoJuridico actuacion={c.ultimaActuacion} />,
    },
    ...(accion === undefined
      ? []
      : [
          {
            title: 'Acciones',
            key: 'acciones',
            width: 110,
            render: (_: unknown, c: CuentaTurnada) => accion(c),
          },
        ]),
  ];
  const ancho = columnas.reduce((suma, c) => suma + Number(c.width ?? 0), 0);
  const pagina = datos?.pagina ?? 1;
  const hayMas = datos !== undefined && datos.cuentas.length >= datos.porPagina;
  return (
    <>
      <Table<CuentaTurnada>
        rowKey="creditoId"
        columns={columnas}
        dataSource={cuentas}
        loading={cargando}
        pagination={false}
        size="middle"
        tableLayout="fixed"
        scroll={{ x: ancho }}
        locale={{ emptyText: pagina > 1 ? 'No hay más cuentas.' : vacio }}
      />
      {(pagina > 1 || hayMas) && (
        <nav aria-label={etiquetaPaginas} className="paginacion">
          <Button disabled={pagina <= 1 || cargando} onClick={() => alCambiarPagina(pagina - 1)}>
            Anterior
          </Button>
          <span>Página {pagina}</span>
          <Button disabled={!hayMas || cargando} onClick={() => alCambiarPagina(pagina + 1)}>
            Siguiente
          </Button>
        </nav>
      )}
    </>
  );
}
