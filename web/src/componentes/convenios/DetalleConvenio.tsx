import { Card, Descriptions, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { NOMBRE_AUTORIZADOR, NOMBRE_TIPO } from '../../api/alternativas.ts';
import type { Convenio, Promesa, TipoConvenio } from '../../api/convenios.ts';
import { fecha, fechaHora, pesosDe } from '../../formato.ts';
import { EtiquetaPromesa } from '../Etiquetas.tsx';

type Condonacion = Convenio['condonaciones'][number];

export function nombreTipoConvenio(tipo: TipoConvenio): string {
  return tipo === 'campana' ? 'Campaña' : NOMBRE_TIPO[tipo];
}

const NOMBRE_CONCEPTO: Record<Condonacion['concepto'], string> = {
  moratorio: 'Interés moratorio',
  interes: 'Interés ordinario',
};

const cifra = (monto: string) => <span className="cifra">{pesosDe(monto)}</span>;

/** The credit's number, for tables of a convenio that covers several credits. */
function numeroDe(convenio: Convenio, creditoId: number): string {
  const todos = [...convenio.creditos, ...(convenio.creditosNuevos ?? [])];
  return todos.find((c) => c.id === creditoId)?.numero ?? String(creditoId);
}

/** What the convenio settles and forgives: the numbers the server computed when proposing it. */
export function DesgloseConvenio({ convenio: c }: { convenio: Convenio }) {
  return (
    <Card size="small" title={<h2 className="titulo-tarjeta">Desglose</h2>}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'tipo', label: 'Tipo', children: nombreTipoConvenio(c.tipo) },
          { key: 'fecha', label: 'Fecha del convenio', children: fecha(c.fecha) },
          ...(c.creditosNuevos ?? []).map((n) => ({
            key: `nuevo-${n.id}`,
            label: 'Crédito nuevo (reestructura)',
            children: <Link to={`/creditos/${n.id}`}>{n.numero}</Link>,
          })),
          {
            key: 'liquidar',
            label: 'Para liquidar sin convenio',
            children: cifra(c.liquidarHoy),
          },
          {
            key: 'moratorio',
            label: 'Descuento de moratorio',
            children: cifra(c.descuento.moratorio),
          },
          { key: 'interes', label: 'Descuento de interés', children: cifra(c.descuento.interes) },
          { key: 'descuento', label: 'Descuento total', children: cifra(c.descuento.total) },
          {
            key: 'total',
            label: 'Total del convenio',
            children: <strong>{cifra(c.total)}</strong>,
          },
          { key: 'liquida', label: '¿Liquida el adeudo?', children: c.liquida ? 'Sí' : 'No' },
          {
            key: 'tolerancia',
            label: 'Tolerancia por promesa',
            children: `${c.toleranciaDias} ${c.toleranciaDias === 1 ? 'día' : 'días'}`,
          },
        ]}
      />
    </Card>
  );
}

