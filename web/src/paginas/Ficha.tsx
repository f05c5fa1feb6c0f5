import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Result,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ROLES_SIMULADOR } from '../api/alternativas.ts';
import { type CreditoEnFicha, type Ficha, type TipoTelefono, useFicha } from '../api/atencion.ts';
import { esErrorApi, mensajeDeError } from '../api/cliente.ts';
import { ROLES_CONVENIOS } from '../api/convenios.ts';
import { revelarDatoPersonal } from '../api/datos-personales.ts';
import { ROLES_RECIBO, urlRecibo } from '../api/pagos.ts';
import { useUsuarioActual } from '../api/sesion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { ConveniosDe } from '../componentes/convenios/ConveniosDe.tsx';
import { LigasDeReestructura } from '../componentes/credito/LigasDeReestructura.tsx';
import { DatoEnmascarado } from '../componentes/DatoEnmascarado.tsx';
import {
  EtiquetaCancelado,
  EtiquetaEstadoCredito,
  EtiquetaSiNo,
  EtiquetaSituacion,
  nombreCanal,
} from '../componentes/Etiquetas.tsx';
import { etiquetaMostrarTelefono } from '../enmascarado.ts';
import { fecha, pesosDe } from '../formato.ts';
import { idDeRuta, type VieneDeFicha } from '../ruta.ts';
import { useTituloDocumento } from '../titulo.ts';

const NOMBRE_TIPO_TELEFONO: Record<TipoTelefono, string> = {
  movil: 'Móvil',
  casa: 'Casa',
  trabajo: 'Trabajo',
  recados: 'Recados',
};

const NOMBRE_ROL: Record<CreditoEnFicha['rol'], string> = {
  acreditado: 'Acreditado',
  aval: 'Aval',
};

/** `6621234567` → `662 123 4567`, as people read a Mexican number aloud (a masked one as is). */
function telefono(numero: string): string {
  return /^\d{10}$/.test(numero)
    ? `${numero.slice(0, 3)} ${numero.slice(3, 6)} ${numero.slice(6)}`
    : numero;
}

const SIN_DATO = 'Sin registrar';

export function PaginaFicha() {
  const id = idDeRuta(useParams().id);
  if (id === null) {
    return (
      <Result
        status="info"
        title={<h1 className="titulo-resultado">Persona no encontrada</h1>}
        subTitle="La dirección no corresponde a ninguna persona."
        extra={<Link to="/">Ir a Inicio</Link>}
      />
    );
  }
  return <DetalleFicha id={id} />;
}

function DetalleFicha({ id }: { id: number }) {
  const ficha = useFicha(id);
  const navegar = useNavigate();
  const rol = useUsuarioActual().rol;
  const simula = ROLES_SIMULADOR.includes(rol);
  useTituloDocumento(ficha.data ? ficha.data.persona.nombre : 'Ficha');

  if (ficha.isPending) return <Cargando texto="Cargando la ficha…" />;
  if (ficha.isError) {
    const error = ficha.error;
    const reintentable = !esErrorApi(error) || error.estado === 0 || error.estado >= 500;
    return (
      <Result
        status="warning"
        title={<h1 className="titulo-resultado">{mensajeDeError(error)}</h1>}
        subTitle={
          esErrorApi(error) && error.estado === 403
            ? 'Solo puedes consultar a personas con créditos en tu cartera.'
            : undefined
        }
        extra={
          reintentable ? (
            <Button onClick={() => void ficha.refetch()}>Reintentar</Button>
          ) : (
            <Link to="/">Ir a Inicio</Link>
          )
        }
      />
    );
  }
  const f = ficha.data;
  const roles = [...new Set(f.creditos.map((c) => NOMBRE_ROL[c.rol]))].join(' y ');

  return (
    <>
      <p className="migas">Ficha de {roles.toLowerCase() || 'deudor'}</p>
      <Typography.Title level={1} style={{ marginBottom: 16 }}>
        {f.persona.nombre}
      </Typography.Title>
      <div className="ficha-rejilla">
        <Card size="small" title={<h2 className="titulo-tarjeta">Datos personales</h2>}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'curp',
                label: 'CURP',
                children:
                  f.persona.curp === null ? (
                    SIN_DATO
                  ) : (
                    <DatoEnmascarado
                      valor={f.persona.curp}
                      etiqueta="Mostrar CURP completa"
                      revelar={() => revelarDatoPersonal(id, { campo: 'curp' })}
                    />
                  ),
              },
              {
                key: 'rfc',
                label: 'RFC',
                children:
                  f.persona.rfc === null ? (
                    SIN_DATO
                  ) : (
                    <DatoEnmascarado
                      valor={f.persona.rfc}
                      etiqueta="Mostrar RFC completo"
                      revelar={() => revelarDatoPersonal(id, { campo: 'rfc' })}
                    />
                  ),
              },
              {
                key: 'nacimiento',
                label: 'Fecha de nacimiento',
                children: f.persona.fechaNacimiento ? fecha(f.persona.fechaNacimiento) : SIN_DATO,
              },
            ]}
          />
        </Card>
        <Contacto ficha={f} />
      </div>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="titulo-tarjeta">Créditos ({f.creditos.length})</h2>}
        extra={
          simula && f.creditos.some((c) => c.rol === 'acreditado') ? (
            <Button
              onClick={() =>
                navegar(`/simulador?personaId=${id}`, {
                  state: { ficha: { id, nombre: f.persona.nombre } } satisfies VieneDeFicha,
                })
              }
            >
              Simular alternativas
            </Button>
          ) : undefined
        }
      >
        <TablaCreditos ficha={f} />
      </Card>
      {ROLES_CONVENIOS.includes(rol) && <ConveniosDe filtro={{ personaId: id }} />}
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="titulo-tarjeta">Últimos pagos</h2>}
      >
        <TablaPagos pagos={f.ultimosPagos} />
      </Card>
    </>
  );
}

