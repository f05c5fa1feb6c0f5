import { Alert, Button, Card, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { type FiltroEstado, useSolicitudesArco } from '../api/arco.ts';
import { useHoy, useUsuarioActual } from '../api/sesion.ts';
import { DetalleSolicitud } from '../componentes/arco/DetalleSolicitud.tsx';
import { DialogoRegistrarSolicitud } from '../componentes/arco/DialogoRegistrarSolicitud.tsx';
import { DiasInhabiles } from '../componentes/arco/DiasInhabiles.tsx';
import { ListaSolicitudes } from '../componentes/arco/ListaSolicitudes.tsx';
import { Cargando } from '../componentes/Cargando.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { useTituloDocumento } from '../titulo.ts';

const plural = (n: number, uno: string, varios: string) => `${n} ${n === 1 ? uno : varios}`;

/**
 * Derechos ARCO: register what a debtor or aval asks about his personal data, verify who he
 * is, answer within the business-day terms, carry it out, and keep the calendar they count on.
 */
export function PaginaArco() {
  useTituloDocumento('Derechos ARCO');
  const usuario = useUsuarioActual();
  const hoy = useHoy();
  const [filtro, setFiltro] = useState<FiltroEstado>('abiertas');
  const lista = useSolicitudesArco(filtro);
  const [abierta, setAbierta] = useState<number | null>(null);
  const [registro, setRegistro] = useState<{ abierto: boolean } | null>(null);
  const alertas = lista.data?.alertas;

  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 4 }}>
        Derechos ARCO
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Solicitudes de acceso, rectificación, cancelación, oposición y portabilidad de datos
        personales. Los plazos corren en días hábiles: 20 para responder (ampliables una sola vez
        por 10) y 15 para ejecutar lo procedente.
      </Typography.Paragraph>

      {alertas !== undefined && alertas.vencidas + alertas.porVencer > 0 && (
        <Alert
          type={alertas.vencidas > 0 ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={[
            alertas.vencidas > 0 &&
              plural(alertas.vencidas, 'solicitud vencida', 'solicitudes vencidas'),
            alertas.porVencer > 0 &&
              plural(alertas.porVencer, 'solicitud por vencer', 'solicitudes por vencer'),
          ]
            .filter(Boolean)
            .join(' · ')}
        />
      )}

      {abierta !== null && (
        <DetalleSolicitud key={abierta} id={abierta} alVolver={() => setAbierta(null)} />
      )}

      <Card
        size="small"
        className="tarjeta-envolvente"
        title={<h2 className="titulo-tarjeta">Solicitudes</h2>}
        extra={
          <Button type="primary" onClick={() => setRegistro({ abierto: true })}>
            Registrar solicitud
          </Button>
        }
      >
        <Segmented<FiltroEstado>
          aria-label="Qué solicitudes mostrar"
          value={filtro}
          onChange={setFiltro}
          options={[
            { value: 'abiertas', label: 'Abiertas' },
            { value: 'todas', label: 'Todas' },
          ]}
          style={{ marginBottom: 8 }}
        />
        {lista.isError ? (
          <ErrorConReintento
            titulo="No se pudieron cargar las solicitudes."
            error={lista.error}
            reintentar={lista.refetch}
          />
        ) : lista.data === undefined ? (
          <Cargando texto="Cargando las solicitudes…" />
        ) : (
          <ListaSolicitudes solicitudes={lista.data.solicitudes} alAbrir={setAbierta} />
        )}
      </Card>

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="titulo-tarjeta">Días inhábiles</h2>}
      >
        <DiasInhabiles
          anioActual={Number(hoy.slice(0, 4))}
          editable={usuario.rol === 'administrador'}
        />
      </Card>

      {registro !== null && (
        <DialogoRegistrarSolicitud
          abierto={registro.abierto}
          alCerrar={() => setRegistro({ abierto: false })}
          alTerminarCierre={() => setRegistro(null)}
          alRegistrar={setAbierta}
        />
      )}
    </>
  );
}
