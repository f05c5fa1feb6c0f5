import { Button, Card, Flex, Modal, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import {
  type Alternativa,
  type Campana,
  NOMBRE_TIPO,
  type Parametros,
  type SituacionCampana,
  useAlternativa,
  useAlternativas,
  useCampana,
  useCampanas,
  type VersionAlternativa,
  type VersionCampana,
} from '../api/alternativas.ts';
import { describirElegibilidad, dias } from '../componentes/alternativas/comun.tsx';
import {
  DialogoAlternativa,
  PARAMETROS_POR_TIPO,
} from '../componentes/alternativas/DialogoAlternativa.tsx';
import { DialogoCampana } from '../componentes/alternativas/DialogoCampana.tsx';
import { Cargando } from '../componentes/Cargando.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { fecha, fechaHora, porcentaje } from '../formato.ts';
import { useTituloDocumento } from '../titulo.ts';

const NOMBRE_SITUACION: Record<SituacionCampana, string> = {
  vigente: 'Vigente',
  por_iniciar: 'Por iniciar',
  terminada: 'Terminada',
  inactiva: 'Inactiva',
};

/** The tolerance as the catálogo reads it, the same words as the dialog's field. */
const tolerancia = (n: number) => `Tolerancia de las promesas: ${dias(n)}`;

function describirParametros(a: Alternativa, v: VersionAlternativa): string {
  const p: Parametros = v.parametros;
  const parametros = PARAMETROS_POR_TIPO[a.tipo].map((c) => {
    const dato = p[c.nombre];
    const valor =
      c.clase === 'si_no'
        ? dato === true
          ? 'sí'
          : 'no'
        : c.clase === 'porcentaje' && typeof dato === 'string'
          ? porcentaje(dato)
          : String(dato ?? '—');
    return `${c.etiqueta.replace(/ \(%\)$/, '')}: ${valor}`;
  });
  return [...parametros, tolerancia(v.toleranciaDias)].join('; ');
}

function condicionesDeCampana(v: VersionCampana): string {
  return [
    `Moratorio −${porcentaje(v.descuentoMoratorio)}`,
    `interés −${porcentaje(v.descuentoInteres)}`,
    v.pagosMaximos === 1 ? 'pago único' : `hasta ${v.pagosMaximos} pagos`,
    v.congelaMoratorio ? 'congela el moratorio' : 'sin congelar el moratorio',
    tolerancia(v.toleranciaDias).toLowerCase(),
  ].join('; ');
}

type Dialogo<T> = { objeto: T | null; abierto: boolean } | null;

export function PaginaAlternativas() {
  useTituloDocumento('Alternativas y campañas');
  const [dialogoAlt, setDialogoAlt] = useState<Dialogo<Alternativa>>(null);
  const [dialogoCamp, setDialogoCamp] = useState<Dialogo<Campana>>(null);
  const [historialAlt, setHistorialAlt] = useState<Alternativa | null>(null);
  const [historialCamp, setHistorialCamp] = useState<Campana | null>(null);
  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 16 }}>
        Alternativas y campañas
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Lo que el simulador ofrece en ventanilla. Editar crea una versión nueva que rige desde la
        fecha indicada; las anteriores se conservan.
      </Typography.Paragraph>
      <ListaAlternativas
        alCrear={() => setDialogoAlt({ objeto: null, abierto: true })}
        alEditar={(a) => setDialogoAlt({ objeto: a, abierto: true })}
        alVerHistorial={setHistorialAlt}
      />
      <ListaCampanas
        alCrear={() => setDialogoCamp({ objeto: null, abierto: true })}
        alEditar={(c) => setDialogoCamp({ objeto: c, abierto: true })}
        alVerHistorial={setHistorialCamp}
      />
      {dialogoAlt !== null && (
        <DialogoAlternativa
          key={dialogoAlt.objeto?.id ?? 'nueva'}
          alternativa={dialogoAlt.objeto}
          abierto={dialogoAlt.abierto}
          alCerrar={() => setDialogoAlt({ ...dialogoAlt, abierto: false })}
          alTerminarCierre={() => setDialogoAlt(null)}
        />
      )}
      {dialogoCamp !== null && (
        <DialogoCampana
          key={dialogoCamp.objeto?.id ?? 'nueva'}
          campana={dialogoCamp.objeto}
          abierto={dialogoCamp.abierto}
          alCerrar={() => setDialogoCamp({ ...dialogoCamp, abierto: false })}
          alTerminarCierre={() => setDialogoCamp(null)}
        />
      )}
      <HistorialAlternativa alternativa={historialAlt} alCerrar={() => setHistorialAlt(null)} />
      <HistorialCampana campana={historialCamp} alCerrar={() => setHistorialCamp(null)} />
    </>
  );
}

function Vigencia({
  v,
  programada,
}: {
  v: { vigenteDesde: string; version: number } | null;
  programada: { vigenteDesde: string; version: number } | null;
}): ReactNode {
  return (
    <>
      {v === null ? 'Sin versión vigente' : `v${v.version}, desde ${fecha(v.vigenteDesde)}`}
      {programada !== null && (
        <div className="detalle-cifra">
          v{programada.version} programada para el {fecha(programada.vigenteDesde)}
        </div>
      )}
    </>
  );
}

