import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { mensajeDeError } from '../../api/cliente.ts';
import { type Turno, useCambiarTurno } from '../../api/turnos.ts';
import { duracion, hora, minutosEntre } from '../../formato.ts';
import { DialogoCerrarTurno } from './DialogoCerrarTurno.tsx';
import { DialogoVincularPersona } from './DialogoVincularPersona.tsx';
import { NOMBRE_MOTIVO } from './etiquetas.tsx';

type Dialogo = { tipo: 'cerrar' | 'vincular'; turno: Turno; abierto: boolean };

/** Turns being attended: link the person on file, hand the turn back, or close it with a result. */
export function TurnosEnAtencion({
  turnos,
  ahora,
  mostrarGestor,
  vacio,
}: {
  turnos: readonly Turno[];
  ahora: Date;
  /** Whose turn it is, when the list is not only one's own. */
  mostrarGestor: boolean;
  vacio: string;
}) {
  const cambiar = useCambiarTurno();
  const { message } = App.useApp();
  // The dialog's turn stays set while it animates closed; `abierto` drives visibility.
  const [dialogo, setDialogo] = useState<Dialogo | null>(null);

  const devolver = (t: Turno) =>
    cambiar.mutate(
      { id: t.id, cambio: { evento: 'devolver' } },
      {
        onSuccess: () => void message.info(`El turno ${t.clave} volvió a la cola.`),
        onError: (e) => void message.error(`No se pudo devolver el turno: ${mensajeDeError(e)}`),
      },
    );

  return (
    <>
      {turnos.length === 0 && <Typography.Paragraph type="secondary">{vacio}</Typography.Paragraph>}
      <ul className="lista-turnos" hidden={turnos.length === 0}>
        {turnos.map((t) => (
          <li key={t.id} className="turno turno-apilado">
            <span className="turno-clave">{t.clave}</span>
            <div className="turno-datos">
              <strong>{t.nombre}</strong>
              <span>
                {NOMBRE_MOTIVO[t.motivo]}
                {t.inicioAtencion !== null &&
                  ` · En atención desde las ${hora(t.inicioAtencion)} (${duracion(minutosEntre(t.inicioAtencion, ahora))})`}
                {mostrarGestor && t.gestor !== null && ` · ${t.gestor.nombre}`}
              </span>
              <span>
                {t.persona === null ? (
                  'Sin persona vinculada'
                ) : (
                  <>
                    Persona: <Link to={`/personas/${t.persona.id}`}>{t.persona.nombre}</Link>
                  </>
                )}
              </span>
            </div>
            <div className="turno-acciones">
              <Button
                onClick={() => setDialogo({ tipo: 'vincular', turno: t, abierto: true })}
                aria-label={`${t.persona === null ? 'Vincular persona' : 'Cambiar persona'} del turno ${t.clave}`}
              >
                {t.persona === null ? 'Vincular persona' : 'Cambiar persona'}
              </Button>
              <Button
                onClick={() => devolver(t)}
                loading={cambiar.isPending && cambiar.variables.id === t.id}
                aria-label={`Devolver a la cola el turno ${t.clave}`}
              >
                Devolver a la cola
              </Button>
              <Button
                type="primary"
                onClick={() => setDialogo({ tipo: 'cerrar', turno: t, abierto: true })}
                aria-label={`Cerrar el turno ${t.clave}`}
              >
                Cerrar
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {dialogo?.tipo === 'cerrar' && (
        <DialogoCerrarTurno
          key={dialogo.turno.id}
          turno={dialogo.turno}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
      {dialogo?.tipo === 'vincular' && (
        <DialogoVincularPersona
          key={dialogo.turno.id}
          turno={dialogo.turno}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
    </>
  );
}
