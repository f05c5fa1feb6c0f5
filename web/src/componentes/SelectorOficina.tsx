import { Select, type SelectProps } from 'antd';
import { useOficinas } from '../api/oficinas.ts';
import type { Rol } from '../api/tipos.ts';
import { puedeNoTenerOficina } from '../roles.ts';

/** The form's value for "no office"; sent to the API as `oficinaId: null`. */
export const SIN_OFICINA = 'sin_oficina';
export type ValorOficina = number | typeof SIN_OFICINA;

export function aOficinaId(valor: ValorOficina): number | null {
  return valor === SIN_OFICINA ? null : valor;
}

type Props = Omit<SelectProps<ValorOficina>, 'options' | 'loading'> & { rol: Rol | undefined };

/** Office select for a user form; "Sin oficina" only for roles that may lack one. */
export function SelectorOficina({ rol, ...props }: Props) {
  const oficinas = useOficinas();
  const opciones: { value: ValorOficina; label: string }[] = (oficinas.data ?? []).map((o) => ({
    value: o.id,
    label: o.nombre,
  }));
  if (rol !== undefined && puedeNoTenerOficina(rol)) {
    opciones.unshift({ value: SIN_OFICINA, label: 'Sin oficina' });
  }
  return (
    <Select<ValorOficina>
      {...props}
      options={opciones}
      loading={oficinas.isPending}
      placeholder={oficinas.isError ? 'No se pudieron cargar las oficinas' : 'Elige una oficina'}
      status={oficinas.isError ? 'error' : props.status}
    />
  );
}
