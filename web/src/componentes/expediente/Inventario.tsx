import { Alert, Button, Card, Flex, Input, type InputRef, Select } from 'antd';
import { type CSSProperties, type KeyboardEvent, useId, useRef, useState } from 'react';
import { mensajeDeError } from '../../api/cliente.ts';
import {
  type PiezaDeInventario,
  type ResultadoInventario,
  useCompararInventario,
} from '../../api/expedientes.ts';
import { useOficinas } from '../../api/oficinas.ts';
import { useUsuarioActual } from '../../api/sesion.ts';
import { textoUbicacion } from './textos.tsx';

// The labels read, as chips: each one can be taken back if it was read by mistake.
const ESTILO_FICHAS: CSSProperties = {
  listStyle: 'none',
  padding: 0,
  margin: 0,
  display: 'flex',
  flexWrap: 'wrap',
  gap: 6,
};
const ESTILO_FICHA: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 2,
  border: '1px solid #8a9aa5',
  borderRadius: 12,
  padding: '0 2px 0 10px',
  background: '#f3f5f7',
  overflowWrap: 'anywhere',
};
const ESTILO_QUITAR: CSSProperties = {
  border: 0,
  background: 'transparent',
  cursor: 'pointer',
  fontSize: 16,
  lineHeight: 1,
  padding: '2px 6px',
  color: '#3d3d3d',
};

/** What a scanner types for a label, as the server reads it: trimmed, upper case. */
function normalizar(texto: string): string {
  return texto.trim().toUpperCase();
}

/**
 * A physical inventory of one shelf (or box): the labels read with a barcode scanner, which
 * types each one followed by Enter, are collected here and compared with what the system says
 * is on that shelf.
 */
