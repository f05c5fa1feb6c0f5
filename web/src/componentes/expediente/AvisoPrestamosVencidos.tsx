import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import {
  LIMITE_PRESTAMOS_VENCIDOS,
  ROLES_CUSTODIA,
  usePrestamosVencidos,
} from '../../api/expedientes.ts';
import { useUsuarioActual } from '../../api/sesion.ts';

function piezas(n: number): string {
  if (n === 1) return '1 pieza de expediente';
  const cifra = n.toLocaleString('es-MX');
  return `${n >= LIMITE_PRESTAMOS_VENCIDOS ? `${cifra} o más` : cifra} piezas de expedientes`;
}

/**
 * On the start page: papers lent and not back by their date. A gestor (and the administrador)
 * is told of those he holds himself; the coordinador, of those his office holds, since he
 * answers for its archive. Nothing overdue, nothing shown (an error too: the list itself, on
 * the Expedientes page, says what failed).
 */
export function AvisoPrestamosVencidos() {
  const usuario = useUsuarioActual();
  const deLaOficina = usuario.rol === 'coordinador';
  const vencidos = usePrestamosVencidos(null, {
    mios: !deLaOficina,
    habilitada: ROLES_CUSTODIA.includes(usuario.rol),
  });
  const n = vencidos.data?.length ?? 0;
  if (n === 0) return null;
  const texto = deLaOficina
    ? `Tu oficina tiene ${piezas(n)} con devolución vencida`
    : `Tienes ${piezas(n)} con devolución vencida`;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 16 }}
      title={texto}
      description={
        <Link
          to={
            deLaOficina ? '/expedientes?pestana=vencidos' : '/expedientes?pestana=vencidos&mios=si'
          }
        >
          Ver los préstamos vencidos
        </Link>
      }
    />
  );
}
