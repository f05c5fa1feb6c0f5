import { Alert, Button, Card, DatePicker, Flex, Progress, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { useCola } from '../api/cola.ts';
import {
  type ConsultaIndicadores,
  type FilaIndicadores,
  ROLES_REPORTE_INDICADORES,
  urlReporteIndicadores,
  useIndicadores,
} from '../api/indicadores.ts';
import { useOficinas } from '../api/oficinas.ts';
import { useHoy, useUsuarioActual } from '../api/sesion.ts';
import type { Usuario } from '../api/tipos.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { CifrasDelMes } from '../componentes/tablero/Cifras.tsx';
import { Comparativo } from '../componentes/tablero/Comparativo.tsx';
import { CarteraPorAntiguedad, MatrizRodamiento } from '../componentes/tablero/GraficasCartera.tsx';
import { IndicePorSujeto, MetasContraLogro } from '../componentes/tablero/GraficasMetas.tsx';
import {
  RecuperacionPorAntiguedad,
  RecuperacionPorCanal,
  RecuperacionPorDia,
} from '../componentes/tablero/GraficasRecuperacion.tsx';
import { fecha, fechaHora, nombreMes } from '../formato.ts';
import { useTituloDocumento } from '../titulo.ts';

const MES = /^\d{4}-(0[1-9]|1[0-2])$/;
const FECHA = /^\d{4}-\d{2}-\d{2}$/;

interface Vista {
  /** The dashboard's subject: the gestor himself, an office or the institute. */
  principal: ConsultaIndicadores;
  /** Who makes it up, side by side: the office's gestores, the institute's offices. */
  desglose: ConsultaIndicadores | null;
  /** The office whose report may be downloaded; null: the institute's. */
  oficinaId: number | null;
}

function vistaDe(
  usuario: Usuario,
  oficinaElegida: number | null,
  periodo: { mes: string; alCorte: string | null },
): Vista {
  const de = (nivel: ConsultaIndicadores['nivel'], oficinaId: number | null) => ({
    ...periodo,
    nivel,
    oficinaId,
  });
  if (usuario.rol === 'gestor') {
    return {
      principal: de('gestor', null),
      desglose: null,
      oficinaId: usuario.oficina?.id ?? null,
    };
  }
  const oficina = usuario.rol === 'coordinador' ? (usuario.oficina?.id ?? null) : oficinaElegida;
  if (oficina === null) {
    return { principal: de('instituto', null), desglose: de('oficina', null), oficinaId: null };
  }
  return { principal: de('oficina', oficina), desglose: de('gestor', oficina), oficinaId: oficina };
}

/**
 * The month's figures for whoever looks: the gestor his own against his goals; the
 * coordinador his office and each gestor side by side; the administrador and contabilidad the
 * institute and its offices (contabilidad, the recovery alone). Every chart has its table.
 */
export function PaginaTablero() {
  useTituloDocumento('Tablero');
  const usuario = useUsuarioActual();
  const hoy = useHoy();
  const actual = hoy.slice(0, 7);
  const [parametros, setParametros] = useSearchParams();
  const pedido = parametros.get('mes');
  const mes = pedido !== null && MES.test(pedido) && pedido <= actual ? pedido : actual;
  const cortePedido = parametros.get('alCorte');
  const alCorte =
    cortePedido !== null &&
    FECHA.test(cortePedido) &&
    cortePedido.startsWith(mes) &&
    cortePedido <= hoy
      ? cortePedido
      : null;
  const oficinaPedida = Number(parametros.get('oficina'));
  const eligeOficina = usuario.rol === 'administrador' || usuario.rol === 'contabilidad';
  const oficinaElegida =
    eligeOficina && Number.isSafeInteger(oficinaPedida) && oficinaPedida > 0 ? oficinaPedida : null;
  const vista = vistaDe(usuario, oficinaElegida, { mes, alCorte });
  const principal = useIndicadores(vista.principal);
  const desglose = useIndicadores(vista.desglose ?? vista.principal, vista.desglose !== null);
  const oficinas = useOficinas();

  const cambiar = (cambios: Record<string, string | null>) => {
    const nuevos = new URLSearchParams(parametros);
    for (const [k, v] of Object.entries(cambios)) {
      if (v === null) nuevos.delete(k);
      else nuevos.set(k, v);
    }
    setParametros(nuevos, { replace: true });
  };
  const cambiarMes = (valor: Dayjs | null) => {
    if (valor === null || !valor.isValid()) return;
    const nuevo = valor.format('YYYY-MM');
    cambiar({ mes: nuevo === actual ? null : nuevo, alCorte: null });
  };
  const cambiarCorte = (valor: Dayjs | null) =>
    cambiar({ alCorte: valor === null || !valor.isValid() ? null : valor.format('YYYY-MM-DD') });

  const fila = principal.data?.filas[0];
  const filasDesglose = vista.desglose === null ? [] : (desglose.data?.filas ?? []);
  const nombreOficina = (oficinas.data ?? []).find((o) => o.id === vista.oficinaId)?.nombre;
  const actualizando =
    (principal.isFetching && principal.isPlaceholderData) ||
    (desglose.isFetching && desglose.isPlaceholderData);
  const ultimoDia = dayjs(`${mes}-01`).endOf('month');

  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 4 }}>
        Tablero de {nombreMes(mes)}
      </Typography.Title>
      <Flex align="center" gap={12} wrap className="filtros" role="group" aria-label="Periodo">
        <Flex align="center" gap={8}>
          <label htmlFor="mes-tablero">Mes</label>
          <DatePicker
            id="mes-tablero"
            picker="month"
            value={dayjs(`${mes}-01`)}
            format="MM/YYYY"
            allowClear={false}
            onChange={cambiarMes}
            disabledDate={(d) => d.format('YYYY-MM') > actual}
            style={{ width: 130 }}
          />
        </Flex>
        <Flex align="center" gap={8}>
          <label htmlFor="corte-tablero">Al corte</label>
          <DatePicker
            id="corte-tablero"
            value={alCorte === null ? null : dayjs(alCorte)}
            format="DD/MM/YYYY"
            placeholder={mes === actual ? 'Hoy' : 'Fin de mes'}
            onChange={cambiarCorte}
            defaultPickerValue={dayjs(`${mes}-01`)}
            disabledDate={(d) =>
              d.format('YYYY-MM') !== mes || d.format('YYYY-MM-DD') > hoy || d.isAfter(ultimoDia)
            }
            style={{ width: 150 }}
          />
        </Flex>
        {eligeOficina && (
          <Flex align="center" gap={8}>
            <label htmlFor="oficina-tablero">Ver</label>
            <Select<number>
              id="oficina-tablero"
              value={oficinaElegida ?? 0}
              onChange={(v) => cambiar({ oficina: v === 0 ? null : String(v) })}
              options={[
                { value: 0, label: 'Todo el instituto' },
                ...(oficinas.data ?? []).map((o) => ({
                  value: o.id,
                  label: `Oficina ${o.nombre}`,
                })),
              ]}
              style={{ width: 210 }}
            />
          </Flex>
        )}
        {ROLES_REPORTE_INDICADORES.includes(usuario.rol) && (
          <Flex gap={8} wrap>
            <Button href={urlReporteIndicadores(mes, vista.oficinaId, alCorte, 'xlsx')} download>
              Descargar reporte (XLSX)
            </Button>
            <Button href={urlReporteIndicadores(mes, vista.oficinaId, alCorte, 'pdf')} download>
              Descargar reporte (PDF)
            </Button>
          </Flex>
        )}
      </Flex>
      {principal.data !== undefined && (
        <Typography.Paragraph type="secondary">
          Cifras al corte del {fecha(principal.data.alCorte)}
          {vista.oficinaId !== null && nombreOficina !== undefined && usuario.rol !== 'gestor'
            ? `, oficina ${nombreOficina}`
            : ''}
          .{' '}
          {principal.data.hechosAl === null
            ? 'Los hechos del mes aún no se han calculado.'
            : `Hechos calculados el ${fechaHora(principal.data.hechosAl)}.`}
        </Typography.Paragraph>
      )}
      {usuario.rol === 'gestor' && <ProgresoDeCola />}
      {principal.isError ? (
        <ErrorConReintento
          titulo={`No se pudieron calcular las cifras de ${nombreMes(mes)}.`}
          error={principal.error}
          reintentar={principal.refetch}
        />
      ) : fila === undefined ? (
        principal.data === undefined ? (
          <Cargando texto="Calculando las cifras…" />
        ) : (
          <Alert type="info" showIcon title={`No hay cifras para ${nombreMes(mes)}.`} />
        )
      ) : (
        <Spin spinning={actualizando} description={`Calculando ${nombreMes(mes)}…`}>
          <div aria-busy={actualizando}>
            <CifrasDelMes fila={fila} />
            {desglose.isError && (
              <ErrorConReintento
                titulo="No se pudieron calcular las cifras del desglose."
                error={desglose.error}
                reintentar={desglose.refetch}
                style={{ marginBottom: 16 }}
              />
            )}
            {filasDesglose.length > 0 && <Desglose fila={fila} filas={filasDesglose} />}
            <Graficas fila={fila} partes={filasDesglose} />
          </div>
        </Spin>
      )}
    </>
  );
}

