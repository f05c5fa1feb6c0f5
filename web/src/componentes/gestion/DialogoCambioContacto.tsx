import { Alert, App, Form, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import { type OperacionContacto, useCambiarContacto } from '../../api/contactos.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

/** One change of a contact datum that needs only a reason: wrong number, consent, retire. */
export interface CambioSimple {
  titulo: string;
  /** The button: the action, e.g. «Marcar como equivocado». */
  accion: string;
  explicacion: string;
  /** The confirmation shown afterwards. */
  hecho: string;
  peligroso: boolean;
  operacion: (motivo: string) => OperacionContacto;
}

interface Valores {
  motivo: string;
}

const CAMPOS = ['motivo'] as const;

export function DialogoCambioContacto({
  personaId,
  cambio,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  personaId: number;
  cambio: CambioSimple;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const cambiar = useCambiarContacto(personaId);
  const { message } = App.useApp();
  const enviando = useRef(false);
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = ({ motivo }: Valores) => {
    if (enviando.current) return;
    enviando.current = true;
    setErrorGeneral(null);
    cambiar.mutate(cambio.operacion(motivo.trim()), {
      onSuccess: () => {
        void message.success(cambio.hecho);
        alCerrar();
      },
      onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      onSettled: () => {
        enviando.current = false;
      },
    });
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={cambio.titulo}
      textoAceptar={cambio.accion}
      peligroso={cambio.peligroso}
      ocupado={cambiar.isPending}
      formulario={formulario}
      nombre="cambio-contacto"
      alEnviar={alEnviar}
      alCambiarValores={() => setErrorGeneral(null)}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      <Typography.Paragraph>{cambio.explicacion}</Typography.Paragraph>
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Motivo"
        name="motivo"
        rules={[
          { required: true, whitespace: true, message: 'Explica el motivo del cambio.' },
          { max: 500, message: 'El motivo admite a lo más 500 caracteres.' },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} autoFocus />
      </Form.Item>
    </DialogoFormulario>
  );
}
