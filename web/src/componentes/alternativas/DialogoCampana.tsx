import { Alert, App, DatePicker, Form, Input, InputNumber, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Campana, useGuardarCampana } from '../../api/alternativas.ts';
import { esErrorApi } from '../../api/cliente.ts';
import { useHoy } from '../../api/sesion.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';
import {
  aPorCiento,
  aProporcion,
  CAMPOS_ELEGIBILIDAD,
  CampoClave,
  CamposElegibilidad,
  CampoTolerancia,
  elegibilidadDelFormulario,
  errorEnCampo,
  SIN_ELEGIBILIDAD,
  TOLERANCIA_DIAS_POR_OMISION,
  type ValoresElegibilidad,
} from './comun.tsx';

interface Valores {
  clave: string;
  nombre: string;
  acuerdo: string;
  descripcion: string;
  vigencia: [Dayjs, Dayjs];
  vigenteDesde: Dayjs;
  activa: boolean;
  descuentoMoratorio: number;
  descuentoInteres: number;
  pagosMaximos: number;
  congelaMoratorio: boolean;
  toleranciaDias: number;
  elegibilidad: ValoresElegibilidad;
}

const CAMPOS = [
  'clave',
  'nombre',
  'acuerdo',
  'descripcion',
  'vigenteDesde',
  'activa',
  'descuentoMoratorio',
  'descuentoInteres',
  'pagosMaximos',
  'congelaMoratorio',
  'toleranciaDias',
  ...CAMPOS_ELEGIBILIDAD,
];
const ISO = 'YYYY-MM-DD';

interface Props {
  /** The campaign to version; null to create one. */
  campana: Campana | null;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}

