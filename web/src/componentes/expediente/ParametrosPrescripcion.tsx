import { Alert, App, Button, Checkbox, Form, Input, Select } from 'antd';
import { useState } from 'react';
import {
  type ParametrosPrescripcion as Parametros,
  useGuardarParametrosPrescripcion,
  useParametrosPrescripcion,
} from '../../api/expedientes.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { fechaHora } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';

interface Valores {
  pagoInterrumpe: boolean;
  alertasDias: string[];
  fundamento: string;
}

const CAMPOS = ['pagoInterrumpe', 'alertasDias', 'fundamento'] as const;
const SUGERIDOS = [30, 60, 90, 120, 180, 270, 365];

/** Days before the prescription date: whole numbers from 1 to 3 years. */
function leerDias(textos: readonly string[]): number[] | null {
  const dias = textos.map((t) => Number(t.trim()));
  if (dias.some((d) => !Number.isInteger(d) || d < 1 || d > 1095)) return null;
  return [...new Set(dias)].sort((a, b) => b - a);
}

/**
 * Whether a documented payment restarts the 3-year term, and how long before the date the
 * alerts start. Each change is a new version with the legal basis that supports it.
 */
export function ParametrosPrescripcion() {
  const actuales = useParametrosPrescripcion();
  if (actuales.isError) {
    return (
      <ErrorConReintento
        titulo="No se pudieron cargar los parámetros de prescripción."
        error={actuales.error}
        reintentar={actuales.refetch}
      />
    );
  }
  if (actuales.data === undefined) return <Cargando texto="Cargando los parámetros…" />;
  return <Formulario actuales={actuales.data} />;
}

function Formulario({ actuales }: { actuales: Parametros }) {
  const [formulario] = Form.useForm<Valores>();
  const guardar = useGuardarParametrosPrescripcion();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = (v: Valores) => {
    if (guardar.isPending) return;
    setErrorGeneral(null);
    const alertasDias = leerDias(v.alertasDias) ?? [];
    guardar.mutate(
      { pagoInterrumpe: v.pagoInterrumpe, alertasDias, fundamento: v.fundamento.trim() },
      {
        onSuccess: () => {
          void message.success('Parámetros de prescripción guardados.');
          formulario.setFieldsValue({ fundamento: '' });
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      },
    );
  };

  return (
    <Form<Valores>
      form={formulario}
      name="parametros-prescripcion"
      layout="vertical"
      style={{ maxWidth: 640 }}
      initialValues={{
        pagoInterrumpe: actuales.pagoInterrumpe,
        alertasDias: actuales.alertasDias.map(String),
        // The basis is written for each change, never carried over from the last one.
        fundamento: '',
      }}
      onFinish={alEnviar}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          actuales.definidoEn === undefined
            ? 'Parámetros vigentes'
            : `Vigentes desde el ${fechaHora(actuales.definidoEn)}${actuales.definidoPor ? `, por ${actuales.definidoPor}` : ''}`
        }
        description={`Fundamento: ${actuales.fundamento}`}
      />
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="pagoInterrumpe" valuePropName="checked">
        <Checkbox>
          Un pago documentado interrumpe la prescripción (el plazo corre de nuevo)
        </Checkbox>
      </Form.Item>
      <Form.Item
        label="Alertas (días antes de que prescriba)"
        name="alertasDias"
        extra="De uno a cinco plazos; escribe otro número y oprime Enter. En la cola de trabajo la cuenta entra al llegar al plazo mayor y sube en cada plazo menor."
        rules={[
          { required: true, type: 'array', min: 1, message: 'Indica al menos un plazo de alerta.' },
          { type: 'array', max: 5, message: 'Admite a lo más cinco plazos.' },
          {
            validator: (_, valor: string[] | undefined) =>
              leerDias(valor ?? []) === null
                ? Promise.reject(new Error('Cada plazo es un número entero de días, de 1 a 1095.'))
                : Promise.resolve(),
          },
        ]}
      >
        <Select
          mode="tags"
          tokenSeparators={[',', ' ']}
          options={SUGERIDOS.map((d) => ({ value: String(d), label: `${d} días` }))}
        />
      </Form.Item>
      <Form.Item
        label="Fundamento legal del cambio"
        name="fundamento"
        rules={[
          { required: true, whitespace: true, message: 'Escribe el fundamento legal del cambio.' },
          { min: 20, message: 'Anota el fundamento legal (al menos 20 caracteres).' },
          { max: 2000, message: 'El fundamento admite a lo más 2000 caracteres.' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={guardar.isPending}>
        Guardar parámetros
      </Button>
    </Form>
  );
}
