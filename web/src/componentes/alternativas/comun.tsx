import { DatePicker, Form, type FormInstance, Input, InputNumber, Select, Switch } from 'antd';
import type { Elegibilidad } from '../../api/alternativas.ts';
import { esErrorApi, mensajeDeError } from '../../api/cliente.ts';
import { porcentaje } from '../../formato.ts';

/**
 * A percentage as people type it (`50`, `12.5`) → the API's proportion text (`"0.5000"`), by
 * moving the decimal point in the text: hundredths of a percent are the finest the form takes.
 */
export function aProporcion(porCiento: number): string {
  const centesimos = Math.round(porCiento * 100);
  const texto = String(Math.max(0, Math.min(10_000, centesimos))).padStart(5, '0');
  return `${texto.slice(0, -4)}.${texto.slice(-4)}`;
}

/** The API's proportion `"0.50"` → `50` for the form's percentage input. */
export function aPorCiento(proporcion: string | number | boolean | undefined): number {
  if (typeof proporcion !== 'string') return 0;
  const n = Number(porcentaje(proporcion).replace(' %', ''));
  return Number.isFinite(n) ? n : 0;
}

/** Eligibility as the form holds it. */
export interface ValoresElegibilidad {
  diasAtrasoMinimo: number | null;
  diasAtrasoMaximo: number | null;
  productos: string[];
  oficinas: string[];
  generacionDesde: number | null;
  generacionHasta: number | null;
}

export const SIN_ELEGIBILIDAD: ValoresElegibilidad = {
  diasAtrasoMinimo: null,
  diasAtrasoMaximo: null,
  productos: [],
  oficinas: [],
  generacionDesde: null,
  generacionHasta: null,
};

export function elegibilidadDelFormulario(v: ValoresElegibilidad | undefined): Elegibilidad {
  const e = v ?? SIN_ELEGIBILIDAD;
  const n = (x: number | null | undefined) => (typeof x === 'number' ? x : null);
  return {
    diasAtrasoMinimo: n(e.diasAtrasoMinimo),
    diasAtrasoMaximo: n(e.diasAtrasoMaximo),
    productos: (e.productos ?? []).map((p) => p.trim()).filter((p) => p !== ''),
    oficinas: (e.oficinas ?? []).map((o) => o.trim().toUpperCase()).filter((o) => o !== ''),
    generacionDesde: n(e.generacionDesde),
    generacionHasta: n(e.generacionHasta),
  };
}

export const dias = (n: number) => (n === 1 ? '1 día' : `${n} días`);

/** The server's default and limit (src/domain/alternativas/tipos.ts). */
export const TOLERANCIA_DIAS_POR_OMISION = 5;
const TOLERANCIA_DIAS_MAXIMA = 60;

/** The catálogo's key of a new alternative or campaign: fixed once created, so only when new. */
export function CampoClave() {
  return (
    <Form.Item
      label="Clave"
      name="clave"
      extra="Minúsculas, números y guiones; no cambia después."
      rules={[
        { required: true, whitespace: true, message: 'Escribe la clave.' },
        {
          pattern: /^\s*[a-z0-9][a-z0-9-]{2,39}\s*$/,
          message: 'De 3 a 40 minúsculas sin acento, números o guiones.',
        },
      ]}
    >
      <Input autoComplete="off" spellCheck={false} />
    </Form.Item>
  );
}

/** The name of the version: what the simulator and the convenio show. */
export function CampoNombre() {
  return (
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
  );
}

export function CampoDescripcion() {
  return (
    <Form.Item label="Descripción" name="descripcion">
      <Input.TextArea rows={2} maxLength={1000} />
    </Form.Item>
  );
}

export function CampoActiva() {
  return (
    <Form.Item label="Activa" name="activa" valuePropName="checked">
      <Switch checkedChildren="Sí" unCheckedChildren="No" />
    </Form.Item>
  );
}

/** From when the new version rules: today or later (the server refuses the past). */
export function CampoVigenteDesde({ etiqueta }: { etiqueta: string }) {
  return (
    <Form.Item
      label={etiqueta}
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
  );
}

