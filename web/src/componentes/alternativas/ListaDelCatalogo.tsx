import { Button, Card, Flex, Table, type TableColumnsType } from 'antd';
import { type ComponentType, type CSSProperties, type ReactNode, useState } from 'react';
import { fecha } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';

interface VersionEnLista {
  nombre: string;
  version: number;
  vigenteDesde: string;
}

/** What every entry of the catálogo has, alternative or campaign. */
export interface EntradaDelCatalogo {
  id: number;
  clave: string;
  vigente: VersionEnLista | null;
  programada: VersionEnLista | null;
}

/** The dialog that creates an entry (`entrada` null) or appends its next version. */
export interface PropsDialogoDelCatalogo<T> {
  entrada: T | null;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}

/** The «Versiones» dialog of an entry; closed while `entrada` is null. */
export interface PropsHistorialDelCatalogo<T> {
  entrada: T | null;
  alCerrar: () => void;
}

function Vigencia({
  v,
  programada,
}: {
  v: VersionEnLista | null;
  programada: VersionEnLista | null;
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

/** «Versión»: the one in force and the one scheduled, if an edit takes effect later. */
export function columnaVersion<T extends EntradaDelCatalogo>(): TableColumnsType<T>[number] {
  return {
    title: 'Versión',
    key: 'version',
    width: 170,
    render: (_, e) => <Vigencia v={e.vigente} programada={e.programada} />,
  };
}

type Dialogo<T> = { entrada: T | null; abierto: boolean } | null;

interface Props<T extends EntradaDelCatalogo> {
  /** The card's heading, also the table's accessible name («Alternativas», «Campañas»). */
  titulo: string;
  idTitulo: string;
  textoNueva: string;
  textoCargando: string;
  textoVacio?: string;
  style?: CSSProperties;
  consulta: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
    data: T[] | undefined;
  };
  /** The kind's columns; «Acciones» (edit, versions) is added last. */
  columnas: TableColumnsType<T>;
  Dialogo: ComponentType<PropsDialogoDelCatalogo<T>>;
  Historial: ComponentType<PropsHistorialDelCatalogo<T>>;
}

/**
 * One kind of the catálogo (alternatives or campaigns): its entries with the version in force,
 * «Nueva …» to create one, and on each row «Editar» (a new version) and «Versiones».
 */
export function ListaDelCatalogo<T extends EntradaDelCatalogo>({
  titulo,
  idTitulo,
  textoNueva,
  textoCargando,
  textoVacio,
  style,
  consulta,
  columnas,
  Dialogo,
  Historial,
}: Props<T>) {
  const [dialogo, setDialogo] = useState<Dialogo<T>>(null);
  const [historial, setHistorial] = useState<T | null>(null);
  const acciones: TableColumnsType<T>[number] = {
    title: 'Acciones',
    key: 'acciones',
    width: 120,
    render: (_, e) => {
      const nombre = e.vigente?.nombre ?? e.clave;
      return (
        <Flex vertical gap={4} align="start">
          <Button
            size="small"
            onClick={() => setDialogo({ entrada: e, abierto: true })}
            aria-label={`Editar ${nombre}`}
          >
            Editar
          </Button>
          <Button
            size="small"
            type="link"
            onClick={() => setHistorial(e)}
            aria-label={`Versiones de ${nombre}`}
          >
            Versiones
          </Button>
        </Flex>
      );
    },
  };
  return (
    <>
      <Card
        size="small"
        style={style}
        title={
          <h2 className="titulo-tarjeta" id={idTitulo}>
            {titulo}
          </h2>
        }
        extra={
          <Button onClick={() => setDialogo({ entrada: null, abierto: true })}>{textoNueva}</Button>
        }
      >
        {consulta.isPending ? (
          <Cargando texto={textoCargando} />
        ) : consulta.isError ? (
          <ErrorConReintento error={consulta.error} reintentar={consulta.refetch} />
        ) : (
          <Table<T>
            size="small"
            aria-labelledby={idTitulo}
            rowKey="id"
            pagination={false}
            dataSource={consulta.data}
            columns={[...columnas, acciones]}
            locale={textoVacio === undefined ? undefined : { emptyText: textoVacio }}
          />
        )}
      </Card>
      {dialogo !== null && (
        <Dialogo
          key={dialogo.entrada?.id ?? 'nueva'}
          entrada={dialogo.entrada}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
      <Historial entrada={historial} alCerrar={() => setHistorial(null)} />
    </>
  );
}
