import {
  Button,
  Card,
  DatePicker,
  Flex,
  Spin,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { type PagoDelDia, type Total, urlCorteXlsx, useCorteDeCaja } from '../api/caja.ts';
import { urlRecibo } from '../api/pagos.ts';
import { useHoy } from '../api/sesion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { EtiquetaCancelado, nombreCanal } from '../componentes/Etiquetas.tsx';
import { fecha, pesosDe } from '../formato.ts';
import { useTituloDocumento } from '../titulo.ts';

const FECHA_ISO = /^\d{4}-\d{2}-\d{2}$/;
const FORMATO_ISO = 'YYYY-MM-DD';

const cifra = (monto: string) => <span className="cifra">{pesosDe(monto)}</span>;

function TablaTotales({
  titulo,
  encabezado,
  totales,
  nombre = (clave) => clave,
}: {
  titulo: string;
  encabezado: string;
  totales: Total[];
  nombre?: (clave: string) => string;
}) {
  const columnas: TableColumnsType<Total> = [
    { title: encabezado, key: 'clave', render: (_, t) => nombre(t.clave) },
    { title: 'Pagos', dataIndex: 'pagos', width: 70, align: 'right' },
    { title: 'Monto', key: 'monto', width: 130, align: 'right', render: (_, t) => cifra(t.monto) },
  ];
  return (
    <Card size="small" title={<h2 className="titulo-tarjeta">{titulo}</h2>}>
      <Table<Total>
        rowKey="clave"
        columns={columnas}
        dataSource={totales}
        size="small"
        tableLayout="fixed"
        pagination={false}
        locale={{ emptyText: 'Sin pagos.' }}
      />
    </Card>
  );
}

const columnasPagos: TableColumnsType<PagoDelDia> = [
  { title: 'Folio', dataIndex: 'folio', width: 72, align: 'right' },
  {
    title: 'Crédito',
    key: 'credito',
    width: 150,
    render: (_, p) => (
      <Link to={`/creditos/${p.creditoId}`} className="enlace-credito">
        {p.credito}
      </Link>
    ),
  },
  { title: 'Oficina', dataIndex: 'oficina', width: 120 },
  { title: 'Canal', key: 'canal', width: 150, render: (_, p) => nombreCanal(p.canal) },
  {
    title: 'Referencia',
    dataIndex: 'referencia',
    render: (r: string) => <span style={{ overflowWrap: 'anywhere' }}>{r}</span>,
  },
  {
    title: 'Monto',
    key: 'monto',
    width: 130,
    align: 'right',
    render: (_, p) =>
      p.cancelado ? (
        <del className="cifra">
          {pesosDe(p.monto)}
          <span className="solo-lectores"> (cancelado, no suma)</span>
        </del>
      ) : (
        cifra(p.monto)
      ),
  },
  { title: 'Registrado por', dataIndex: 'registradoPor', width: 170 },
  {
    title: 'Estado',
    key: 'estado',
    width: 104,
    render: (_, p) => (p.cancelado ? <EtiquetaCancelado /> : 'Aplicado'),
  },
  {
    title: 'Recibo',
    key: 'recibo',
    width: 80,
    render: (_, p) => (
      <a href={urlRecibo(p.folio)} download aria-label={`Descargar recibo del pago ${p.folio}`}>
        Recibo
      </a>
    ),
  },
];

/**
 * The day's cash report for accounting: every payment dated that day, by channel, office and
 * who registered it. A cancelled payment is listed, so the paper trail is complete, but not summed.
 */
export function PaginaCaja() {
  useTituloDocumento('Corte de caja');
  const hoy = useHoy();
  const [parametros, setParametros] = useSearchParams();
  const pedida = parametros.get('fecha');
  const dia = pedida !== null && FECHA_ISO.test(pedida) ? pedida : hoy;
  const corte = useCorteDeCaja(dia);
  const actualizando = corte.isFetching && corte.isPlaceholderData;

  const cambiarFecha = (valor: Dayjs | null) => {
    if (valor === null || !valor.isValid()) return;
    const nueva = valor.format(FORMATO_ISO);
    setParametros(nueva === hoy ? {} : { fecha: nueva }, { replace: true });
  };

  const datos = corte.data;
  const cancelados = datos?.pagos.filter((p) => p.cancelado).length ?? 0;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Corte de caja del {fecha(dia)}
        </Typography.Title>
        <Flex align="center" gap={8} wrap>
          <label htmlFor="fecha-corte-caja">Fecha</label>
          <DatePicker
            id="fecha-corte-caja"
            value={dayjs(dia, FORMATO_ISO)}
            format="DD/MM/YYYY"
            allowClear={false}
            showNow={false}
            onChange={cambiarFecha}
            disabledDate={(d) => d.isAfter(dayjs(hoy, FORMATO_ISO), 'day')}
            style={{ width: 140 }}
          />
          <Button onClick={() => cambiarFecha(dayjs(hoy, FORMATO_ISO))} disabled={dia === hoy}>
            Hoy
          </Button>
          <Button
            type="primary"
            href={urlCorteXlsx(dia)}
            download
            disabled={!corte.isSuccess || actualizando}
          >
            Descargar XLSX
          </Button>
        </Flex>
      </Flex>

      {corte.isError ? (
        <ErrorConReintento
          titulo={`No se pudo cargar el corte del ${fecha(dia)}.`}
          error={corte.error}
          reintentar={corte.refetch}
        />
      ) : datos === undefined ? (
        <Cargando texto="Cargando el corte de caja…" />
      ) : (
        <Spin spinning={actualizando} description={`Cargando el corte del ${fecha(dia)}…`}>
          <section aria-label="Totales del día" aria-busy={actualizando}>
            <dl className="cifras-principales cifras-caja">
              <div>
                <dt>Pagos aplicados</dt>
                <dd className="cifra">{datos.total.pagos.toLocaleString('es-MX')}</dd>
              </div>
              <div className="cifra-destacada">
                <dt>Total del día</dt>
                <dd className="cifra">{pesosDe(datos.total.monto)}</dd>
              </div>
              <div>
                <dt>Pagos cancelados (no suman)</dt>
                <dd className="cifra">{cancelados.toLocaleString('es-MX')}</dd>
              </div>
            </dl>
            <div className="caja-totales">
              <TablaTotales
                titulo="Por canal"
                encabezado="Canal"
                totales={datos.porCanal}
                nombre={nombreCanal}
              />
              <TablaTotales titulo="Por oficina" encabezado="Oficina" totales={datos.porOficina} />
              <TablaTotales
                titulo="Por quien registró"
                encabezado="Registró"
                totales={datos.porGestor}
              />
            </div>
          </section>
          <Card
            size="small"
            style={{ marginTop: 16 }}
            title={<h2 className="titulo-tarjeta">Pagos del día ({datos.pagos.length})</h2>}
          >
            <Table<PagoDelDia>
              rowKey="folio"
              columns={columnasPagos}
              dataSource={datos.pagos}
              size="small"
              tableLayout="fixed"
              rowClassName={(p) => (p.cancelado ? 'fila-cancelada' : '')}
              pagination={
                datos.pagos.length > 50
                  ? { pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }
                  : false
              }
              locale={{ emptyText: `No hay pagos con fecha ${fecha(dia)}.` }}
            />
          </Card>
        </Spin>
      )}
    </>
  );
}