function Contacto({ ficha }: { ficha: Ficha }) {
  return (
    <Card size="small" title={<h2 className="titulo-tarjeta">Contacto</h2>}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Contacta solo al acreditado o al aval, de 07:00 a 22:00 en su hora local, y solo a teléfonos y correos con consentimiento."
      />
      <div className="ficha-contacto">
        <section aria-labelledby="titulo-telefonos">
          <h3 id="titulo-telefonos" className="subtitulo">
            Teléfonos
          </h3>
          {ficha.telefonos.length === 0 ? (
            <Typography.Text type="secondary">Sin teléfonos registrados.</Typography.Text>
          ) : (
            <ul className="lista-contacto">
              {ficha.telefonos.map((t) => (
                <li key={t.id}>
                  <DatoEnmascarado
                    className="cifra"
                    valor={t.numero}
                    etiqueta={etiquetaMostrarTelefono(t.numero)}
                    formato={telefono}
                    revelar={() =>
                      revelarDatoPersonal(ficha.persona.id, { campo: 'telefono', telefonoId: t.id })
                    }
                  />{' '}
                  <Typography.Text type="secondary">{NOMBRE_TIPO_TELEFONO[t.tipo]}</Typography.Text>
                  <div>
                    <EtiquetaSiNo
                      valor={t.consentimiento}
                      si="Con consentimiento"
                      no="Sin consentimiento"
                    />
                    <EtiquetaSiNo valor={t.valido} si="Válido" no="No válido" />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="titulo-correos">
          <h3 id="titulo-correos" className="subtitulo">
            Correos
          </h3>
          {ficha.correos.length === 0 ? (
            <Typography.Text type="secondary">Sin correos registrados.</Typography.Text>
          ) : (
            <ul className="lista-contacto">
              {ficha.correos.map((c) => (
                <li key={c.id}>
                  <DatoEnmascarado
                    valor={c.correo}
                    etiqueta="Mostrar correo completo"
                    revelar={() =>
                      revelarDatoPersonal(ficha.persona.id, { campo: 'correo', correoId: c.id })
                    }
                  />
                  <div>
                    <EtiquetaSiNo
                      valor={c.consentimiento}
                      si="Con consentimiento"
                      no="Sin consentimiento"
                    />
                    <EtiquetaSiNo valor={c.valido} si="Válido" no="No válido" />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="titulo-domicilios">
          <h3 id="titulo-domicilios" className="subtitulo">
            Domicilios
          </h3>
          {ficha.domicilios.length === 0 ? (
            <Typography.Text type="secondary">Sin domicilios registrados.</Typography.Text>
          ) : (
            <ul className="lista-contacto">
              {ficha.domicilios.map((d) => (
                <li key={d.id}>
                  {d.texto}
                  {d.texto === '' ? '' : ', '}
                  {d.municipio}, {d.estado}
                  <div>
                    <EtiquetaSiNo valor={d.vigente} si="Vigente" no="No vigente" />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Card>
  );
}

function TablaCreditos({ ficha }: { ficha: Ficha }) {
  const navegar = useNavigate();
  const origen: VieneDeFicha = { ficha: { id: ficha.persona.id, nombre: ficha.persona.nombre } };
  const columnas: TableColumnsType<CreditoEnFicha> = [
    {
      title: 'Número',
      key: 'numero',
      width: 190,
      render: (_, c) => (
        <Flex vertical align="start" gap={2}>
          <Link to={`/creditos/${c.id}`} state={origen} className="enlace-credito">
            {c.numero}
          </Link>
          {c.estado !== 'activo' && <EtiquetaEstadoCredito estado={c.estado} />}
          <LigasDeReestructura credito={c} origen={origen} />
        </Flex>
      ),
    },
    { title: 'Rol', key: 'rol', width: 110, render: (_, c) => NOMBRE_ROL[c.rol] },
    { title: 'Oficina', dataIndex: 'oficina', width: 130 },
    {
      title: 'Situación',
      key: 'situacion',
      width: 180,
      render: (_, c) => (
        <>
          <EtiquetaSituacion situacion={c.situacion} />
          {c.puntualidad !== null && <div className="detalle-cifra">{c.puntualidad}</div>}
        </>
      ),
    },
    {
      title: 'Días de atraso',
      key: 'dias',
      width: 120,
      align: 'right',
      render: (_, c) => <span className="cifra">{c.diasAtraso.toLocaleString('es-MX')}</span>,
    },
    {
      title: 'Saldo exigible',
      key: 'exigible',
      align: 'right',
      render: (_, c) => <span className="cifra">{pesosDe(c.saldoExigible)}</span>,
    },
    {
      title: 'Saldo para liquidar',
      key: 'liquidar',
      align: 'right',
      render: (_, c) => <span className="cifra">{pesosDe(c.saldoParaLiquidar)}</span>,
    },
    {
      title: 'Pagos adelantados',
      key: 'adelantados',
      align: 'right',
      render: (_, c) => <span className="cifra">{pesosDe(c.pagosAdelantados)}</span>,
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Situación y saldos calculados hoy.
      </Typography.Paragraph>
      <Table<CreditoEnFicha>
        rowKey="id"
        columns={columnas}
        dataSource={ficha.creditos}
        size="small"
        tableLayout="fixed"
        pagination={false}
        rowClassName="fila-navegable"
        onRow={(c) => ({
          // The número is the link for the keyboard; a click anywhere else on the row works too.
          onClick: (evento) => {
            if (evento.target instanceof Element && evento.target.closest('a')) return;
            navegar(`/creditos/${c.id}`, { state: origen });
          },
        })}
      />
    </>
  );
}

type Pago = Ficha['ultimosPagos'][number];

function TablaPagos({ pagos }: { pagos: Pago[] }) {
  const usuario = useUsuarioActual();
  const conRecibo = ROLES_RECIBO.includes(usuario.rol);
  const columnas: TableColumnsType<Pago> = [
    { title: 'Fecha', key: 'fecha', width: 118, render: (_, p) => fecha(p.fecha) },
    { title: 'Folio', dataIndex: 'id', width: 90, align: 'right' },
    { title: 'Crédito', dataIndex: 'creditoNumero' },
    {
      title: 'Monto',
      key: 'monto',
      align: 'right',
      width: 140,
      render: (_, p) =>
        p.cancelado ? (
          <del className="cifra">{pesosDe(p.monto)}</del>
        ) : (
          <span className="cifra">{pesosDe(p.monto)}</span>
        ),
    },
    { title: 'Canal', key: 'canal', render: (_, p) => nombreCanal(p.canal) },
    {
      title: 'Estado',
      key: 'estado',
      width: 120,
      render: (_, p) => (p.cancelado ? <EtiquetaCancelado /> : 'Aplicado'),
    },
    ...(conRecibo
      ? [
          {
            title: 'Recibo',
            key: 'recibo',
            width: 110,
            render: (_: unknown, p: Pago) => (
              <a href={urlRecibo(p.id)} download aria-label={`Descargar recibo del pago ${p.id}`}>
                Recibo
              </a>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<Pago>
      rowKey="id"
      columns={columnas}
      dataSource={pagos}
      size="small"
      tableLayout="fixed"
      pagination={false}
      locale={{ emptyText: 'No hay pagos registrados en sus créditos.' }}
    />
  );
}
