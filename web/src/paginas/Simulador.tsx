import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  InputNumber,
  Result,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import {
  NOMBRE_AUTORIZADOR,
  NOMBRE_TIPO,
  type Oferta,
  type PedidoSimulacion,
  type Simulacion,
  useCampanas,
  useSimulacion,
} from '../api/alternativas.ts';
import { esErrorApi, mensajeDeError } from '../api/cliente.ts';
import { ROLES_PROPONER_CONVENIO } from '../api/convenios.ts';
import { useHoy, useUsuarioActual } from '../api/sesion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { CapturarConvenio } from '../componentes/convenios/CapturarConvenio.tsx';
import { centavosDe, fecha, pesos, pesosDe } from '../formato.ts';
import { idDeRuta, vieneDeFicha } from '../ruta.ts';
import { useTituloDocumento } from '../titulo.ts';

const FORMATO_ISO = 'YYYY-MM-DD';
/** The request fields the options form has: a server error about one shows under it. */
const CAMPOS_OPCIONES: readonly string[] = ['fecha', 'primerPago', 'plazo'];
const FECHA_ISO = /^\d{4}-\d{2}-\d{2}$/;

/** What the address asks for: one credit or all of a person's, plus the options already applied. */
function pedidoDeLaDireccion(parametros: URLSearchParams): PedidoSimulacion | null {
  const creditoId = idDeRuta(parametros.get('creditoId') ?? undefined);
  const personaId = idDeRuta(parametros.get('personaId') ?? undefined);
  if ((creditoId === null) === (personaId === null)) return null;
  const pedido: PedidoSimulacion =
    creditoId !== null ? { creditoId } : { personaId: personaId ?? 0 };
  const f = parametros.get('fecha');
  if (f !== null && FECHA_ISO.test(f)) pedido.fecha = f;
  const p = parametros.get('primerPago');
  if (p !== null && FECHA_ISO.test(p)) pedido.primerPago = p;
  const plazo = Number(parametros.get('plazo'));
  if (Number.isInteger(plazo) && plazo >= 1 && plazo <= 240) pedido.plazo = plazo;
  return pedido;
}

export function PaginaSimulador() {
  useTituloDocumento('Simulador de alternativas');
  const [parametros] = useSearchParams();
  const pedido = pedidoDeLaDireccion(parametros);
  if (pedido === null) {
    return (
      <Result
        status="info"
        title={<h1 className="titulo-resultado">¿A quién le simulamos?</h1>}
        subTitle="Abre el simulador desde la ficha del deudor o desde la página de un crédito, con el botón «Simular alternativas»."
        extra={<Link to="/cartera">Ir a Cartera</Link>}
      />
    );
  }
  return <Simulador pedido={pedido} />;
}

