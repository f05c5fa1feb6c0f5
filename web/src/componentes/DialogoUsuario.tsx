import { Alert, App, Form, Input, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useUsuarioActual } from '../api/sesion.ts';
import { ROLES, type Rol, type Usuario } from '../api/tipos.ts';
import { type CambiosUsuario, useCrearUsuario, useEditarUsuario } from '../api/usuarios.ts';
import { mostrarErrorEnFormulario } from '../erroresFormulario.ts';
import { reglasContrasenaNueva } from '../reglasContrasena.ts';
import { NOMBRE_ROL, puedeNoTenerOficina } from '../roles.ts';
import { DialogoFormulario } from './DialogoFormulario.tsx';
import { aOficinaId, SelectorOficina, SIN_OFICINA, type ValorOficina } from './SelectorOficina.tsx';

interface Valores {
  usuario: string;
  nombre: string;
  rol: Rol;
  oficina: ValorOficina;
  contrasena: string;
  activo: boolean;
}

const CAMPOS = ['usuario', 'nombre', 'rol', 'oficina', 'contrasena', 'activo'] as const;
const OPCIONES_ROL = ROLES.map((r) => ({ value: r, label: NOMBRE_ROL[r] }));

interface Props {
  /** The user to edit; null to create one. */
  usuario: Usuario | null;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}

function cambiosEntre(original: Usuario, valores: Valores): CambiosUsuario {
  const cambios: CambiosUsuario = {};
  const nombre = valores.nombre.trim();
  if (nombre !== original.nombre) cambios.nombre = nombre;
  if (valores.rol !== original.rol) cambios.rol = valores.rol;
  const oficinaId = aOficinaId(valores.oficina);
  if (oficinaId !== (original.oficina?.id ?? null)) cambios.oficinaId = oficinaId;
  if (valores.activo !== original.activo) cambios.activo = valores.activo;
  return cambios;
}

/** Create or edit a user (administrador). */
export function DialogoUsuario({ usuario, abierto, alCerrar, alTerminarCierre }: Props) {
  const yo = useUsuarioActual();
  const [formulario] = Form.useForm<Valores>();
  const rol = Form.useWatch('rol', formulario);
  const crear = useCrearUsuario();
  const editar = useEditarUsuario();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const esNuevo = usuario === null;
  const soyYo = usuario !== null && usuario.id === yo.id;
  const guardando = crear.isPending || editar.isPending;

  const alFallar = (error: unknown) =>
    setErrorGeneral(
      mostrarErrorEnFormulario(formulario, error, CAMPOS, {
        nombres: { oficinaId: 'oficina' },
        campoPorCodigo: { usuario_duplicado: 'usuario' },
      }),
    );

  const alEnviar = (valores: Valores) => {
    if (guardando) return;
    setErrorGeneral(null);
    if (usuario === null) {
      crear.mutate(
        {
          usuario: valores.usuario.trim(),
          nombre: valores.nombre.trim(),
          rol: valores.rol,
          oficinaId: aOficinaId(valores.oficina),
          contrasena: valores.contrasena,
        },
        {
          onSuccess: ({ usuario: creado }) => {
            void message.success(`Usuario ${creado.usuario} creado.`);
            alCerrar();
          },
          onError: alFallar,
        },
      );
      return;
    }
    const cambios = cambiosEntre(usuario, valores);
    if (Object.keys(cambios).length === 0) {
      void message.info('No hay cambios que guardar.');
      alCerrar();
      return;
    }
    editar.mutate(
      { id: usuario.id, cambios },
      {
        onSuccess: ({ usuario: editado }) => {
          void message.success(`Usuario ${editado.usuario} actualizado.`);
          alCerrar();
        },
        onError: alFallar,
      },
    );
  };

  // A role that needs an office cannot keep "Sin oficina".
  const alCambiarValores = (cambios: Partial<Valores>) => {
    if (
      cambios.rol !== undefined &&
      !puedeNoTenerOficina(cambios.rol) &&
      formulario.getFieldValue('oficina') === SIN_OFICINA
    ) {
      formulario.setFieldValue('oficina', undefined);
    }
  };

  const valoresIniciales: Partial<Valores> =
    usuario === null
      ? { activo: true }
      : {
          nombre: usuario.nombre,
          rol: usuario.rol,
          oficina: usuario.oficina?.id ?? SIN_OFICINA,
          activo: usuario.activo,
        };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={esNuevo ? 'Nuevo usuario' : `Editar usuario ${usuario.usuario}`}
      textoAceptar={esNuevo ? 'Crear usuario' : 'Guardar cambios'}
      textoCancelar="Cancelar"
      ocupado={guardando}
      formulario={formulario}
      nombre={esNuevo ? 'usuario-nuevo' : 'usuario-edicion'}
      valoresIniciales={valoresIniciales}
      alEnviar={alEnviar}
      alCambiarValores={alCambiarValores}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      {esNuevo ? (
        <Form.Item
          label="Usuario"
          name="usuario"
          extra="Con este nombre entrará al sistema; no se puede cambiar después."
          rules={[
            { required: true, whitespace: true, message: 'Escribe el usuario.' },
            {
              // Same rule as the server (src/http/rutas/usuarios.ts).
              pattern: /^\s*[a-zA-Z0-9._-]{3,40}\s*$/,
              message: 'De 3 a 40 letras sin acento, números, punto, guion o guion bajo.',
            },
          ]}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
      ) : null}
      <Form.Item
        label="Nombre"
        name="nombre"
        rules={[
          { required: true, whitespace: true, message: 'Escribe el nombre completo.' },
          { max: 120, message: 'El nombre admite a lo más 120 caracteres.' },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="Rol"
        name="rol"
        rules={[{ required: true, message: 'Elige el rol.' }]}
        extra={soyYo ? 'No puedes cambiar tu propio rol.' : undefined}
      >
        <Select<Rol> options={OPCIONES_ROL} placeholder="Elige el rol" disabled={soyYo} />
      </Form.Item>
      <Form.Item
        label="Oficina"
        name="oficina"
        dependencies={['rol']}
        rules={[
          {
            required: true,
            message:
              rol !== undefined && !puedeNoTenerOficina(rol)
                ? `Un ${NOMBRE_ROL[rol]} debe tener oficina.`
                : 'Elige la oficina o «Sin oficina».',
          },
        ]}
      >
        <SelectorOficina rol={rol} />
      </Form.Item>
      {esNuevo ? (
        <Form.Item
          label="Contraseña inicial"
          name="contrasena"
          extra="Al menos 10 caracteres. Entrégala a la persona de forma segura; podrá cambiarla."
          rules={reglasContrasenaNueva(() => formulario.getFieldValue('usuario'))}
          dependencies={['usuario']}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      ) : (
        <Form.Item
          label="Activo"
          name="activo"
          valuePropName="checked"
          extra={
            soyYo
              ? 'No puedes desactivar tu propia cuenta.'
              : 'Una cuenta inactiva no puede entrar al sistema.'
          }
        >
          <Switch checkedChildren="Sí" unCheckedChildren="No" disabled={soyYo} />
        </Form.Item>
      )}
      {!esNuevo && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          Para cambiar la contraseña usa «Restablecer contraseña».
        </Typography.Paragraph>
      )}
    </DialogoFormulario>
  );
}
