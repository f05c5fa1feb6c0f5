import { Button, Flex, Table, type TableColumnsType, Typography } from 'antd';
import type { Amortizacion, Aplicacion, Credito, Movimiento } from '../../api/creditos.ts';
import { movimientoDeAplicacion, urlRecibo } from '../../api/pagos.ts';
import { centavosDe, fecha, pesos, pesosDe } from '../../formato.ts';
import { EtiquetaAmortizacion, EtiquetaCancelado, nombreCanal } from '../Etiquetas.tsx';
import { puedeCancelarse } from './TablaMovimientos.tsx';

const FILAS_POR_PAGINA = 12;

const monto = (texto: string) => <span className="cifra">{pesosDe(texto)}</span>;

/** What an amortización still owes: its charges less what was paid and condoned. */
function saldoDe(a: Amortizacion): number {
  return (
    centavosDe(a.capital) +
    centavosDe(a.interes) +
    centavosDe(a.moratorio) -
    centavosDe(a.capital_pagado) -
    centavosDe(a.interes_pagado) -
    centavosDe(a.moratorio_pagado) -
    centavosDe(a.condonado)
  );
}

const paginacion = (total: number, defaultCurrent = 1) =>
  total > FILAS_POR_PAGINA
    ? {
        pageSize: FILAS_POR_PAGINA,
        defaultCurrent,
        showSizeChanger: false,
        showTotal: (t: number, [desde, hasta]: [number, number]) => `${desde}–${hasta} de ${t}`,
      }
    : false;

export function TablaAmortizaciones({
  amortizaciones,
  corteEsHoy,
}: {
  amortizaciones: Amortizacion[];
  corteEsHoy: boolean;
}) {
  const columnas: TableColumnsType<Amortizacion> = [
    { title: 'Núm.', dataIndex: 'numero', width: 64, align: 'right' },
    { title: 'Vencimiento', key: 'fecha', width: 118, render: (_, a) => fecha(a.fecha) },
    {
      title: 'Cargos',
      children: [
        { title: 'Capital', key: 'c', align: 'right', render: (_, a) => monto(a.capital) },
        { title: 'Interés', key: 'i', align: 'right', render: (_, a) => monto(a.interes) },
        { title: 'Moratorio', key: 'm', align: 'right', render: (_, a) => monto(a.moratorio) },
      ],
    },
    {
      title: 'Pagado',
      children: [
        {
          title: 'Capital',
          key: 'cp',
          align: 'right',
          render: (_, a) => monto(a.capital_pagado),
        },
        {
          title: 'Interés',
          key: 'ip',
          align: 'right',
          render: (_, a) => monto(a.interes_pagado),
        },
        {
          title: 'Moratorio',
          key: 'mp',
          align: 'right',
          render: (_, a) => monto(a.moratorio_pagado),
        },
      ],
    },
    {
      title: 'Condonado',
      key: 'cd',
      width: 108,
      align: 'right',
      render: (_, a) => monto(a.condonado),
    },
    {
      title: 'Saldo',
      key: 's',
      align: 'right',
      render: (_, a) => <strong className="cifra">{pesos(saldoDe(a))}</strong>,
    },
    {
      title: 'Estado',
      key: 'estado',
      width: 128,
      render: (_, a) => <EtiquetaAmortizacion estado={a.estado} corteEsHoy={corteEsHoy} />,
    },
  ];

  // A long schedule opens on the page of the first amortización still owed: that is what the
  // borrower is asking about, not the ones paid years ago.
  const primeraPendiente = amortizaciones.findIndex((a) => a.estado !== 'pagada');
  const paginaInicial =
    primeraPendiente < 0 ? 1 : Math.floor(primeraPendiente / FILAS_POR_PAGINA) + 1;

  return (
    <>
      {paginaInicial > 1 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          La tabla abre en la página de la primera amortización pendiente; las anteriores están
          pagadas.
        </Typography.Paragraph>
      )}
      <Table<Amortizacion>
        rowKey="numero"
        columns={columnas}
        dataSource={amortizaciones}
        size="small"
        bordered
        tableLayout="fixed"
        pagination={paginacion(amortizaciones.length, paginaInicial)}
        locale={{ emptyText: 'El crédito no tiene amortizaciones.' }}
      />
    </>
  );
}

function nombreAplicacion(id: string): string {
  const adelanto = /^adelanto-(\d+)$/.exec(id);
  if (adelanto) return `Pagos adelantados aplicados a la amortización ${adelanto[1] ?? ''}`;
  return `Pago con folio ${id}`;
}

/** What a person may do with each applied payment, by role (the server checks again). */
export interface AccionesDePago {
  /** Shows a «Recibo» link per payment. */
  recibo: boolean;
  /** Opens the reversal dialog; null for roles that may not reverse. */
  cancelar: ((movimientoId: number) => void) | null;
}

/** The credit's ledger by movement id; undefined until it arrives (nothing is offered before). */
export type LibroDeMovimientos = ReadonlyMap<number, Movimiento> | undefined;

/**
 * How the payment arrived, from the ledger: «Depósito bancario · Ref. 1010000101». Who
 * registered it is in the «Movimientos» tab, where the row has room for it.
 */
function origenDelPago(m: Movimiento | undefined): string | null {
  if (m === undefined) return null;
  return m.referencia ? `${nombreCanal(m.canal)} · Ref. ${m.referencia}` : nombreCanal(m.canal);
}

