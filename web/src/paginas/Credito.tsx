import { Alert, Button, Card, DatePicker, Flex, Result, Spin, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ROLES_SIMULADOR } from '../api/alternativas.ts';
import { esErrorApi, mensajeDeError } from '../api/cliente.ts';
import { ROLES_CONVENIOS } from '../api/convenios.ts';
import {
  type Credito,
  type Movimiento,
  urlPdfEstadoDeCuenta,
  useCredito,
  useEstadoDeCuenta,
  useMovimientos,
} from '../api/creditos.ts';
import { ROLES_EXPEDIENTE } from '../api/expedientes.ts';
import { ROLES_CANCELAR_PAGO, ROLES_PAGO, ROLES_RECIBO } from '../api/pagos.ts';
import { useHoy, useUsuarioActual } from '../api/sesion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { ConveniosDe } from '../componentes/convenios/ConveniosDe.tsx';
import { CartaFiniquito } from '../componentes/credito/CartaFiniquito.tsx';
import { CorregirPersonas } from '../componentes/credito/CorregirPersona.tsx';
import { DialogoCancelarPago } from '../componentes/credito/DialogoCancelarPago.tsx';
import { DocumentosEmitidos } from '../componentes/credito/DocumentosEmitidos.tsx';
import { EncabezadoCredito } from '../componentes/credito/EncabezadoCredito.tsx';
import { Puntualidad } from '../componentes/credito/Puntualidad.tsx';
import { RegistrarPago } from '../componentes/credito/RegistrarPago.tsx';
import { ResumenEstado } from '../componentes/credito/ResumenEstado.tsx';
import { TablaMovimientos } from '../componentes/credito/TablaMovimientos.tsx';
import {
  type AccionesDePago,
  TablaAmortizaciones,
  TablaAplicaciones,
  TablaMinistraciones,
} from '../componentes/credito/Tablas.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { ExpedienteDeCredito } from '../componentes/expediente/ExpedienteDeCredito.tsx';
import { GestionDeCuenta } from '../componentes/gestion/GestionDeCuenta.tsx';
import { JuridicoDeCredito } from '../componentes/juridico/JuridicoDeCredito.tsx';
import { fecha } from '../formato.ts';
import { idDeRuta, vieneDeFicha } from '../ruta.ts';
import { useTituloDocumento } from '../titulo.ts';

