import { Alert, App, Button, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { type ParametrosGestion, useGuardarParametros } from '../../api/configuracion-gestion.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { leerMonto, pesosDe } from '../../formato.ts';

type Valores = ParametrosGestion;

const CAMPOS = [
  'intentosDiariosPorPersona',
  'horasHabilesParaEscalar',
  'diasSinContacto',
  'minutosDeToma',
  'saldoAlto',
] as const;

const ENTEROS: ReadonlyArray<{
  nombre: Exclude<keyof Valores, 'saldoAlto'>;
  etiqueta: string;
  ayuda: string;
  max: number;
}> = [
  {
    nombre: 'intentosDiariosPorPersona',
    etiqueta: 'Intentos de contacto por persona al día',
    ayuda: 'Llamadas, visitas y mensajes salientes; el siguiente se rechaza.',
    max: 20,
  },
  {
    nombre: 'horasHabilesParaEscalar',
    etiqueta: 'Horas hábiles para escalar un recado',
    ayuda: 'Lunes a viernes de 8:00 a 16:00; después llega al coordinador.',
    max: 200,
  },
  {
    nombre: 'diasSinContacto',
    etiqueta: 'Días sin contacto',
    ayuda: 'Desde entonces la cuenta sube en la cola de trabajo.',
    max: 365,
  },
  {
    nombre: 'minutosDeToma',
    etiqueta: 'Minutos de «Siguiente cuenta»',
    ayuda: 'Tiempo en que la cuenta tomada es solo de quien la tomó.',
    max: 120,
  },
];

/** The contact rules' parameters: one form, saved at once. */
export function FormularioParametros({ parametros }: { parametros: ParametrosGestion }) {
  const [formulario] = Form.useForm<Valores>();
  const guardar = useGuardarParametros();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = (v: Valores) => {
    if (guardar.isPending) return;
    setErrorGeneral(null);
    guardar.mutate(
      { ...v, saldoAlto: leerMonto(v.saldoAlto) ?? v.saldoAlto },
      {
        onSuccess: (r) => {
          formulario.setFieldsValue({ ...r, saldoAlto: r.saldoAlto });
          void message.success('Parámetros guardados.');
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      },
    );
  };

  return (
    <Form<Valores>
      form={formulario}
      name="parametros-gestion"
      layout="vertical"
      initialValues={parametros}
      onFinish={alEnviar}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <div className="rejilla-flexible">
        {ENTEROS.map((c) => (
          <Form.Item
            key={c.nombre}
            label={c.etiqueta}
            name={c.nombre}
            extra={c.ayuda}
            rules={[
              { required: true, message: 'Escribe un número.' },
              {
                type: 'integer',
                min: 1,
                max: c.max,
                message: `Debe ser un número entero de 1 a ${c.max.toLocaleString('es-MX')}.`,
              },
            ]}
          >
            <InputNumber min={1} max={c.max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item
          label="Saldo alto"
          name="saldoAlto"
          extra={`Desde este saldo exigible la cuenta sube en la cola; hoy ${pesosDe(parametros.saldoAlto)}.`}
          rules={[
            { required: true, message: 'Escribe un monto.' },
            {
              validator: (_, valor: string | undefined) =>
                valor !== undefined && leerMonto(valor) !== null
                  ? Promise.resolve()
                  : Promise.reject(new Error('Escribe un monto en pesos, p. ej. 50,000.00')),
            },
          ]}
        >
          <Input prefix="$" inputMode="decimal" autoComplete="off" />
        </Form.Item>
      </div>
      <Button type="primary" htmlType="submit" loading={guardar.isPending}>
        Guardar parámetros
      </Button>
    </Form>
  );
}