export function Inventario() {
  const id = useId();
  const usuario = useUsuarioActual();
  const oficinas = useOficinas();
  const comparar = useCompararInventario();
  const lector = useRef<InputRef>(null);
  const [oficinaElegida, setOficinaElegida] = useState<number | null>(null);
  const [estante, setEstante] = useState('');
  const [caja, setCaja] = useState('');
  const [leida, setLeida] = useState('');
  const [etiquetas, setEtiquetas] = useState<string[]>([]);
  const [aviso, setAviso] = useState<string | null>(null);
  const [resultado, setResultado] = useState<ResultadoInventario | null>(null);
  const oficinaId = usuario.oficina?.id ?? oficinaElegida;

  const alLeer = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const etiqueta = normalizar(leida);
    setLeida('');
    if (etiqueta === '') return;
    // A label read twice counts once: the scanner may fire again on the same sticker.
    setEtiquetas((antes) => (antes.includes(etiqueta) ? antes : [...antes, etiqueta]));
    setResultado(null);
  };

  const quitar = (etiqueta: string) => {
    setEtiquetas((antes) => antes.filter((x) => x !== etiqueta));
    setResultado(null);
    lector.current?.focus();
  };

  const alComparar = () => {
    if (comparar.isPending) return;
    if (oficinaId === null) return setAviso('Elige la oficina del archivo.');
    if (estante.trim() === '') return setAviso('Escribe el estante que se revisa.');
    setAviso(null);
    const cajaLimpia = caja.trim();
    comparar.mutate(
      {
        oficinaId,
        estante: estante.trim(),
        ...(cajaLimpia === '' ? {} : { caja: cajaLimpia }),
        etiquetas,
      },
      { onSuccess: setResultado, onError: (e) => setAviso(mensajeDeError(e)) },
    );
  };

  return (
    <>
      <div className="rejilla-flexible">
        {usuario.oficina === null ? (
          <div className="campo-archivo" style={{ marginBottom: 12 }}>
            <label htmlFor={`${id}-oficina`}>Oficina</label>
            <Select<number>
              id={`${id}-oficina`}
              value={oficinaElegida ?? undefined}
              onChange={(v) => {
                setOficinaElegida(v);
                setResultado(null);
              }}
              loading={oficinas.isPending}
              placeholder="Elige la oficina"
              options={(oficinas.data ?? []).map((o) => ({ value: o.id, label: o.nombre }))}
            />
          </div>
        ) : (
          <p style={{ marginBottom: 12 }}>Archivo de la oficina {usuario.oficina.nombre}</p>
        )}
        <div className="campo-archivo" style={{ marginBottom: 12 }}>
          <label htmlFor={`${id}-estante`}>Estante</label>
          <Input
            id={`${id}-estante`}
            value={estante}
            maxLength={40}
            autoComplete="off"
            onChange={(e) => {
              setEstante(e.target.value);
              setResultado(null);
            }}
          />
        </div>
        <div className="campo-archivo" style={{ marginBottom: 12 }}>
          <label htmlFor={`${id}-caja`}>Caja (opcional)</label>
          <Input
            id={`${id}-caja`}
            value={caja}
            maxLength={40}
            autoComplete="off"
            onChange={(e) => {
              setCaja(e.target.value);
              setResultado(null);
            }}
          />
        </div>
      </div>
      <div className="campo-archivo" style={{ marginBottom: 8 }}>
        <label htmlFor={`${id}-lector`}>Etiqueta leída</label>
        <Input
          ref={lector}
          id={`${id}-lector`}
          value={leida}
          autoComplete="off"
          aria-describedby={`${id}-ayuda`}
          onChange={(e) => setLeida(e.target.value)}
          onKeyDown={alLeer}
        />
        <span id={`${id}-ayuda`} className="texto-secundario">
          Lee cada etiqueta con el lector de códigos (o escríbela y oprime Enter).
        </span>
      </div>
      <section aria-labelledby={`${id}-leidas`}>
        <h3 id={`${id}-leidas`} className="titulo-puntualidad" aria-live="polite">
          {etiquetas.length === 1 ? '1 etiqueta leída' : `${etiquetas.length} etiquetas leídas`}
        </h3>
        {etiquetas.length > 0 && (
          <ul aria-label="Etiquetas leídas" style={ESTILO_FICHAS}>
            {etiquetas.map((e) => (
              <li key={e} style={ESTILO_FICHA}>
                <span>{e}</span>
                <button
                  type="button"
                  style={ESTILO_QUITAR}
                  aria-label={`Quitar ${e}`}
                  onClick={() => quitar(e)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button type="primary" onClick={alComparar} loading={comparar.isPending}>
          Comparar
        </Button>
        <Button
          onClick={() => {
            setEtiquetas([]);
            setResultado(null);
            lector.current?.focus();
          }}
          disabled={etiquetas.length === 0 || comparar.isPending}
        >
          Empezar de nuevo
        </Button>
      </Flex>
      {aviso !== null && (
        <p className="aviso-campo" role="alert">
          {aviso}
        </p>
      )}
      <div role="status">{resultado !== null && <Diferencias resultado={resultado} />}</div>
    </>
  );
}

const nombreDe = (p: PiezaDeInventario) =>
  p.numero === undefined ? p.etiqueta : `${p.etiqueta} (crédito ${p.numero})`;

function Diferencias({ resultado }: { resultado: ResultadoInventario }) {
  const todoBien =
    resultado.faltan.length === 0 &&
    resultado.sobran.length === 0 &&
    resultado.desconocidas.length === 0;
  return (
    <div style={{ marginTop: 16 }}>
      <Alert
        type={todoBien ? 'success' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          todoBien
            ? `El estante coincide con el sistema: ${resultado.coinciden.length} piezas.`
            : `Coinciden ${resultado.coinciden.length}; faltan ${resultado.faltan.length}; sobran ${resultado.sobran.length}; desconocidas ${resultado.desconocidas.length}.`
        }
      />
      <div className="rejilla-flexible" style={{ gap: 12 }}>
        <Grupo titulo="Coinciden" elementos={resultado.coinciden.map(nombreDe)} />
        <Grupo
          titulo="Faltan"
          explicacion="El sistema las tiene aquí y no se leyeron."
          elementos={resultado.faltan.map(nombreDe)}
        />
        <Grupo
          titulo="Sobran"
          explicacion="Se leyeron aquí y el sistema las tiene en otro lugar."
          elementos={resultado.sobran.map(
            (p) => `${nombreDe(p)}: registrada en ${textoUbicacion(p.ubicacionRegistrada)}`,
          )}
        />
        <Grupo
          titulo="Desconocidas"
          explicacion="No corresponden a ninguna pieza."
          elementos={resultado.desconocidas}
        />
      </div>
    </div>
  );
}

function Grupo({
  titulo,
  explicacion,
  elementos,
}: {
  titulo: string;
  explicacion?: string;
  elementos: readonly string[];
}) {
  return (
    <Card
      size="small"
      title={<h3 className="titulo-tarjeta">{`${titulo} (${elementos.length})`}</h3>}
    >
      {explicacion !== undefined && <p className="texto-secundario">{explicacion}</p>}
      {elementos.length === 0 ? (
        <p className="texto-secundario">Ninguna.</p>
      ) : (
        <ul style={{ paddingInlineStart: 20, margin: 0, overflowWrap: 'anywhere' }}>
          {elementos.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}
