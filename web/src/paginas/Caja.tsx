import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import {
  type CorteDeCaja,
  type LineaDelCorte,
  ROLES_CIERRE_CAJA,
  type SumaDelCorte,
  urlCorteXlsx,
  useCerrarCorte,
  useCorteDeCaja,
} from '../api/caja.ts';
import { mensajeDeError } from '../api/cliente.ts';
import { useClaveDeIdempotencia } from '../api/idempotencia.ts';
import { urlRecibo } from '../api/pagos.ts';
import { useHoy, useUsuarioActual } from '../api/sesion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { EtiquetaCancelado } from '../componentes/Etiquetas.tsx';
import { fecha, fechaHora, pesosDe } from '../formato.ts';
import { useTituloDocumento } from '../titulo.ts';

const FECHA_ISO = /^\d{4}-\d{2}-\d{2}$/;
const FORMATO_ISO = 'YYYY-MM-DD';
const POSTERIOR = 'Posterior al cierre';

const cifra = (monto: string) => <span className="cifra">{pesosDe(monto)}</span>;
const movimientos = (n: number) =>
  `${n.toLocaleString('es-MX')} ${n === 1 ? 'movimiento' : 'movimientos'}`;

/** A group's sums, with the corte's total under them: the column adds up to it. */
function TablaTotales({
  titulo,
  encabezado,
  filas,
  total,
}: {
  titulo: string;
  encabezado: string;
  filas: SumaDelCorte[];
  total: SumaDelCorte;
}) {
  const columnas: TableColumnsType<SumaDelCorte> = [
    { title: encabezado, dataIndex: 'nombre' },
    { title: 'Mov.', dataIndex: 'movimientos', width: 64, align: 'right' },
    { title: 'Monto', key: 'monto', width: 130, align: 'right', render: (_, t) => cifra(t.monto) },
  ];
  return (
    <Card size="small" title={<h2 className="titulo-tarjeta">{titulo}</h2>}>
      <Table<SumaDelCorte>
        rowKey="clave"
        columns={columnas}
        dataSource={filas}
        size="small"
        tableLayout="fixed"
        pagination={false}
        locale={{ emptyText: 'Sin movimientos.' }}
        summary={() =>
          filas.length === 0 ? null : (
            <Table.Summary.Row className="fila-total">
              <Table.Summary.Cell index={0}>
                <strong>Total</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {total.movimientos.toLocaleString('es-MX')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <strong>{cifra(total.monto)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}

function Estado({ linea }: { linea: LineaDelCorte }) {
  return (
    <Flex gap={4} wrap>
      {linea.tipo === 'cancelacion' ? (
        <Tag>{linea.estado}</Tag>
      ) : linea.cancelado ? (
        <EtiquetaCancelado />
      ) : (
        <span>{linea.estado}</span>
      )}
      {linea.posterior && <Tag color="gold">{POSTERIOR}</Tag>}
    </Flex>
  );
}

const columnasLineas = (dia: string): TableColumnsType<LineaDelCorte> => [
  { title: 'Folio', dataIndex: 'folio', width: 72, align: 'right' },
  {
    title: 'Fecha',
    key: 'fecha',
    width: 104,
    // A late movement keeps its own date: marked when it is not the corte's.
    render: (_, l) => (l.fecha === dia ? fecha(l.fecha) : <strong>{fecha(l.fecha)}</strong>),
  },
  {
    title: 'Crédito y acreditado',
    key: 'credito',
    width: 210,
    render: (_, l) => (
      <>
        <Link to={`/creditos/${l.creditoId}`} className="enlace-credito">
          {l.credito}
        </Link>
        <div>{l.deudor}</div>
      </>
    ),
  },
  { title: 'Oficina', dataIndex: 'oficina', width: 110 },
  { title: 'Canal', dataIndex: 'canalNombre', width: 150 },
  {
    title: 'Referencia',
    key: 'referencia',
    render: (_, l) => (
      <span style={{ overflowWrap: 'anywhere' }}>
        {l.cancela === null ? l.referencia : `Cancela el folio ${l.cancela}`}
        {l.motivo ? `: ${l.motivo}` : ''}
      </span>
    ),
  },
  {
    title: 'Monto',
    key: 'monto',
    width: 130,
    align: 'right',
    render: (_, l) => cifra(l.monto),
  },
  { title: 'Registró', dataIndex: 'registradoPor', width: 160 },
  { title: 'Estado', key: 'estado', width: 150, render: (_, l) => <Estado linea={l} /> },
  {
    title: 'Recibo',
    key: 'recibo',
    width: 80,
    render: (_, l) =>
      l.tipo === 'pago' ? (
        <a href={urlRecibo(l.folio)} download aria-label={`Descargar recibo del pago ${l.folio}`}>
          Recibo
        </a>
      ) : null,
  },
];

function AvisoDeCierre({ corte, hoy }: { corte: CorteDeCaja; hoy: string }) {
  const posteriores = corte.lineas.filter((l) => l.posterior).length;
  const incluye =
    posteriores === 0
      ? ''
      : posteriores === 1
        ? ` Incluye 1 movimiento con fecha de un día ya cerrado, marcado «${POSTERIOR}».`
        : ` Incluye ${movimientos(posteriores)} con fecha de días ya cerrados, marcados «${POSTERIOR}».`;
  if (corte.cierre !== null) {
    return (
      <Alert
        type="success"
        showIcon
        title={`Corte cerrado por ${corte.cierre.cerradoPor} el ${fechaHora(corte.cierre.cerradoEn)}.`}
        description={`Ya no cambia: lo que se registre después con fecha ${fecha(corte.fecha)} aparecerá en el siguiente corte abierto como «${POSTERIOR}».${incluye}`}
        style={{ marginBottom: 16 }}
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      title="Corte abierto"
      description={`Puede cambiar hasta que Contabilidad lo cierre${corte.fecha === hoy ? ' al terminar el día' : ''}.${incluye}`}
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * The day's cash report for accounting: every payment dated that day and every cancellation
 * made that day, as signed lines that add up to the totals. Contabilidad closes it; a closed
 * corte is read as it was closed.
 */
export function PaginaCaja() {
  useTituloDocumento('Corte de caja');
  const hoy = useHoy();
  const { rol } = useUsuarioActual();
  const { message, modal } = App.useApp();
  const [parametros, setParametros] = useSearchParams();
  const pedida = parametros.get('fecha');
  const dia = pedida !== null && FECHA_ISO.test(pedida) ? pedida : hoy;
  const corte = useCorteDeCaja(dia);
  const cerrar = useCerrarCorte();
  const clave = useClaveDeIdempotencia();
  const actualizando = corte.isFetching && corte.isPlaceholderData;

  const cambiarFecha = (valor: Dayjs | null) => {
    if (valor === null || !valor.isValid()) return;
    const nueva = valor.format(FORMATO_ISO);
    setParametros(nueva === hoy ? {} : { fecha: nueva }, { replace: true });
  };

  const datos = corte.data?.fecha === dia ? corte.data : undefined;
  const puedeCerrar =
    ROLES_CIERRE_CAJA.includes(rol) && datos !== undefined && datos.cierre === null && dia <= hoy;

  const confirmarCierre = (c: CorteDeCaja) => {
    void modal.confirm({
      title: `¿Cerrar el corte del ${fecha(c.fecha)}?`,
      content: `Quedarán fijos sus ${movimientos(c.total.movimientos)} y el total de ${pesosDe(c.total.monto)}. Lo que se registre después con esta fecha aparecerá en el siguiente corte abierto como «${POSTERIOR}». No se puede deshacer.`,
      okText: 'Cerrar corte',
      cancelText: 'Volver',
      onOk: () =>
        cerrar.mutateAsync({ fecha: c.fecha, clave: clave.actual() }).then(
          () => {
            clave.renovar();
            void message.success(`Corte del ${fecha(c.fecha)} cerrado.`);
          },
          (error: unknown) => void message.error(mensajeDeError(error)),
        ),
    });
  };

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
          <Button href={urlCorteXlsx(dia)} download disabled={!corte.isSuccess || actualizando}>
            Descargar XLSX
          </Button>
          {puedeCerrar && (
            <Button
              type="primary"
              loading={cerrar.isPending}
              onClick={() => confirmarCierre(datos)}
            >
              Cerrar corte
            </Button>
          )}
        </Flex>
      </Flex>

      {corte.isError ? (
        <ErrorConReintento
          titulo={`No se pudo cargar el corte del ${fecha(dia)}.`}
          error={corte.error}
          reintentar={corte.refetch}
        />
      ) : corte.data === undefined ? (
        <Cargando texto="Cargando el corte de caja…" />
      ) : (
        <Spin spinning={actualizando} description={`Cargando el corte del ${fecha(dia)}…`}>
          {datos !== undefined && <AvisoDeCierre corte={datos} hoy={hoy} />}
          <CuerpoDelCorte corte={corte.data} actualizando={actualizando} />
        </Spin>
      )}
    </>
  );
}

function CuerpoDelCorte({ corte, actualizando }: { corte: CorteDeCaja; actualizando: boolean }) {
  const figuras: Array<{ suma: SumaDelCorte; titulo: string; destacada?: boolean }> = [
    { suma: corte.pagos, titulo: 'Pagos recibidos' },
    { suma: corte.cancelaciones, titulo: 'Cancelaciones' },
    { suma: corte.total, titulo: 'Total del día', destacada: true },
  ];
  return (
    <>
      <section aria-label="Totales del día" aria-busy={actualizando}>
        <dl className="cifras-principales cifras-caja">
          {figuras.map(({ suma, titulo, destacada }) => (
            <div key={titulo} className={destacada ? 'cifra-destacada' : undefined}>
              <dt>{titulo}</dt>
              <dd className="cifra">{pesosDe(suma.monto)}</dd>
              <dd style={{ margin: 0, fontSize: 13, fontWeight: 400 }}>
                {movimientos(suma.movimientos)}
              </dd>
            </div>
          ))}
        </dl>
        <div className="caja-totales">
          <TablaTotales
            titulo="Por canal"
            encabezado="Canal"
            filas={corte.porCanal}
            total={corte.total}
          />
          <TablaTotales
            titulo="Por oficina"
            encabezado="Oficina"
            filas={corte.porOficina}
            total={corte.total}
          />
          <TablaTotales
            titulo="Por quien registró"
            encabezado="Registró"
            filas={corte.porGestor}
            total={corte.total}
          />
        </div>
      </section>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="titulo-tarjeta">Movimientos del corte ({corte.lineas.length})</h2>}
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          Un pago cancelado sigue en su renglón y su cancelación es otro renglón con monto negativo:
          la columna Monto suma el total del día.
        </Typography.Paragraph>
        <Table<LineaDelCorte>
          rowKey="folio"
          columns={columnasLineas(corte.fecha)}
          dataSource={corte.lineas}
          size="small"
          tableLayout="fixed"
          scroll={{ x: 1280 }}
          rowClassName={(l) => (l.tipo === 'cancelacion' || l.cancelado ? 'fila-cancelada' : '')}
          pagination={
            corte.lineas.length > 50
              ? { pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }
              : false
          }
          locale={{ emptyText: `No hay movimientos en el corte del ${fecha(corte.fecha)}.` }}
          summary={() =>
            corte.lineas.length === 0 ? null : (
              <Table.Summary.Row className="fila-total">
                <Table.Summary.Cell index={0} colSpan={6}>
                  <strong>Total del día</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  <strong>{cifra(corte.total.monto)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} colSpan={3} />
              </Table.Summary.Row>
            )
          }
        />
      </Card>
    </>
  );
}
