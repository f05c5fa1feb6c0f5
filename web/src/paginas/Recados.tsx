import { Card, Collapse, Typography } from 'antd';
import { useState } from 'react';
import { type Recado, ROLES_ATENDER_RECADOS, useRecados } from '../api/recados.ts';
import { useUsuarioActual } from '../api/sesion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { DialogoAtenderRecado } from '../componentes/recados/DialogoAtenderRecado.tsx';
import { ListaRecados } from '../componentes/recados/ListaRecados.tsx';
import { TomarRecado } from '../componentes/recados/TomarRecado.tsx';
import { useTituloDocumento } from '../titulo.ts';

/**
 * Messages for absent colleagues: take one for whoever handles the account, and read and
 * attend one's own (with a gestión). New ones arrive live, with the count in the navigation.
 */
export function PaginaRecados() {
  useTituloDocumento('Recados');
  const usuario = useUsuarioActual();
  const puedeAtender = ROLES_ATENDER_RECADOS.includes(usuario.rol);
  const lista = useRecados(false, puedeAtender);
  const [atendiendo, setAtendiendo] = useState<{ recado: Recado; abierto: boolean } | null>(null);

  const todos = lista.data?.recados ?? [];
  const pendientes = todos.filter((r) => r.estado !== 'atendido');
  const atendidos = todos.filter((r) => r.estado === 'atendido');
  const comunes = {
    usuarioId: usuario.id,
    puedeAtender,
    alAtender: (recado: Recado) => setAtendiendo({ recado, abierto: true }),
  };

  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 4 }}>
        Recados
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Quien contesta el teléfono deja el recado a quien lleva la cuenta; le llega al momento. Sin
        atención en las horas hábiles fijadas, el recado pasa al coordinador de la oficina.
      </Typography.Paragraph>

      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={<h2 className="titulo-tarjeta">Tomar recado</h2>}
      >
        <TomarRecado />
      </Card>

      {puedeAtender && (
        <Card
          size="small"
          title={
            <h2 className="titulo-tarjeta">
              Mis recados
              {lista.data === undefined
                ? ''
                : ` (${lista.data.nuevos} ${lista.data.nuevos === 1 ? 'nuevo' : 'nuevos'})`}
            </h2>
          }
        >
          {lista.isError ? (
            <ErrorConReintento
              titulo="No se pudieron cargar tus recados."
              error={lista.error}
              reintentar={lista.refetch}
            />
          ) : lista.data === undefined ? (
            <Cargando texto="Cargando tus recados…" />
          ) : (
            <>
              <ListaRecados
                {...comunes}
                recados={pendientes}
                etiqueta="Recados por atender"
                vacio="No tienes recados por atender."
              />
              {atendidos.length > 0 && (
                <Collapse
                  style={{ marginTop: 12 }}
                  items={[
                    {
                      key: 'atendidos',
                      label: `Atendidos (${atendidos.length})`,
                      children: (
                        <ListaRecados
                          {...comunes}
                          recados={atendidos}
                          etiqueta="Recados atendidos"
                          vacio=""
                        />
                      ),
                    },
                  ]}
                />
              )}
            </>
          )}
        </Card>
      )}

      {atendiendo !== null && (
        <DialogoAtenderRecado
          key={atendiendo.recado.id}
          recado={atendiendo.recado}
          abierto={atendiendo.abierto}
          alCerrar={() => setAtendiendo({ ...atendiendo, abierto: false })}
          alTerminarCierre={() => setAtendiendo(null)}
        />
      )}
    </>
  );
}
