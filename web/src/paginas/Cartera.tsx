import { Button, Flex, Form, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  BUCKETS,
  type Bucket,
  type CreditoEnLista,
  type FiltroCreditos,
  useCreditos,
} from '../api/creditos.ts';
import { useUsuarioActual } from '../api/sesion.ts';
import type { Usuario } from '../api/tipos.ts';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import {
  EtiquetaEstadoCredito,
  EtiquetaSituacion,
  NOMBRE_BUCKET,
} from '../componentes/Etiquetas.tsx';
import { fecha, pesosDe } from '../formato.ts';
import { useTituloDocumento } from '../titulo.ts';

const TODAS = 'todas';
type ValorBucket = Bucket | typeof TODAS;

interface ValoresFiltro {
  numero: string;
  bucket: ValorBucket;
}

const OPCIONES_BUCKET: { value: ValorBucket; label: string }[] = [
  { value: TODAS, label: 'Todas' },
  ...BUCKETS.map((b) => ({ value: b, label: NOMBRE_BUCKET[b] })),
];

function esBucket(valor: string | null): valor is Bucket {
  return BUCKETS.some((b) => b === valor);
}

/** The filters live in the address, so "back" from a credit returns to the same list. */
function filtroDe(parametros: URLSearchParams): FiltroCreditos {
  const bucket = parametros.get('bucket');
  const pagina = Number(parametros.get('pagina') ?? '1');
  return {
    numero: (parametros.get('numero') ?? '').trim(),
    bucket: esBucket(bucket) ? bucket : null,
    pagina: Number.isSafeInteger(pagina) && pagina >= 1 ? pagina : 1,
  };
}

function parametrosDe({ numero, bucket, pagina }: FiltroCreditos): Record<string, string> {
  const r: Record<string, string> = {};
  if (numero !== '') r.numero = numero;
  if (bucket !== null) r.bucket = bucket;
  if (pagina > 1) r.pagina = String(pagina);
  return r;
}

function alcanceDe(usuario: Usuario): string {
  switch (usuario.rol) {
    case 'gestor':
    case 'coordinador':
      return usuario.oficina === null
        ? 'Créditos de tu oficina.'
        : `Créditos de la oficina ${usuario.oficina.nombre}.`;
    case 'abogado_externo':
      return 'Créditos turnados a tu despacho.';
    default:
      return 'Créditos de todas las oficinas.';
  }
}

const SIN_DATO = (
  <>
    <span aria-hidden="true">—</span>
    <span className="solo-lectores">Sin dato</span>
  </>
);

