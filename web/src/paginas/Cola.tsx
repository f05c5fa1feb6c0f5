import { App, Button, Card, Tabs, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { mensajeDeError } from '../api/cliente.ts';
import { useCola, useHuerfanas, useTomarSiguiente } from '../api/cola.ts';
import { useHoy, useUsuarioActual } from '../api/sesion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { ListaCola } from '../componentes/gestion/ListaCola.tsx';
import { SelectorGestor } from '../componentes/gestion/SelectorGestor.tsx';
import { fecha, hora } from '../formato.ts';
import { idDeRuta } from '../ruta.ts';
import { useTituloDocumento } from '../titulo.ts';

type Vista = 'hoy' | 'huerfanas';

/**
 * «Mi cartera hoy»: the gestor's accounts ranked by what to do now, each with why, and
 * «Siguiente cuenta», which takes the top one for him alone for a few minutes and opens it.
 * The coordinador reads any of his office's gestores' queues (the choice is in the address).
 */
export function PaginaCola() {
  useTituloDocumento('Mi cartera hoy');
  const usuario = useUsuarioActual();
  const hoy = useHoy();
  const navegar = useNavigate();
  const { message } = App.useApp();
  const [parametros, setParametros] = useSearchParams();
  const esCoordinador = usuario.rol === 'coordinador';
  const pedido = esCoordinador ? idDeRuta(parametros.get('gestorId') ?? undefined) : null;
  // The coordinador's own queue is asked without gestorId, like a gestor's.
  const gestorId = pedido === usuario.id ? null : pedido;
  const vista: Vista = parametros.get('vista') === 'huerfanas' ? 'huerfanas' : 'hoy';

  const cola = useCola(gestorId);
  const huerfanas = useHuerfanas(gestorId, vista === 'huerfanas');
  const tomar = useTomarSiguiente();

  const cambiar = (cambios: { gestorId?: number | null; vista?: Vista }) => {
    const siguiente = new URLSearchParams(parametros);
    if (cambios.gestorId !== undefined) {
      if (cambios.gestorId === null) siguiente.delete('gestorId');
      else siguiente.set('gestorId', String(cambios.gestorId));
    }
    if (cambios.vista !== undefined) {
      if (cambios.vista === 'hoy') siguiente.delete('vista');
      else siguiente.set('vista', cambios.vista);
    }
    setParametros(siguiente, { replace: true });
  };

  const siguienteCuenta = () => {
    tomar.mutate(undefined, {
      onSuccess: ({ cuenta, hasta }) => {
        if (cuenta === null) {
          void message.info(
            'No hay cuentas libres en tu cola: está vacía o las demás las atiende otra persona.',
          );
          return;
        }
        void message.success(
          hasta === null
            ? `Cuenta ${cuenta.numero} tomada para ti.`
            : `Cuenta ${cuenta.numero} tomada para ti hasta las ${hora(hasta)}.`,
        );
        navegar(`/creditos/${cuenta.creditoId}`);
      },
      onError: (error) => void message.error(mensajeDeError(error)),
    });
  };

  const nombreGestor = gestorId === null ? null : (cola.data?.gestor.nombre ?? null);

  return (
    <>
      <Typography.Title level={1}>Mi cartera hoy</Typography.Title>
      <Typography.Paragraph type="secondary">
        {nombreGestor === null
          ? `Tus cuentas ordenadas por lo que conviene hacer primero, al ${fecha(hoy)}.`
          : `Cuentas de ${nombreGestor} ordenadas por lo que conviene hacer primero, al ${fecha(hoy)}.`}
      </Typography.Paragraph>
      <div className="cola-acciones">
        {/* The button takes from one's own queue: reading another's queue is only reading. */}
        {gestorId === null && (
          <Button type="primary" size="large" loading={tomar.isPending} onClick={siguienteCuenta}>
            Siguiente cuenta
          </Button>
        )}
        <SelectorGestor valor={gestorId} alCambiar={(id) => cambiar({ gestorId: id })} />
      </div>
      <Card size="small">
        <Tabs
          activeKey={vista}
          onChange={(v) => cambiar({ vista: v === 'huerfanas' ? 'huerfanas' : 'hoy' })}
          items={[
            {
              key: 'hoy',
              label: `Para hoy${cola.data ? ` (${cola.data.total.toLocaleString('es-MX')})` : ''}`,
              children: cola.isError ? (
                <ErrorConReintento
                  titulo="No se pudo cargar la cola de trabajo."
                  error={cola.error}
                  reintentar={cola.refetch}
                />
              ) : cola.data === undefined ? (
                <Cargando texto="Ordenando las cuentas…" />
              ) : (
                <ListaCola
                  key={String(gestorId)}
                  cuentas={cola.data.cuentas}
                  total={cola.data.total}
                  nombre="Cuentas por trabajar"
                  vacio="No hay cuentas por trabajar hoy."
                  actualizando={cola.isFetching}
                />
              ),
            },
            {
              key: 'huerfanas',
              label: `Sin próxima acción${huerfanas.data ? ` (${huerfanas.data.total.toLocaleString('es-MX')})` : ''}`,
              children: huerfanas.isError ? (
                <ErrorConReintento
                  titulo="No se pudieron cargar las cuentas sin próxima acción."
                  error={huerfanas.error}
                  reintentar={huerfanas.refetch}
                />
              ) : huerfanas.data === undefined ? (
                <Cargando texto="Buscando cuentas sin próxima acción…" />
              ) : (
                <>
                  <Typography.Paragraph type="secondary">
                    Cuentas asignadas sin una próxima acción programada: registra una gestión con la
                    siguiente fecha para que no se queden sin seguimiento.
                  </Typography.Paragraph>
                  <ListaCola
                    key={String(gestorId)}
                    cuentas={huerfanas.data.cuentas}
                    total={huerfanas.data.total}
                    nombre="Cuentas sin próxima acción"
                    vacio="Todas las cuentas tienen una próxima acción programada."
                    actualizando={huerfanas.isFetching}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