/** Who must authorize it, why, and who did. */
export function AutorizacionConvenio({
  convenio: c,
  aviso,
}: {
  convenio: Convenio;
  /** Why the current user cannot authorize it, when it waits for someone. */
  aviso: string | null;
}) {
  const a = c.autorizacion;
  return (
    <Card size="small" title={<h2 className="titulo-tarjeta">Autorización</h2>}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'requerida',
            label: '¿Requiere autorización?',
            children:
              a.requerida && a.rol !== null
                ? `Sí, ${NOMBRE_AUTORIZADOR[a.rol]}`
                : 'No: dentro del límite de quien lo propuso',
          },
          ...(a.motivos.length > 0
            ? [{ key: 'motivos', label: 'Motivos', children: a.motivos.join('; ') }]
            : []),
          {
            key: 'propuesto',
            label: 'Propuesto por',
            children: `${c.propuestoPor}, el ${fechaHora(c.propuestoEl)}`,
          },
          ...(a.autorizadoPor !== null
            ? [
                {
                  key: 'autorizado',
                  label: 'Autorizado por',
                  children: `${a.autorizadoPor}${a.autorizadoEl === null ? '' : `, el ${fechaHora(a.autorizadoEl)}`}`,
                },
              ]
            : []),
          ...(c.fechaFirma !== null
            ? [{ key: 'firma', label: 'Fecha de firma', children: fecha(c.fechaFirma) }]
            : []),
          ...(c.cerradoEl !== null
            ? [{ key: 'cerrado', label: 'Cerrado el', children: fecha(c.cerradoEl) }]
            : []),
        ]}
      />
      {aviso !== null && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {aviso}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function PromesasConvenio({ convenio: c }: { convenio: Convenio }) {
  // A signed reestructura moves the promises to the new credit: say which one they are on.
  const varios = c.creditos.length > 1 || (c.creditosNuevos ?? []).length > 0;
  const columnas: TableColumnsType<Promesa> = [
    { title: 'Número', dataIndex: 'numero', align: 'right', width: 90 },
    ...(varios
      ? [
          {
            title: 'Crédito',
            key: 'credito',
            render: (_: unknown, p: Promesa) => numeroDe(c, p.creditoId),
          },
        ]
      : []),
    { title: 'Fecha', dataIndex: 'fecha', render: (f: string) => fecha(f) },
    { title: 'Monto', dataIndex: 'monto', align: 'right', render: cifra },
    {
      title: 'Estado',
      dataIndex: 'estado',
      render: (e: Promesa['estado']) => <EtiquetaPromesa estado={e} />,
    },
  ];
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <h2 className="titulo-tarjeta" id="titulo-promesas">
          Promesas de pago ({c.promesas.length})
        </h2>
      }
    >
      <Table<Promesa>
        size="small"
        aria-labelledby="titulo-promesas"
        pagination={false}
        rowKey={(p) => `${p.creditoId}-${p.numero}`}
        dataSource={c.promesas}
        columns={columnas}
        locale={{ emptyText: 'Sin promesas de pago.' }}
      />
    </Card>
  );
}

/** The discount as condonaciones by concept, and the window without moratorio. */
export function BeneficiosConvenio({ convenio: c }: { convenio: Convenio }) {
  const varios = c.creditos.length > 1;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={<h2 className="titulo-tarjeta">Condonaciones y ventana sin moratorio</h2>}
    >
      <Table<Condonacion>
        size="small"
        aria-label="Condonaciones"
        pagination={false}
        rowKey={(k) => `${k.creditoId}-${k.concepto}-${k.fecha}`}
        dataSource={c.condonaciones}
        locale={{ emptyText: 'Sin condonaciones.' }}
        columns={[
          ...(varios
            ? [
                {
                  title: 'Crédito',
                  key: 'credito',
                  render: (_: unknown, k: Condonacion) => numeroDe(c, k.creditoId),
                },
              ]
            : []),
          {
            title: 'Concepto',
            dataIndex: 'concepto',
            render: (k: Condonacion['concepto']) => NOMBRE_CONCEPTO[k],
          },
          { title: 'Fecha', dataIndex: 'fecha', render: (f: string) => fecha(f) },
          { title: 'Monto', dataIndex: 'monto', align: 'right', render: cifra },
        ]}
      />
      {c.estado === 'incumplido' && c.condonaciones.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          Se cancelaron {c.cerradoEl === null ? '' : `el ${fecha(c.cerradoEl)} `}al incumplirse el
          convenio.
        </Typography.Paragraph>
      )}
      <h3 className="subtitulo" style={{ marginTop: 16 }}>
        Ventana sin moratorio
      </h3>
      {c.periodosSinMoratorio.length === 0 ? (
        <Typography.Text type="secondary">Sin ventana sin moratorio.</Typography.Text>
      ) : (
        <ul className="lista-contacto">
          {c.periodosSinMoratorio.map((v) => (
            <li key={`${v.creditoId}-${v.desde}`}>
              {varios ? `${numeroDe(c, v.creditoId)}: ` : ''}del {fecha(v.desde)} al{' '}
              {fecha(v.hasta)}
              {c.estado === 'incumplido' && ' (revocada al incumplirse el convenio)'}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function FirmantesConvenio({ convenio: c }: { convenio: Convenio }) {
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={<h2 className="titulo-tarjeta">Firmantes y condiciones</h2>}
    >
      <ul className="lista-contacto" aria-label="Firmantes">
        {c.firmantes.map((f) => (
          <li key={f.personaId}>
            {f.nombre} <Typography.Text type="secondary">({f.calidad})</Typography.Text>
          </li>
        ))}
      </ul>
      <h3 className="subtitulo" style={{ marginTop: 16 }}>
        Condiciones
      </h3>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {c.condiciones}
      </Typography.Paragraph>
    </Card>
  );
}
