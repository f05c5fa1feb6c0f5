import { Button, Card, Flex, Select, Tabs, Typography } from 'antd';
import { useId, useState } from 'react';
import { ROLES_EDITAR_CONTACTOS } from '../../api/contactos.ts';
import type { Credito } from '../../api/creditos.ts';
import { ROLES_HISTORIA, ROLES_REGISTRAR_GESTION } from '../../api/gestiones.ts';
import { useUsuarioActual } from '../../api/sesion.ts';
import { HistorialAsignacion } from '../credito/HistorialAsignacion.tsx';
import { DatosDeContacto } from './DatosDeContacto.tsx';
import { DialogoGestion } from './DialogoGestion.tsx';
import { deudoresDe } from './deudores.ts';
import { Historia } from './Historia.tsx';

/**
 * Where the gestor works an account: «Registrar gestión», the account's timeline and the
 * debtors' contact data. Not shown to the external lawyer (the server's rule too).
 */
export function GestionDeCuenta({ credito }: { credito: Credito }) {
  const usuario = useUsuarioActual();
  const [dialogo, setDialogo] = useState<{ abierto: boolean } | null>(null);
  const deudores = deudoresDe(credito);
  const [elegida, setElegida] = useState<number | null>(null);
  const idPersona = useId();
  if (!ROLES_HISTORIA.includes(usuario.rol)) return null;
  const registra = ROLES_REGISTRAR_GESTION.includes(usuario.rol);
  const persona = deudores.find((d) => d.personaId === elegida) ?? deudores[0];

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={<h2 className="titulo-tarjeta">Gestión de cobranza</h2>}
    >
      <Flex wrap gap={12} align="center">
        {registra && (
          <Button type="primary" onClick={() => setDialogo({ abierto: true })}>
            Registrar gestión
          </Button>
        )}
        <Typography.Text>
          Gestor responsable:{' '}
          <strong>{credito.gestor === null ? 'sin asignar' : credito.gestor.nombre}</strong>
        </Typography.Text>
      </Flex>
      <Tabs
        items={[
          { key: 'historia', label: 'Historia', children: <Historia creditoId={credito.id} /> },
          {
            key: 'asignacion',
            label: 'Asignación',
            children: <HistorialAsignacion creditoId={credito.id} />,
          },
          {
            key: 'contacto',
            label: 'Datos de contacto',
            children:
              persona === undefined ? (
                <Typography.Paragraph type="secondary">
                  El crédito no tiene acreditado ni avales registrados.
                </Typography.Paragraph>
              ) : (
                <>
                  {deudores.length > 1 && (
                    <Flex vertical gap={4} style={{ marginBottom: 12, maxWidth: 420 }}>
                      <label htmlFor={idPersona}>Persona</label>
                      <Select<number>
                        id={idPersona}
                        value={persona.personaId}
                        onChange={setElegida}
                        options={deudores.map((d) => ({
                          value: d.personaId,
                          label: `${d.nombre} (${d.rol === 'acreditado' ? 'acreditado' : 'aval'})`,
                        }))}
                      />
                    </Flex>
                  )}
                  <DatosDeContacto
                    key={persona.personaId}
                    personaId={persona.personaId}
                    nombre={persona.nombre}
                    editable={ROLES_EDITAR_CONTACTOS.includes(usuario.rol)}
                  />
                </>
              ),
          },
        ]}
      />
      {dialogo !== null && (
        <DialogoGestion
          destino={{ tipo: 'credito', creditoId: credito.id, deudores }}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
    </Card>
  );
}
