import { Alert, Form, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  type Alternativa,
  NOMBRE_TIPO,
  type Parametros,
  TIPOS_ALTERNATIVA,
  type TipoAlternativa,
  useGuardarAlternativa,
} from '../../api/alternativas.ts';
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

interface CampoParametro {
  nombre: string;
  etiqueta: string;
  clase: 'porcentaje' | 'entero' | 'si_no';
  min?: number;
  max?: number;
}

const DESCUENTOS: CampoParametro[] = [
  { nombre: 'descuentoMoratorio', etiqueta: 'Descuento sobre moratorio (%)', clase: 'porcentaje' },
  {
    nombre: 'descuentoInteres',
    etiqueta: 'Descuento sobre interés ordinario (%)',
    clase: 'porcentaje',
  },
];
const CONGELA: CampoParametro = {
  nombre: 'congelaMoratorio',
  etiqueta: 'Congela el moratorio',
  clase: 'si_no',
};

/** Each kind's parameters, as the server validates them (src/modules/alternativas/esquemas.ts). */
export const PARAMETROS_POR_TIPO: Record<TipoAlternativa, CampoParametro[]> = {
  liquidacion_con_descuento: [
    ...DESCUENTOS,
    { nombre: 'diasParaPagar', etiqueta: 'Días para pagar', clase: 'entero', min: 0, max: 90 },
  ],
  regularizacion: [
    { nombre: 'pagosMaximos', etiqueta: 'Pagos máximos', clase: 'entero', min: 1, max: 60 },
    CONGELA,
  ],
  convenio_de_pagos: [
    { nombre: 'pagosMaximos', etiqueta: 'Pagos máximos', clase: 'entero', min: 1, max: 120 },
    CONGELA,
    ...DESCUENTOS,
  ],
  reestructura: [
    {
      nombre: 'plazoMaximoMeses',
      etiqueta: 'Plazo máximo (meses)',
      clase: 'entero',
      min: 1,
      max: 240,
    },
    { nombre: 'tasaOrdinariaAnual', etiqueta: 'Tasa ordinaria anual (%)', clase: 'porcentaje' },
    ...DESCUENTOS,
  ],
  prorroga: [
    { nombre: 'mesesMaximos', etiqueta: 'Meses máximos', clase: 'entero', min: 1, max: 6 },
    CONGELA,
  ],
};

type ValorParametro = number | boolean | null;

interface Valores {
  clave: string;
  tipo: TipoAlternativa;
  nombre: string;
  descripcion: string;
  vigenteDesde: Dayjs;
  activa: boolean;
  parametros: Record<string, ValorParametro>;
  toleranciaDias: number;
  elegibilidad: ValoresElegibilidad;
}

function parametrosDelFormulario(
  tipo: TipoAlternativa,
  valores: Record<string, ValorParametro> | undefined,
): Parametros {
  const salida: Parametros = {};
  for (const c of PARAMETROS_POR_TIPO[tipo]) {
    const v = valores?.[c.nombre];
    if (c.clase === 'si_no') salida[c.nombre] = v === true;
    else if (c.clase === 'porcentaje')
      salida[c.nombre] = aProporcion(typeof v === 'number' ? v : 0);
    else salida[c.nombre] = typeof v === 'number' ? v : 0;
  }
  return salida;
}

function parametrosAlFormulario(tipo: TipoAlternativa, p: Parametros | undefined) {
  const salida: Record<string, ValorParametro> = {};
  for (const c of PARAMETROS_POR_TIPO[tipo]) {
    const v = p?.[c.nombre];
    if (c.clase === 'si_no') salida[c.nombre] = v === undefined ? true : v === true;
    else if (c.clase === 'porcentaje') salida[c.nombre] = aPorCiento(v);
    else salida[c.nombre] = typeof v === 'number' ? v : null;
  }
  return salida;
}

const CAMPOS = [
  'clave',
  'tipo',
  'nombre',
  'descripcion',
  'vigenteDesde',
  'activa',
  'toleranciaDias',
  ...CAMPOS_ELEGIBILIDAD,
  ...[...new Set(Object.values(PARAMETROS_POR_TIPO).flatMap((c) => c.map((x) => x.nombre)))].map(
    (n) => `parametros.${n}`,
  ),
];

