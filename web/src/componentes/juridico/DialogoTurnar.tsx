import { Alert, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useClaveDeIdempotencia } from '../../api/idempotencia.ts';
import { type Despacho, type Turnado, useTurnar } from '../../api/juridico.ts';
import { useHoy } from '../../api/sesion.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

interface Valores {
  despachoId: number;
  motivo: string;
  hasta: Dayjs;
}

const CAMPOS = ['despachoId', 'motivo', 'hasta'] as const;
const ISO = 'YYYY-MM-DD';

export const cuentas = (n: number) =>
  n === 1 ? '1 cuenta' : `${n.toLocaleString('es-MX')} cuentas`;

/**
 * Turns the chosen accounts over to a law firm until a date: the expediente and its pagarés go
 * with them, gestores stop calling, the firm's lawyers start seeing them.
 */
export function DialogoTurnar({
  creditoIds,
  despachos,
  abierto,
  alCerrar,
  alTerminarCierre,
  alTurnar,
}: {
  creditoIds: readonly number[];
  despachos: readonly Despacho[];
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
  alTurnar: (turnados: Turnado[], despacho: string, hasta: string) => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const turnar = useTurnar();
  const clave = useClaveDeIdempotencia();
  const hoy = useHoy();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = (v: Valores) => {
    if (turnar.isPending) return;
    setErrorGeneral(null);
    const hasta = v.hasta.format(ISO);
    turnar.mutate(
      {
        datos: {
          creditoIds: [...creditoIds],
          despachoId: v.despachoId,
          motivo: v.motivo.trim(),
          hasta,
        },
        clave: clave.actual(),
      },
      {
        onSuccess: ({ turnados }) => {
          clave.renovar();
          const despacho = despachos.find((d) => d.id === v.despachoId)?.nombre ?? 'el despacho';
          alTurnar(turnados, despacho, hasta);
          alCerrar();
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      },
    );
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={`Turnar ${cuentas(creditoIds.length)} a un despacho`}
      textoAceptar="Turnar"
      ocupado={turnar.isPending}
      formulario={formulario}
      nombre="turnar-cuentas"
      valoresIniciales={{ hasta: dayjs(hoy, ISO).add(1, 'year') }}
      alEnviar={alEnviar}
      // Another firm, reason or date is another operation: it gets a new Idempotency-Key.
      alCambiarValores={() => {
        clave.renovar();
        setErrorGeneral(null);
      }}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Despacho"
        name="despachoId"
        rules={[{ required: true, message: 'Elige el despacho que recibe las cuentas.' }]}
      >
        <Select<number>
          options={despachos.filter((d) => d.activo).map((d) => ({ value: d.id, label: d.nombre }))}
          placeholder="Elige el despacho"
          autoFocus
        />
      </Form.Item>
      <Form.Item
        label="Motivo"
        name="motivo"
        rules={[
          { required: true, whitespace: true, message: 'Escribe por qué se turnan las cuentas.' },
          { max: 500, message: 'El motivo admite a lo más 500 caracteres.' },
        ]}
      >
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder="Pagarés próximos a prescribir, sin contacto…"
        />
      </Form.Item>
      <Form.Item
        label="Turnadas hasta"
        name="hasta"
        extra="Después de esta fecha el despacho deja de verlas."
        rules={[{ required: true, message: 'Elige hasta qué fecha las tiene el despacho.' }]}
      >
        <DatePicker
          format="DD/MM/YYYY"
          allowClear={false}
          inputReadOnly={false}
          showNow={false}
          disabledDate={(d) => d.isBefore(dayjs(hoy, ISO), 'day')}
          style={{ width: '100%' }}
        />
      </Form.Item>
    </DialogoFormulario>
  );
}