function Simulador({ pedido }: { pedido: PedidoSimulacion }) {
  const hoy = useHoy();
  const [, setParametros] = useSearchParams();
  const estadoDeNavegacion: unknown = useLocation().state;
  const simulacion = useSimulacion(pedido, true);
  const campanas = useCampanas();
  // The offer names the exact campaign version; its agreement comes from the catalogue.
  const acuerdos = useMemo(
    () =>
      new Map(
        (campanas.data ?? []).flatMap((c) =>
          [c.vigente, c.programada].flatMap((v) =>
            v === null ? [] : [[v.id, v.acuerdo] as const],
          ),
        ),
      ),
    [campanas.data],
  );

  const aplicar = (opciones: {
    fecha: string;
    primerPago: string | null;
    plazo: number | null;
  }) => {
    const nuevos: Record<string, string> = {};
    if (pedido.creditoId !== undefined) nuevos.creditoId = String(pedido.creditoId);
    if (pedido.personaId !== undefined) nuevos.personaId = String(pedido.personaId);
    if (opciones.fecha !== hoy) nuevos.fecha = opciones.fecha;
    if (opciones.primerPago !== null) nuevos.primerPago = opciones.primerPago;
    if (opciones.plazo !== null) nuevos.plazo = String(opciones.plazo);
    const iguales =
      (pedido.fecha ?? hoy) === opciones.fecha &&
      (pedido.primerPago ?? null) === opciones.primerPago &&
      (pedido.plazo ?? null) === opciones.plazo;
    // The same options again: simulate again (the catalogue may have changed meanwhile).
    if (iguales) void simulacion.refetch();
    // The router state (the ficha it came from) stays: the breadcrumb keeps the debtor's name.
    else setParametros(nuevos, { replace: true, state: estadoDeNavegacion });
  };

  const numero = simulacion.data?.creditos[0]?.numero;
  const ficha = vieneDeFicha(estadoDeNavegacion);
  const error = simulacion.error;
  const errorDeCampo =
    esErrorApi(error) && error.campo !== undefined && CAMPOS_OPCIONES.includes(error.campo)
      ? { campo: error.campo, mensaje: error.mensaje }
      : null;
  const quien =
    pedido.creditoId !== undefined
      ? {
          texto: numero === undefined ? 'Crédito' : `Crédito ${numero}`,
          enlace: `/creditos/${pedido.creditoId}`,
        }
      : {
          texto: ficha?.nombre ?? 'Ficha del deudor',
          enlace: `/personas/${pedido.personaId ?? 0}`,
        };

  return (
    <>
      <nav aria-label="Ruta de navegación" className="migas">
        <Link to={quien.enlace}>{quien.texto}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">Simulador</span>
      </nav>
      <Typography.Title level={1} style={{ marginBottom: 16 }}>
        Simular alternativas
      </Typography.Title>
      <Opciones
        key={`${pedido.fecha ?? hoy}-${pedido.primerPago ?? ''}-${pedido.plazo ?? ''}`}
        hoy={hoy}
        pedido={pedido}
        ocupado={simulacion.isFetching}
        errorDeCampo={errorDeCampo}
        alAplicar={aplicar}
      />
      {simulacion.isPending ? (
        <Cargando texto="Calculando las alternativas…" />
      ) : simulacion.isError && errorDeCampo !== null ? (
        <Alert type="error" showIcon title="Corrige la fecha, el primer pago o el plazo." />
      ) : simulacion.isError ? (
        <Alert
          type="error"
          showIcon
          title="No se pudo simular."
          description={mensajeDeError(simulacion.error)}
          action={
            esErrorApi(simulacion.error) && simulacion.error.estado >= 500 ? (
              <Button size="small" onClick={() => void simulacion.refetch()}>
                Reintentar
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Resultado
          key={simulacion.dataUpdatedAt}
          pedido={pedido}
          simulacion={simulacion.data}
          acuerdos={acuerdos}
        />
      )}
    </>
  );
}

function Opciones({
  hoy,
  pedido,
  ocupado,
  errorDeCampo,
  alAplicar,
}: {
  hoy: string;
  pedido: PedidoSimulacion;
  ocupado: boolean;
  errorDeCampo: { campo: string; mensaje: string } | null;
  alAplicar: (o: { fecha: string; primerPago: string | null; plazo: number | null }) => void;
}) {
  const [fechaSim, setFechaSim] = useState<string>(pedido.fecha ?? hoy);
  const [primerPago, setPrimerPago] = useState<string | null>(pedido.primerPago ?? null);
  const [plazo, setPlazo] = useState<number | null>(pedido.plazo ?? null);
  const limite = dayjs(hoy, FORMATO_ISO).add(1, 'year');
  const aIso = (v: Dayjs | null) => (v === null || !v.isValid() ? null : v.format(FORMATO_ISO));
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          alAplicar({ fecha: fechaSim, primerPago, plazo });
        }}
      >
        <Flex align="end" gap={16} wrap>
          <Flex vertical gap={4}>
            <label htmlFor="sim-fecha">Fecha de la simulación</label>
            <DatePicker
              id="sim-fecha"
              status={errorDeCampo?.campo === 'fecha' ? 'error' : undefined}
              aria-invalid={errorDeCampo?.campo === 'fecha'}
              aria-describedby={errorDeCampo?.campo === 'fecha' ? 'sim-error' : undefined}
              value={dayjs(fechaSim, FORMATO_ISO)}
              format="DD/MM/YYYY"
              allowClear={false}
              showNow={false}
              inputReadOnly={false}
              disabledDate={(d) => d.isBefore(dayjs(hoy, FORMATO_ISO)) || d.isAfter(limite)}
              onChange={(v) => {
                const iso = aIso(v);
                if (iso !== null) setFechaSim(iso);
              }}
              style={{ width: 150 }}
            />
          </Flex>
          <Flex vertical gap={4}>
            <label htmlFor="sim-primer-pago">Primer pago (opcional)</label>
            <DatePicker
              id="sim-primer-pago"
              status={errorDeCampo?.campo === 'primerPago' ? 'error' : undefined}
              aria-invalid={errorDeCampo?.campo === 'primerPago'}
              aria-describedby={errorDeCampo?.campo === 'primerPago' ? 'sim-error' : undefined}
              value={primerPago === null ? null : dayjs(primerPago, FORMATO_ISO)}
              format="DD/MM/YYYY"
              placeholder="El mismo día"
              showNow={false}
              inputReadOnly={false}
              disabledDate={(d) =>
                d.isBefore(dayjs(fechaSim, FORMATO_ISO)) ||
                d.isAfter(dayjs(fechaSim, FORMATO_ISO).add(31, 'day'))
              }
              onChange={(v) => setPrimerPago(aIso(v))}
              style={{ width: 150 }}
            />
          </Flex>
          <Flex vertical gap={4}>
            <label htmlFor="sim-plazo">Plazo en pagos o meses (opcional)</label>
            <InputNumber
              id="sim-plazo"
              status={errorDeCampo?.campo === 'plazo' ? 'error' : undefined}
              aria-invalid={errorDeCampo?.campo === 'plazo'}
              aria-describedby={errorDeCampo?.campo === 'plazo' ? 'sim-error' : undefined}
              min={1}
              max={240}
              precision={0}
              placeholder="El máximo"
              value={plazo}
              onChange={(v) => setPlazo(typeof v === 'number' ? v : null)}
              style={{ width: 150 }}
            />
          </Flex>
          <Button type="primary" htmlType="submit" loading={ocupado}>
            Simular
          </Button>
        </Flex>
        {errorDeCampo !== null && (
          <Typography.Paragraph
            id="sim-error"
            type="danger"
            role="alert"
            style={{ margin: '8px 0 0' }}
          >
            {errorDeCampo.mensaje}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          El primer pago puede caer hasta 31 días después de la fecha de la simulación. Si el plazo
          rebasa el máximo de una alternativa, se usa el máximo y se avisa.
        </Typography.Paragraph>
      </form>
    </Card>
  );
}

const claveDeOferta = (o: Oferta) => `${o.origen}-${o.id}`;

/** Why «Capturar convenio» cannot be used now, or null when it can. */
function impedimentoParaCapturar(
  propone: boolean,
  esHoy: boolean,
  oferta: Oferta | null,
): string | null {
  if (!propone) return 'Solo el gestor o el coordinador capturan convenios.';
  if (!esHoy) return 'Simula con la fecha de hoy: el convenio se calcula el día en que se captura.';
  if (oferta === null) return 'Elige una oferta de la tabla.';
  return null;
}

function Resultado({
  pedido,
  simulacion,
  acuerdos,
}: {
  pedido: PedidoSimulacion;
  simulacion: Simulacion;
  acuerdos: ReadonlyMap<number, string>;
}) {
  const hoy = useHoy();
  const propone = ROLES_PROPONER_CONVENIO.includes(useUsuarioActual().rol);
  const [elegida, setElegida] = useState<string | null>(null);
  const califican = simulacion.ofertas.filter((o) => o.califica);
  const noCalifican = simulacion.ofertas.filter((o) => !o.califica);
  const oferta = califican.find((o) => claveDeOferta(o) === elegida) ?? null;
  const seleccionable = propone && simulacion.fecha === hoy;
  return (
    <>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <h2 className="titulo-tarjeta">
            {simulacion.creditos.length === 1 ? 'Crédito simulado' : 'Créditos simulados'} al{' '}
            {fecha(simulacion.fecha)}
          </h2>
        }
      >
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={simulacion.creditos}
          columns={[
            {
              title: 'Crédito',
              dataIndex: 'numero',
              render: (n: string, c) => <Link to={`/creditos/${c.id}`}>{n}</Link>,
            },
            { title: 'Producto', dataIndex: 'producto' },
            { title: 'Oficina', dataIndex: 'oficina' },
            {
              title: 'Días de atraso',
              dataIndex: 'diasAtraso',
              align: 'right',
              render: (n: number) => n.toLocaleString('es-MX'),
            },
            {
              title: 'Saldo exigible',
              dataIndex: 'saldoExigible',
              align: 'right',
              render: (m: string) => <span className="cifra">{pesosDe(m)}</span>,
            },
            {
              title: 'Para liquidar hoy',
              dataIndex: 'saldoParaLiquidar',
              align: 'right',
              render: (m: string) => <span className="cifra">{pesosDe(m)}</span>,
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <h2 className="titulo-tarjeta" id="titulo-ofertas">
            Lo que se le puede ofrecer ({califican.length})
          </h2>
        }
        extra={
          <CapturarConvenio
            pedido={pedido}
            simulacion={simulacion}
            oferta={oferta}
            impedimento={impedimentoParaCapturar(propone, simulacion.fecha === hoy, oferta)}
          />
        }
      >
        {califican.length === 0 ? (
          <Typography.Paragraph>
            Ninguna alternativa ni campaña califica para esta simulación; los motivos están abajo.
          </Typography.Paragraph>
        ) : (
          <TablaOfertas
            ofertas={califican}
            acuerdos={acuerdos}
            eleccion={seleccionable ? { elegida, alElegir: setElegida } : null}
          />
        )}
        <Typography.Paragraph
          id="nota-convenios"
          type="secondary"
          style={{ marginTop: 8, marginBottom: 0 }}
        >
          Es una simulación: no se guarda nada.{' '}
          {seleccionable
            ? 'Elige una oferta y pulsa «Capturar convenio»: al guardarlo, el servidor vuelve a calcularla con la misma versión, primer pago y plazo.'
            : propone
              ? 'Para capturar un convenio, simula con la fecha de hoy.'
              : ''}
        </Typography.Paragraph>
      </Card>
      {noCalifican.length > 0 && (
        <Card
          size="small"
          title={<h2 className="titulo-tarjeta">No califican ({noCalifican.length})</h2>}
        >
          <ul className="lista-no-califican" aria-label="Alternativas que no califican">
            {noCalifican.map((o) => (
              <li key={`${o.origen}-${o.id}`}>
                <strong>{o.nombre}</strong>
                {o.origen === 'campana' && ' (campaña)'}: {o.motivos.join('; ')}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}

function Ahorro({ monto }: { monto: string }) {
  const c = centavosDe(monto);
  if (c < 0) return <span className="cifra texto-costo">cuesta {pesos(-c)} más</span>;
  return <span className="cifra">{pesos(c)}</span>;
}

function SiNo({ valor }: { valor: boolean }) {
  return valor ? <Tag color="#1e6b3a">Sí</Tag> : <Tag>No</Tag>;
}

function NombreOferta({ oferta, acuerdo }: { oferta: Oferta; acuerdo: string | undefined }) {
  return (
    <>
      <strong>{oferta.nombre}</strong>
      {oferta.tipo === 'campana' ? (
        <div>
          <Tag>Campaña</Tag>
        </div>
      ) : (
        NOMBRE_TIPO[oferta.tipo] !== oferta.nombre && (
          <div>
            <Typography.Text type="secondary">{NOMBRE_TIPO[oferta.tipo]}</Typography.Text>
          </div>
        )
      )}
      {oferta.tipo === 'campana' && acuerdo !== undefined && acuerdo !== '' && (
        <div className="texto-acuerdo">{acuerdo}</div>
      )}
    </>
  );
}

function TablaOfertas({
  ofertas,
  acuerdos,
  eleccion,
}: {
  ofertas: Oferta[];
  acuerdos: ReadonlyMap<number, string>;
  /** The offer chosen for a convenio; null where none can be captured. */
  eleccion: { elegida: string | null; alElegir: (clave: string) => void } | null;
}) {
  const columnas: TableColumnsType<Oferta> = [
    {
      title: 'Alternativa',
      key: 'nombre',
      width: 250,
      render: (_, o) => (
        <NombreOferta
          oferta={o}
          acuerdo={o.origen === 'campana' ? acuerdos.get(o.versionId) : undefined}
        />
      ),
    },
    {
      title: 'Pago ahora',
      dataIndex: 'montoAhora',
      align: 'right',
      render: (m: string) => <span className="cifra">{pesosDe(m)}</span>,
    },
    {
      title: 'Plan',
      key: 'plan',
      render: (_, o) =>
        o.pagos.length === 0
          ? 'Sin pagos'
          : o.pagos.length === 1
            ? `1 pago el ${fecha(o.pagos[0]?.fecha ?? '')}`
            : `${o.pagos.length} pagos mensuales`,
    },
    {
      title: 'Total',
      dataIndex: 'total',
      align: 'right',
      render: (m: string) => <span className="cifra">{pesosDe(m)}</span>,
    },
    {
      title: 'Descuento',
      key: 'descuento',
      align: 'right',
      render: (_, o) => (
        <>
          <span className="cifra">{pesosDe(o.descuento.total)}</span>
          {centavosDe(o.descuento.total) > 0 && (
            <div className="detalle-cifra">
              Moratorio {pesosDe(o.descuento.moratorio)}
              <br />
              Interés {pesosDe(o.descuento.interes)}
            </div>
          )}
        </>
      ),
    },
    {
      title: 'Ahorro',
      dataIndex: 'ahorro',
      align: 'right',
      render: (m: string) => <Ahorro monto={m} />,
    },
    {
      title: '¿Liquida?',
      dataIndex: 'liquida',
      align: 'center',
      render: (v: boolean) => <SiNo valor={v} />,
    },
    {
      title: '¿Requiere autorización?',
      key: 'autorizacion',
      width: 190,
      render: (_, o) =>
        o.autorizacion.requerida ? (
          <>
            <Tag color="#a35200">
              Sí{o.autorizacion.rol === null ? '' : `, ${NOMBRE_AUTORIZADOR[o.autorizacion.rol]}`}
            </Tag>
            <div className="detalle-cifra">{o.autorizacion.motivos.join('; ')}</div>
          </>
        ) : (
          <Tag>No</Tag>
        ),
    },
  ];
  return (
    <Table<Oferta>
      size="small"
      aria-labelledby="titulo-ofertas"
      className="tabla-ofertas"
      pagination={false}
      rowKey={claveDeOferta}
      dataSource={ofertas}
      columns={columnas}
      rowSelection={
        eleccion === null
          ? undefined
          : {
              type: 'radio',
              selectedRowKeys: eleccion.elegida === null ? [] : [eleccion.elegida],
              onChange: (claves) => {
                const [clave] = claves;
                if (clave !== undefined) eleccion.alElegir(String(clave));
              },
              columnTitle: <span className="solo-lectores">Elegir</span>,
              getCheckboxProps: (o) => ({ 'aria-label': `Elegir ${o.nombre}` }),
            }
      }
      expandable={{
        expandedRowRender: (o) => <DetalleOferta oferta={o} />,
        expandRowByClick: false,
        columnTitle: <span className="solo-lectores">Ver plan</span>,
        expandIcon: ({ expanded, onExpand, record }) => (
          <Button
            size="small"
            type="link"
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Ocultar' : 'Ver'} el plan de ${record.nombre}`}
            onClick={(e) => onExpand(record, e)}
          >
            {expanded ? 'Ocultar' : 'Plan'}
          </Button>
        ),
      }}
    />
  );
}

function DetalleOferta({ oferta }: { oferta: Oferta }) {
  return (
    <Flex gap={24} wrap align="start">
      <div style={{ minWidth: 320 }}>
        <h3 className="subtitulo">Plan de pagos</h3>
        <Table
          size="small"
          pagination={false}
          rowKey="numero"
          dataSource={oferta.pagos}
          aria-label={`Plan de pagos de ${oferta.nombre}`}
          columns={[
            { title: 'Pago', dataIndex: 'numero', align: 'right' },
            { title: 'Fecha', dataIndex: 'fecha', render: (f: string) => fecha(f) },
            {
              title: 'Monto',
              dataIndex: 'monto',
              align: 'right',
              render: (m: string) => <span className="cifra">{pesosDe(m)}</span>,
            },
          ]}
        />
      </div>
      <div style={{ flex: 1, minWidth: 320 }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'liquidar',
              label: 'Liquidar hoy sin oferta',
              children: <span className="cifra">{pesosDe(oferta.liquidarHoy)}</span>,
            },
            {
              key: 'congelado',
              label: 'Moratorio que se evita',
              children: <span className="cifra">{pesosDe(oferta.moratorioCongelado)}</span>,
            },
            {
              key: 'saldo',
              label: 'Saldo al terminar',
              children: <span className="cifra">{pesosDe(oferta.saldoAlTerminar)}</span>,
            },
          ]}
        />
        {oferta.creditos.length > 1 && (
          <Table
            size="small"
            style={{ marginTop: 8 }}
            pagination={false}
            rowKey="creditoId"
            dataSource={oferta.creditos}
            aria-label={`Por crédito en ${oferta.nombre}`}
            columns={[
              { title: 'Crédito', dataIndex: 'numero' },
              {
                title: 'Total',
                dataIndex: 'total',
                align: 'right',
                render: (m: string, c) =>
                  c.califica ? <span className="cifra">{pesosDe(m)}</span> : '—',
              },
              {
                title: 'Descuento',
                key: 'd',
                align: 'right',
                render: (_, c) => <span className="cifra">{pesosDe(c.descuento.total)}</span>,
              },
              {
                title: 'Nota',
                key: 'n',
                render: (_, c) =>
                  c.califica ? (c.liquida ? 'Lo liquida' : 'No lo liquida') : c.motivos.join('; '),
              },
            ]}
          />
        )}
        {oferta.avisos.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            title="Avisos"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {oferta.avisos.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            }
          />
        )}
      </div>
    </Flex>
  );
}
