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
import { useSearchParams } from 'react-router-dom';
import {
  type CifrasCobertura,
  type CoberturaGestor,
  type CoberturaOficina,
  useCobertura,
} from '../api/cobertura.ts';
import { useHoy } from '../api/sesion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { Desplazable } from '../componentes/Desplazable.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { nombreMes } from '../formato.ts';
import { useTituloDocumento } from '../titulo.ts';

const MES = /^\d{4}-(0[1-9]|1[0-2])$/;
const FORMATO_MES = 'YYYY-MM';

const entero = (n: number) => <span className="cifra">{n.toLocaleString('es-MX')}</span>;

/** `"62.5"` → `62.5 %`, as the server rounded it. */
const porcentaje = (texto: string) => <span className="cifra">{texto} %</span>;

type Fila = CifrasCobertura & { clave: string; nombre: string; esTotal: boolean };

const columnas: TableColumnsType<Fila> = [
  {
    title: 'Gestor',
    key: 'nombre',
    width: 200,
    render: (_, f) => (f.esTotal ? <strong>{f.nombre}</strong> : f.nombre),
  },
  { title: 'Asignadas', key: 'asignadas', align: 'right', render: (_, f) => entero(f.asignadas) },
  {
    title: 'Gestionadas',
    key: 'gestionadas',
    align: 'right',
    render: (_, f) => entero(f.gestionadas),
  },
  {
    title: 'Con contacto efectivo',
    key: 'contacto',
    align: 'right',
    render: (_, f) => entero(f.conContactoEfectivo),
  },
  {
    title: '% gestionado',
    key: 'porcentaje',
    align: 'right',
    render: (_, f) => porcentaje(f.porcentajeGestionado),
  },
  {
    title: 'Promesas hechas',
    key: 'hechas',
    align: 'right',
    render: (_, f) => entero(f.promesasHechas),
  },
  {
    title: 'Promesas cumplidas',
    key: 'cumplidas',
    align: 'right',
    render: (_, f) => entero(f.promesasCumplidas),
  },
];

function filasDe(o: CoberturaOficina): Fila[] {
  const deGestor = (g: CoberturaGestor): Fila => ({
    ...g,
    clave: `g${g.gestor.id}`,
    nombre: g.gestor.nombre,
    esTotal: false,
  });
  return [
    ...o.gestores.map(deGestor),
    { ...o, clave: 'total', nombre: `Total ${o.oficina.nombre}`, esTotal: true },
  ];
}

/**
 * «% of the assigned portfolio managed», live: for a month, per office and gestor, the accounts
 * assigned, those with a gestión, with an effective contact, and the promises made and kept.
 */
export function PaginaCobertura() {
  useTituloDocumento('Cobertura de cartera');
  const hoy = useHoy();
  const actual = hoy.slice(0, 7);
  const [parametros, setParametros] = useSearchParams();
  const pedido = parametros.get('mes');
  const mes = pedido !== null && MES.test(pedido) && pedido <= actual ? pedido : actual;
  const cobertura = useCobertura(mes);
  const actualizando = cobertura.isFetching && cobertura.isPlaceholderData;

  const cambiarMes = (valor: Dayjs | null) => {
    if (valor === null || !valor.isValid()) return;
    const nuevo = valor.format(FORMATO_MES);
    setParametros(nuevo === actual ? {} : { mes: nuevo }, { replace: true });
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 4 }}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Cobertura de {nombreMes(mes)}
        </Typography.Title>
        <Flex align="center" gap={8} wrap>
          <label htmlFor="mes-cobertura">Mes</label>
          <DatePicker
            id="mes-cobertura"
            picker="month"
            value={dayjs(`${mes}-01`)}
            format="MM/YYYY"
            allowClear={false}
            onChange={cambiarMes}
            disabledDate={(d) => d.format(FORMATO_MES) > actual}
            style={{ width: 130 }}
          />
          <Button onClick={() => cambiarMes(dayjs(`${actual}-01`))} disabled={mes === actual}>
            Este mes
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">
        Cuentas asignadas en algún momento del mes, las que tuvieron al menos una gestión mientras
        estaban asignadas y las que lograron contacto efectivo con el acreditado o un aval.
      </Typography.Paragraph>
      {cobertura.isError ? (
        <ErrorConReintento
          titulo={`No se pudo calcular la cobertura de ${nombreMes(mes)}.`}
          error={cobertura.error}
          reintentar={cobertura.refetch}
        />
      ) : cobertura.data === undefined ? (
        <Cargando texto="Calculando la cobertura…" />
      ) : cobertura.data.oficinas.length === 0 ? (
        <Typography.Paragraph>No hay cuentas asignadas en {nombreMes(mes)}.</Typography.Paragraph>
      ) : (
        <Spin spinning={actualizando} description={`Calculando ${nombreMes(mes)}…`}>
          <Flex vertical gap={16} aria-busy={actualizando}>
            {cobertura.data.oficinas.map((o) => (
              <Card
                key={o.oficina.id}
                size="small"
                title={<h2 className="titulo-tarjeta">Oficina {o.oficina.nombre}</h2>}
              >
                <Desplazable
                  etiqueta={`Cobertura de la oficina ${o.oficina.nombre}`}
                  anchoMinimo={860}
                >
                  <Table<Fila>
                    rowKey="clave"
                    columns={columnas}
                    dataSource={filasDe(o)}
                    pagination={false}
                    size="small"
                    rowClassName={(f) => (f.esTotal ? 'fila-total' : '')}
                  />
                </Desplazable>
              </Card>
            ))}
          </Flex>
        </Spin>
      )}
    </>
  );
}
