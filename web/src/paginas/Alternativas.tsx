import { type TableColumnsType, Tag, Typography } from 'antd';
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
import {
  COLUMNA_ACTIVA,
  HistorialDeVersiones,
} from '../componentes/alternativas/HistorialDeVersiones.tsx';
import {
  columnaVersion,
  ListaDelCatalogo,
  type PropsHistorialDelCatalogo,
} from '../componentes/alternativas/ListaDelCatalogo.tsx';
import { fecha, porcentaje } from '../formato.ts';
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

export function PaginaAlternativas() {
  useTituloDocumento('Alternativas y campañas');
  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 16 }}>
        Alternativas y campañas
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Lo que el simulador ofrece en ventanilla. Editar crea una versión nueva que rige desde la
        fecha indicada; las anteriores se conservan.
      </Typography.Paragraph>
      <ListaDelCatalogo<Alternativa>
        titulo="Alternativas"
        idTitulo="titulo-alternativas"
        textoNueva="Nueva alternativa"
        textoCargando="Cargando las alternativas…"
        style={{ marginBottom: 16 }}
        consulta={useAlternativas()}
        columnas={COLUMNAS_ALTERNATIVAS}
        Dialogo={DialogoAlternativa}
        Historial={HistorialAlternativa}
      />
      <ListaDelCatalogo<Campana>
        titulo="Campañas"
        idTitulo="titulo-campanas"
        textoNueva="Nueva campaña"
        textoCargando="Cargando las campañas…"
        textoVacio="Aún no hay campañas. Crea la primera con «Nueva campaña»."
        consulta={useCampanas()}
        columnas={COLUMNAS_CAMPANAS}
        Dialogo={DialogoCampana}
        Historial={HistorialCampana}
      />
    </>
  );
}

const COLUMNAS_ALTERNATIVAS: TableColumnsType<Alternativa> = [
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
  columnaVersion<Alternativa>(),
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
];

/** A campaign not yet in force is described by its scheduled version. */
const vigenteOProgramada = (c: Campana) => c.vigente ?? c.programada;

const COLUMNAS_CAMPANAS: TableColumnsType<Campana> = [
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
      const v = vigenteOProgramada(c);
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
  columnaVersion<Campana>(),
  {
    title: 'Condiciones',
    key: 'condiciones',
    render: (_, c) => {
      const v = vigenteOProgramada(c);
      return v === null ? '—' : condicionesDeCampana(v);
    },
  },
  {
    title: 'Elegibilidad',
    key: 'elegibilidad',
    width: 180,
    render: (_, c) => {
      const v = vigenteOProgramada(c);
      return v === null ? '—' : describirElegibilidad(v.elegibilidad);
    },
  },
];

function HistorialAlternativa({
  entrada: alternativa,
  alCerrar,
}: PropsHistorialDelCatalogo<Alternativa>) {
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

function HistorialCampana({ entrada: campana, alCerrar }: PropsHistorialDelCatalogo<Campana>) {
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
