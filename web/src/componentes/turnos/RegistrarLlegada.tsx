import { Alert, App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { MOTIVOS_TURNO, type MotivoTurno, useRegistrarTurno } from '../../api/turnos.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { NOMBRE_MOTIVO } from './etiquetas.tsx';

interface Valores {
  nombre: string;
  motivo: MotivoTurno;
}

const CAMPOS = ['nombre', 'motivo'] as const;
const OPCIONES_MOTIVO = MOTIVOS_TURNO.map((m) => ({ value: m, label: NOMBRE_MOTIVO[m] }));

/** Someone arrives at the counter: their name as they give it and why they came. */
export function RegistrarLlegada() {
  const [formulario] = Form.useForm<Valores>();
  const registrar = useRegistrarTurno();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = (v: Valores) => {
    if (registrar.isPending) return;
    setErrorGeneral(null);
    registrar.mutate(
      { nombre: v.nombre.trim(), motivo: v.motivo },
      {
        onSuccess: (t) => {
          void message.success(`Turno ${t.clave} registrado para ${t.nombre}.`);
          formulario.resetFields();
          formulario.focusField('nombre');
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      },
    );
  };

  return (
    <>
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 12 }} />
      )}
      <Form<Valores>
        form={formulario}
        name="registrar-llegada"
        layout="inline"
        onFinish={alEnviar}
        className="formulario-llegada"
      >
        <Form.Item
          label="Nombre"
          name="nombre"
          rules={[
            { required: true, whitespace: true, message: 'Escribe el nombre de quien llegó.' },
            { max: 120, message: 'El nombre admite a lo más 120 caracteres.' },
          ]}
        >
          <Input autoComplete="off" maxLength={120} style={{ width: 300 }} />
        </Form.Item>
        <Form.Item
          label="Motivo"
          name="motivo"
          rules={[{ required: true, message: 'Elige el motivo de la visita.' }]}
        >
          <Select<MotivoTurno>
            options={OPCIONES_MOTIVO}
            placeholder="Elige el motivo"
            style={{ width: 180 }}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={registrar.isPending}>
            Registrar llegada
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
