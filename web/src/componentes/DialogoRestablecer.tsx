import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import type { Usuario } from '../api/tipos.ts';
import { useRestablecerContrasena } from '../api/usuarios.ts';
import { mostrarErrorEnFormulario } from '../erroresFormulario.ts';
import { reglasConfirmacion, reglasContrasenaNueva } from '../reglasContrasena.ts';
import { DialogoFormulario } from './DialogoFormulario.tsx';

interface Valores {
  contrasena: string;
  confirmacion: string;
}

const CAMPOS = ['contrasena', 'confirmacion'] as const;

interface Props {
  usuario: Usuario;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}

/** The administrator sets a new password for someone who forgot theirs. */
export function DialogoRestablecer({ usuario, abierto, alCerrar, alTerminarCierre }: Props) {
  const [formulario] = Form.useForm<Valores>();
  const restablecer = useRestablecerContrasena();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = ({ contrasena }: Valores) => {
    if (restablecer.isPending) return;
    setErrorGeneral(null);
    restablecer.mutate(
      { id: usuario.id, contrasena },
      {
        onSuccess: () => {
          void message.success(`Contraseña restablecida para ${usuario.usuario}.`);
          alCerrar();
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      },
    );
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={`Restablecer contraseña de ${usuario.usuario}`}
      textoAceptar="Restablecer"
      textoCancelar="Cancelar"
      ocupado={restablecer.isPending}
      formulario={formulario}
      nombre="restablecer-contrasena"
      alEnviar={alEnviar}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      <p>
        {usuario.nombre} entrará con esta contraseña. Entrégasela de forma segura y pídele que la
        cambie.
      </p>
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Nueva contraseña"
        name="contrasena"
        extra="Al menos 10 caracteres y distinta del usuario."
        rules={reglasContrasenaNueva(() => usuario.usuario)}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="Confirma la nueva contraseña"
        name="confirmacion"
        dependencies={['contrasena']}
        rules={reglasConfirmacion('contrasena')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </DialogoFormulario>
  );
}
