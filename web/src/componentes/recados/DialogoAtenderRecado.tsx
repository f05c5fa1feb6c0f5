import { useQuery } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { type Ficha, useFicha } from '../../api/atencion.ts';
import { useResultadosGestion } from '../../api/configuracion-gestion.ts';
import { consultaCredito } from '../../api/creditos.ts';
import { revelarDatoPersonal, revelarTelefonoDelRecado } from '../../api/datos-personales.ts';
import {
  CANALES,
  type Canal,
  type CuerpoGestion,
  type Recado,
  TIPOS_ACCION,
  type TipoAccion,
  useAtenderRecado,
} from '../../api/recados.ts';
import { useHoy } from '../../api/sesion.ts';
import { etiquetaMostrarTelefono } from '../../enmascarado.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { leerMonto } from '../../formato.ts';
import { DatoEnmascarado } from '../DatoEnmascarado.tsx';
import { DialogoFormulario } from '../DialogoFormulario.tsx';
import { numeroTelefonico } from '../gestion/medios.ts';
import { medioDe, NOMBRE_ACCION, NOMBRE_CANAL } from './etiquetas.ts';
import { SelectorDeudor } from './SelectorDeudor.tsx';

interface Valores {
  deudorId?: number | null;
  creditoId?: number;
  canal: Canal;
  personaId?: number;
  medioId?: number;
  resultado?: string;
  duracionMinutos?: number | null;
  montoPromesa?: string;
  fechaPromesa?: Dayjs;
  toleranciaDias?: number;
  nota?: string;
  accion?: TipoAccion;
  fechaAccion?: Dayjs;
}

const CAMPOS = [
  'creditoId',
  'canal',
  'personaId',
  'medioId',
  'resultado',
  'duracionMinutos',
  'montoPromesa',
  'fechaPromesa',
  'toleranciaDias',
  'nota',
  'accion',
  'fechaAccion',
] as const;

/** The API's field names for this form's. */
const NOMBRES: Record<string, string> = {
  telefonoId: 'medioId',
  correoId: 'medioId',
  domicilioId: 'medioId',
  duracionSegundos: 'duracionMinutos',
  'promesa.monto': 'montoPromesa',
  'promesa.fecha': 'fechaPromesa',
  'promesa.toleranciaDias': 'toleranciaDias',
  'proximaAccion.tipo': 'accion',
  'proximaAccion.fecha': 'fechaAccion',
};

const ISO = 'YYYY-MM-DD';

/** The person's usable phones, e-mails or addresses, for the channel's kind of contact. */
function opcionesDeMedio(
  ficha: Ficha | undefined,
  medio: ReturnType<typeof medioDe>,
): { value: number; label: string }[] {
  if (ficha === undefined || medio === null) return [];
  switch (medio) {
    case 'telefono':
      return ficha.telefonos.filter((t) => t.valido).map((t) => ({ value: t.id, label: t.numero }));
    case 'correo':
      return ficha.correos.filter((c) => c.valido).map((c) => ({ value: c.id, label: c.correo }));
    case 'domicilio':
      return ficha.domicilios
        .filter((d) => d.vigente)
        .map((d) => ({ value: d.id, label: `${d.texto}, ${d.municipio}` }));
  }
}

/** The chosen phone, masked as the list shows it, with «Mostrar» to dial it (logged). */
function paraMarcar(ficha: Ficha | undefined, medio: ReturnType<typeof medioDe>, id: unknown) {
  if (ficha === undefined || medio !== 'telefono' || typeof id !== 'number') return undefined;
  const t = ficha.telefonos.find((x) => x.id === id);
  if (t === undefined) return undefined;
  return (
    <>
      Número:{' '}
      <DatoEnmascarado
        key={t.id}
        className="cifra"
        valor={t.numero}
        etiqueta={etiquetaMostrarTelefono(t.numero)}
        formato={numeroTelefonico}
        revelar={() =>
          revelarDatoPersonal(ficha.persona.id, { campo: 'telefono', telefonoId: t.id })
        }
      />
    </>
  );
}

/** An inbound call may come from a number not on file; every other contact names its medium. */
const esMedioObligatorio = (canal: Canal) =>
  medioDe(canal) !== null && canal !== 'llamada_entrante';
const ETIQUETA_MEDIO = { telefono: 'Teléfono', correo: 'Correo', domicilio: 'Domicilio' } as const;

/**
 * A recado is answered with a gestión: the call back (or whatever contact it took), its
 * result from the catalogue, a note and the next action. The server applies the contact rules.
 */
