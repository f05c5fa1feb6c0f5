import { Alert, App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { AsignacionIncompleta, type Gestor, useAsignarAMano } from '../../api/asignacion.ts';
import { mensajeDeError } from '../../api/cliente.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

interface Valores {
  gestorId: number;
  motivo?: string;
}

const CAMPOS = ['gestorId', 'motivo'] as const;

const cuentas = (n: number) => (n === 1 ? '1 cuenta' : `${n.toLocaleString('es-MX')} cuentas`);

/** Hands the chosen accounts to one gestor of the office, with an optional reason. */
export function DialogoAsignar({
  creditoIds,
  gestores,
  abierto,
  alCerrar,
  alTerminarCierre,
  alAsignar,
}: {
  creditoIds: readonly number[];
  gestores: readonly Gestor[];
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
  alAsignar: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const asignar = useAsignarAMano();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = ({ gestorId, motivo }: Valores) => {
    if (asignar.isPending) return;
    setErrorGeneral(null);
    const texto = motivo?.trim() ?? '';
    asignar.mutate(
      { creditoIds, gestorId, motivo: texto === '' ? null : texto },
      {
        onSuccess: (hechas) => {
          const gestor = hechas[0]?.gestor.nombre ?? 'el gestor';
          void message.success(`${cuentas(hechas.length)} asignadas a ${gestor}.`);
          alAsignar();
          alCerrar();
        },
        onError: (error) => {
          if (error instanceof AsignacionIncompleta) {
            const causa = mostrarErrorEnFormulario(formulario, error.causa, CAMPOS);
            const previas =
              error.hechas === 0 ? '' : ` Ya se habían asignado ${cuentas(error.hechas)}.`;
            setErrorGeneral(
              causa === null && previas === '' ? null : `${causa ?? ''}${previas}`.trim(),
            );
            if (error.hechas > 0) alAsignar();
            return;
          }
          setErrorGeneral(mensajeDeError(error));
        },
      },
    );
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={`Asignar ${cuentas(creditoIds.length)}`}
      textoAceptar="Asignar"
      ocupado={asignar.isPending}
      formulario={formulario}
      nombre="asignar-cuentas"
      alEnviar={alEnviar}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Gestor responsable"
        name="gestorId"
        rules={[{ required: true, message: 'Elige al gestor.' }]}
      >
        <Select<number>
          options={gestores.map((g) => ({
            value: g.id,
            label: `${g.nombre} (${cuentas(g.cuentas)})`,
          }))}
          placeholder="Elige al gestor"
          autoFocus
        />
      </Form.Item>
      <Form.Item
        label="Motivo (opcional)"
        name="motivo"
        rules={[{ max: 500, message: 'El motivo admite a lo más 500 caracteres.' }]}
      >
        <Input.TextArea rows={2} maxLength={500} placeholder="Reparto de cartera, vacaciones…" />
      </Form.Item>
    </DialogoFormulario>
  );
}