const columnas: TableColumnsType<CreditoEnLista> = [
  {
    title: 'Número',
    key: 'numero',
    width: 180,
    render: (_, c) => (
      <Flex vertical align="start" gap={2}>
        <Link to={`/creditos/${c.id}`} className="enlace-credito">
          {c.numero}
        </Link>
        {c.estado !== 'activo' && <EtiquetaEstadoCredito estado={c.estado} />}
      </Flex>
    ),
  },
  { title: 'Acreditado', dataIndex: 'acreditado' },
  { title: 'Oficina', dataIndex: 'oficina', width: 120 },
  {
    title: 'Situación',
    key: 'situacion',
    width: 120,
    render: (_, c) =>
      c.antiguedad === null ? (
        <Typography.Text type="secondary">Sin calcular</Typography.Text>
      ) : (
        <EtiquetaSituacion situacion={c.antiguedad.situacion} />
      ),
  },
  {
    title: 'Días de atraso',
    key: 'dias',
    width: 120,
    align: 'right',
    render: (_, c) =>
      c.antiguedad === null ? (
        SIN_DATO
      ) : (
        <Flex vertical align="end">
          <span className="cifra">{c.antiguedad.diasAtraso.toLocaleString('es-MX')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {NOMBRE_BUCKET[c.antiguedad.bucket]}
          </Typography.Text>
        </Flex>
      ),
  },
  {
    title: 'Saldo exigible',
    key: 'exigible',
    width: 135,
    align: 'right',
    render: (_, c) =>
      c.antiguedad === null ? (
        SIN_DATO
      ) : (
        <span className="cifra">{pesosDe(c.antiguedad.saldoExigible)}</span>
      ),
  },
  {
    title: 'Saldo para liquidar',
    key: 'liquidar',
    width: 135,
    align: 'right',
    render: (_, c) =>
      c.antiguedad === null ? (
        SIN_DATO
      ) : (
        <span className="cifra">{pesosDe(c.antiguedad.saldoParaLiquidar)}</span>
      ),
  },
  {
    title: 'Antigüedad al',
    key: 'fecha',
    width: 115,
    render: (_, c) => (c.antiguedad === null ? SIN_DATO : fecha(c.antiguedad.fecha)),
  },
];

export function PaginaCartera() {
  useTituloDocumento('Cartera');
  const usuario = useUsuarioActual();
  const navegar = useNavigate();
  const [parametros, setParametros] = useSearchParams();
  const filtro = filtroDe(parametros);
  const creditos = useCreditos(filtro);
  const [formulario] = Form.useForm<ValoresFiltro>();

  // Keep the form in step with the address (back/forward, a link to a filtered list).
  useEffect(() => {
    formulario.setFieldsValue({ numero: filtro.numero, bucket: filtro.bucket ?? TODAS });
  }, [formulario, filtro.numero, filtro.bucket]);

  const aplicar = (cambios: Partial<FiltroCreditos>) =>
    setParametros(parametrosDe({ ...filtro, pagina: 1, ...cambios }));

  const alBuscar = ({ numero, bucket }: ValoresFiltro) =>
    aplicar({ numero: (numero ?? '').trim(), bucket: bucket === TODAS ? null : bucket });

  const limpiar = () => {
    formulario.setFieldsValue({ numero: '', bucket: TODAS });
    setParametros({});
  };

  const datos = creditos.data;
  const hayFiltro = filtro.numero !== '' || filtro.bucket !== null;
  const haySiguiente = datos !== undefined && datos.creditos.length === datos.porPagina;
  const textoVacio =
    filtro.pagina > 1
      ? 'No hay más créditos. Regresa a la página anterior.'
      : hayFiltro
        ? 'Ningún crédito coincide con la búsqueda.'
        : 'Aún no hay créditos en tu cartera.';

  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 4 }}>
        Cartera
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {alcanceDe(usuario)} Situación y saldos de la última antigüedad calculada.
      </Typography.Paragraph>

      <search aria-label="Filtrar créditos">
        <Form<ValoresFiltro>
          form={formulario}
          name="filtros-cartera"
          layout="inline"
          initialValues={{ numero: filtro.numero, bucket: filtro.bucket ?? TODAS }}
          onFinish={alBuscar}
          className="filtros"
        >
          <Form.Item label="Número de crédito" name="numero">
            <Input
              placeholder="Empieza con…"
              allowClear
              autoComplete="off"
              spellCheck={false}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item label="Antigüedad" name="bucket">
            <Select<ValorBucket>
              options={OPCIONES_BUCKET}
              style={{ width: 170 }}
              onChange={() => formulario.submit()}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              Buscar
            </Button>
          </Form.Item>
          <Form.Item>
            <Button onClick={limpiar} disabled={!hayFiltro}>
              Limpiar filtros
            </Button>
          </Form.Item>
        </Form>
      </search>

      {creditos.isError ? (
        <ErrorConReintento
          titulo="No se pudo cargar la cartera."
          error={creditos.error}
          reintentar={creditos.refetch}
        />
      ) : (
        <div aria-busy={creditos.isFetching} className="lista-cartera">
          <Table<CreditoEnLista>
            rowKey="id"
            columns={columnas}
            dataSource={datos?.creditos}
            loading={creditos.isFetching}
            pagination={false}
            size="middle"
            tableLayout="fixed"
            locale={{ emptyText: textoVacio }}
            rowClassName="fila-navegable"
            onRow={(c) => ({
              // The número is the link for the keyboard; a click anywhere else on the row works too.
              onClick: (evento) => {
                if (evento.target instanceof Element && evento.target.closest('a')) return;
                navegar(`/creditos/${c.id}`);
              },
            })}
          />
          <nav aria-label="Páginas de la cartera" className="paginacion">
            <Button
              disabled={filtro.pagina <= 1 || creditos.isFetching}
              onClick={() => aplicar({ pagina: filtro.pagina - 1 })}
            >
              Anterior
            </Button>
            <span aria-live="polite">Página {filtro.pagina}</span>
            <Button
              disabled={!haySiguiente || creditos.isFetching}
              onClick={() => aplicar({ pagina: filtro.pagina + 1 })}
            >
              Siguiente
            </Button>
          </nav>
        </div>
      )}
    </>
  );
}
