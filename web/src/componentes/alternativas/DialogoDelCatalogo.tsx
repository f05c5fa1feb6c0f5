import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, App, type FormInstance } from 'antd';
import { type ReactNode, useState } from 'react';
import { DialogoFormulario } from '../DialogoFormulario.tsx';
import { errorEnCampo } from './comun.tsx';

interface Props<Valores, Cuerpo, Respuesta> {
  /** The form's name before `-nueva` or `-version`: `alternativa`, `campana`. */
  nombre: string;
  esNueva: boolean;
  titulo: string;
  /** The submit button of a new entry («Crear campaña»); a version's is «Guardar versión». */
  textoCrear: string;
  formulario: FormInstance<Valores>;
  valoresIniciales: Partial<Valores>;
  guardar: UseMutationResult<Respuesta, Error, Cuerpo>;
  /** What the form's values send to the API. */
  cuerpoDe: (valores: Valores) => Cuerpo;
  /** The message once saved. */
  mensajeAlGuardar: (guardada: Respuesta) => string;
  /** The fields a server error can name and the form shows under them. */
  campos: readonly string[];
  /** A server error the kind shows its own way; true when it did. */
  errorPropio?: (error: unknown) => boolean;
  alCambiarValores?: (cambios: Partial<Valores>, valores: Valores) => void;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
  /** The kind's fields. */
  children: ReactNode;
}

/**
 * Creating an entry of the catálogo or appending its next version (administrador), whatever its
 * kind: sends the form, says so when saved, and puts the server's error on the field it names
 * or above the form.
 */
export function DialogoDelCatalogo<Valores, Cuerpo, Respuesta>({
  nombre,
  esNueva,
  titulo,
  textoCrear,
  formulario,
  valoresIniciales,
  guardar,
  cuerpoDe,
  mensajeAlGuardar,
  campos,
  errorPropio,
  alCambiarValores,
  abierto,
  alCerrar,
  alTerminarCierre,
  children,
}: Props<Valores, Cuerpo, Respuesta>) {
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = (v: Valores) => {
    if (guardar.isPending) return;
    setErrorGeneral(null);
    guardar.mutate(cuerpoDe(v), {
      onSuccess: (guardada) => {
        void message.success(mensajeAlGuardar(guardada));
        alCerrar();
      },
      onError: (error) => {
        if (errorPropio?.(error)) return;
        setErrorGeneral(errorEnCampo(formulario, error, campos));
      },
    });
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      ancho={860}
      titulo={titulo}
      textoAceptar={esNueva ? textoCrear : 'Guardar versión'}
      textoCancelar="Cancelar"
      ocupado={guardar.isPending}
      formulario={formulario}
      nombre={`${nombre}-${esNueva ? 'nueva' : 'version'}`}
      valoresIniciales={valoresIniciales}
      alEnviar={alEnviar}
      alCambiarValores={alCambiarValores}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      {children}
    </DialogoFormulario>
  );
}
