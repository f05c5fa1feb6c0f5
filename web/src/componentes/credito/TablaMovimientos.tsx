import { Button, Flex, Table, type TableColumnsType } from 'antd';
import type { Movimiento } from '../../api/creditos.ts';
import { urlRecibo } from '../../api/pagos.ts';
import { fecha, fechaHora, pesosDe } from '../../formato.ts';
import { EtiquetaCancelado, nombreCanal } from '../Etiquetas.tsx';
import type { AccionesDePago } from './Tablas.tsx';

const FILAS_POR_PAGINA = 12;

const NOMBRE_CONCEPTO: Record<string, string> = {
  moratorio: 'interés moratorio',
  interes: 'interés ordinario',
  capital: 'capital',
};

/** «Pago con folio 12», «Condonación de interés moratorio, folio 14», «Cancelación, folio 15». */
export function nombreMovimiento(m: Movimiento): string {
  switch (m.tipo) {
    case 'pago':
      return `Pago con folio ${m.id}`;
    case 'condonacion': {
      const concepto =
        m.concepto === null ? '' : ` de ${NOMBRE_CONCEPTO[m.concepto] ?? m.concepto}`;
      return `Condonación${concepto}, folio ${m.id}`;
    }
    case 'cancelacion':
      return `Cancelación, folio ${m.id}`;
  }
}

/** Who registered it and when; movements brought by an import have no user. */
export function quienRegistro(m: Movimiento): string {
  return m.registradoPor ?? 'Importación de cartera';
}

/** What a payment may still be: a reversed one says so, only a standing one can be reversed. */
export function puedeCancelarse(m: Movimiento): boolean {
  return m.tipo === 'pago' && m.canceladoPor === null;
}

/** The movement a cancelación reverses, as a sentence names it. */
function movimientoCancelado(folio: number | null, original: Movimiento | undefined): string {
  switch (original?.tipo) {
    case 'pago':
      return `el pago con folio ${original.id}`;
    case 'condonacion':
      return `la condonación con folio ${original.id}`;
    default:
      return `el movimiento con folio ${folio ?? '—'}`;
  }
}

function detalle(m: Movimiento, porId: ReadonlyMap<number, Movimiento>): string | null {
  if (m.tipo === 'cancelacion') {
    const original = m.cancela === null ? undefined : porId.get(m.cancela);
    const motivo = m.motivo ? ` Motivo: ${m.motivo}` : '';
    return `Cancela ${movimientoCancelado(m.cancela, original)}.${motivo}`;
  }
  if (m.tipo === 'condonacion' && m.motivo) return `Motivo: ${m.motivo}`;
  return null;
}

/**
 * The credit's ledger as it was written: every payment, condonación and cancelación, newest
 * first, with how it arrived (canal, referencia) and who registered it. A reversed payment
 * stays listed, marked «Cancelado»; only a standing payment offers «Cancelar».
 */
export function TablaMovimientos({
  movimientos,
  acciones,
}: {
  movimientos: readonly Movimiento[];
  acciones: AccionesDePago;
}) {
  const porId = new Map(movimientos.map((m) => [m.id, m]));
  const filas = [...movimientos].reverse();
  const { recibo, cancelar } = acciones;

  const columnas: TableColumnsType<Movimiento> = [
    { title: 'Fecha', key: 'fecha', width: 100, render: (_, m) => fecha(m.fecha) },
    {
      title: 'Movimiento',
      key: 'movimiento',
      render: (_, m) => {
        const texto = detalle(m, porId);
        return (
          <>
            {nombreMovimiento(m)}
            {texto !== null && <div className="detalle-movimiento">{texto}</div>}
          </>
        );
      },
    },
    {
      title: 'Monto',
      key: 'monto',
      width: 116,
      align: 'right',
      render: (_, m) =>
        m.monto === null ? (
          '—'
        ) : m.canceladoPor !== null ? (
          <del className="cifra">
            {pesosDe(m.monto)}
            <span className="solo-lectores"> (cancelado)</span>
          </del>
        ) : (
          <span className="cifra">{pesosDe(m.monto)}</span>
        ),
    },
    {
      title: 'Canal',
      key: 'canal',
      width: 150,
      render: (_, m) => (m.tipo === 'pago' ? nombreCanal(m.canal) : '—'),
    },
    {
      title: 'Referencia',
      key: 'referencia',
      width: 124,
      render: (_, m) => <span style={{ overflowWrap: 'anywhere' }}>{m.referencia ?? '—'}</span>,
    },
    {
      title: 'Registró',
      key: 'registro',
      width: 180,
      render: (_, m) => (
        <>
          <span style={{ overflowWrap: 'anywhere' }}>{quienRegistro(m)}</span>
          <div className="detalle-movimiento">{fechaHora(m.registrado)}</div>
        </>
      ),
    },
  ];
  const hayAcciones = recibo || cancelar !== null;
  columnas.push({
    // Without actions for this role, the column still says which movements were reversed.
    title: hayAcciones ? 'Acciones' : 'Estado',
    key: 'acciones',
    width: hayAcciones && cancelar !== null ? 170 : 112,
    render: (_, m) => (
      <Flex gap={4} wrap align="center">
        {recibo && m.tipo === 'pago' && (
          <Button
            size="small"
            type="link"
            href={urlRecibo(m.id)}
            download
            aria-label={`Descargar recibo del pago con folio ${m.id}`}
          >
            Recibo
          </Button>
        )}
        {m.canceladoPor !== null ? (
          <span>
            <EtiquetaCancelado />
            <span className="solo-lectores"> por la cancelación con folio {m.canceladoPor}</span>
          </span>
        ) : (
          cancelar !== null &&
          puedeCancelarse(m) && (
            <Button
              size="small"
              danger
              onClick={() => cancelar(m.id)}
              aria-label={`Cancelar el pago con folio ${m.id}`}
            >
              Cancelar
            </Button>
          )
        )}
      </Flex>
    ),
  });

  return (
    <Table<Movimiento>
      rowKey="id"
      columns={columnas}
      dataSource={filas}
      size="small"
      bordered
      tableLayout="fixed"
      rowClassName={(m) => (m.canceladoPor !== null ? 'fila-cancelada' : '')}
      pagination={
        filas.length > FILAS_POR_PAGINA
          ? {
              pageSize: FILAS_POR_PAGINA,
              showSizeChanger: false,
              showTotal: (t: number, [desde, hasta]: [number, number]) =>
                `${desde}–${hasta} de ${t}`,
            }
          : false
      }
      locale={{ emptyText: 'El crédito no tiene pagos, condonaciones ni cancelaciones.' }}
    />
  );
}
