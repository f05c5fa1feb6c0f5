import { Alert, App, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useGestores } from '../../api/asignacion.ts';
import { useFicha } from '../../api/atencion.ts';
import { useOficinas } from '../../api/oficinas.ts';
import { type DatosRecado, useTomarRecado } from '../../api/recados.ts';
import { useUsuarioActual } from '../../api/sesion.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { SelectorDeudor } from './SelectorDeudor.tsx';

/** The «para» value that leaves the recipient to the server: the account's gestor. */
const GESTOR_DE_LA_CUENTA = 'gestor_de_la_cuenta';

interface Valores {
  personaId?: number | null;
  llamanteNombre: string;
  llamanteTelefono?: string;
  creditoId?: number;
  /** Only for whoever has no office of their own and names no credit. */
  oficinaId?: number;
  paraId?: number | typeof GESTOR_DE_LA_CUENTA;
  mensaje: string;
  volverALlamar?: Dayjs | null;
}

const CAMPOS = [
  'personaId',
  'llamanteNombre',
  'llamanteTelefono',
  'creditoId',
  'paraId',
  'mensaje',
  'volverALlamar',
] as const;

/**
 * The wall-clock time picked, in Sonora (UTC−7 all year, where every office is), whatever the
 * browser's own time zone.
 */
function instanteEnSonora(valor: Dayjs): string {
  return `${valor.format('YYYY-MM-DDTHH:mm')}:00-07:00`;
}

/**
 * Whoever answers the phone for an absent colleague: who called (found with the search, or a
 * free name and number), about which credit, for whom, what they want, when to call back.
 */
export function TomarRecado() {
  const usuario = useUsuarioActual();
  const [formulario] = Form.useForm<Valores>();
  const tomar = useTomarRecado();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const personaId = Form.useWatch('personaId', formulario) ?? null;
  const creditoId = Form.useWatch('creditoId', formulario) ?? null;
  const oficinaElegida = Form.useWatch('oficinaId', formulario) ?? null;
  const ficha = useFicha(personaId ?? 0, personaId !== null);
  const oficinas = useOficinas();

  const creditos = personaId === null ? [] : (ficha.data?.creditos ?? []);
  const credito = creditos.find((c) => c.id === creditoId) ?? null;
  // Whom it may be for: the office's staff; without an office of one's own, the credit's (or,
  // without a credit, the one chosen).
  const eligeOficina = usuario.oficina === null && credito === null;
  const oficinaId =
    usuario.oficina?.id ??
    (credito === null
      ? oficinaElegida
      : (oficinas.data?.find((o) => o.nombre === credito.oficina)?.id ?? null));
  const gestores = useGestores(oficinaId, oficinaId !== null);

  const opcionesPara = [
    ...(creditoId === null
      ? []
      : [{ value: GESTOR_DE_LA_CUENTA, label: 'El gestor de la cuenta' }]),
    ...(gestores.data ?? [])
      .filter((g) => g.id !== usuario.id)
      .map((g) => ({ value: g.id, label: g.nombre })),
  ];

  const alElegirPersona = (persona: { id: number; nombre: string } | null) => {
    formulario.setFieldsValue({
      creditoId: undefined,
      paraId: undefined,
      ...(persona === null ? {} : { llamanteNombre: persona.nombre }),
    });
  };

  const alEnviar = (v: Valores) => {
    if (tomar.isPending) return;
    setErrorGeneral(null);
    const datos: DatosRecado = {
      llamanteNombre: v.llamanteNombre.trim(),
      mensaje: v.mensaje.trim(),
    };
    if (v.personaId != null) datos.personaId = v.personaId;
    if (v.creditoId !== undefined) datos.creditoId = v.creditoId;
    const telefono = v.llamanteTelefono?.trim() ?? '';
    if (telefono !== '') datos.llamanteTelefono = telefono;
    if (typeof v.paraId === 'number') datos.paraId = v.paraId;
    if (v.volverALlamar) datos.volverALlamar = instanteEnSonora(v.volverALlamar);
    tomar.mutate(datos, {
      onSuccess: (r) => {
        void message.success(`Recado para ${r.para.nombre} registrado.`);
        formulario.resetFields();
        formulario.focusField('personaId');
      },
      onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
    });
  };

  return (
    <Form<Valores>
      form={formulario}
      name="tomar-recado"
      layout="vertical"
      onFinish={alEnviar}
      onValuesChange={(cambios) => {
        // A new credit: the recipient goes back to its gestor.
        if ('oficinaId' in cambios) formulario.setFieldsValue({ paraId: undefined });
        if ('creditoId' in cambios) {
          formulario.setFieldsValue({
            paraId: cambios.creditoId === undefined ? undefined : GESTOR_DE_LA_CUENTA,
          });
        }
      }}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <div className="rejilla-flexible">
        <Form.Item
          label="Deudor que llama (opcional)"
          name="personaId"
          extra="Búscalo; si no está en la cartera, escribe solo su nombre y teléfono."
        >
          <SelectorDeudor alElegir={alElegirPersona} />
        </Form.Item>
        <Form.Item
          label="Nombre de quien llama"
          name="llamanteNombre"
          rules={[
            { required: true, whitespace: true, message: 'Escribe el nombre de quien llama.' },
            { max: 200, message: 'El nombre admite a lo más 200 caracteres.' },
          ]}
        >
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item
          label="Teléfono para devolver la llamada"
          name="llamanteTelefono"
          rules={[{ max: 30, message: 'El teléfono admite a lo más 30 caracteres.' }]}
        >
          <Input type="tel" autoComplete="off" inputMode="tel" maxLength={30} />
        </Form.Item>
        <Form.Item label="Crédito" name="creditoId">
          <Select<number>
            options={creditos.map((c) => ({
              value: c.id,
              label: `${c.numero} (${c.rol === 'acreditado' ? 'acreditado' : 'aval'})`,
            }))}
            allowClear
            disabled={personaId === null}
            loading={personaId !== null && ficha.isPending}
            placeholder={personaId === null ? 'Primero busca al deudor' : 'Elige el crédito'}
            notFoundContent="La persona no tiene créditos en tu cartera."
          />
        </Form.Item>
        {eligeOficina && (
          <Form.Item
            label="Oficina de quien recibe"
            name="oficinaId"
            rules={[{ required: true, message: 'Elige la oficina.' }]}
          >
            <Select<number>
              options={(oficinas.data ?? []).map((o) => ({ value: o.id, label: o.nombre }))}
              loading={oficinas.isPending}
              placeholder="Elige la oficina"
            />
          </Form.Item>
        )}
        <Form.Item
          label="Para"
          name="paraId"
          rules={[{ required: true, message: 'Elige para quién es el recado.' }]}
        >
          <Select
            options={opcionesPara}
            loading={gestores.isFetching}
            placeholder={
              oficinaId === null
                ? 'Primero elige el crédito o la oficina'
                : 'Elige para quién es el recado'
            }
            notFoundContent="No hay a quién dejarle el recado."
          />
        </Form.Item>
        <Form.Item label="Volver a llamar (opcional)" name="volverALlamar">
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="DD/MM/YYYY HH:mm"
            showNow={false}
            inputReadOnly={false}
            placeholder="dd/mm/aaaa hh:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </div>
      <Form.Item
        label="Qué quiere"
        name="mensaje"
        rules={[
          { required: true, whitespace: true, message: 'Escribe qué quiere quien llamó.' },
          { max: 2000, message: 'El recado admite a lo más 2,000 caracteres.' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={tomar.isPending}>
        Dejar recado
      </Button>
    </Form>
  );
}
