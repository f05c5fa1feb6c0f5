import { DatePicker, Form, Input, InputNumber, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type Campana, useGuardarCampana } from '../../api/alternativas.ts';
import { esErrorApi } from '../../api/cliente.ts';
import { useHoy } from '../../api/sesion.ts';
import {
  aPorCiento,
  aProporcion,
  CAMPOS_ELEGIBILIDAD,
  CampoActiva,
  CampoClave,
  CampoDescripcion,
  CampoNombre,
  CamposElegibilidad,
  CampoTolerancia,
  CampoVigenteDesde,
  elegibilidadDelFormulario,
  SIN_ELEGIBILIDAD,
  TOLERANCIA_DIAS_POR_OMISION,
  type ValoresElegibilidad,
} from './comun.tsx';
import { DialogoDelCatalogo } from './DialogoDelCatalogo.tsx';
import type { PropsDialogoDelCatalogo } from './ListaDelCatalogo.tsx';

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

/** Create a campaign approved by the Junta Directiva, or append its next version. */
export function DialogoCampana({ entrada: campana, ...dialogo }: PropsDialogoDelCatalogo<Campana>) {
  const hoy = useHoy();
  const [formulario] = Form.useForm<Valores>();
  const guardar = useGuardarCampana(campana?.id ?? null);
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

  return (
    <DialogoDelCatalogo
      {...dialogo}
      nombre="campana"
      esNueva={esNueva}
      titulo={esNueva ? 'Nueva campaña' : `Nueva versión de «${base?.nombre ?? campana.clave}»`}
      textoCrear="Crear campaña"
      formulario={formulario}
      valoresIniciales={valoresIniciales}
      guardar={guardar}
      cuerpoDe={(v) => {
        const [inicio, fin] = v.vigencia;
        return {
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
        };
      }}
      mensajeAlGuardar={({ campana: guardada }) =>
        esNueva
          ? `Campaña «${guardada.vigente?.nombre ?? guardada.clave}» creada.`
          : `Nueva versión de la campaña «${guardada.vigente?.nombre ?? guardada.clave}» guardada.`
      }
      campos={CAMPOS}
      errorPropio={(error) => {
        // The server names the dates `inicio` and `fin`; the form has them in one range.
        if (esErrorApi(error) && (error.campo === 'inicio' || error.campo === 'fin')) {
          formulario.setFields([{ name: 'vigencia', errors: [error.mensaje] }]);
          formulario.focusField('vigencia');
          return true;
        }
        return false;
      }}
    >
      <div className="rejilla-campos rejilla-2">
        {esNueva ? <CampoClave /> : null}
        <CampoNombre />
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
      <CampoDescripcion />
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
        <CampoVigenteDesde etiqueta="Esta versión rige desde" />
        <CampoActiva />
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
    </DialogoDelCatalogo>
  );
}
