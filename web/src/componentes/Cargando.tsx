import { Spin } from 'antd';

export function Cargando({ texto = 'Cargando…' }: { texto?: string }) {
  return (
    <div className="pagina-cargando" role="status">
      <Spin />
      <span style={{ marginLeft: 12 }}>{texto}</span>
    </div>
  );
}
