import { Input, Tooltip } from 'antd';

const AYUDA = 'La búsqueda llega con el módulo de Atención';

/** Placeholder until the search API exists: visible, labelled, and disabled. */
export function BuscadorGlobal() {
  return (
    <search className="buscador-global">
      <Tooltip title={AYUDA}>
        <span style={{ display: 'block', width: '100%' }}>
          <Input
            type="search"
            aria-label="Buscar acreditado"
            aria-describedby="ayuda-buscador"
            placeholder="Buscar por nombre, CURP o número de crédito…"
            disabled
          />
        </span>
      </Tooltip>
      <span id="ayuda-buscador" className="solo-lectores">
        {AYUDA}
      </span>
    </search>
  );
}
