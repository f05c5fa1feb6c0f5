import { Button, Card, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  FILTRO_BITACORA_VACIO,
  type FiltroBitacora,
  urlBitacoraCsv,
  useBitacora,
  useDenegaciones,
} from '../api/bitacora.ts';
import { FiltrosBitacora } from '../componentes/bitacora/FiltrosBitacora.tsx';
import { TablaBitacora } from '../componentes/bitacora/TablaBitacora.tsx';
import { TablaDenegaciones } from '../componentes/bitacora/TablaDenegaciones.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { useTituloDocumento } from '../titulo.ts';

type Pestana = 'movimientos' | 'denegaciones';
const CAMPOS = Object.keys(FILTRO_BITACORA_VACIO) as (keyof FiltroBitacora)[];

/** The search lives in the address: a link to it shows the same rows, and «back» works. */
function estadoDe(parametros: URLSearchParams) {
  const filtro = { ...FILTRO_BITACORA_VACIO };
  for (const campo of CAMPOS) filtro[campo] = parametros.get(campo) ?? '';
  const pagina = Number(parametros.get('pagina') ?? '1');
  const pestana: Pestana =
    parametros.get('ver') === 'denegaciones' ? 'denegaciones' : 'movimientos';
  return { filtro, pagina: Number.isSafeInteger(pagina) && pagina >= 1 ? pagina : 1, pestana };
}

function parametrosDe(filtro: FiltroBitacora, pagina: number, pestana: Pestana) {
  const r: Record<string, string> = {};
  for (const campo of CAMPOS) if (filtro[campo] !== '') r[campo] = filtro[campo];
  if (pagina > 1) r.pagina = String(pagina);
  if (pestana === 'denegaciones') r.ver = pestana;
  return r;
}

function Paginacion({
  etiqueta,
  pagina,
  hayMas,
  ocupada,
  irA,
}: {
  etiqueta: string;
  pagina: number;
  hayMas: boolean;
  ocupada: boolean;
  irA: (pagina: number) => void;
}) {
  return (
    <nav aria-label={etiqueta} className="paginacion">
      <Button disabled={pagina <= 1 || ocupada} onClick={() => irA(pagina - 1)}>
        Más recientes
      </Button>
      <span>Página {pagina.toLocaleString('es-MX')}</span>
      <Button disabled={!hayMas || ocupada} onClick={() => irA(pagina + 1)}>
        Más antiguas
      </Button>
    </nav>
  );
}

/**
 * The bitácora for the administrador: who did or looked at what, and when, newest first; the
 * refused requests; and the search as a CSV file. Looking here is itself recorded.
 */
export function PaginaBitacora() {
  useTituloDocumento('Bitácora');
  const [parametros, setParametros] = useSearchParams();
  const { filtro, pagina, pestana } = estadoDe(parametros);
  const movimientos = useBitacora(filtro, pagina, pestana === 'movimientos');
  const denegaciones = useDenegaciones(filtro, pagina, pestana === 'denegaciones');
  const ir = (f: FiltroBitacora, p: number, v: Pestana) => setParametros(parametrosDe(f, p, v));
  const textoVacio = (sinMas: string, ninguna: string) => (pagina > 1 ? sinMas : ninguna);

  const tarjeta = (titulo: string, extra: ReactNode, contenido: ReactNode) => (
    <Card
      size="small"
      className="tarjeta-envolvente"
      title={<h2 className="titulo-tarjeta">{titulo}</h2>}
      extra={extra}
    >
      {contenido}
    </Card>
  );

  const datosMovimientos = movimientos.data;
  const datosDenegaciones = denegaciones.data;

  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 4 }}>
        Bitácora
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Cada cambio y cada consulta de datos personales, con quién, cuándo y desde dónde; también
        las solicitudes que se negaron. Consultar o descargar la bitácora también queda registrado.
      </Typography.Paragraph>
      <FiltrosBitacora
        filtro={filtro}
        soloQuienYCuando={pestana === 'denegaciones'}
        alBuscar={(f) => ir(f, 1, pestana)}
      />
      <Tabs
        activeKey={pestana}
        onChange={(clave) => ir(filtro, 1, clave as Pestana)}
        items={[
          {
            key: 'movimientos',
            label: 'Movimientos',
            children: movimientos.isError ? (
              <ErrorConReintento
                titulo="No se pudo cargar la bitácora."
                error={movimientos.error}
                reintentar={movimientos.refetch}
              />
            ) : (
              tarjeta(
                'Movimientos registrados',
                <Button type="primary" href={urlBitacoraCsv(filtro)} download>
                  Descargar CSV
                </Button>,
                <div aria-busy={movimientos.isFetching}>
                  <TablaBitacora
                    filas={datosMovimientos?.filas}
                    cargando={movimientos.isFetching}
                    textoVacio={textoVacio(
                      'No hay filas más antiguas.',
                      'Ninguna fila coincide con la búsqueda.',
                    )}
                  />
                  <Paginacion
                    etiqueta="Páginas de la bitácora"
                    pagina={pagina}
                    hayMas={datosMovimientos?.hayMas ?? false}
                    ocupada={movimientos.isFetching}
                    irA={(p) => ir(filtro, p, pestana)}
                  />
                </div>,
              )
            ),
          },
          {
            key: 'denegaciones',
            label: 'Denegaciones',
            children: denegaciones.isError ? (
              <ErrorConReintento
                titulo="No se pudieron cargar las denegaciones."
                error={denegaciones.error}
                reintentar={denegaciones.refetch}
              />
            ) : (
              tarjeta(
                'Solicitudes denegadas, por minuto',
                null,
                <div aria-busy={denegaciones.isFetching}>
                  <TablaDenegaciones
                    denegaciones={datosDenegaciones?.denegaciones}
                    cargando={denegaciones.isFetching}
                    textoVacio={textoVacio(
                      'No hay denegaciones más antiguas.',
                      'Ninguna solicitud denegada coincide con la búsqueda.',
                    )}
                  />
                  <Paginacion
                    etiqueta="Páginas de las denegaciones"
                    pagina={pagina}
                    hayMas={datosDenegaciones?.hayMas ?? false}
                    ocupada={denegaciones.isFetching}
                    irA={(p) => ir(filtro, p, pestana)}
                  />
                </div>,
              )
            ),
          },
        ]}
      />
    </>
  );
}
