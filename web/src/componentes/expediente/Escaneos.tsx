import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { mensajeDeError } from '../../api/cliente.ts';
import {
  type Escaneo,
  type Expediente,
  urlEscaneo,
  useSubirEscaneo,
} from '../../api/expedientes.ts';
import { fechaHora } from '../../formato.ts';

/** The server refuses more (413); said here first so a big file is not sent for nothing. */
const LIMITE_BYTES = 20 * 1024 * 1024;
const ACEPTADOS = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

const NOMBRE_TIPO: Record<Escaneo['tipo'], string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

function tamano(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The scans of an expediente and its pagarés; each opens (a logged read) in a new tab. */
export function ListaEscaneos({
  expediente,
  escaneos,
}: {
  expediente: Expediente;
  escaneos: readonly Escaneo[];
}) {
  if (escaneos.length === 0) {
    return <p className="texto-secundario">El expediente no tiene escaneos.</p>;
  }
  const pagareDe = (ministracionId: number | null) => {
    if (ministracionId === null) return 'Expediente';
    const pieza = expediente.piezas.find((p) => p.ministracionId === ministracionId);
    return pieza?.pagare ? `Pagaré ${pieza.pagare.numero}` : 'Pagaré';
  };
  return (
    <ul
      aria-label="Escaneos del expediente"
      style={{ paddingInlineStart: 20, margin: 0, overflowWrap: 'anywhere' }}
    >
      {escaneos.map((e) => (
        <li key={e.id}>
          <a href={urlEscaneo(e.id)} target="_blank" rel="noopener noreferrer">
            {e.nombre}
          </a>{' '}
          <span className="texto-secundario">
            ({NOMBRE_TIPO[e.tipo]}, {tamano(e.bytes)})
          </span>
          <div className="detalle-movimiento">
            {pagareDe(e.ministracionId)}
            {e.descripcion === null ? '' : ` · ${e.descripcion}`} · subido por {e.subidoPor} el{' '}
            {fechaHora(e.subidoEn)}
          </div>
        </li>
      ))}
    </ul>
  );
}

interface Valores {
  ministracionId?: number;
  descripcion?: string;
}

/**
 * Attaches one scan (PDF, JPG or PNG) to the expediente or to one of its pagarés. The server
 * decides the type from the bytes: its 415 and 413 messages are shown as they come.
 */
export function DialogoAdjuntarEscaneo({
  expediente,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  expediente: Expediente;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const id = useId();
  const campo = useRef<HTMLInputElement>(null);
  const [formulario] = Form.useForm<Valores>();
  const subir = useSubirEscaneo(expediente.creditoId);
  const { message } = App.useApp();
  const [archivo, setArchivo] = useState<File | null>(null);
  const [aviso, setAviso] = useState<string | null>(null);
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alElegir = (e: ChangeEvent<HTMLInputElement>) => {
    setAviso(null);
    setErrorGeneral(null);
    setArchivo(e.target.files?.[0] ?? null);
  };

  const alEnviar = (v: Valores) => {
    if (subir.isPending) return;
    setErrorGeneral(null);
    if (archivo === null) {
      setAviso('Elige el archivo escaneado (PDF, JPG o PNG).');
      campo.current?.focus();
      return;
    }
    if (archivo.size > LIMITE_BYTES) {
      setAviso('El archivo pesa más de 20 MB: escanéalo con menos resolución o en partes.');
      campo.current?.focus();
      return;
    }
    const descripcion = v.descripcion?.trim() ?? '';
    subir.mutate(
      {
        archivo,
        ministracionId: v.ministracionId ?? null,
        descripcion: descripcion === '' ? null : descripcion,
      },
      {
        onSuccess: (escaneo) => {
          void message.success(`Escaneo «${escaneo.nombre}» adjuntado.`);
          alCerrar();
        },
        onError: (error) => setErrorGeneral(mensajeDeError(error)),
      },
    );
  };

  const pagares = expediente.piezas.filter((p) => p.pagare !== null && p.ministracionId !== null);

  return (
    <Modal
      open={abierto}
      title="Adjuntar escaneo"
      okText="Adjuntar escaneo"
      cancelText="Volver"
      okButtonProps={{ htmlType: 'submit', loading: subir.isPending }}
      cancelButtonProps={{ disabled: subir.isPending }}
      onCancel={alCerrar}
      afterClose={alTerminarCierre}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(contenido) => (
        <Form<Valores>
          form={formulario}
          name="adjuntar-escaneo"
          layout="vertical"
          onFinish={alEnviar}
        >
          {contenido}
        </Form>
      )}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <div className="campo-archivo" style={{ marginBottom: 16 }}>
        <span id={`${id}-titulo`}>Archivo escaneado (PDF, JPG o PNG; hasta 20 MB)</span>
        {/* The browser's own file control speaks its UI language: this one speaks Spanish. */}
        <div className="selector-archivo" data-deshabilitado={subir.isPending}>
          <input
            ref={campo}
            id={`${id}-archivo`}
            type="file"
            accept={ACEPTADOS}
            className="archivo-oculto"
            onChange={alElegir}
            disabled={subir.isPending}
            aria-labelledby={`${id}-titulo`}
            aria-describedby={`${id}-nombre`}
          />
          <label htmlFor={`${id}-archivo`} className="boton-archivo" aria-hidden="true">
            Elegir archivo…
          </label>
          <span id={`${id}-nombre`} className="nombre-archivo">
            {archivo === null ? 'Ningún archivo elegido' : archivo.name}
          </span>
        </div>
        {aviso !== null && (
          <p className="aviso-campo" role="alert">
            {aviso}
          </p>
        )}
      </div>
      <Form.Item label="Pagaré (opcional)" name="ministracionId">
        <Select<number>
          allowClear
          placeholder="Del expediente en general"
          options={pagares.map((p) => ({
            value: p.ministracionId ?? 0,
            label: `Pagaré ${p.pagare?.numero ?? p.etiqueta}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        label="Descripción (opcional)"
        name="descripcion"
        rules={[{ max: 200, message: 'La descripción admite a lo más 200 caracteres.' }]}
      >
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
    </Modal>
  );
}
