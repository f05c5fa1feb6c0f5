import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { type AvisoDeConvenio, ROLES_PROPONER_CONVENIO } from '../../api/convenios.ts';
import { useUsuarioActual } from '../../api/sesion.ts';

/** The event's data, if it is a notice (anything else is ignored, not trusted). */
function leerAviso(datos: string): AvisoDeConvenio | null {
  try {
    const a: unknown = JSON.parse(datos);
    if (typeof a !== 'object' || a === null) return null;
    if (!('convenioId' in a) || typeof a.convenioId !== 'number') return null;
    if (!('decision' in a) || (a.decision !== 'autorizado' && a.decision !== 'rechazado'))
      return null;
    const por = 'por' in a && typeof a.por === 'string' ? a.por : '';
    const motivo = 'motivo' in a && typeof a.motivo === 'string' ? a.motivo : null;
    return { convenioId: a.convenioId, decision: a.decision, por, motivo };
  } catch {
    return null;
  }
}

/**
 * Whoever proposes convenios hears, on any page, when a coordinador authorizes or rejects one
 * of theirs: a notification with a link to it, and the convenio lists are asked again. The
 * browser reconnects the stream by itself.
 */
export function AvisosDeConvenios() {
  const usuario = useUsuarioActual();
  const habilitado = ROLES_PROPONER_CONVENIO.includes(usuario.rol);
  const { notification } = App.useApp();
  const clienteConsultas = useQueryClient();
  const navegar = useNavigate();

  useEffect(() => {
    if (!habilitado || typeof EventSource === 'undefined') return;
    const fuente = new EventSource('/api/convenios/avisos');
    fuente.addEventListener('convenios', (e: MessageEvent<string>) => {
      const aviso = leerAviso(e.data);
      if (aviso === null) return;
      void clienteConsultas.invalidateQueries({ queryKey: ['convenios'] });
      const clave = `convenio-${aviso.convenioId}-${aviso.decision}`;
      const autorizado = aviso.decision === 'autorizado';
      const ruta = `/convenios/${aviso.convenioId}`;
      notification.open({
        key: clave,
        type: autorizado ? 'success' : 'warning',
        // Stays until closed: the gestor may be with a debtor when it arrives.
        duration: 0,
        title: autorizado
          ? `Autorizaron tu convenio ${aviso.convenioId}`
          : `Rechazaron tu convenio ${aviso.convenioId}`,
        description: (
          <>
            {autorizado
              ? `${aviso.por} lo autorizó; ya puedes recabar las firmas.`
              : `${aviso.por} lo rechazó${aviso.motivo === null ? '.' : `: «${aviso.motivo}»`}`}{' '}
            {/* The notice lives outside the router: the link navigates by hand. */}
            <a
              href={ruta}
              onClick={(ev) => {
                ev.preventDefault();
                notification.destroy(clave);
                navegar(ruta);
              }}
            >
              Ver el convenio {aviso.convenioId}
            </a>
          </>
        ),
      });
    });
    return () => fuente.close();
  }, [habilitado, notification, clienteConsultas, navegar]);
  return null;
}