export function DialogoAtenderRecado({
  recado,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  recado: Recado;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const hoy = useHoy();
  const [formulario] = Form.useForm<Valores>();
  const atender = useAtenderRecado();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const resultados = useResultadosGestion();

  const deudorId = Form.useWatch('deudorId', formulario) ?? null;
  const creditoElegido = Form.useWatch('creditoId', formulario);
  const canal = Form.useWatch('canal', formulario) ?? 'llamada_saliente';
  const personaId = Form.useWatch('personaId', formulario);
  const claveResultado = Form.useWatch('resultado', formulario);
  const medioElegido: unknown = Form.useWatch('medioId', formulario);
  const accion = Form.useWatch('accion', formulario);

  // Without a credit on the recado, it is found through the debtor's ficha.
  const fichaDeudor = useFicha(deudorId ?? 0, recado.creditoId === null && deudorId !== null);
  const creditoId = recado.creditoId ?? creditoElegido ?? null;
  const credito = useQuery({ ...consultaCredito(creditoId ?? 0), enabled: creditoId !== null });
  const contactables = (credito.data?.participantes ?? []).filter((p) => p.rol !== 'beneficiario');
  const fichaPersona = useFicha(personaId ?? 0, personaId !== undefined);

  const medio = medioDe(canal);
  const opcionesMedio = opcionesDeMedio(fichaPersona.data, medio);
  const medioObligatorio = esMedioObligatorio(canal);

  // When the person's data arrive (or the channel changes), the first usable one is offered.
  const primerMedio = opcionesMedio[0]?.value;
  useEffect(() => {
    if (
      medioObligatorio &&
      primerMedio !== undefined &&
      formulario.getFieldValue('medioId') === undefined
    ) {
      formulario.setFieldsValue({ medioId: primerMedio });
    }
  }, [formulario, medioObligatorio, primerMedio]);
  const esLlamada = canal === 'llamada_saliente' || canal === 'llamada_entrante';
  const resultado = resultados.data?.find((r) => r.clave === claveResultado);
  const conPromesa = resultado?.promesa === true;

  const personaInicial = recado.persona?.id;

  const alEnviar = (v: Valores) => {
    if (atender.isPending) return;
    if (creditoId === null) {
      formulario.setFields([{ name: 'creditoId', errors: ['Elige el crédito del recado.'] }]);
      return;
    }
    setErrorGeneral(null);
    const medioId = v.medioId ?? null;
    const nota = v.nota?.trim() ?? '';
    const gestion: CuerpoGestion = {
      canal: v.canal,
      personaId: v.personaId ?? null,
      contactoNombre: null,
      telefonoId: medio === 'telefono' ? medioId : null,
      correoId: medio === 'correo' ? medioId : null,
      domicilioId: medio === 'domicilio' ? medioId : null,
      resultado: v.resultado ?? '',
      nota: nota === '' ? null : nota,
      proximaAccion:
        v.accion !== undefined && v.fechaAccion !== undefined
          ? { tipo: v.accion, fecha: v.fechaAccion.format(ISO) }
          : null,
      duracionSegundos:
        esLlamada && v.duracionMinutos != null ? Math.round(v.duracionMinutos * 60) : null,
      promesa:
        conPromesa && v.montoPromesa !== undefined && v.fechaPromesa !== undefined
          ? {
              monto: leerMonto(v.montoPromesa) ?? v.montoPromesa,
              fecha: v.fechaPromesa.format(ISO),
              toleranciaDias: v.toleranciaDias ?? 0,
            }
          : null,
    };
    atender.mutate(
      { id: recado.id, gestion, creditoId: recado.creditoId === null ? creditoId : null },
      {
        onSuccess: () => {
          void message.success(`Recado de ${recado.llamanteNombre} atendido.`);
          alCerrar();
        },
        onError: (error) =>
          setErrorGeneral(
            mostrarErrorEnFormulario(formulario, error, CAMPOS, { nombres: NOMBRES }),
          ),
      },
    );
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={`Atender el recado de ${recado.llamanteNombre}`}
      textoAceptar="Registrar gestión"
      ocupado={atender.isPending}
      ancho={640}
      formulario={formulario}
      nombre="atender-recado"
      valoresIniciales={{ canal: 'llamada_saliente', personaId: personaInicial, toleranciaDias: 0 }}
      alEnviar={alEnviar}
      alCambiarValores={(cambios) => {
        // Another person or channel: the contact datum chosen no longer applies; for another
        // channel of the same person, her first usable one of the new kind is offered.
        if ('personaId' in cambios) formulario.setFieldsValue({ medioId: undefined });
        if (cambios.canal !== undefined) {
          const nuevo = cambios.canal;
          formulario.setFieldsValue({
            medioId: esMedioObligatorio(nuevo)
              ? opcionesDeMedio(fichaPersona.data, medioDe(nuevo))[0]?.value
              : undefined,
          });
        }
        if ('deudorId' in cambios) {
          formulario.setFieldsValue({ creditoId: undefined, personaId: undefined });
        }
      }}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      <p className="texto-secundario" style={{ marginTop: 0 }}>
        «{recado.mensaje}»
        {recado.llamanteTelefono !== null && (
          <>
            {' · Teléfono que dejó: '}
            <DatoEnmascarado
              className="cifra"
              valor={recado.llamanteTelefono}
              etiqueta={`Mostrar teléfono completo que dejó ${recado.llamanteNombre}`}
              revelar={() => revelarTelefonoDelRecado(recado.id)}
            />
          </>
        )}
      </p>
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      {recado.creditoId === null && (
        <div className="rejilla-flexible">
          <Form.Item label="Deudor" name="deudorId">
            <SelectorDeudor autoFocus />
          </Form.Item>
          <Form.Item
            label="Crédito"
            name="creditoId"
            rules={[{ required: true, message: 'Elige el crédito del recado.' }]}
          >
            <Select<number>
              options={(fichaDeudor.data?.creditos ?? []).map((c) => ({
                value: c.id,
                label: c.numero,
              }))}
              disabled={deudorId === null}
              placeholder={deudorId === null ? 'Primero busca al deudor' : 'Elige el crédito'}
            />
          </Form.Item>
        </div>
      )}
      <div className="rejilla-flexible">
        <Form.Item
          label="Canal"
          name="canal"
          rules={[{ required: true, message: 'Elige el canal.' }]}
        >
          <Select<Canal>
            options={CANALES.map((c) => ({ value: c, label: NOMBRE_CANAL[c] }))}
            autoFocus={recado.creditoId !== null}
          />
        </Form.Item>
        <Form.Item
          label="Persona contactada"
          name="personaId"
          rules={[{ required: true, message: 'Elige a la persona contactada.' }]}
        >
          <Select<number>
            options={contactables.map((p) => ({
              value: p.personaId,
              label: `${p.nombre} (${p.rol === 'acreditado' ? 'acreditado' : 'aval'})`,
            }))}
            loading={credito.isFetching}
            disabled={creditoId === null}
            placeholder="Elige a la persona"
          />
        </Form.Item>
        {medio !== null && (
          <Form.Item
            label={`${ETIQUETA_MEDIO[medio]} usado${medioObligatorio ? '' : ' (opcional)'}`}
            name="medioId"
            extra={paraMarcar(fichaPersona.data, medio, medioElegido)}
            rules={[
              {
                required: medioObligatorio,
                message: `Elige el ${ETIQUETA_MEDIO[medio].toLowerCase()} usado.`,
              },
            ]}
          >
            <Select<number>
              options={opcionesMedio}
              allowClear
              loading={personaId !== undefined && fichaPersona.isFetching}
              disabled={personaId === undefined}
              placeholder={personaId === undefined ? 'Primero elige a la persona' : 'Elige uno'}
              notFoundContent="La persona no tiene datos vigentes de este tipo."
            />
          </Form.Item>
        )}
        {esLlamada && (
          <Form.Item label="Duración en minutos (opcional)" name="duracionMinutos">
            <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item
          label="Resultado"
          name="resultado"
          rules={[{ required: true, message: 'Elige el resultado.' }]}
        >
          <Select<string>
            options={(resultados.data ?? [])
              .filter((r) => r.activo)
              .map((r) => ({ value: r.clave, label: r.nombre }))}
            loading={resultados.isPending}
            placeholder="Elige el resultado"
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </div>
      {conPromesa && (
        <fieldset className="grupo-campos">
          <legend>Promesa de pago</legend>
          <div className="rejilla-flexible">
            <Form.Item
              label="Monto"
              name="montoPromesa"
              rules={[
                { required: true, message: 'Escribe el monto prometido.' },
                {
                  validator: (_, valor: string | undefined) =>
                    valor === undefined || valor.trim() === '' || leerMonto(valor) !== null
                      ? Promise.resolve()
                      : Promise.reject(new Error('Escribe un monto en pesos, p. ej. 1,500.00')),
                },
              ]}
            >
              <Input prefix="$" inputMode="decimal" autoComplete="off" />
            </Form.Item>
            <Form.Item
              label="Fecha"
              name="fechaPromesa"
              rules={[{ required: true, message: 'Elige la fecha prometida.' }]}
            >
              <DatePicker
                format="DD/MM/YYYY"
                showNow={false}
                inputReadOnly={false}
                disabledDate={(d) => d.isBefore(dayjs(hoy, ISO), 'day')}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item label="Días de tolerancia" name="toleranciaDias">
              <InputNumber min={0} max={30} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </div>
        </fieldset>
      )}
      <Form.Item
        label="Nota"
        name="nota"
        rules={[{ max: 2000, message: 'La nota admite a lo más 2,000 caracteres.' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <div className="rejilla-flexible">
        <Form.Item label="Próxima acción (opcional)" name="accion">
          <Select<TipoAccion>
            options={TIPOS_ACCION.map((t) => ({ value: t, label: NOMBRE_ACCION[t] }))}
            allowClear
            placeholder="Ninguna"
          />
        </Form.Item>
        <Form.Item
          label="Fecha de la próxima acción"
          name="fechaAccion"
          dependencies={['accion']}
          rules={[{ required: accion !== undefined, message: 'Elige la fecha de la acción.' }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            showNow={false}
            inputReadOnly={false}
            disabled={accion === undefined}
            disabledDate={(d) => d.isBefore(dayjs(hoy, ISO), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </div>
    </DialogoFormulario>
  );
}
