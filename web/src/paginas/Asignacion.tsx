import { Alert, Button, Card, Flex, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import {
  type FiltroCuentas,
  filtroEnCuerpo,
  useCuentasAsignables,
  useGestores,
} from '../api/asignacion.ts';
import { useOficinas } from '../api/oficinas.ts';
import { useUsuarioActual } from '../api/sesion.ts';
import { DialogoAsignar } from '../componentes/asignacion/DialogoAsignar.tsx';
import { Distribucion } from '../componentes/asignacion/Distribucion.tsx';
import { FILTRO_VACIO, FiltrosCuentas } from '../componentes/asignacion/FiltrosCuentas.tsx';
import { Suplencias } from '../componentes/asignacion/Suplencias.tsx';
import { TablaCuentas } from '../componentes/asignacion/TablaCuentas.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { useTituloDocumento } from '../titulo.ts';

type Filtro = Omit<FiltroCuentas, 'oficinaId'>;

const cuentas = (n: number) => (n === 1 ? '1 cuenta' : `${n.toLocaleString('es-MX')} cuentas`);

/**
 * Who holds each account: the coordinador of an office (the administrador, of the office he
 * picks) finds accounts by aging, balance, town or contact, hands the chosen ones to a gestor,
 * or deals many at once among several with a preview; and covers absences with suplencias.
 */
export function PaginaAsignacion() {
  useTituloDocumento('Asignación de cartera');
  const usuario = useUsuarioActual();
  const esAdministrador = usuario.rol === 'administrador';
  const oficinas = useOficinas();
  const [oficinaElegida, setOficinaElegida] = useState<number | null>(null);
  const oficinaId = esAdministrador ? oficinaElegida : (usuario.oficina?.id ?? null);
  const gestores = useGestores(oficinaId, oficinaId !== null);

  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 4 }}>
        Asignación de cartera
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Cada cuenta activa tiene un gestor responsable. Reasignar conserva el historial: quién tuvo
        la cuenta, desde cuándo y hasta cuándo.
      </Typography.Paragraph>
      {esAdministrador ? (
        <Flex align="center" gap={8} wrap style={{ marginBottom: 16 }}>
          <label htmlFor="oficina-asignacion">Oficina</label>
          <Select<number>
            id="oficina-asignacion"
            value={oficinaElegida ?? undefined}
            onChange={setOficinaElegida}
            options={(oficinas.data ?? []).map((o) => ({ value: o.id, label: o.nombre }))}
            loading={oficinas.isPending}
            placeholder="Elige una oficina"
            style={{ width: 220 }}
          />
        </Flex>
      ) : (
        <Typography.Paragraph>
          Oficina <strong>{usuario.oficina?.nombre ?? 'sin asignar'}</strong>
        </Typography.Paragraph>
      )}
      {oficinaId === null ? (
        <Alert
          type="info"
          showIcon
          title={
            esAdministrador
              ? 'Elige la oficina cuya cartera vas a asignar.'
              : 'Tu usuario no tiene oficina: pide al administrador que te asigne una.'
          }
        />
      ) : (
        <>
          {gestores.isError && (
            <ErrorConReintento
              titulo="No se pudo cargar la lista de gestores."
              error={gestores.error}
              reintentar={gestores.refetch}
              style={{ marginBottom: 16 }}
            />
          )}
          <Tabs
            key={oficinaId}
            items={[
              {
                key: 'cuentas',
                label: 'Cuentas',
                children: <Cuentas oficinaId={oficinaId} gestores={gestores.data ?? []} />,
              },
              {
                key: 'suplencias',
                label: 'Suplencias',
                children: <Suplencias gestores={gestores.data ?? []} />,
              },
            ]}
          />
        </>
      )}
    </>
  );
}

function Cuentas({
  oficinaId,
  gestores,
}: {
  oficinaId: number;
  gestores: NonNullable<ReturnType<typeof useGestores>['data']>;
}) {
  const [filtro, setFiltro] = useState<Filtro>({ ...FILTRO_VACIO, sinAsignar: true });
  const [pagina, setPagina] = useState(1);
  const [seleccion, setSeleccion] = useState<number[]>([]);
  // The accounts being assigned stay fixed while the dialog is open and while it closes.
  const [dialogo, setDialogo] = useState<{ ids: number[]; abierto: boolean } | null>(null);
  const completo: FiltroCuentas = { ...filtro, oficinaId };
  const lista = useCuentasAsignables(completo, pagina, true);

  const buscar = (f: Filtro) => {
    setFiltro(f);
    setPagina(1);
    setSeleccion([]);
  };

  const datos = lista.data;
  const enPagina = datos?.cuentas.map((c) => c.creditoId) ?? [];
  const paginas = datos === undefined ? 1 : Math.max(1, Math.ceil(datos.total / datos.porPagina));

  return (
    <>
      <FiltrosCuentas filtro={filtro} gestores={gestores} alBuscar={buscar} />
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={<h2 className="titulo-tarjeta">Distribuir en bloque</h2>}
      >
        <Distribucion
          filtro={filtroEnCuerpo(completo)}
          total={datos?.total}
          seleccion={seleccion}
          gestores={gestores}
          alAplicar={() => setSeleccion([])}
        />
      </Card>
      {lista.isError ? (
        <ErrorConReintento
          titulo="No se pudieron cargar las cuentas."
          error={lista.error}
          reintentar={lista.refetch}
        />
      ) : (
        <Card
          size="small"
          title={
            <h2 className="titulo-tarjeta" aria-live="polite">
              {datos === undefined
                ? 'Cuentas'
                : `${cuentas(datos.total)} ${datos.total === 1 ? 'coincide' : 'coinciden'}`}
            </h2>
          }
          extra={
            <Button
              type="primary"
              disabled={seleccion.length === 0 || gestores.length === 0}
              onClick={() => setDialogo({ ids: seleccion, abierto: true })}
            >
              Asignar elegidas ({seleccion.length})
            </Button>
          }
          className="tarjeta-envolvente"
        >
          <div aria-busy={lista.isFetching}>
            <Flex gap={8} wrap style={{ marginBottom: 8 }}>
              <Button
                size="small"
                disabled={enPagina.length === 0 || enPagina.every((id) => seleccion.includes(id))}
                onClick={() => setSeleccion([...new Set([...seleccion, ...enPagina])])}
              >
                Elegir las de esta página
              </Button>
              <Button
                size="small"
                disabled={seleccion.length === 0}
                onClick={() => setSeleccion([])}
              >
                Quitar la elección
              </Button>
            </Flex>
            <TablaCuentas
              cuentas={datos?.cuentas}
              cargando={lista.isFetching}
              seleccion={seleccion}
              alSeleccionar={setSeleccion}
              textoVacio={
                pagina > 1
                  ? 'No hay más cuentas. Regresa a la página anterior.'
                  : 'Ninguna cuenta coincide con los filtros.'
              }
            />
            <nav aria-label="Páginas de las cuentas" className="paginacion">
              <Button
                disabled={pagina <= 1 || lista.isFetching}
                onClick={() => setPagina(pagina - 1)}
              >
                Anterior
              </Button>
              <span>
                Página {pagina} de {paginas}
              </span>
              <Button
                disabled={pagina >= paginas || lista.isFetching}
                onClick={() => setPagina(pagina + 1)}
              >
                Siguiente
              </Button>
            </nav>
          </div>
        </Card>
      )}
      {dialogo !== null && (
        <DialogoAsignar
          creditoIds={dialogo.ids}
          gestores={gestores}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
          alAsignar={() => setSeleccion([])}
        />
      )}
    </>
  );
}