function ListaAlternativas({
  alCrear,
  alEditar,
  alVerHistorial,
}: {
  alCrear: () => void;
  alEditar: (a: Alternativa) => void;
  alVerHistorial: (a: Alternativa) => void;
}) {
  const lista = useAlternativas();
  const columnas: TableColumnsType<Alternativa> = [
    {
      title: 'Alternativa',
      key: 'nombre',
      width: 230,
      render: (_, a) => (
        <>
          <strong>{a.vigente?.nombre ?? a.clave}</strong>
          <div className="detalle-cifra">
            {NOMBRE_TIPO[a.tipo] === a.vigente?.nombre
              ? a.clave
              : `${NOMBRE_TIPO[a.tipo]} · ${a.clave}`}
          </div>
        </>
      ),
    },
    {
      title: 'Versión',
      key: 'version',
      width: 170,
      render: (_, a) => <Vigencia v={a.vigente} programada={a.programada} />,
    },
    {
      title: 'Activa',
      key: 'activa',
      width: 80,
      render: (_, a) => (a.vigente?.activa ? <Tag color="#1e6b3a">Sí</Tag> : <Tag>No</Tag>),
    },
    {
      title: 'Parámetros',
      key: 'parametros',
      render: (_, a) => (a.vigente === null ? '—' : describirParametros(a, a.vigente)),
    },
    {
      title: 'Elegibilidad',
      key: 'elegibilidad',
      width: 200,
      render: (_, a) => (a.vigente === null ? '—' : describirElegibilidad(a.vigente.elegibilidad)),
    },
    {
      title: 'Acciones',
      key: 'acciones',
      width: 120,
      render: (_, a) => {
        const nombre = a.vigente?.nombre ?? a.clave;
        return (
          <Flex vertical gap={4} align="start">
            <Button size="small" onClick={() => alEditar(a)} aria-label={`Editar ${nombre}`}>
              Editar
            </Button>
            <Button
              size="small"
              type="link"
              onClick={() => alVerHistorial(a)}
              aria-label={`Versiones de ${nombre}`}
            >
              Versiones
            </Button>
          </Flex>
        );
      },
    },
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <h2 className="titulo-tarjeta" id="titulo-alternativas">
          Alternativas
        </h2>
      }
      extra={<Button onClick={alCrear}>Nueva alternativa</Button>}
    >
      {lista.isPending ? (
        <Cargando texto="Cargando las alternativas…" />
      ) : lista.isError ? (
        <ErrorConReintento error={lista.error} reintentar={lista.refetch} />
      ) : (
        <Table<Alternativa>
          size="small"
          aria-labelledby="titulo-alternativas"
          rowKey="id"
          pagination={false}
          dataSource={lista.data}
          columns={columnas}
        />
      )}
    </Card>
  );
}

function ListaCampanas({
  alCrear,
  alEditar,
  alVerHistorial,
}: {
  alCrear: () => void;
  alEditar: (c: Campana) => void;
  alVerHistorial: (c: Campana) => void;
}) {
  const lista = useCampanas();
  const columnas: TableColumnsType<Campana> = [
    {
      title: 'Campaña',
      key: 'nombre',
      width: 260,
      render: (_, c) => (
        <>
          <strong>{c.vigente?.nombre ?? c.programada?.nombre ?? c.clave}</strong>
          <div className="detalle-cifra">{c.vigente?.acuerdo ?? c.programada?.acuerdo}</div>
        </>
      ),
    },
    {
      title: 'Vigencia',
      key: 'vigencia',
      width: 200,
      render: (_, c) => {
        const v = c.vigente ?? c.programada;
        return (
          <>
            {v === null ? '—' : `Del ${fecha(v.inicio)} al ${fecha(v.fin)}`}
            <div>
              <Tag>{NOMBRE_SITUACION[c.situacion]}</Tag>
            </div>
          </>
        );
      },
    },
    {
      title: 'Versión',
      key: 'version',
      width: 170,
      render: (_, c) => <Vigencia v={c.vigente} programada={c.programada} />,
    },
    {
      title: 'Condiciones',
      key: 'condiciones',
      render: (_, c) => {
        const v = c.vigente ?? c.programada;
        return v === null ? '—' : condicionesDeCampana(v);
      },
    },
    {
      title: 'Elegibilidad',
      key: 'elegibilidad',
      width: 180,
      render: (_, c) => {
        const v = c.vigente ?? c.programada;
        return v === null ? '—' : describirElegibilidad(v.elegibilidad);
      },
    },
    {
      title: 'Acciones',
      key: 'acciones',
      width: 120,
      render: (_, c) => {
        const nombre = c.vigente?.nombre ?? c.clave;
        return (
          <Flex vertical gap={4} align="start">
            <Button size="small" onClick={() => alEditar(c)} aria-label={`Editar ${nombre}`}>
              Editar
            </Button>
            <Button
              size="small"
              type="link"
              onClick={() => alVerHistorial(c)}
              aria-label={`Versiones de ${nombre}`}
            >
              Versiones
            </Button>
          </Flex>
        );
      },
    },
  ];
  return (
    <Card
      size="small"
      title={
        <h2 className="titulo-tarjeta" id="titulo-campanas">
          Campañas
        </h2>
      }
      extra={<Button onClick={alCrear}>Nueva campaña</Button>}
    >
      {lista.isPending ? (
        <Cargando texto="Cargando las campañas…" />
      ) : lista.isError ? (
        <ErrorConReintento error={lista.error} reintentar={lista.refetch} />
      ) : (
        <Table<Campana>
          size="small"
          aria-labelledby="titulo-campanas"
          rowKey="id"
          pagination={false}
          dataSource={lista.data}
          columns={columnas}
          locale={{ emptyText: 'Aún no hay campañas. Crea la primera con «Nueva campaña».' }}
        />
      )}
    </Card>
  );
}

