import {
  Alert,
  Button,
  Descriptions,
  Flex,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { NOMBRE_AUTORIZADOR, NOMBRE_TIPO, type Oferta } from '../../api/alternativas.ts';
import { centavosDe, fecha, pesos, pesosDe } from '../../formato.ts';
import { dias } from './comun.tsx';

/** An offer's key among the simulation's: its origin and its alternative or campaign id. */
export const claveDeOferta = (o: Oferta) => `${o.origen}-${o.id}`;

function Ahorro({ monto }: { monto: string }) {
  const c = centavosDe(monto);
  if (c < 0) return <span className="cifra texto-costo">cuesta {pesos(-c)} más</span>;
  return <span className="cifra">{pesos(c)}</span>;
}

/** R9: "Pagando puntual ahorra $12.34 de interés" (every payment on its date). */
const puntual = (monto: string) => `Pagando puntual ahorra ${pesosDe(monto)} de interés`;

function SiNo({ valor }: { valor: boolean }) {
  return valor ? <Tag color="#1e6b3a">Sí</Tag> : <Tag>No</Tag>;
}

function NombreOferta({ oferta }: { oferta: Oferta }) {
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
      {oferta.acuerdo !== null && oferta.acuerdo !== '' && (
        <div className="texto-acuerdo">{oferta.acuerdo}</div>
      )}
    </>
  );
}

export function TablaOfertas({
  ofertas,
  eleccion,
}: {
  ofertas: Oferta[];
  /** The offer chosen for a convenio; null where none can be captured. */
  eleccion: { elegida: string | null; alElegir: (clave: string) => void } | null;
}) {
  const columnas: TableColumnsType<Oferta> = [
    {
      title: 'Alternativa',
      key: 'nombre',
      width: 250,
      // A campaign's acuerdo comes with the offer, from the very version simulated.
      render: (_, o) => <NombreOferta oferta={o} />,
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
      key: 'ahorro',
      align: 'right',
      render: (_, o) => (
        <>
          <Ahorro monto={o.ahorro} />
          {o.ahorroPorPuntualidad !== null && (
            <div className="detalle-cifra">{puntual(o.ahorroPorPuntualidad)}</div>
          )}
        </>
      ),
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
            ...(oferta.ahorroPorPuntualidad === null
              ? []
              : [
                  {
                    key: 'puntual',
                    label: 'Ahorro si paga puntual',
                    children: <span className="cifra">{pesosDe(oferta.ahorroPorPuntualidad)}</span>,
                  },
                ]),
            {
              key: 'saldo',
              label: 'Saldo al terminar',
              children: <span className="cifra">{pesosDe(oferta.saldoAlTerminar)}</span>,
            },
            {
              key: 'tolerancia',
              label: 'Tolerancia por promesa',
              children: dias(oferta.toleranciaDias),
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
