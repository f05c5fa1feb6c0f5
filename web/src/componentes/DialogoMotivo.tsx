import { Alert, Form, Input, Typography } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { mostrarErrorEnFormulario } from '../erroresFormulario.ts';
import { DialogoFormulario } from './DialogoFormulario.tsx';

interface Valores {
  motivo: string;
}

const CAMPOS = ['motivo'] as const;

export interface PropiedadesDialogoMotivo {
  abierto: boolean;
  titulo: string;
  /** The confirm button: the action, e.g. «Cancelar pago». */
  accion: string;
  /** The form's name (test ids, autocomplete). */
  nombre: string;
  /** What happens, said before asking why: nothing in Recupera is deleted. */
  explicacion: ReactNode;
  etiqueta: string;
  /** The message when the reason is left empty, e.g. «Explica por qué se cancela el pago.». */
  faltaMotivo: string;
  ocupado: boolean;
  /** Does the change; a rejection shows on the field it names or above it. */
  enviar: (motivo: string) => Promise<void>;
  /** Any edit (a payment's dialog renews its Idempotency-Key then). */
  alCambiar?: () => void;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}

/**
 * An irreversible step that needs a written reason (cancel a payment or a convenio, discard a
 * deposit): the reason is 5 to 500 characters and goes to the bitácora with the change.
 */
export function DialogoMotivo(p: PropiedadesDialogoMotivo) {
  const [formulario] = Form.useForm<Valores>();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  // A double click must not send twice, even before `ocupado` re-renders.
  const enviando = useRef(false);

  const alEnviar = async ({ motivo }: Valores) => {
    if (enviando.current) return;
    enviando.current = true;
    setErrorGeneral(null);
    try {
      await p.enviar(motivo.trim());
      p.alCerrar();
    } catch (error) {
      setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS));
    } finally {
      enviando.current = false;
    }
  };

  return (
    <DialogoFormulario<Valores>
      abierto={p.abierto}
      titulo={p.titulo}
      textoAceptar={p.accion}
      peligroso
      ocupado={p.ocupado}
      formulario={formulario}
      nombre={p.nombre}
      alEnviar={alEnviar}
      alCambiarValores={() => {
        p.alCambiar?.();
        setErrorGeneral(null);
      }}
      alCerrar={p.alCerrar}
      alTerminarCierre={p.alTerminarCierre}
    >
      <Typography.Paragraph>{p.explicacion}</Typography.Paragraph>
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label={p.etiqueta}
        name="motivo"
        rules={[
          { required: true, whitespace: true, message: p.faltaMotivo },
          {
            min: 5,
            transform: (v: string | undefined) => v?.trim(),
            message: 'Explica el motivo con al menos 5 caracteres.',
          },
          { max: 500, message: 'El motivo admite a lo más 500 caracteres.' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
      </Form.Item>
    </DialogoFormulario>
  );
}
