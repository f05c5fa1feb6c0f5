import { Select } from 'antd';
import { useState } from 'react';
import { type Hallazgo, MINIMO_BUSQUEDA, useBusqueda } from '../../api/atencion.ts';
import { mensajeDeError } from '../../api/cliente.ts';
import { useValorDiferido } from '../../diferido.ts';

function etiqueta(h: Hallazgo): string {
  const roles = h.roles.map((r) => (r === 'acreditado' ? 'Acreditado' : 'Aval')).join(' y ');
  return `${h.nombre} — ${roles}, ${h.creditos.join(', ')}`;
}

/**
 * Finds an acreditado or aval with the global search (name, CURP, credit, phone…). For a
 * `Form.Item`: its value is the person's id; `alElegir` also gives the name.
 */
export function SelectorDeudor({
  id,
  value,
  onChange,
  alElegir,
  autoFocus,
}: {
  id?: string;
  value?: number | null;
  onChange?: (personaId: number | null) => void;
  alElegir?: (persona: { id: number; nombre: string } | null) => void;
  autoFocus?: boolean;
}) {
  const [texto, setTexto] = useState('');
  const busqueda = useBusqueda(useValorDiferido(texto.trim(), 250));
  const hallazgos = busqueda.data ?? [];
  // The person chosen stays an option (with its label) after the search text changes.
  const [elegido, setElegido] = useState<Hallazgo | null>(null);
  const opciones = [
    ...(elegido !== null && !hallazgos.some((h) => h.personaId === elegido.personaId)
      ? [elegido]
      : []),
    ...hallazgos,
  ].map((h) => ({ value: h.personaId, label: etiqueta(h) }));
  const sinResultados =
    texto.trim().length < MINIMO_BUSQUEDA
      ? `Escribe al menos ${MINIMO_BUSQUEDA} caracteres.`
      : busqueda.isError
        ? mensajeDeError(busqueda.error)
        : busqueda.isFetching
          ? 'Buscando…'
          : 'Nadie coincide en tu cartera.';

  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      allowClear
      showSearch={{
        filterOption: false,
        searchValue: texto,
        autoClearSearchValue: false,
        onSearch: setTexto,
      }}
      options={opciones}
      placeholder="Nombre, CURP, crédito o teléfono"
      notFoundContent={sinResultados}
      loading={busqueda.isFetching}
      autoFocus={autoFocus}
      onChange={(personaId) => {
        const h = [...hallazgos, ...(elegido === null ? [] : [elegido])].find(
          (x) => x.personaId === personaId,
        );
        setElegido(h ?? null);
        onChange?.(personaId ?? null);
        alElegir?.(h === undefined ? null : { id: h.personaId, nombre: h.nombre });
      }}
    />
  );
}
