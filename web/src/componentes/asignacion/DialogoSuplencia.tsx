import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Gestor, useCrearSuplencia } from '../../api/asignacion.ts';
import { useHoy } from '../../api/sesion.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { fecha } from '../../formato.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

interface Valores {
  titularId: number;
  suplenteId: number;
  periodo: [Dayjs, Dayjs];
  motivo: string;
}

const CAMPOS = ['titularId', 'suplenteId', 'periodo', 'motivo'] as const;
const ISO = 'YYYY-MM-DD';

/** A gestor's accounts and recados go to another while he is absent, between two dates. */
export function DialogoSuplencia({
  gestores,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  gestores: readonly Gestor[];
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const crear = useCrearSuplencia();
  const hoy = useHoy();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const opciones = gestores.map((g) => ({ value: g.id, label: g.nombre }));

  const alEnviar = (v: Valores) => {
    if (crear.isPending) return;
    setErrorGeneral(null);
    const [desde, hasta] = v.periodo;
    crear.mutate(
      {
        titularId: v.titularId,
        suplenteId: v.suplenteId,
        desde: desde.format(ISO),
        hasta: hasta.format(ISO),
        motivo: v.motivo.trim(),
      },
      {
        onSuccess: () => {
          const titular = gestores.find((g) => g.id === v.titularId)?.nombre ?? 'el titular';
          void message.success(
            `Suplencia de ${titular} registrada del ${fecha(desde.format(ISO))} al ${fecha(hasta.format(ISO))}.`,
          );
          alCerrar();
        },
        onError: (error) =>
          setErrorGeneral(
            mostrarErrorEnFormulario(formulario, error, CAMPOS, {
              nombres: { desde: 'periodo', hasta: 'periodo' },
            }),
          ),
      },
    );
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo="Nueva suplencia"
      textoAceptar="Registrar suplencia"
      ocupado={crear.isPending}
      formulario={formulario}
      nombre="nueva-suplencia"
      alEnviar={alEnviar}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Titular (quien se ausenta)"
        name="titularId"
        rules={[{ required: true, message: 'Elige al titular.' }]}
      >
        <Select<number> options={opciones} placeholder="Elige al titular" autoFocus />
      </Form.Item>
      <Form.Item
        label="Suplente (quien atiende sus cuentas)"
        name="suplenteId"
        dependencies={['titularId']}
        rules={[
          { required: true, message: 'Elige al suplente.' },
          ({ getFieldValue }) => ({
            validator: (_, valor: number | undefined) =>
              valor !== undefined && valor === getFieldValue('titularId')
                ? Promise.reject(new Error('El suplente debe ser otra persona que el titular.'))
                : Promise.resolve(),
          }),
        ]}
      >
        <Select<number> options={opciones} placeholder="Elige al suplente" />
      </Form.Item>
      <Form.Item
        label="Periodo (desde y hasta, inclusive)"
        name="periodo"
        rules={[{ required: true, message: 'Elige las fechas de inicio y fin.' }]}
      >
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          allowClear={false}
          inputReadOnly={false}
          placeholder={['Desde', 'Hasta']}
          disabledDate={(d) => d.isBefore(dayjs(hoy, ISO), 'day')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        label="Motivo"
        name="motivo"
        rules={[
          { required: true, whitespace: true, message: 'Escribe el motivo de la ausencia.' },
          { max: 500, message: 'El motivo admite a lo más 500 caracteres.' },
        ]}
      >
        <Input autoComplete="off" maxLength={500} placeholder="Vacaciones, incapacidad…" />
      </Form.Item>
    </DialogoFormulario>
  );
}
