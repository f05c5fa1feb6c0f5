import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';

export interface PropiedadesDialogoFormulario<Valores> {
  abierto: boolean;
  /** Also the dialog's accessible name. */
  titulo: string;
  /** The submit button: the action, e.g. «Registrar firma». */
  textoAceptar: string;
  /** «Volver» by default, so it never reads like an action such as «Cancelar pago». */
  textoCancelar?: string;
  /** An irreversible action: the submit button is red. */
  peligroso?: boolean;
  /** While sending: the submit button spins and going back is disabled. */
  ocupado: boolean;
  ancho?: number;
  formulario: FormInstance<Valores>;
  /** The form's name (ids of its fields). */
  nombre: string;
  valoresIniciales?: Partial<Valores>;
  /** Runs only once the rules of every field pass. */
  alEnviar: (valores: Valores) => void;
  alCambiarValores?: (cambios: Partial<Valores>, valores: Valores) => void;
  alCerrar: () => void;
  /** After the closing animation: the parent can unmount the dialog then. */
  alTerminarCierre: () => void;
  children: ReactNode;
}

/**
 * A dialog that is a form: its buttons are the form's, so Enter and «aceptar» both validate and
 * submit. A click on the mask does not close it, so a half-typed form is not lost; it is destroyed
 * when hidden, so reopening starts from the initial values.
 */
export function DialogoFormulario<Valores>({
  textoCancelar = 'Volver',
  peligroso = false,
  ...p
}: PropiedadesDialogoFormulario<Valores>) {
  return (
    <Modal
      open={p.abierto}
      title={p.titulo}
      okText={p.textoAceptar}
      cancelText={textoCancelar}
      width={p.ancho}
      okButtonProps={{ htmlType: 'submit', danger: peligroso, loading: p.ocupado }}
      cancelButtonProps={{ disabled: p.ocupado }}
      onCancel={p.alCerrar}
      afterClose={p.alTerminarCierre}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(contenido) => (
        <Form<Valores>
          form={p.formulario}
          name={p.nombre}
          layout="vertical"
          initialValues={p.valoresIniciales}
          onFinish={p.alEnviar}
          onValuesChange={p.alCambiarValores}
        >
          {contenido}
        </Form>
      )}
    >
      {p.children}
    </Modal>
  );
}
