import { Alert, Button, Card, Result, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import {
  type Oferta,
  type PedidoSimulacion,
  type Simulacion,
  useSimulacion,
} from '../api/alternativas.ts';
import { esErrorApi, mensajeDeError } from '../api/cliente.ts';
import { ROLES_PROPONER_CONVENIO } from '../api/convenios.ts';
import { useHoy, useUsuarioActual } from '../api/sesion.ts';
import { Opciones } from '../componentes/alternativas/OpcionesSimulacion.tsx';
import { claveDeOferta, TablaOfertas } from '../componentes/alternativas/TablaOfertas.tsx';
import { Cargando } from '../componentes/Cargando.tsx';
import { CapturarConvenio } from '../componentes/convenios/CapturarConvenio.tsx';
import { fecha, pesosDe } from '../formato.ts';
import { idDeRuta, vieneDeFicha } from '../ruta.ts';
import { useTituloDocumento } from '../titulo.ts';

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
        <Resultado key={simulacion.dataUpdatedAt} pedido={pedido} simulacion={simulacion.data} />
      )}
    </>
  );
}

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

function Resultado({ pedido, simulacion }: { pedido: PedidoSimulacion; simulacion: Simulacion }) {
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
