import { App, Button, Popconfirm, Typography } from 'antd';
import { mensajeDeError } from '../../api/cliente.ts';
import { type Turno, useCambiarTurno } from '../../api/turnos.ts';
import { duracion, hora, minutosEntre } from '../../formato.ts';
import { NOMBRE_MOTIVO } from './etiquetas.tsx';

/** Whoever arrived first is attended first; a turn handed back keeps its arrival. */
export function enEsperaPorLlegada(turnos: readonly Turno[]): Turno[] {
  return turnos
    .filter((t) => t.estado === 'en_espera')
    .sort((a, b) => Date.parse(a.llegada) - Date.parse(b.llegada) || a.id - b.id);
}

/** The live queue: who is waiting, since when, and the button that calls them. */
export function ColaDeEspera({ turnos, ahora }: { turnos: readonly Turno[]; ahora: Date }) {
  const cambiar = useCambiarTurno();
  const { message } = App.useApp();
  const cola = enEsperaPorLlegada(turnos);
  const ocupado = (id: number) => cambiar.isPending && cambiar.variables.id === id;

  const tomar = (t: Turno) =>
    cambiar.mutate(
      { id: t.id, cambio: { evento: 'tomar' } },
      {
        onSuccess: () => void message.success(`Atiendes el turno ${t.clave}: ${t.nombre}.`),
        onError: (e) => void message.error(`No se pudo tomar el turno: ${mensajeDeError(e)}`),
      },
    );
  const abandonar = (t: Turno) =>
    cambiar.mutate(
      { id: t.id, cambio: { evento: 'abandonar' } },
      {
        onSuccess: () => void message.info(`El turno ${t.clave} quedó como «Se retiró».`),
        onError: (e) => void message.error(`No se pudo marcar el turno: ${mensajeDeError(e)}`),
      },
    );

  if (cola.length === 0) {
    return (
      <Typography.Paragraph type="secondary">Nadie espera en este momento.</Typography.Paragraph>
    );
  }
  return (
    <ol className="lista-turnos" aria-label="Turnos en espera, por orden de llegada">
      {cola.map((t) => {
        const espera = minutosEntre(t.llegada, ahora);
        return (
          <li key={t.id} className="turno">
            <span className="turno-clave">{t.clave}</span>
            <div className="turno-datos">
              <strong>{t.nombre}</strong>
              <span>
                {NOMBRE_MOTIVO[t.motivo]} · Llegó a las {hora(t.llegada)} ·{' '}
                <span className={espera >= 30 ? 'espera-larga' : undefined}>
                  espera {duracion(espera)}
                </span>
              </span>
            </div>
            <div className="turno-acciones">
              <Button
                type="primary"
                loading={ocupado(t.id) && cambiar.variables?.cambio.evento === 'tomar'}
                disabled={ocupado(t.id)}
                onClick={() => tomar(t)}
                aria-label={`Tomar el turno ${t.clave} de ${t.nombre}`}
              >
                Tomar
              </Button>
              <Popconfirm
                title={`¿${t.nombre} se retiró sin ser atendido?`}
                okText="Sí, se retiró"
                cancelText="No"
                onConfirm={() => abandonar(t)}
              >
                <Button
                  disabled={ocupado(t.id)}
                  aria-label={`Se retiró: turno ${t.clave} de ${t.nombre}`}
                >
                  Se retiró
                </Button>
              </Popconfirm>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
