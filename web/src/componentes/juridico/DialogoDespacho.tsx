import { Alert, App, Checkbox, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { type Despacho, useGuardarDespacho } from '../../api/juridico.ts';
import { useUsuarios } from '../../api/usuarios.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

interface Valores {
  nombre: string;
  contacto: string;
  telefono: string;
  correo: string;
  abogadoIds: number[];
  activo: boolean;
}

const CAMPOS = ['nombre', 'contacto', 'telefono', 'correo', 'abogadoIds', 'activo'] as const;

const opcional = (texto: string | undefined) => {
  const t = texto?.trim() ?? '';
  return t === '' ? null : t;
};

/** A law firm of the catalogue, new or edited; a firm is deactivated, never deleted. */
export function DialogoDespacho({
  despacho,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  despacho: Despacho | null;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const guardar = useGuardarDespacho();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const usuarios = useUsuarios();
  // A lawyer works for one firm: choosing one tied elsewhere moves him here.
  const abogados = (usuarios.data ?? [])
    .filter((u) => u.rol === 'abogado_externo')
    .map((u) => ({
      value: u.id,
      label: `${u.nombre} (${u.usuario})${u.activo ? '' : ' · inactivo'}`,
    }));

  const alEnviar = (v: Valores) => {
    if (guardar.isPending) return;
    setErrorGeneral(null);
    const nombre = v.nombre.trim();
    guardar.mutate(
      {
        id: despacho?.id ?? null,
        datos: {
          nombre,
          contacto: opcional(v.contacto),
          telefono: opcional(v.telefono),
          correo: opcional(v.correo),
          abogadoIds: v.abogadoIds,
          ...(despacho === null ? {} : { activo: v.activo }),
        },
      },
      {
        onSuccess: () => {
          void message.success(
            despacho === null
              ? `Despacho ${nombre} registrado.`
              : `Despacho ${nombre} actualizado.`,
          );
          alCerrar();
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      },
    );
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={despacho === null ? 'Nuevo despacho' : `Editar ${despacho.nombre}`}
      textoAceptar={despacho === null ? 'Registrar despacho' : 'Guardar cambios'}
      ocupado={guardar.isPending}
      formulario={formulario}
      nombre="despacho"
      valoresIniciales={{
        nombre: despacho?.nombre ?? '',
        contacto: despacho?.contacto ?? '',
        telefono: despacho?.telefono ?? '',
        correo: despacho?.correo ?? '',
        abogadoIds: despacho?.abogados.map((a) => a.id) ?? [],
        activo: despacho?.activo ?? true,
      }}
      alEnviar={alEnviar}
      alCambiarValores={() => setErrorGeneral(null)}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Nombre"
        name="nombre"
        rules={[
          { required: true, whitespace: true, message: 'Escribe el nombre del despacho.' },
          { max: 160, message: 'El nombre admite a lo más 160 caracteres.' },
        ]}
      >
        <Input autoComplete="off" maxLength={160} autoFocus />
      </Form.Item>
      <Form.Item label="Contacto (opcional)" name="contacto">
        <Input autoComplete="off" maxLength={160} placeholder="Lic. …" />
      </Form.Item>
      <Form.Item label="Teléfono (opcional)" name="telefono">
        <Input autoComplete="off" inputMode="tel" maxLength={40} />
      </Form.Item>
      <Form.Item
        label="Correo (opcional)"
        name="correo"
        rules={[{ type: 'email', message: 'Escribe un correo válido, p. ej. despacho@ejemplo.mx' }]}
      >
        <Input autoComplete="off" inputMode="email" maxLength={160} />
      </Form.Item>
      <Form.Item
        label="Abogados del despacho"
        name="abogadoIds"
        extra="Usuarios con el rol «Abogado externo». Quien deje de estar aquí ya no ve las cuentas del despacho."
      >
        <Select<number[]>
          mode="multiple"
          options={abogados}
          loading={usuarios.isPending}
          placeholder="Elige a los abogados"
          optionFilterProp="label"
        />
      </Form.Item>
      {despacho !== null && (
        <Form.Item name="activo" valuePropName="checked">
          <Checkbox>Activo (puede recibir cuentas)</Checkbox>
        </Form.Item>
      )}
    </DialogoFormulario>
  );
}
