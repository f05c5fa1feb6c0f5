import { Alert, Radio, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { ROLES_ADMINISTRAR_DESPACHOS, useDespachos } from '../api/juridico.ts';
import { useOficinas } from '../api/oficinas.ts';
import { useUsuarioActual } from '../api/sesion.ts';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { CuentasTurnadas } from '../componentes/juridico/CuentasTurnadas.tsx';
import { Despachos } from '../componentes/juridico/Despachos.tsx';
import { ReporteDespachos } from '../componentes/juridico/ReporteDespachos.tsx';
import { TurnarCuentas } from '../componentes/juridico/TurnarCuentas.tsx';
import { useTituloDocumento } from '../titulo.ts';

type Seccion = 'turnar' | 'turnadas' | 'reporte' | 'despachos';

const SECCIONES: ReadonlyArray<[Seccion, string]> = [
  ['turnar', 'Turnar cuentas'],
  ['turnadas', 'Cuentas turnadas'],
  ['reporte', 'Reporte por despacho'],
  ['despachos', 'Despachos'],
];

/**
 * The handover to external law firms: the coordinador picks accounts by criteria and turns
 * them over until a date, sees what each firm holds and recalls an account; the report says
 * what each firm recovered. The administrador also keeps the catalogue of firms.
 */
export function PaginaJuridico() {
  useTituloDocumento('Jurídico');
  const usuario = useUsuarioActual();
  const esAdministrador = ROLES_ADMINISTRAR_DESPACHOS.includes(usuario.rol);
  const despachos = useDespachos();
  const oficinas = useOficinas();
  const lista = despachos.data ?? [];
  const [seccion, setSeccion] = useState<Seccion>('turnar');
  const secciones = SECCIONES.filter(([valor]) => valor !== 'despachos' || esAdministrador);
  const contenido: Record<Seccion, ReactNode> = {
    turnar: (
      <TurnarCuentas oficinas={esAdministrador ? (oficinas.data ?? []) : null} despachos={lista} />
    ),
    turnadas: <CuentasTurnadas despachos={lista} />,
    reporte: <ReporteDespachos />,
    despachos: <Despachos despachos={despachos.data} cargando={despachos.isPending} />,
  };

  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 4 }}>
        Jurídico
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Una cuenta turnada pasa al despacho con su expediente y sus pagarés hasta la fecha fijada:
        sale de la cola de los gestores, que ya no hacen contacto saliente; los pagos siguen
        entrando por referencia.
      </Typography.Paragraph>
      {despachos.isError && (
        <ErrorConReintento
          titulo="No se pudo cargar la lista de despachos."
          error={despachos.error}
          reintentar={despachos.refetch}
          style={{ marginBottom: 16 }}
        />
      )}
      {despachos.isSuccess && lista.every((d) => !d.activo) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            esAdministrador
              ? 'No hay despachos activos: registra uno en la sección Despachos para turnarle cuentas.'
              : 'No hay despachos activos: pide al administrador que registre uno.'
          }
        />
      )}
      {/* Not tabs: four long names do not fit a phone's width, and antd's overflow menu
          inside a tablist is not accessible. Buttons that wrap are. */}
      <Radio.Group
        aria-label="Sección de Jurídico"
        optionType="button"
        buttonStyle="solid"
        value={seccion}
        onChange={(e) => setSeccion(e.target.value as Seccion)}
        options={secciones.map(([valor, etiqueta]) => ({ value: valor, label: etiqueta }))}
        style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8, marginBottom: 16 }}
      />
      {contenido[seccion]}
    </>
  );
}
