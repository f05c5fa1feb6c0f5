import { Button, Checkbox, Form, Input, Select } from 'antd';
import type { FiltroCuentas, Gestor } from '../../api/asignacion.ts';
import { BUCKETS, type Bucket } from '../../api/creditos.ts';
import { leerMonto } from '../../formato.ts';
import { NOMBRE_BUCKET } from '../Etiquetas.tsx';

const TODOS = 'todos';

interface Valores {
  bucket: Bucket | typeof TODOS;
  saldoMin: string;
  saldoMax: string;
  municipio: string;
  gestorId: number | typeof TODOS;
  nuncaContactado: boolean;
  sinAsignar: boolean;
}

const OPCIONES_BUCKET: { value: Bucket | typeof TODOS; label: string }[] = [
  { value: TODOS, label: 'Todas' },
  ...BUCKETS.map((b) => ({ value: b, label: NOMBRE_BUCKET[b] })),
];

export const FILTRO_VACIO: Omit<FiltroCuentas, 'oficinaId'> = {
  bucket: null,
  saldoMin: null,
  saldoMax: null,
  municipio: '',
  nuncaContactado: false,
  sinAsignar: false,
  gestorId: null,
};

function valoresDe(f: Omit<FiltroCuentas, 'oficinaId'>): Valores {
  return {
    bucket: f.bucket ?? TODOS,
    saldoMin: f.saldoMin ?? '',
    saldoMax: f.saldoMax ?? '',
    municipio: f.municipio,
    gestorId: f.gestorId ?? TODOS,
    nuncaContactado: f.nuncaContactado,
    sinAsignar: f.sinAsignar,
  };
}

const reglaMonto = {
  validator: (_: unknown, valor: string | undefined) =>
    valor === undefined || valor.trim() === '' || leerMonto(valor) !== null
      ? Promise.resolve()
      : Promise.reject(new Error('Escribe un monto en pesos, p. ej. 5,000.00')),
};

/** The accounts to list (and to distribute): by aging, balance, town, contact and holder. */
export function FiltrosCuentas({
  filtro,
  gestores,
  alBuscar,
}: {
  filtro: Omit<FiltroCuentas, 'oficinaId'>;
  gestores: readonly Gestor[];
  alBuscar: (f: Omit<FiltroCuentas, 'oficinaId'>) => void;
}) {
  const [formulario] = Form.useForm<Valores>();

  const alEnviar = (v: Valores) => {
    const min = v.saldoMin.trim() === '' ? null : leerMonto(v.saldoMin);
    const max = v.saldoMax.trim() === '' ? null : leerMonto(v.saldoMax);
    alBuscar({
      bucket: v.bucket === TODOS ? null : v.bucket,
      saldoMin: min,
      saldoMax: max,
      municipio: v.municipio.trim(),
      gestorId: v.gestorId === TODOS || v.sinAsignar ? null : v.gestorId,
      nuncaContactado: v.nuncaContactado,
      sinAsignar: v.sinAsignar,
    });
  };

  const limpiar = () => {
    formulario.setFieldsValue(valoresDe(FILTRO_VACIO));
    alBuscar(FILTRO_VACIO);
  };

  return (
    <search aria-label="Filtrar cuentas">
      <Form<Valores>
        form={formulario}
        name="filtros-asignacion"
        layout="inline"
        initialValues={valoresDe(filtro)}
        onFinish={alEnviar}
        className="filtros"
      >
        <Form.Item label="Antigüedad" name="bucket">
          <Select options={OPCIONES_BUCKET} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item label="Saldo mínimo" name="saldoMin" rules={[reglaMonto]}>
          <Input inputMode="decimal" autoComplete="off" prefix="$" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="Saldo máximo" name="saldoMax" rules={[reglaMonto]}>
          <Input inputMode="decimal" autoComplete="off" prefix="$" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="Municipio" name="municipio">
          <Input autoComplete="off" allowClear style={{ width: 170 }} />
        </Form.Item>
        <Form.Item label="Gestor" name="gestorId">
          <Select
            options={[
              { value: TODOS, label: 'Todos' },
              ...gestores.map((g) => ({ value: g.id, label: g.nombre })),
            ]}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item name="sinAsignar" valuePropName="checked">
          <Checkbox>Sin asignar</Checkbox>
        </Form.Item>
        <Form.Item name="nuncaContactado" valuePropName="checked">
          <Checkbox>Nunca contactadas</Checkbox>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            Buscar
          </Button>
        </Form.Item>
        <Form.Item>
          <Button onClick={limpiar}>Limpiar filtros</Button>
        </Form.Item>
      </Form>
    </search>
  );
}