/** Create a campaign approved by the Junta Directiva, or append its next version. */
export function DialogoCampana({ campana, abierto, alCerrar, alTerminarCierre }: Props) {
  const hoy = useHoy();
  const [formulario] = Form.useForm<Valores>();
  const guardar = useGuardarCampana(campana?.id ?? null);
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const esNueva = campana === null;
  const base = campana?.programada ?? campana?.vigente ?? null;

  const valoresIniciales: Partial<Valores> = {
    nombre: base?.nombre ?? '',
    acuerdo: base?.acuerdo ?? '',
    descripcion: base?.descripcion ?? '',
    vigencia: [
      dayjs(base?.inicio ?? hoy, ISO),
      base === null ? dayjs(hoy, ISO).add(3, 'month') : dayjs(base.fin, ISO),
    ],
    vigenteDesde: dayjs(hoy, ISO),
    activa: base?.activa ?? true,
    descuentoMoratorio: aPorCiento(base?.descuentoMoratorio ?? '1'),
    descuentoInteres: aPorCiento(base?.descuentoInteres ?? '0'),
    pagosMaximos: base?.pagosMaximos ?? 1,
    congelaMoratorio: base?.congelaMoratorio ?? true,
    toleranciaDias: base?.toleranciaDias ?? TOLERANCIA_DIAS_POR_OMISION,
    elegibilidad: base?.elegibilidad ?? SIN_ELEGIBILIDAD,
  };

  const alEnviar = (v: Valores) => {
    if (guardar.isPending) return;
    setErrorGeneral(null);
    const [inicio, fin] = v.vigencia;
    guardar.mutate(
      {
        ...(esNueva ? { clave: v.clave.trim() } : {}),
        nombre: v.nombre.trim(),
        acuerdo: v.acuerdo.trim(),
        descripcion: (v.descripcion ?? '').trim(),
        inicio: inicio.format(ISO),
        fin: fin.format(ISO),
        vigenteDesde: v.vigenteDesde.format(ISO),
        activa: v.activa,
        descuentoMoratorio: aProporcion(v.descuentoMoratorio),
        descuentoInteres: aProporcion(v.descuentoInteres),
        pagosMaximos: v.pagosMaximos,
        congelaMoratorio: v.congelaMoratorio,
        toleranciaDias: v.toleranciaDias,
        elegibilidad: elegibilidadDelFormulario(v.elegibilidad),
      },
      {
        onSuccess: ({ campana: guardada }) => {
          void message.success(
            esNueva
              ? `Campaña «${guardada.vigente?.nombre ?? guardada.clave}» creada.`
              : `Nueva versión de la campaña «${guardada.vigente?.nombre ?? guardada.clave}» guardada.`,
          );
          alCerrar();
        },
        onError: (error) => {
          // The server names the dates `inicio` and `fin`; the form has them in one range.
          if (esErrorApi(error) && (error.campo === 'inicio' || error.campo === 'fin')) {
            formulario.setFields([{ name: 'vigencia', errors: [error.mensaje] }]);
            formulario.focusField('vigencia');
            return;
          }
          setErrorGeneral(errorEnCampo(formulario, error, CAMPOS));
        },
      },
    );
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      ancho={860}
      titulo={esNueva ? 'Nueva campaña' : `Nueva versión de «${base?.nombre ?? campana.clave}»`}
      textoAceptar={esNueva ? 'Crear campaña' : 'Guardar versión'}
      textoCancelar="Cancelar"
      ocupado={guardar.isPending}
      formulario={formulario}
      nombre={esNueva ? 'campana-nueva' : 'campana-version'}
      valoresIniciales={valoresIniciales}
      alEnviar={alEnviar}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <div className="rejilla-campos rejilla-2">
        {esNueva ? <CampoClave /> : null}
        <Form.Item
          label="Nombre"
          name="nombre"
          rules={[
            { required: true, whitespace: true, message: 'Escribe el nombre.' },
            { max: 120, message: 'Admite a lo más 120 caracteres.' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </div>
      <Form.Item
        label="Acuerdo de la Junta Directiva"
        name="acuerdo"
        rules={[
          { required: true, whitespace: true, message: 'Escribe el acuerdo que la aprobó.' },
          { max: 200, message: 'Admite a lo más 200 caracteres.' },
        ]}
      >
        <Input autoComplete="off" placeholder="Acuerdo JD-2026-05-03 de la Junta Directiva" />
      </Form.Item>
      <Form.Item label="Descripción" name="descripcion">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <div className="rejilla-campos rejilla-3">
        <Form.Item
          label="Vigencia (inicio y fin)"
          name="vigencia"
          rules={[{ required: true, message: 'Elige el inicio y el fin.' }]}
        >
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            allowClear={false}
            inputReadOnly={false}
            placeholder={['Inicio', 'Fin']}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          label="Esta versión rige desde"
          name="vigenteDesde"
          rules={[{ required: true, message: 'Elige la fecha.' }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            allowClear={false}
            showNow={false}
            inputReadOnly={false}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item label="Activa" name="activa" valuePropName="checked">
          <Switch checkedChildren="Sí" unCheckedChildren="No" />
        </Form.Item>
      </div>
      <fieldset className="grupo-campos">
        <legend>Condiciones</legend>
        <div className="rejilla-campos">
          <Form.Item
            label="Descuento sobre moratorio (%)"
            name="descuentoMoratorio"
            rules={[{ required: true, message: 'Escribe un porcentaje.' }]}
          >
            <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label="Descuento sobre interés (%)"
            name="descuentoInteres"
            rules={[{ required: true, message: 'Escribe un porcentaje.' }]}
          >
            <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label="Pagos (1 = pago único)"
            name="pagosMaximos"
            rules={[{ required: true, message: 'Escribe el número de pagos.' }]}
          >
            <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="Congela el moratorio" name="congelaMoratorio" valuePropName="checked">
            <Switch checkedChildren="Sí" unCheckedChildren="No" />
          </Form.Item>
          <CampoTolerancia />
        </div>
      </fieldset>
      <CamposElegibilidad />
    </DialogoFormulario>
  );
}
