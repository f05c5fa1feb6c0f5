import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  ESTADOS_JURIDICOS,
  type EstadoJuridico,
  LARGO_EXPEDIENTE_JUDICIAL,
  NOMBRE_ESTADO_JURIDICO,
  useRegistrarActuacion,
} from '../../api/juridico.ts';
import { useHoy } from '../../api/sesion.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

interface Valores {
  estado: EstadoJuridico;
  fecha: Dayjs;
  juzgado?: string;
  expedienteJudicial?: string;
  nota?: string;
}

const CAMPOS = ['estado', 'fecha', 'juzgado', 'expedienteJudicial', 'nota'] as const;
const ISO = 'YYYY-MM-DD';

const opcional = (texto: string | undefined) => {
  const t = texto?.trim() ?? '';
  return t === '' ? undefined : t;
};

/**
 * What the firm did on the account, from the catalogue, with its date. A lawsuit names its
 * court and file number (and restarts the prescription of the pagarés from its date).
 */
export function DialogoActuacion({
  creditoId,
  numero,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  creditoId: number;
  numero: string;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const registrar = useRegistrarActuacion(creditoId);
  const hoy = useHoy();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const estado = Form.useWatch('estado', formulario);
  const esDemanda = estado === 'demanda_presentada';

  const alEnviar = (v: Valores) => {
    if (registrar.isPending) return;
    setErrorGeneral(null);
    const juzgado = opcional(v.juzgado);
    const expedienteJudicial = opcional(v.expedienteJudicial);
    const nota = opcional(v.nota);
    registrar.mutate(
      {
        estado: v.estado,
        fecha: v.fecha.format(ISO),
        ...(juzgado === undefined ? {} : { juzgado }),
        ...(expedienteJudicial === undefined ? {} : { expedienteJudicial }),
        ...(nota === undefined ? {} : { nota }),
      },
      {
        onSuccess: () => {
          void message.success(
            `«${NOMBRE_ESTADO_JURIDICO[v.estado]}» registrada en el crédito ${numero}.`,
          );
          alCerrar();
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      },
    );
  };

  const requeridoEnDemanda = (mensaje: string) => ({
    required: esDemanda,
    whitespace: true,
    message: mensaje,
  });

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={`Registrar actuación del crédito ${numero}`}
      textoAceptar="Registrar actuación"
      ocupado={registrar.isPending}
      formulario={formulario}
      nombre="actuacion"
      valoresIniciales={{ fecha: dayjs(hoy, ISO) }}
      alEnviar={alEnviar}
      alCambiarValores={() => setErrorGeneral(null)}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Estado"
        name="estado"
        rules={[{ required: true, message: 'Elige el estado jurídico.' }]}
      >
        <Select<EstadoJuridico>
          options={ESTADOS_JURIDICOS.map((e) => ({ value: e, label: NOMBRE_ESTADO_JURIDICO[e] }))}
          placeholder="Elige el estado"
          autoFocus
        />
      </Form.Item>
      <Form.Item
        label="Fecha"
        name="fecha"
        rules={[{ required: true, message: 'Elige la fecha de la actuación.' }]}
      >
        <DatePicker
          format="DD/MM/YYYY"
          allowClear={false}
          inputReadOnly={false}
          showNow={false}
          disabledDate={(d) => d.isAfter(dayjs(hoy, ISO), 'day')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        label={esDemanda ? 'Juzgado' : 'Juzgado (opcional)'}
        name="juzgado"
        rules={[
          requeridoEnDemanda('Escribe el juzgado donde se presentó la demanda.'),
          { max: 200, message: 'El juzgado admite a lo más 200 caracteres.' },
        ]}
      >
        <Input
          autoComplete="off"
          maxLength={200}
          placeholder="Juzgado Segundo de Primera Instancia…"
        />
      </Form.Item>
      <Form.Item
        label={esDemanda ? 'Expediente judicial' : 'Expediente judicial (opcional)'}
        name="expedienteJudicial"
        rules={[
          requeridoEnDemanda('Escribe el número de expediente judicial.'),
          {
            max: LARGO_EXPEDIENTE_JUDICIAL,
            message: `El expediente admite a lo más ${LARGO_EXPEDIENTE_JUDICIAL} caracteres.`,
          },
        ]}
      >
        <Input autoComplete="off" maxLength={LARGO_EXPEDIENTE_JUDICIAL} placeholder="123/2026" />
      </Form.Item>
      <Form.Item
        label="Nota (opcional)"
        name="nota"
        rules={[{ max: 2000, message: 'La nota admite a lo más 2,000 caracteres.' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </DialogoFormulario>
  );
}