function columnaAcciones(
  { recibo, cancelar }: AccionesDePago,
  libro: LibroDeMovimientos,
): TableColumnsType<Aplicacion> {
  if (!recibo && cancelar === null) return [];
  return [
    {
      title: 'Acciones',
      key: 'acciones',
      width: cancelar === null ? 96 : 176,
      render: (_, a) => {
        const movimiento = movimientoDeAplicacion(a.id);
        if (movimiento === null) return null;
        const registro = libro?.get(movimiento);
        // A statement before the reversal still applies the payment: it says it was reversed
        // since, and offers no second reversal (the server would refuse it).
        const cancelado = registro !== undefined && registro.canceladoPor !== null;
        return (
          <Flex gap={4} wrap>
            {recibo && (
              <Button
                size="small"
                type="link"
                href={urlRecibo(movimiento)}
                download
                aria-label={`Descargar recibo del pago con folio ${movimiento}`}
              >
                Recibo
              </Button>
            )}
            {cancelado ? (
              <span>
                <EtiquetaCancelado />
                <span className="solo-lectores"> el pago con folio {movimiento}</span>
              </span>
            ) : (
              cancelar !== null &&
              registro !== undefined &&
              puedeCancelarse(registro) && (
                <Button
                  size="small"
                  danger
                  onClick={() => cancelar(movimiento)}
                  aria-label={`Cancelar el pago con folio ${movimiento}`}
                >
                  Cancelar
                </Button>
              )
            )}
          </Flex>
        );
      },
    },
  ];
}

export function TablaAplicaciones({
  aplicaciones,
  acciones = { recibo: false, cancelar: null },
  libro,
}: {
  aplicaciones: Aplicacion[];
  acciones?: AccionesDePago;
  /** When given, each payment says how it arrived and who registered it. */
  libro?: LibroDeMovimientos;
}) {
  const columnas: TableColumnsType<Aplicacion> = [
    { title: 'Fecha', key: 'fecha', width: 108, render: (_, a) => fecha(a.fecha) },
    {
      title: 'Movimiento',
      key: 'id',
      render: (_, a) => {
        const folio = movimientoDeAplicacion(a.id);
        const origen = folio === null ? null : origenDelPago(libro?.get(folio));
        return (
          <>
            {nombreAplicacion(a.id)}
            {origen !== null && <div className="detalle-movimiento">{origen}</div>}
          </>
        );
      },
    },
    // Figures get fixed widths so the payment's name and origin keep the rest of the row.
    { title: 'Monto', key: 'monto', width: 116, align: 'right', render: (_, a) => monto(a.monto) },
    {
      title: 'Aplicado a',
      children: [
        {
          title: 'Moratorio',
          key: 'm',
          width: 104,
          align: 'right',
          render: (_, a) => monto(a.moratorio),
        },
        {
          title: 'Interés',
          key: 'i',
          width: 104,
          align: 'right',
          render: (_, a) => monto(a.interes),
        },
        {
          title: 'Capital',
          key: 'c',
          width: 104,
          align: 'right',
          render: (_, a) => monto(a.capital),
        },
        {
          title: 'Adelantado',
          key: 'ad',
          width: 112,
          align: 'right',
          render: (_, a) => monto(a.adelantado),
        },
        {
          title: 'A favor',
          key: 'af',
          width: 104,
          align: 'right',
          render: (_, a) => monto(a.a_favor),
        },
      ],
    },
    ...columnaAcciones(acciones, libro),
  ];
  // The newest payment is what the borrower just brought: the table opens on its page.
  const ultimaPagina = Math.max(1, Math.ceil(aplicaciones.length / FILAS_POR_PAGINA));
  return (
    <Table<Aplicacion>
      rowKey={(a) => `${a.id}-${a.fecha}`}
      columns={columnas}
      dataSource={aplicaciones}
      size="small"
      bordered
      tableLayout="fixed"
      pagination={paginacion(aplicaciones.length, ultimaPagina)}
      locale={{ emptyText: 'No hay pagos aplicados hasta la fecha de corte.' }}
    />
  );
}

type Ministracion = Credito['ministraciones'][number];

export function TablaMinistraciones({
  ministraciones,
}: {
  ministraciones: Credito['ministraciones'];
}) {
  const columnas: TableColumnsType<Ministracion> = [
    { title: 'Núm.', dataIndex: 'numero', width: 64, align: 'right' },
    { title: 'Fecha', key: 'fecha', width: 118, render: (_, m) => fecha(m.fecha) },
    { title: 'Monto', key: 'monto', align: 'right', render: (_, m) => monto(m.monto) },
    { title: 'Periodo escolar', dataIndex: 'periodoEscolar' },
    {
      title: 'Pagaré',
      dataIndex: 'pagare',
      render: (pagare: string) => <Typography.Text copyable>{pagare}</Typography.Text>,
    },
    {
      title: 'Vencimiento del pagaré',
      key: 'vencimiento',
      render: (_, m) => fecha(m.vencimientoPagare),
    },
  ];
  return (
    <Table<Ministracion>
      rowKey="numero"
      columns={columnas}
      dataSource={ministraciones}
      size="small"
      bordered
      tableLayout="fixed"
      pagination={paginacion(ministraciones.length)}
      locale={{ emptyText: 'El crédito no tiene ministraciones registradas.' }}
    />
  );
}