/** Create an alternative or append its next version (administrador). */
export function DialogoAlternativa({
  entrada: alternativa,
  ...dialogo
}: PropsDialogoDelCatalogo<Alternativa>) {
  const hoy = useHoy();
  const [formulario] = Form.useForm<Valores>();
  const tipoElegido = Form.useWatch('tipo', formulario);
  const guardar = useGuardarAlternativa(alternativa?.id ?? null);
  const esNueva = alternativa === null;
  const base = alternativa?.programada ?? alternativa?.vigente ?? null;
  const tipo: TipoAlternativa = alternativa?.tipo ?? tipoElegido ?? 'regularizacion';

  const valoresIniciales: Partial<Valores> = {
    tipo,
    nombre: base?.nombre ?? '',
    descripcion: base?.descripcion ?? '',
    vigenteDesde: dayjs(hoy, 'YYYY-MM-DD'),
    activa: base?.activa ?? true,
    parametros: parametrosAlFormulario(tipo, base?.parametros),
    toleranciaDias: base?.toleranciaDias ?? TOLERANCIA_DIAS_POR_OMISION,
    elegibilidad: base?.elegibilidad ?? SIN_ELEGIBILIDAD,
  };

  return (
    <DialogoDelCatalogo
      {...dialogo}
      nombre="alternativa"
      esNueva={esNueva}
      titulo={
        esNueva
          ? 'Nueva alternativa'
          : `Nueva versión de «${alternativa.vigente?.nombre ?? alternativa.clave}»`
      }
      textoCrear="Crear alternativa"
      formulario={formulario}
      valoresIniciales={valoresIniciales}
      guardar={guardar}
      cuerpoDe={(v) => ({
        ...(esNueva ? { clave: v.clave.trim() } : {}),
        tipo,
        nombre: v.nombre.trim(),
        descripcion: (v.descripcion ?? '').trim(),
        vigenteDesde: v.vigenteDesde.format('YYYY-MM-DD'),
        activa: v.activa,
        parametros: parametrosDelFormulario(tipo, v.parametros),
        toleranciaDias: v.toleranciaDias,
        elegibilidad: elegibilidadDelFormulario(v.elegibilidad),
      })}
      mensajeAlGuardar={({ alternativa: guardada }) =>
        esNueva
          ? `Alternativa «${guardada.vigente?.nombre ?? guardada.clave}» creada.`
          : `Nueva versión de «${guardada.vigente?.nombre ?? guardada.clave}» guardada.`
      }
      campos={CAMPOS}
      alCambiarValores={(cambios) => {
        if (cambios.tipo !== undefined) {
          formulario.setFieldValue('parametros', parametrosAlFormulario(cambios.tipo, undefined));
        }
      }}
    >
      {!esNueva && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Editar crea una versión nueva; la anterior se conserva y sigue explicando lo ofrecido antes."
        />
      )}
      <div className="rejilla-campos rejilla-3">
        {esNueva ? <CampoClave /> : null}
        <Form.Item label="Tipo" name="tipo" rules={[{ required: true, message: 'Elige el tipo.' }]}>
          <Select<TipoAlternativa>
            disabled={!esNueva}
            options={TIPOS_ALTERNATIVA.map((t) => ({ value: t, label: NOMBRE_TIPO[t] }))}
          />
        </Form.Item>
        <CampoVigenteDesde etiqueta="Vigente desde" />
      </div>
      <div className="rejilla-campos rejilla-2">
        <CampoNombre />
        <CampoActiva />
      </div>
      <CampoDescripcion />
      <fieldset className="grupo-campos">
        <legend>Parámetros de {NOMBRE_TIPO[tipo].toLowerCase()}</legend>
        <div className="rejilla-campos">
          {PARAMETROS_POR_TIPO[tipo].map((c) =>
            c.clase === 'si_no' ? (
              <Form.Item
                key={c.nombre}
                label={c.etiqueta}
                name={['parametros', c.nombre]}
                valuePropName="checked"
              >
                <Switch checkedChildren="Sí" unCheckedChildren="No" />
              </Form.Item>
            ) : (
              <Form.Item
                key={c.nombre}
                label={c.etiqueta}
                name={['parametros', c.nombre]}
                rules={[{ required: true, message: 'Escribe un valor.' }]}
              >
                <InputNumber
                  min={c.clase === 'porcentaje' ? 0 : c.min}
                  max={c.clase === 'porcentaje' ? 100 : c.max}
                  precision={c.clase === 'porcentaje' ? 2 : 0}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            ),
          )}
          <CampoTolerancia />
        </div>
      </fieldset>
      <CamposElegibilidad />
    </DialogoDelCatalogo>
  );
}
