import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  type DerechoArco,
  type MedioRecepcion,
  NOMBRE_DERECHO,
  NOMBRE_MEDIO_RECEPCION,
  useRegistrarSolicitud,
} from '../../api/arco.ts';
import { useOficinas } from '../../api/oficinas.ts';
import { useHoy, useUsuarioActual } from '../../api/sesion.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';
import { SelectorDeudor } from '../recados/SelectorDeudor.tsx';

interface Valores {
  derecho: DerechoArco;
  personaId?: number | null;
  titularNombre: string;
  representante?: string;
  medioRecepcion: MedioRecepcion;
  medioNotificacion: string;
  recibida: Dayjs;
  descripcion: string;
  oficinaId?: number;
}

const CAMPOS = [
  'derecho',
  'personaId',
  'titularNombre',
  'representante',
  'medioRecepcion',
  'medioNotificacion',
  'recibida',
  'descripcion',
  'oficinaId',
] as const;

const opciones = <K extends string>(nombres: Record<K, string>) =>
  (Object.keys(nombres) as K[]).map((k) => ({ value: k, label: nombres[k] }));

/** A request as received: who, what right, how it came, how to answer, and when it arrived. */
export function DialogoRegistrarSolicitud({
  abierto,
  alCerrar,
  alTerminarCierre,
  alRegistrar,
}: {
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
  alRegistrar: (id: number) => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const registrar = useRegistrarSolicitud();
  const usuario = useUsuarioActual();
  const hoy = useHoy();
  const oficinas = useOficinas();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = (v: Valores) => {
    if (registrar.isPending) return;
    setErrorGeneral(null);
    registrar.mutate(
      {
        derecho: v.derecho,
        personaId: v.personaId ?? null,
        titularNombre: v.titularNombre.trim(),
        representante: v.representante?.trim() || null,
        medioRecepcion: v.medioRecepcion,
        medioNotificacion: v.medioNotificacion.trim(),
        descripcion: v.descripcion.trim(),
        recibida: v.recibida.format('YYYY-MM-DD'),
        oficinaId: v.oficinaId ?? null,
      },
      {
        onSuccess: (r) => {
          void message.success(`Solicitud ${r.folio} registrada.`);
          alRegistrar(r.id);
          alCerrar();
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      },
    );
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo="Registrar solicitud ARCO"
      textoAceptar="Registrar"
      ocupado={registrar.isPending}
      formulario={formulario}
      nombre="solicitud-arco"
      ancho={640}
      valoresIniciales={{ recibida: dayjs(hoy, 'YYYY-MM-DD'), medioRecepcion: 'ventanilla' }}
      alEnviar={alEnviar}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Derecho"
        name="derecho"
        rules={[{ required: true, message: 'Elige el derecho que ejerce.' }]}
      >
        <Select options={opciones(NOMBRE_DERECHO)} placeholder="Elige el derecho" />
      </Form.Item>
      <Form.Item
        label="Titular en Recupera"
        name="personaId"
        extra="Búscalo; si no aparece, deja este campo vacío: la respuesta dirá que no obran datos."
      >
        <SelectorDeudor
          alElegir={(p) => {
            if (p !== null) formulario.setFieldsValue({ titularNombre: p.nombre });
          }}
        />
      </Form.Item>
      <div className="rejilla-flexible">
        <Form.Item
          label="Nombre del titular (como lo escribió)"
          name="titularNombre"
          rules={[
            { required: true, whitespace: true, message: 'Escribe el nombre del titular.' },
            { max: 200, message: 'Admite a lo más 200 caracteres.' },
          ]}
        >
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item
          label="Representante (opcional)"
          name="representante"
          rules={[{ max: 200, message: 'Admite a lo más 200 caracteres.' }]}
        >
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item
          label="Cómo se recibió"
          name="medioRecepcion"
          rules={[{ required: true, message: 'Elige cómo se recibió.' }]}
        >
          <Select options={opciones(NOMBRE_MEDIO_RECEPCION)} />
        </Form.Item>
        <Form.Item
          label="Fecha de recepción"
          name="recibida"
          rules={[{ required: true, message: 'Indica la fecha de recepción.' }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            placeholder="dd/mm/aaaa"
            disabledDate={(d) => d.format('YYYY-MM-DD') > hoy}
            style={{ width: '100%' }}
          />
        </Form.Item>
        {usuario.rol === 'administrador' && (
          <Form.Item
            label="Oficina que la recibió"
            name="oficinaId"
            extra="Vacío: la oficina del crédito del titular."
          >
            <Select
              allowClear
              options={(oficinas.data ?? []).map((o) => ({ value: o.id, label: o.nombre }))}
              loading={oficinas.isPending}
              placeholder="La del titular"
            />
          </Form.Item>
        )}
      </div>
      <Form.Item
        label="Medio para notificarle"
        name="medioNotificacion"
        rules={[
          {
            required: true,
            whitespace: true,
            message: 'Indica cómo se le notificará la respuesta.',
          },
          { max: 300, message: 'Admite a lo más 300 caracteres.' },
        ]}
      >
        <Input
          autoComplete="off"
          maxLength={300}
          placeholder="Correo, domicilio o «en ventanilla»"
        />
      </Form.Item>
      <Form.Item
        label="Qué solicita"
        name="descripcion"
        rules={[
          { required: true, whitespace: true, message: 'Describe lo que solicita el titular.' },
          { max: 4000, message: 'Admite a lo más 4,000 caracteres.' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
    </DialogoFormulario>
  );
}
