import { Alert, App, Button, Checkbox, Flex, Radio, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  type FiltroEnCuerpo,
  type Gestor,
  type Regla,
  type RepartoPorGestor,
  type SolicitudDistribucion,
  useDistribuir,
  useVistaPrevia,
  type VistaPrevia,
} from '../../api/asignacion.ts';
import { esErrorApi, mensajeDeError } from '../../api/cliente.ts';
import { centavosDe, pesos, pesosDe } from '../../formato.ts';

type Alcance = 'filtro' | 'seleccion';

const cuentas = (n: number) => (n === 1 ? '1 cuenta' : `${n.toLocaleString('es-MX')} cuentas`);

const columnas: TableColumnsType<RepartoPorGestor> = [
  { title: 'Gestor', key: 'gestor', render: (_, r) => r.gestor.nombre },
  {
    title: 'Cuentas',
    dataIndex: 'cuentas',
    align: 'right',
    width: 110,
    render: (n: number) => <span className="cifra">{n.toLocaleString('es-MX')}</span>,
  },
  {
    title: 'Saldo exigible',
    dataIndex: 'saldo',
    align: 'right',
    width: 160,
    render: (s: string) => <span className="cifra">{pesosDe(s)}</span>,
  },
];

function TablaReparto({ vista }: { vista: VistaPrevia }) {
  const saldo = vista.porGestor.reduce((t, r) => t + centavosDe(r.saldo), 0);
  return (
    <Table<RepartoPorGestor>
      rowKey={(r) => r.gestor.id}
      columns={columnas}
      dataSource={vista.porGestor}
      pagination={false}
      size="small"
      summary={() => (
        <Table.Summary.Row className="fila-total">
          <Table.Summary.Cell index={0}>Total</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <span className="cifra">{vista.cuentas.toLocaleString('es-MX')}</span>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <span className="cifra">{pesos(saldo)}</span>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/**
 * Deals many accounts at once among the gestores chosen: even by number of accounts or by
 * balance. Nothing changes until the preview is applied, and only if the accounts are still
 * those previewed (the server checks the signature).
 */
export function Distribucion({
  filtro,
  total,
  seleccion,
  gestores,
  alAplicar,
}: {
  filtro: FiltroEnCuerpo;
  /** Accounts the filter matches, all pages. */
  total: number | undefined;
  seleccion: readonly number[];
  gestores: readonly Gestor[];
  alAplicar: () => void;
}) {
  const { message } = App.useApp();
  const [alcance, setAlcance] = useState<Alcance>('filtro');
  const [gestorIds, setGestorIds] = useState<number[]>([]);
  const [regla, setRegla] = useState<Regla>('cuentas');
  const [vista, setVista] = useState<{ clave: string; resultado: VistaPrevia } | null>(null);
  const [aviso, setAviso] = useState<{ tipo: 'error' | 'warning'; texto: string } | null>(null);
  const previsualizar = useVistaPrevia();
  const distribuir = useDistribuir();

  const usarSeleccion = alcance === 'seleccion' && seleccion.length > 0;
  // The gestores are sent in the office's order, whatever order they were ticked in.
  const elegidos = gestores.filter((g) => gestorIds.includes(g.id)).map((g) => g.id);
  const solicitud: SolicitudDistribucion = usarSeleccion
    ? { creditoIds: [...seleccion], gestorIds: elegidos, regla }
    : { filtro, gestorIds: elegidos, regla };
  const clave = JSON.stringify(solicitud);
  // A preview is good only for what it was made for: every change asks for a new one.
  const vigente = vista !== null && vista.clave === clave ? vista.resultado : null;

  const pedirVista = () => {
    setAviso(null);
    if (elegidos.length === 0) {
      setAviso({ tipo: 'error', texto: 'Elige al menos un gestor.' });
      return;
    }
    previsualizar.mutate(solicitud, {
      onSuccess: (resultado) => setVista({ clave, resultado }),
      onError: (error) => {
        setVista(null);
        setAviso({ tipo: 'error', texto: mensajeDeError(error) });
      },
    });
  };

  const aplicar = () => {
    if (vigente === null || distribuir.isPending) return;
    setAviso(null);
    distribuir.mutate(
      { ...solicitud, firma: vigente.firma },
      {
        onSuccess: (r) => {
          setVista(null);
          void message.success(`Se asignaron ${cuentas(r.asignadas)}.`);
          alAplicar();
        },
        onError: (error) => {
          if (esErrorApi(error) && error.codigo === 'plan_cambiado') {
            setVista(null);
            setAviso({
              tipo: 'warning',
              texto: `${error.mensaje} Genera otra vez la vista previa antes de aplicar.`,
            });
            return;
          }
          setAviso({ tipo: 'error', texto: mensajeDeError(error) });
        },
      },
    );
  };

  return (
    <div className="distribucion">
      <div className="rejilla-flexible">
        <fieldset className="grupo-campos">
          <legend>Cuentas a repartir</legend>
          <Radio.Group
            value={usarSeleccion ? 'seleccion' : 'filtro'}
            onChange={(e) => setAlcance(e.target.value as Alcance)}
            className="opciones-apiladas"
            options={[
              {
                value: 'filtro',
                label:
                  total === undefined
                    ? 'Todas las del filtro'
                    : `Todas las del filtro (${cuentas(total)})`,
              },
              {
                value: 'seleccion',
                label: `Solo las elegidas (${cuentas(seleccion.length)})`,
                disabled: seleccion.length === 0,
              },
            ]}
          />
        </fieldset>
        <fieldset className="grupo-campos">
          <legend>Gestores que las reciben</legend>
          {gestores.length === 0 ? (
            <p className="texto-secundario">La oficina no tiene gestores activos.</p>
          ) : (
            <Checkbox.Group
              value={gestorIds}
              onChange={(v) => setGestorIds(v.map(Number))}
              className="opciones-apiladas"
              options={gestores.map((g) => ({
                value: g.id,
                label: `${g.nombre} (hoy ${cuentas(g.cuentas)})`,
              }))}
            />
          )}
        </fieldset>
        <fieldset className="grupo-campos">
          <legend>Regla de reparto</legend>
          <Radio.Group
            value={regla}
            onChange={(e) => setRegla(e.target.value as Regla)}
            className="opciones-apiladas"
            options={[
              { value: 'cuentas', label: 'Mismo número de cuentas' },
              { value: 'saldo', label: 'Mismo saldo exigible' },
            ]}
          />
        </fieldset>
      </div>
      <Flex gap={8} wrap>
        <Button onClick={pedirVista} loading={previsualizar.isPending}>
          Vista previa
        </Button>
        <Button
          type="primary"
          onClick={aplicar}
          disabled={vigente === null}
          loading={distribuir.isPending}
        >
          Aplicar
        </Button>
      </Flex>
      <div aria-live="polite">
        {aviso !== null && (
          <Alert type={aviso.tipo} showIcon title={aviso.texto} style={{ marginTop: 12 }} />
        )}
        {vigente !== null && (
          <section aria-label="Vista previa del reparto" style={{ marginTop: 12 }}>
            <p>
              Se repartirían {cuentas(vigente.cuentas)} así. Lo que cada gestor ya tiene no cuenta
              para el reparto.
            </p>
            <TablaReparto vista={vigente} />
          </section>
        )}
      </div>
    </div>
  );
}