const autoria = (v: { creada: string | null; creadaPor: string | null }) =>
  [v.creada === null ? null : fechaHora(v.creada), v.creadaPor]
    .filter((x) => x !== null)
    .join(' · ');

/** What every version of the catálogo has, alternative or campaign. */
type VersionDelCatalogo = Pick<
  VersionAlternativa,
  'id' | 'version' | 'vigenteDesde' | 'activa' | 'creada' | 'creadaPor'
>;

const COLUMNA_ACTIVA = {
  title: 'Activa',
  dataIndex: 'activa',
  width: 70,
  render: (x: boolean) => (x ? 'Sí' : 'No'),
};

/**
 * Every version of an alternative or a campaign, newest first: number, start date, the columns
 * of its kind, and who registered it.
 */
function HistorialDeVersiones<V extends VersionDelCatalogo>({
  abierto,
  nombre,
  consulta,
  columnas,
  alCerrar,
}: {
  abierto: boolean;
  nombre: string;
  consulta: {
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
    data: { versiones?: V[] } | undefined;
  };
  columnas: TableColumnsType<V>;
  alCerrar: () => void;
}) {
  return (
    <Modal
      open={abierto}
      width={980}
      title={`Versiones de «${nombre}»`}
      footer={<Button onClick={alCerrar}>Cerrar</Button>}
      onCancel={alCerrar}
      destroyOnHidden
    >
      {consulta.isError ? (
        <ErrorConReintento error={consulta.error} reintentar={consulta.refetch} />
      ) : consulta.data === undefined ? (
        <Cargando texto="Cargando las versiones…" />
      ) : (
        <Table<V>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={[...(consulta.data.versiones ?? [])].reverse()}
          columns={[
            { title: 'Versión', dataIndex: 'version', width: 70, align: 'right' },
            {
              title: 'Rige desde',
              dataIndex: 'vigenteDesde',
              width: 110,
              render: (f: string) => fecha(f),
            },
            ...columnas,
            { title: 'Registrada', key: 'r', width: 150, render: (_, v) => autoria(v) },
          ]}
        />
      )}
    </Modal>
  );
}

function HistorialAlternativa({
  alternativa,
  alCerrar,
}: {
  alternativa: Alternativa | null;
  alCerrar: () => void;
}) {
  const detalle = useAlternativa(alternativa?.id ?? null);
  const a = detalle.data;
  return (
    <HistorialDeVersiones<VersionAlternativa>
      abierto={alternativa !== null}
      nombre={alternativa?.vigente?.nombre ?? alternativa?.clave ?? ''}
      consulta={detalle}
      alCerrar={alCerrar}
      columnas={[
        { title: 'Nombre', dataIndex: 'nombre', width: 160 },
        COLUMNA_ACTIVA,
        {
          title: 'Parámetros',
          key: 'p',
          render: (_, v) => (a === undefined ? null : describirParametros(a, v)),
        },
        {
          title: 'Elegibilidad',
          key: 'e',
          render: (_, v) => describirElegibilidad(v.elegibilidad),
        },
      ]}
    />
  );
}

function HistorialCampana({
  campana,
  alCerrar,
}: {
  campana: Campana | null;
  alCerrar: () => void;
}) {
  const detalle = useCampana(campana?.id ?? null);
  return (
    <HistorialDeVersiones<VersionCampana>
      abierto={campana !== null}
      nombre={campana?.vigente?.nombre ?? campana?.clave ?? ''}
      consulta={detalle}
      alCerrar={alCerrar}
      columnas={[
        {
          title: 'Nombre y acuerdo',
          key: 'n',
          render: (_, v) => (
            <>
              {v.nombre}
              <div className="detalle-cifra">{v.acuerdo}</div>
            </>
          ),
        },
        {
          title: 'Vigencia',
          key: 'vig',
          width: 130,
          render: (_, v) => `${fecha(v.inicio)} a ${fecha(v.fin)}`,
        },
        { title: 'Condiciones', key: 'c', render: (_, v) => condicionesDeCampana(v) },
        COLUMNA_ACTIVA,
      ]}
    />
  );
}
