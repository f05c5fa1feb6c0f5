import { Flex, Select } from 'antd';
import { useId } from 'react';
import { useOficinas } from '../../api/oficinas.ts';
import { useUsuarioActual } from '../../api/sesion.ts';

/** «Todas las oficinas» as the select's value (antd's Select has no null option). */
const TODAS = 0;

/**
 * The office a list is about, for whoever has none of their own (the administrador); the
 * others see their own office's, which the server enforces anyway, so nothing is shown.
 */
export function FiltroOficina({
  valor,
  alCambiar,
}: {
  valor: number | null;
  alCambiar: (oficinaId: number | null) => void;
}) {
  const id = useId();
  const usuario = useUsuarioActual();
  const oficinas = useOficinas();
  if (usuario.oficina !== null) return null;
  return (
    <Flex align="center" gap={8}>
      <label htmlFor={id}>Oficina</label>
      <Select<number>
        id={id}
        value={valor ?? TODAS}
        onChange={(v) => alCambiar(v === TODAS ? null : v)}
        loading={oficinas.isPending}
        style={{ minWidth: 200 }}
        options={[
          { value: TODAS, label: 'Todas las oficinas' },
          ...(oficinas.data ?? []).map((o) => ({ value: o.id, label: o.nombre })),
        ]}
      />
    </Flex>
  );
}
