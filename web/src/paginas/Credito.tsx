import { Alert, Button, Card, DatePicker, Flex, Result, Spin, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { esErrorApi, mensajeDeError } from '../api/cliente.ts';
import {
  type Credito,
  urlPdfEstadoDeCuenta,
  useCredito,
  useEstadoDeCuenta,
} from '../api/creditos.ts';
import { useHoy } from '../api/sesion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { EncabezadoCredito } from '../componentes/credito/EncabezadoCredito.tsx';
import { ResumenEstado } from '../componentes/credito/ResumenEstado.tsx';
import {
  TablaAmortizaciones,
  TablaAplicaciones,
  TablaMinistraciones,
} from '../componentes/credito/Tablas.tsx';
import { fecha } from '../formato.ts';
import { useTituloDocumento } from '../titulo.ts';

const FECHA_ISO = /^\d{4}-\d{2}-\d{2}$/;
const FORMATO_ISO = 'YYYY-MM-DD';

function idDeRuta(texto: string | undefined): number | null {
  if (texto === undefined || !/^\d{1,15}$/.test(texto)) return null;
  const id = Number(texto);
  return id > 0 ? id : null;
}

const volverACartera = <Link to="/cartera">Ir a Cartera</Link>;

export function PaginaCredito() {
  const id = idDeRuta(useParams().id);
  if (id === null) {
    return (
      <Result
        status="info"
        title={<h1 className="titulo-resultado">Crédito no encontrado</h1>}
        subTitle="La dirección no corresponde a ningún crédito."
        extra={volverACartera}
      />
    );
  }
  return <DetalleCredito id={id} />;
}

function DetalleCredito({ id }: { id: number }) {
  const hoy = useHoy();
  const [parametros, setParametros] = useSearchParams();
  // The cut-off date is in the address (a reload or a shared link keeps it); today by default.
  const pedida = parametros.get('fecha');
  const fechaCorte = pedida !== null && FECHA_ISO.test(pedida) ? pedida : hoy;

  const credito = useCredito(id);
  const estado = useEstadoDeCuenta(id, fechaCorte, !credito.isError);
  useTituloDocumento(credito.data ? `Crédito ${credito.data.numero}` : 'Crédito');

  if (credito.isPending) return <Cargando texto="Cargando el crédito…" />;
  if (credito.isError) {
    const prohibido = esErrorApi(credito.error) && credito.error.estado === 403;
    return (
      <Result
        status="warning"
        title={<h1 className="titulo-resultado">{mensajeDeError(credito.error)}</h1>}
        subTitle={
          prohibido
            ? 'Solo puedes consultar los créditos de tu cartera. Si necesitas este, pide a tu coordinador que te lo asigne.'
            : undefined
        }
        extra={
          esErrorApi(credito.error) && credito.error.estado >= 500 ? (
            <Button onClick={() => void credito.refetch()}>Reintentar</Button>
          ) : (
            volverACartera
          )
        }
      />
    );
  }

  const cambiarFecha = (valor: Dayjs | null) => {
    if (valor === null || !valor.isValid()) return;
    const nueva = valor.format(FORMATO_ISO);
    setParametros(nueva === hoy ? {} : { fecha: nueva }, { replace: true });
  };

  const actualizando = estado.isFetching && estado.isPlaceholderData;
  const datos = estado.isError ? undefined : estado.data;

  return (
    <>
      <nav aria-label="Ruta de navegación" className="migas">
        <Link to="/cartera">Cartera</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{credito.data.numero}</span>
      </nav>
      <EncabezadoCredito credito={credito.data} />

      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <h2 className="titulo-tarjeta" id="titulo-estado">
            {datos ? `Estado de cuenta al ${fecha(datos.fecha_corte)}` : 'Estado de cuenta'}
          </h2>
        }
        extra={
          <Flex align="center" gap={8} wrap>
            <label htmlFor="fecha-corte">Fecha de corte</label>
            <DatePicker
              id="fecha-corte"
              value={dayjs(fechaCorte, FORMATO_ISO)}
              format="DD/MM/YYYY"
              allowClear={false}
              showNow={false}
              inputReadOnly={false}
              onChange={cambiarFecha}
              style={{ width: 140 }}
            />
            <Button
              onClick={() => cambiarFecha(dayjs(hoy, FORMATO_ISO))}
              disabled={fechaCorte === hoy}
            >
              Hoy
            </Button>
            <Button
              type="primary"
              href={urlPdfEstadoDeCuenta(id, fechaCorte)}
              download
              disabled={!estado.isSuccess || actualizando}
            >
              Descargar PDF
            </Button>
          </Flex>
        }
      >
        <section aria-labelledby="titulo-estado" aria-busy={actualizando}>
          {estado.isError ? (
            <Alert
              type="error"
              showIcon
              title={`No se pudo calcular el estado de cuenta al ${fecha(fechaCorte)}.`}
              description={mensajeDeError(estado.error)}
            />
          ) : datos === undefined ? (
            <Cargando texto="Calculando el estado de cuenta…" />
          ) : (
            <Spin spinning={actualizando} description={`Calculando al ${fecha(fechaCorte)}…`}>
              <ResumenEstado estado={datos} />
            </Spin>
          )}
        </section>
      </Card>

      <Card size="small">
        <DetalleTablas
          credito={credito.data}
          estado={datos}
          corteEsHoy={datos?.fecha_corte === hoy}
        />
      </Card>
    </>
  );
}

function DetalleTablas({
  credito,
  estado,
  corteEsHoy,
}: {
  credito: Credito;
  estado: ReturnType<typeof useEstadoDeCuenta>['data'];
  corteEsHoy: boolean;
}) {
  const sinEstado = (
    <Typography.Paragraph type="secondary">
      Disponible cuando se calcule el estado de cuenta.
    </Typography.Paragraph>
  );
  return (
    <Tabs
      items={[
        {
          key: 'amortizaciones',
          label: `Amortizaciones${estado ? ` (${estado.amortizaciones.length})` : ''}`,
          children: estado ? (
            <TablaAmortizaciones
              key={estado.fecha_corte}
              amortizaciones={estado.amortizaciones}
              corteEsHoy={corteEsHoy}
            />
          ) : (
            sinEstado
          ),
        },
        {
          key: 'aplicaciones',
          label: `Pagos aplicados${estado ? ` (${estado.aplicaciones.length})` : ''}`,
          children: estado ? <TablaAplicaciones aplicaciones={estado.aplicaciones} /> : sinEstado,
        },
        {
          key: 'ministraciones',
          label: `Ministraciones y pagarés (${credito.ministraciones.length})`,
          children: <TablaMinistraciones ministraciones={credito.ministraciones} />,
        },
      ]}
    />
  );
}
