import { App, Button, Flex, Select } from 'antd';
import { useState } from 'react';
import {
  type CuentaTurnada,
  type Despacho,
  useCuentasTurnadas,
  useDevolverTurnado,
} from '../../api/juridico.ts';
import { DialogoMotivo } from '../DialogoMotivo.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import { TablaCuentasTurnadas } from './TablaCuentasTurnadas.tsx';

const TODOS = 'todos';

/** What each firm holds now, and the recall (devolución) of an account with its reason. */
export function CuentasTurnadas({ despachos }: { despachos: readonly Despacho[] }) {
  const [despachoId, setDespachoId] = useState<number | null>(null);
  const [pagina, setPagina] = useState(1);
  const lista = useCuentasTurnadas(despachoId, pagina);
  const devolver = useDevolverTurnado();
  const { message } = App.useApp();
  const [dialogo, setDialogo] = useState<{ cuenta: CuentaTurnada; abierto: boolean } | null>(null);

  return (
    <>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <label htmlFor="despacho-turnadas">Despacho</label>
        <Select<number | typeof TODOS>
          id="despacho-turnadas"
          value={despachoId ?? TODOS}
          onChange={(v) => {
            setDespachoId(v === TODOS ? null : v);
            setPagina(1);
          }}
          options={[
            { value: TODOS, label: 'Todos los despachos' },
            ...despachos.map((d) => ({ value: d.id, label: d.nombre })),
          ]}
          style={{ width: 260 }}
        />
      </Flex>
      {lista.isError ? (
        <ErrorConReintento
          titulo="No se pudieron cargar las cuentas turnadas."
          error={lista.error}
          reintentar={lista.refetch}
        />
      ) : (
        <TablaCuentasTurnadas
          datos={lista.data}
          cargando={lista.isFetching}
          conDespacho
          etiquetaPaginas="Páginas de las cuentas turnadas"
          alCambiarPagina={setPagina}
          vacio="Ningún despacho tiene cuentas turnadas."
          accion={(c) => (
            <Button
              size="small"
              danger
              aria-label={`Devolver el crédito ${c.numero}`}
              onClick={() => setDialogo({ cuenta: c, abierto: true })}
            >
              Devolver
            </Button>
          )}
        />
      )}
      {dialogo !== null && (
        <DialogoMotivo
          key={dialogo.cuenta.creditoId}
          abierto={dialogo.abierto}
          titulo={`Devolver el crédito ${dialogo.cuenta.numero}`}
          accion="Devolver"
          nombre="devolver-turnado"
          explicacion={`La cuenta deja de estar turnada a ${dialogo.cuenta.despacho.nombre} y vuelve a la gestión de su oficina. El expediente y los pagarés siguen en el despacho hasta que se reciban en el archivo.`}
          etiqueta="Motivo de la devolución"
          faltaMotivo="Explica por qué se devuelve la cuenta."
          ocupado={devolver.isPending}
          enviar={async (motivo) => {
            await devolver.mutateAsync({ creditoId: dialogo.cuenta.creditoId, motivo });
            void message.success(`Crédito ${dialogo.cuenta.numero} devuelto a su oficina.`);
          }}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
    </>
  );
}
