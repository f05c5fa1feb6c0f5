import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { mensajeDeError } from '../api/cliente.ts';
import { useHoy, useUsuarioActual } from '../api/sesion.ts';
import {
  type Actualizacion,
  useAhora,
  useAvisosTurnos,
  useIndicadoresTurnos,
  useTurnos,
} from '../api/turnos.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { ColaDeEspera, enEsperaPorLlegada } from '../componentes/turnos/ColaDeEspera.tsx';
import { IndicadoresDelDia, IndicadoresPorGestor } from '../componentes/turnos/Indicadores.tsx';
import { RegistrarLlegada } from '../componentes/turnos/RegistrarLlegada.tsx';
import { TablaTurnos } from '../componentes/turnos/TablaTurnos.tsx';
import { TurnosEnAtencion } from '../componentes/turnos/TurnosEnAtencion.tsx';
import { fecha } from '../formato.ts';
import { useTituloDocumento } from '../titulo.ts';

const ESTADO_ACTUALIZACION: Record<Actualizacion, { texto: string; color?: string }> = {
  conectando: { texto: 'Conectando…' },
  en_vivo: { texto: 'En vivo', color: '#1e6b3a' },
  reconectando: { texto: 'Reconectando…', color: '#a35200' },
  periodica: { texto: 'Se actualiza cada 30 segundos' },
};

function EstadoActualizacion({ estado }: { estado: Actualizacion }) {
  const { texto, color } = ESTADO_ACTUALIZACION[estado];
  return (
    <span role="status">
      <span className="solo-lectores">Actualización de la cola: </span>
      {color === undefined ? (
        <Tag>{texto}</Tag>
      ) : (
        <Tag color={color} variant="solid">
          {texto}
        </Tag>
      )}
    </span>
  );
}

/**
 * The counter's register of walk-ins: arrival, the live queue, attention and its result, and
 * the day's measure of «attend every borrower who comes in».
 */
export function PaginaTurnos() {
  useTituloDocumento('Turnos');
  const hoy = useHoy();
  const usuario = useUsuarioActual();
  const actualizacion = useAvisosTurnos();
  const turnos = useTurnos(hoy, actualizacion);
  const indicadores = useIndicadoresTurnos(hoy, hoy, actualizacion);
  const ahora = useAhora();

  const lista = turnos.data ?? [];
  const enAtencion = lista.filter((t) => t.estado === 'en_atencion');
  const mios = enAtencion.filter((t) => t.gestor?.id === usuario.id);
  const deOtros = enAtencion.filter((t) => t.gestor?.id !== usuario.id);
  const esperando = enEsperaPorLlegada(lista).length;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 4 }}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Turnos de ventanilla
        </Typography.Title>
        <EstadoActualizacion estado={actualizacion} />
      </Flex>
      <Typography.Paragraph type="secondary">
        {usuario.oficina === null ? 'Tu oficina' : `Oficina ${usuario.oficina.nombre}`} ·{' '}
        {fecha(hoy)}
      </Typography.Paragraph>

      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={<h2 className="titulo-tarjeta">Registrar llegada</h2>}
      >
        <RegistrarLlegada />
      </Card>

      {turnos.isError ? (
        <ErrorConReintento
          titulo="No se pudo cargar la cola de turnos."
          error={turnos.error}
          reintentar={turnos.refetch}
          style={{ marginBottom: 16 }}
        />
      ) : turnos.isPending ? (
        <Cargando texto="Cargando los turnos…" />
      ) : (
        <div className="turnos-rejilla">
          <Card size="small" title={<h2 className="titulo-tarjeta">En espera ({esperando})</h2>}>
            <ColaDeEspera turnos={lista} ahora={ahora} />
          </Card>
          <Card
            size="small"
            title={<h2 className="titulo-tarjeta">Mis turnos en atención ({mios.length})</h2>}
          >
            <TurnosEnAtencion
              turnos={mios}
              ahora={ahora}
              mostrarGestor={false}
              vacio="No atiendes ningún turno. Toma el primero de la cola."
            />
            {usuario.rol === 'coordinador' && deOtros.length > 0 && (
              <section aria-labelledby="titulo-otros" style={{ marginTop: 12 }}>
                <h3 id="titulo-otros" className="subtitulo">
                  En atención por otros ({deOtros.length})
                </h3>
                <TurnosEnAtencion
                  turnos={deOtros}
                  ahora={ahora}
                  mostrarGestor
                  vacio="Nadie más atiende turnos."
                />
              </section>
            )}
          </Card>
        </div>
      )}

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="titulo-tarjeta">Indicadores del día</h2>}
      >
        {indicadores.isError ? (
          <Alert
            type="error"
            showIcon
            title="No se pudieron calcular los indicadores."
            description={mensajeDeError(indicadores.error)}
          />
        ) : indicadores.data === undefined ? (
          <Cargando texto="Calculando los indicadores…" />
        ) : (
          <>
            <IndicadoresDelDia indicadores={indicadores.data} />
            <h3 className="subtitulo" style={{ marginTop: 8 }}>
              Por gestor
            </h3>
            <IndicadoresPorGestor indicadores={indicadores.data} />
          </>
        )}
      </Card>

      {turnos.data !== undefined && (
        <Card
          size="small"
          style={{ marginTop: 16 }}
          title={<h2 className="titulo-tarjeta">Turnos del día ({lista.length})</h2>}
        >
          <TablaTurnos turnos={lista} ahora={ahora} />
        </Card>
      )}
    </>
  );
}
