import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { mensajeDeError } from '../../api/cliente.ts';
import { type Escaneo, useSubirEscaneo } from '../../api/expedientes.ts';
import { SelectorDeArchivo } from '../SelectorDeArchivo.tsx';

/** The server refuses more (413); said here first so a big file is not sent for nothing. */
const LIMITE_BYTES = 20 * 1024 * 1024;
const ACEPTADOS = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export const NOMBRE_TIPO: Record<Escaneo['tipo'], string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

export function tamano(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

interface Valores {
  ministracionId?: number;
  descripcion?: string;
}

/**
 * Attaches one file (PDF, JPG or PNG) of a credit: to its expediente, to one of its pagarés
 * (when `pagares` are offered) or to a legal action (`actuacionId`). The server decides the
 * type from the bytes: its 415 and 413 messages are shown as they come. The expediente's scans
 * and the lawyer's documents share it, so both say and check the same.
 */
export function DialogoAdjuntarArchivo({
  creditoId,
  titulo,
  textoAceptar,
  nombre,
  etiquetaArchivo,
  exito,
  actuacionId = null,
  pagares,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  creditoId: number;
  titulo: string;
  textoAceptar: string;
  /** The form's name (its fields' ids). */
  nombre: string;
  /** What the file is, as the field says it: «Archivo escaneado», «Documento». */
  etiquetaArchivo: string;
  /** The notice once stored, given the file's name. */
  exito: (nombreArchivo: string) => string;
  actuacionId?: number | null;
  /** The pagarés to choose from; absent, none is asked. */
  pagares?: ReadonlyArray<{ ministracionId: number; etiqueta: string }>;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const id = useId();
  const campo = useRef<HTMLInputElement>(null);
  const [formulario] = Form.useForm<Valores>();
  const subir = useSubirEscaneo(creditoId);
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
      setAviso('Elige el archivo (PDF, JPG o PNG).');
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
        actuacionId,
        descripcion: descripcion === '' ? null : descripcion,
      },
      {
        onSuccess: (escaneo) => {
          void message.success(exito(escaneo.nombre));
          alCerrar();
        },
        onError: (error) => setErrorGeneral(mensajeDeError(error)),
      },
    );
  };

  return (
    <Modal
      open={abierto}
      title={titulo}
      okText={textoAceptar}
      cancelText="Volver"
      okButtonProps={{ htmlType: 'submit', loading: subir.isPending }}
      cancelButtonProps={{ disabled: subir.isPending }}
      onCancel={alCerrar}
      afterClose={alTerminarCierre}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(contenido) => (
        <Form<Valores> form={formulario} name={nombre} layout="vertical" onFinish={alEnviar}>
          {contenido}
        </Form>
      )}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <div className="campo-archivo" style={{ marginBottom: 16 }}>
        <span id={`${id}-titulo`}>{etiquetaArchivo} (PDF, JPG o PNG; hasta 20 MB)</span>
        <SelectorDeArchivo
          id={id}
          campo={campo}
          accept={ACEPTADOS}
          archivo={archivo}
          onChange={alElegir}
          deshabilitado={subir.isPending}
        />
        {aviso !== null && (
          <p className="aviso-campo" role="alert">
            {aviso}
          </p>
        )}
      </div>
      {pagares !== undefined && (
        <Form.Item label="Pagaré (opcional)" name="ministracionId">
          <Select<number>
            allowClear
            placeholder="Del expediente en general"
            options={pagares.map((p) => ({ value: p.ministracionId, label: p.etiqueta }))}
          />
        </Form.Item>
      )}
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
