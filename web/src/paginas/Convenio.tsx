import { Alert, App, Button, Flex, Result, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { esErrorApi, mensajeDeError } from '../api/cliente.ts';
import {
  type Convenio,
  ROLES_CANCELAR_CONVENIO,
  ROLES_FIRMAR_CONVENIO,
  urlPdfConvenio,
  useAutorizarConvenio,
  useConvenio,
} from '../api/convenios.ts';
import { useUsuarioActual } from '../api/sesion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import {
  AutorizacionConvenio,
  BeneficiosConvenio,
  DesgloseConvenio,
  FirmantesConvenio,
  PromesasConvenio,
} from '../componentes/convenios/DetalleConvenio.tsx';
import { DialogoCancelarConvenio } from '../componentes/convenios/DialogoCancelarConvenio.tsx';
import { DialogoFirmarConvenio } from '../componentes/convenios/DialogoFirmarConvenio.tsx';
import { EtiquetaConvenio } from '../componentes/Etiquetas.tsx';
import { idDeRuta } from '../ruta.ts';
import { useTituloDocumento } from '../titulo.ts';

export function PaginaConvenio() {
  const id = idDeRuta(useParams().id);
  if (id === null) {
    return (
      <Result
        status="info"
        title={<h1 className="titulo-resultado">Convenio no encontrado</h1>}
        subTitle="La dirección no corresponde a ningún convenio."
        extra={<Link to="/cartera">Ir a Cartera</Link>}
      />
    );
  }
  return <DetalleDeConvenio id={id} />;
}

type Dialogo = { tipo: 'firmar' | 'cancelar'; abierto: boolean } | null;

function DetalleDeConvenio({ id }: { id: number }) {
  const convenio = useConvenio(id);
  useTituloDocumento(convenio.data ? `Convenio ${convenio.data.id}` : 'Convenio');
  if (convenio.isPending) return <Cargando texto="Cargando el convenio…" />;
  if (convenio.isError) {
    const error = convenio.error;
    return (
      <Result
        status="warning"
        title={<h1 className="titulo-resultado">{mensajeDeError(error)}</h1>}
        extra={
          esErrorApi(error) && (error.estado === 0 || error.estado >= 500) ? (
            <Button onClick={() => void convenio.refetch()}>Reintentar</Button>
          ) : (
            <Link to="/cartera">Ir a Cartera</Link>
          )
        }
      />
    );
  }
  return <ConvenioCargado convenio={convenio.data} />;
}

function ConvenioCargado({ convenio: c }: { convenio: Convenio }) {
  const usuario = useUsuarioActual();
  const { message } = App.useApp();
  const autorizar = useAutorizarConvenio();
  const [dialogo, setDialogo] = useState<Dialogo>(null);
  const [errorAccion, setErrorAccion] = useState<string | null>(null);
  const ficha =
    c.acreditado === null ? null : { id: c.acreditado.personaId, nombre: c.acreditado.nombre };
  const firmable = c.estado === 'autorizado' && ROLES_FIRMAR_CONVENIO.includes(usuario.rol);
  const cancelable =
    (c.estado === 'propuesto' || c.estado === 'autorizado') &&
    ROLES_CANCELAR_CONVENIO.includes(usuario.rol);

  const alAutorizar = () => {
    if (autorizar.isPending) return;
    setErrorAccion(null);
    autorizar.mutate(c.id, {
      onSuccess: () => void message.success(`Convenio ${c.id} autorizado.`),
      onError: (error) => setErrorAccion(mensajeDeError(error)),
    });
  };

  return (
    <>
      <nav aria-label="Ruta de navegación" className="migas">
        {ficha !== null && (
          <>
            <Link to={`/personas/${ficha.id}`}>{ficha.nombre}</Link>{' '}
            <span aria-hidden="true">/</span>{' '}
          </>
        )}
        {c.creditos.map((cr, i) => (
          <Fragment key={cr.id}>
            {i > 0 && ', '}
            <Link to={`/creditos/${cr.id}`} state={ficha === null ? undefined : { ficha }}>
              Crédito {cr.numero}
            </Link>
          </Fragment>
        ))}{' '}
        <span aria-hidden="true">/</span> <span aria-current="page">Convenio {c.id}</span>
      </nav>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Convenio {c.id}: {c.nombre}
        </Typography.Title>
        <span className="estado-convenio">
          <span className="solo-lectores">Estado: </span>
          <EtiquetaConvenio estado={c.estado} etiqueta={c.estadoEtiqueta} />
        </span>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {c.puedesAutorizar && (
          <Button type="primary" loading={autorizar.isPending} onClick={alAutorizar}>
            Autorizar
          </Button>
        )}
        {firmable && (
          <Button type="primary" onClick={() => setDialogo({ tipo: 'firmar', abierto: true })}>
            Registrar firma
          </Button>
        )}
        {cancelable && (
          <Button danger onClick={() => setDialogo({ tipo: 'cancelar', abierto: true })}>
            Cancelar convenio
          </Button>
        )}
        <Button href={urlPdfConvenio(c.id)} download>
          Descargar convenio (PDF)
        </Button>
      </Flex>
      {errorAccion !== null && (
        <Alert
          type="error"
          showIcon
          title={errorAccion}
          closable={{ onClose: () => setErrorAccion(null) }}
          style={{ marginBottom: 16 }}
        />
      )}
      {c.estado === 'cancelado' && c.motivoCancelacion !== null && (
        <Alert
          type="warning"
          showIcon
          title="Convenio cancelado"
          description={c.motivoCancelacion}
          style={{ marginBottom: 16 }}
        />
      )}
      {c.estado === 'incumplido' && (
        <Alert
          type="error"
          showIcon
          title="Convenio incumplido"
          description="Una promesa no se pagó a tiempo: se revocaron el descuento y la ventana sin moratorio, y el crédito volvió a la cola del gestor."
          style={{ marginBottom: 16 }}
        />
      )}
      <div className="convenio-rejilla">
        <DesgloseConvenio convenio={c} />
        <AutorizacionConvenio convenio={c} aviso={c.motivoParaNoAutorizar} />
      </div>
      <PromesasConvenio convenio={c} />
      <BeneficiosConvenio convenio={c} />
      <FirmantesConvenio convenio={c} />
      {dialogo?.tipo === 'firmar' && (
        <DialogoFirmarConvenio
          convenioId={c.id}
          fechaConvenio={c.fecha}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
      {dialogo?.tipo === 'cancelar' && (
        <DialogoCancelarConvenio
          convenioId={c.id}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
    </>
  );
}
