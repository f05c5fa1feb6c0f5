import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import { type Turno, useCambiarTurno } from '../../api/turnos.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

interface Valores {
  resultado: string;
}

const CAMPOS = ['resultado'] as const;

/** Ends an attention with what came of it: the measure of «attend every borrower». */
export function DialogoCerrarTurno({
  turno,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  turno: Turno;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const cambiar = useCambiarTurno();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = ({ resultado }: Valores) => {
    if (cambiar.isPending) return;
    setErrorGeneral(null);
    cambiar.mutate(
      { id: turno.id, cambio: { evento: 'cerrar', resultado: resultado.trim() } },
      {
        onSuccess: () => {
          void message.success(`Turno ${turno.clave} atendido.`);
          alCerrar();
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      },
    );
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={`Cerrar el turno ${turno.clave}: ${turno.nombre}`}
      textoAceptar="Cerrar turno"
      ocupado={cambiar.isPending}
      formulario={formulario}
      nombre="cerrar-turno"
      alEnviar={alEnviar}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Resultado de la atención"
        name="resultado"
        extra="Qué se resolvió o qué sigue: pagó en caja, se le entregó ficha de pago, pidió convenio…"
        rules={[
          { required: true, whitespace: true, message: 'Escribe el resultado de la atención.' },
          { max: 500, message: 'El resultado admite a lo más 500 caracteres.' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
      </Form.Item>
    </DialogoFormulario>
  );
}