function Desglose({ fila, filas }: { fila: FilaIndicadores; filas: FilaIndicadores[] }) {
  const deGestores = filas[0]?.sujeto.tipo === 'gestor';
  const titulo = deGestores ? 'Gestores de la oficina' : 'Oficinas del instituto';
  return (
    <>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={<h2 className="titulo-tarjeta">{titulo}</h2>}
      >
        <Comparativo
          titulo={titulo}
          columnaNombre={deGestores ? 'Gestor' : 'Oficina'}
          filas={filas}
          total={fila}
        />
      </Card>
      {filas.some((f) => f.metas !== null) && (
        <div className="rejilla-tablero" style={{ marginBottom: 16 }}>
          <IndicePorSujeto
            titulo={
              deGestores
                ? 'Índice de cumplimiento por gestor'
                : 'Índice de cumplimiento por oficina'
            }
            filas={filas.map((f) => ({ nombre: f.sujeto.nombre, indice: f.metas?.indice ?? null }))}
          />
        </div>
      )}
    </>
  );
}

function Graficas({ fila, partes }: { fila: FilaIndicadores; partes: FilaIndicadores[] }) {
  const sujeto = fila.sujeto.nombre;
  const r = fila.recuperacion;
  return (
    <div className="rejilla-tablero">
      {fila.metas !== null && <MetasContraLogro sujeto={sujeto} metas={fila.metas} />}
      {r !== null && (
        <RecuperacionPorDia
          sujeto={sujeto}
          recuperacion={r}
          meta={fila.metas?.items.recuperacion?.meta ?? null}
        />
      )}
      {r !== null && <RecuperacionPorAntiguedad sujeto={sujeto} recuperacion={r} />}
      {r !== null && <RecuperacionPorCanal sujeto={sujeto} recuperacion={r} />}
      {fila.cartera !== null && (
        <CarteraPorAntiguedad
          sujeto={sujeto}
          total={fila.cartera}
          partes={partes.flatMap((p) =>
            p.cartera === null ? [] : [{ nombre: p.sujeto.nombre, cartera: p.cartera }],
          )}
        />
      )}
      {fila.cartera !== null && <MatrizRodamiento sujeto={sujeto} cartera={fila.cartera} />}
    </div>
  );
}

/** The gestor's day: how many of his queue's accounts he has worked today, and the way to it. */
function ProgresoDeCola() {
  const cola = useCola(null);
  const datos = cola.data;
  const cuentas = (n: number) => `${n.toLocaleString('es-MX')} ${n === 1 ? 'cuenta' : 'cuentas'}`;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      title={
        <Flex vertical gap={4}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <span>
              {datos === undefined
                ? 'Tu cartera de hoy'
                : `Hoy has gestionado ${datos.gestionadasHoy.toLocaleString('es-MX')} de ${cuentas(datos.total)} de tu cartera.`}
            </span>
            <Link to="/cola">Ir a mi cartera de hoy</Link>
          </Flex>
          {datos !== undefined && datos.total > 0 && (
            <Progress
              percent={Math.floor((datos.gestionadasHoy * 1000) / datos.total) / 10}
              format={(p) => `${(p ?? 0).toLocaleString('es-MX', { maximumFractionDigits: 1 })} %`}
              aria-label="Cuentas de tu cartera gestionadas hoy"
            />
          )}
        </Flex>
      }
    />
  );
}
