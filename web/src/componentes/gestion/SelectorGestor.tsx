import { Select } from 'antd';
import { useId } from 'react';
import { useGestoresDeMiOficina } from '../../api/cola.ts';
import { useUsuarioActual } from '../../api/sesion.ts';

/**
 * The coordinador's choice of whose work to read: himself or a gestor of his office. `valor`
 * null is his own. Renders nothing for anyone else.
 */
export function SelectorGestor({
  valor,
  alCambiar,
}: {
  valor: number | null;
  alCambiar: (gestorId: number | null) => void;
}) {
  const usuario = useUsuarioActual();
  const esCoordinador = usuario.rol === 'coordinador';
  const gestores = useGestoresDeMiOficina(esCoordinador);
  const id = useId();
  if (!esCoordinador) return null;
  return (
    <div className="cola-selector">
      <label htmlFor={id}>Cartera de</label>
      <Select<number>
        id={id}
        value={valor ?? usuario.id}
        onChange={(g) => alCambiar(g === usuario.id ? null : g)}
        loading={gestores.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        options={[
          { value: usuario.id, label: `${usuario.nombre} (yo)` },
          ...(gestores.data ?? [])
            .filter((g) => g.id !== usuario.id)
            .map((g) => ({
              value: g.id,
              label: `${g.nombre} (${g.cuentas.toLocaleString('es-MX')} cuentas)`,
            })),
        ]}
      />
    </div>
  );
}
