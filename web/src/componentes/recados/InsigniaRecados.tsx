import {
  INTERVALO_SIN_AVISOS_MS,
  ROLES_ATENDER_RECADOS,
  useAvisosRecados,
  useRecados,
} from '../../api/recados.ts';
import { useUsuarioActual } from '../../api/sesion.ts';
import { recados } from './etiquetas.ts';

/**
 * The count of new recados beside «Recados» in the navigation, kept live by the server's
 * notices on every page. It is a polite live region: a screen reader hears «1 recado nuevo»
 * when one arrives, without losing its place.
 */
export function InsigniaRecados() {
  const usuario = useUsuarioActual();
  // Recados go to gestores and coordinadores only: nobody else ever has a new one.
  const habilitado = ROLES_ATENDER_RECADOS.includes(usuario.rol);
  const enVivo = useAvisosRecados(habilitado);
  if (!habilitado) return null;
  return <Cuenta enVivo={enVivo} />;
}

function Cuenta({ enVivo }: { enVivo: boolean }) {
  const lista = useRecados(enVivo ? false : INTERVALO_SIN_AVISOS_MS);
  const nuevos = lista.data?.nuevos ?? 0;
  return (
    <span role="status" className="insignia-recados-region">
      {nuevos > 0 && (
        <span className="insignia-recados">
          <span aria-hidden="true">{nuevos > 99 ? '99+' : nuevos}</span>
          <span className="solo-lectores">{recados(nuevos)}</span>
        </span>
      )}
    </span>
  );
}
