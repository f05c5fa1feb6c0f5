import { Alert, App, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import {
  type DatosResultado,
  type ResultadoGestion,
  useCrearResultado,
  useEditarResultado,
} from '../../api/configuracion-gestion.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

type Valores = DatosResultado & { activo: boolean };

const CAMPOS = ['clave', 'nombre', 'contactoEfectivo', 'promesa', 'activo'] as const;

/** A result of the catalogue: new (with its clave, fixed afterwards) or edited. */
export function DialogoResultado({
  resultado,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  resultado: ResultadoGestion | null;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const crear = useCrearResultado();
  const editar = useEditarResultado();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const ocupado = crear.isPending || editar.isPending;

  const alEnviar = (v: Valores) => {
    if (ocupado) return;
    setErrorGeneral(null);
    const alFallar = (error: unknown) =>
      setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS));
    const nombre = v.nombre.trim();
    if (resultado === null) {
      crear.mutate(
        {
          clave: v.clave.trim(),
          nombre,
          contactoEfectivo: v.contactoEfectivo,
          promesa: v.promesa,
        },
        {
          onSuccess: (r) => {
            void message.success(`Resultado «${r.nombre}» agregado.`);
            alCerrar();
          },
          onError: alFallar,
        },
      );
      return;
    }
    editar.mutate(
      {
        id: resultado.id,
        cambios: {
          nombre,
          contactoEfectivo: v.contactoEfectivo,
          promesa: v.promesa,
          activo: v.activo,
        },
      },
      {
        onSuccess: (r) => {
          void message.success(`Resultado «${r.nombre}» guardado.`);
          alCerrar();
        },
        onError: alFallar,
      },
    );
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={resultado === null ? 'Nuevo resultado de gestión' : `Editar «${resultado.nombre}»`}
      textoAceptar={resultado === null ? 'Agregar' : 'Guardar'}
      ocupado={ocupado}
      formulario={formulario}
      nombre="resultado-gestion"
      valoresIniciales={
        resultado ?? {
          clave: '',
          nombre: '',
          contactoEfectivo: false,
          promesa: false,
          activo: true,
        }
      }
      alEnviar={alEnviar}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Clave"
        name="clave"
        extra="Minúsculas, números y guion bajo; no cambia después, p. ej. no_contesta."
        rules={[
          { required: true, message: 'Escribe la clave.' },
          {
            pattern: /^[a-z0-9_]{2,40}$/,
            message: 'De 2 a 40 minúsculas sin acentos, números o guion bajo.',
          },
        ]}
      >
        <Input
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          disabled={resultado !== null}
          autoFocus={resultado === null}
        />
      </Form.Item>
      <Form.Item
        label="Nombre"
        name="nombre"
        rules={[
          { required: true, whitespace: true, message: 'Escribe el nombre.' },
          { max: 80, message: 'El nombre admite a lo más 80 caracteres.' },
        ]}
      >
        <Input autoComplete="off" maxLength={80} autoFocus={resultado !== null} />
      </Form.Item>
      <Form.Item name="contactoEfectivo" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>Cuenta como contacto efectivo con el deudor</Checkbox>
      </Form.Item>
      <Form.Item name="promesa" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>Lleva promesa de pago (monto y fecha)</Checkbox>
      </Form.Item>
      {resultado !== null && (
        <Form.Item name="activo" valuePropName="checked">
          <Checkbox>Activo (se ofrece al registrar una gestión)</Checkbox>
        </Form.Item>
      )}
    </DialogoFormulario>
  );
}