/** Days a convenio's promise keeps past its date; part of each alternative and campaign version. */
export function CampoTolerancia() {
  return (
    <Form.Item
      label="Tolerancia de las promesas (días)"
      name="toleranciaDias"
      extra="Un pago dentro de estos días después de la fecha prometida todavía cumple."
      rules={[{ required: true, message: 'Escribe los días de tolerancia.' }]}
    >
      <InputNumber min={0} max={TOLERANCIA_DIAS_MAXIMA} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** One line people can read: «al menos 90 días de atraso; solo CE-3; …». */
export function describirElegibilidad(e: Elegibilidad): string {
  const partes: string[] = [];
  if (e.diasAtrasoMinimo !== null && e.diasAtrasoMaximo !== null) {
    partes.push(`de ${e.diasAtrasoMinimo} a ${e.diasAtrasoMaximo} días de atraso`);
  } else if (e.diasAtrasoMinimo !== null) {
    partes.push(`al menos ${dias(e.diasAtrasoMinimo)} de atraso`);
  } else if (e.diasAtrasoMaximo !== null) {
    partes.push(`a lo más ${dias(e.diasAtrasoMaximo)} de atraso`);
  }
  if (e.productos.length > 0) partes.push(`productos ${e.productos.join(', ')}`);
  if (e.oficinas.length > 0) partes.push(`oficinas ${e.oficinas.join(', ')}`);
  if (e.generacionDesde !== null || e.generacionHasta !== null) {
    partes.push(
      `generaciones ${e.generacionDesde ?? 'hasta'} ${e.generacionDesde !== null && e.generacionHasta !== null ? 'a ' : ''}${e.generacionHasta ?? 'en adelante'}`,
    );
  }
  return partes.length === 0 ? 'Sin restricciones' : partes.join('; ');
}

/** The eligibility fields, shared by alternatives and campaigns (names under `elegibilidad`). */
export function CamposElegibilidad() {
  return (
    <fieldset className="grupo-campos">
      <legend>Elegibilidad (vacío no restringe)</legend>
      <div className="rejilla-campos">
        <Form.Item label="Días de atraso mínimos" name={['elegibilidad', 'diasAtrasoMinimo']}>
          <InputNumber min={0} max={36_500} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="Días de atraso máximos" name={['elegibilidad', 'diasAtrasoMaximo']}>
          <InputNumber min={0} max={36_500} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="Generación desde (año)" name={['elegibilidad', 'generacionDesde']}>
          <InputNumber min={1980} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="Generación hasta (año)" name={['elegibilidad', 'generacionHasta']}>
          <InputNumber min={1980} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <div className="rejilla-campos rejilla-2">
        <Form.Item
          label="Productos (claves)"
          name={['elegibilidad', 'productos']}
          extra="Escribe la clave y pulsa Intro (p. ej. CE-3)."
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ' ']} />
        </Form.Item>
        <Form.Item
          label="Oficinas (claves)"
          name={['elegibilidad', 'oficinas']}
          extra="Escribe la clave y pulsa Intro (p. ej. HMO)."
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ' ']} />
        </Form.Item>
      </div>
    </fieldset>
  );
}

/**
 * Shows a server error on the field it names (`parametros.pagosMaximos` → that input), when the
 * form has it; returns the message to show above the form otherwise.
 */
export function errorEnCampo(
  formulario: FormInstance,
  error: unknown,
  campos: readonly string[],
): string | null {
  if (esErrorApi(error) && error.campo !== undefined && campos.includes(error.campo)) {
    const ruta = error.campo.split('.');
    formulario.setFields([{ name: ruta, errors: [error.mensaje] }]);
    formulario.scrollToField(ruta, { block: 'center' });
    formulario.focusField(ruta);
    return null;
  }
  return mensajeDeError(error);
}

export const CAMPOS_ELEGIBILIDAD = [
  'elegibilidad.diasAtrasoMinimo',
  'elegibilidad.diasAtrasoMaximo',
  'elegibilidad.productos',
  'elegibilidad.oficinas',
  'elegibilidad.generacionDesde',
  'elegibilidad.generacionHasta',
] as const;