const FECHA_ISO = /^\d{4}-\d{2}-\d{2}$/;
const FORMATO_ISO = 'YYYY-MM-DD';

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
  const usuario = useUsuarioActual();
  const navegar = useNavigate();
  const { state: estadoDeRuta } = useLocation();
  const ficha = vieneDeFicha(estadoDeRuta);
  const [parametros, setParametros] = useSearchParams();
  // The payment being reversed stays set while its dialog animates closed.
  const [cancelando, setCancelando] = useState<{ id: number; abierto: boolean } | null>(null);
  // The cut-off date is in the address (a reload or a shared link keeps it); today by default.
  const pedida = parametros.get('fecha');
  const fechaCorte = pedida !== null && FECHA_ISO.test(pedida) ? pedida : hoy;

  const credito = useCredito(id);
  const estado = useEstadoDeCuenta(id, fechaCorte, !credito.isError);
  const movimientos = useMovimientos(id, !credito.isError);
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
    // The router state (the ficha this page came from) goes along: the breadcrumb keeps it.
    setParametros(nueva === hoy ? {} : { fecha: nueva }, { replace: true, state: estadoDeRuta });
  };

  const actualizando = estado.isFetching && estado.isPlaceholderData;
  // A cut-off after today is a projection (no payment assumed until then), not a balance.
  const proyeccion = fechaCorte > hoy;
  const datos = estado.isError ? undefined : estado.data;
  // A reestructurado credit is settled by the new one, not paid off: no carta finiquito.
  const liquidado =
    credito.data.estado === 'liquidado' ||
    (credito.data.estado !== 'reestructurado' &&
      datos?.fecha_corte === hoy &&
      datos.situacion === 'liquidado');
  const acciones: AccionesDePago = {
    recibo: ROLES_RECIBO.includes(usuario.rol),
    cancelar: ROLES_CANCELAR_PAGO.includes(usuario.rol)
      ? (movimiento) => setCancelando({ id: movimiento, abierto: true })
      : null,
  };

  return (
    <>
      <nav aria-label="Ruta de navegación" className="migas">
        {ficha === null ? (
          <Link to="/cartera">Cartera</Link>
        ) : (
          <Link to={`/personas/${ficha.id}`}>{ficha.nombre}</Link>
        )}{' '}
        <span aria-hidden="true">/</span> <span aria-current="page">{credito.data.numero}</span>
      </nav>
      {/* A reestructurado credit owes nothing: its debt is negotiated on the new one. */}
      {ROLES_SIMULADOR.includes(usuario.rol) && credito.data.estado !== 'reestructurado' && (
        <Flex justify="end" style={{ marginBottom: 8 }}>
          <Button onClick={() => navegar(`/simulador?creditoId=${id}`)}>
            Simular alternativas
          </Button>
        </Flex>
      )}
      <EncabezadoCredito credito={credito.data} />
      <CorregirPersonas credito={credito.data} />
      <CartaFiniquito
        creditoId={id}
        liquidado={liquidado}
        conSaldo={datos?.fecha_corte === hoy && datos.situacion !== 'liquidado'}
        existente={credito.data.cartaFiniquito}
      />

      <Card
        size="small"
        className="tarjeta-estado"
        style={{ marginBottom: 16 }}
        title={
          <h2 className="titulo-tarjeta" id="titulo-estado">
            {datos
              ? `${datos.fecha_corte > hoy ? 'Proyección del estado' : 'Estado'} de cuenta al ${fecha(datos.fecha_corte)}`
              : 'Estado de cuenta'}
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
          {proyeccion && (
            <Alert
              type="warning"
              showIcon
              className="aviso-proyeccion"
              style={{ marginBottom: 12 }}
              title={`Proyección al ${fecha(fechaCorte)}`}
              description="Así quedaría la cuenta en esa fecha si no se registra ningún pago antes. No es el saldo de hoy."
            />
          )}
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
              <Puntualidad estado={datos} />
            </Spin>
          )}
        </section>
      </Card>

      <JuridicoDeCredito credito={credito.data} />
      <GestionDeCuenta credito={credito.data} />

      {ROLES_PAGO.includes(usuario.rol) && (
        <RegistrarPago creditoId={id} estadoCredito={credito.data.estado} />
      )}

      {ROLES_CONVENIOS.includes(usuario.rol) && (
        <div style={{ marginBottom: 16 }}>
          <ConveniosDe filtro={{ creditoId: id }} />
        </div>
      )}

      <Card size="small">
        <DetalleTablas
          credito={credito.data}
          estado={datos}
          corteEsHoy={datos?.fecha_corte === hoy}
          acciones={acciones}
          movimientos={movimientos}
        />
      </Card>
      {cancelando !== null && (
        <DialogoCancelarPago
          key={cancelando.id}
          creditoId={id}
          movimientoId={cancelando.id}
          abierto={cancelando.abierto}
          alCerrar={() => setCancelando({ ...cancelando, abierto: false })}
          alTerminarCierre={() => setCancelando(null)}
        />
      )}
    </>
  );
}

function DetalleTablas({
  credito,
  estado,
  corteEsHoy,
  acciones,
  movimientos,
}: {
  credito: Credito;
  estado: ReturnType<typeof useEstadoDeCuenta>['data'];
  corteEsHoy: boolean;
  acciones: AccionesDePago;
  movimientos: ReturnType<typeof useMovimientos>;
}) {
  const { rol } = useUsuarioActual();
  const sinEstado = (
    <Typography.Paragraph type="secondary">
      Disponible cuando se calcule el estado de cuenta.
    </Typography.Paragraph>
  );
  const libro = useMemo(
    () =>
      movimientos.data === undefined
        ? undefined
        : new Map<number, Movimiento>(movimientos.data.map((m) => [m.id, m])),
    [movimientos.data],
  );
  return (
    <Tabs
      className="pestanas-envolventes"
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
          children: estado ? (
            <TablaAplicaciones
              key={`${estado.fecha_corte}-${estado.aplicaciones.length}`}
              aplicaciones={estado.aplicaciones}
              acciones={acciones}
              libro={libro}
            />
          ) : (
            sinEstado
          ),
        },
        {
          key: 'movimientos',
          label: `Movimientos${movimientos.data ? ` (${movimientos.data.length})` : ''}`,
          children: movimientos.isError ? (
            <ErrorConReintento
              titulo="No se pudieron cargar los movimientos del crédito."
              error={movimientos.error}
              reintentar={movimientos.refetch}
            />
          ) : movimientos.data === undefined ? (
            <Cargando texto="Cargando los movimientos…" />
          ) : (
            <TablaMovimientos movimientos={movimientos.data} acciones={acciones} />
          ),
        },
        {
          key: 'ministraciones',
          label: `Ministraciones y pagarés (${credito.ministraciones.length})`,
          children: <TablaMinistraciones ministraciones={credito.ministraciones} />,
        },
        {
          key: 'documentos',
          label: 'Documentos emitidos',
          children: <DocumentosEmitidos creditoId={credito.id} />,
        },
        ...(ROLES_EXPEDIENTE.includes(rol)
          ? [
              {
                key: 'expediente',
                label: 'Expediente',
                children: <ExpedienteDeCredito creditoId={credito.id} />,
              },
            ]
          : []),
      ]}
    />
  );
}
