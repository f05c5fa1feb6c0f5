import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { FILTRO_BITACORA_VACIO, type FiltroBitacora } from '../../api/bitacora.ts';
import { useUsuarios } from '../../api/usuarios.ts';

const ISO = 'YYYY-MM-DD';

interface Valores {
  usuario: string;
  accion: string;
  creditoId: string;
  personaId: string;
  desde: Dayjs | null;
  hasta: Dayjs | null;
}

function valoresDe(f: FiltroBitacora): Valores {
  return {
    ...f,
    desde: f.desde === '' ? null : dayjs(f.desde, ISO),
    hasta: f.hasta === '' ? null : dayjs(f.hasta, ISO),
  };
}

const reglaId = {
  pattern: /^\s*\d{1,9}\s*$/,
  message: 'Escribe solo el número (el de su página: /creditos/123).',
};
const reglaAccion = {
  pattern: /^\s*[a-z_]+(\.[a-z_]+)*\s*$/,
  message: 'Escribe una acción como «pago.registrar», o «pago» para todas las de pagos.',
};

/**
 * What to look for: who, which action, which credit or person, between which days. The
 * refusals tab uses only who and when (`soloQuienYCuando`).
 */
export function FiltrosBitacora({
  filtro,
  soloQuienYCuando,
  alBuscar,
}: {
  filtro: FiltroBitacora;
  soloQuienYCuando: boolean;
  alBuscar: (f: FiltroBitacora) => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const usuarios = useUsuarios();

  // Keep the form in step with the address (back/forward, a shared link).
  useEffect(() => {
    formulario.setFieldsValue(valoresDe(filtro));
  }, [formulario, filtro]);

  const alEnviar = (v: Valores) =>
    alBuscar({
      usuario: v.usuario ?? '',
      accion: (v.accion ?? '').trim(),
      creditoId: (v.creditoId ?? '').trim(),
      personaId: (v.personaId ?? '').trim(),
      desde: v.desde?.format(ISO) ?? '',
      hasta: v.hasta?.format(ISO) ?? '',
    });

  const limpiar = () => {
    formulario.setFieldsValue(valoresDe(FILTRO_BITACORA_VACIO));
    alBuscar(FILTRO_BITACORA_VACIO);
  };

  return (
    <search aria-label="Filtrar la bitácora">
      <Form<Valores>
        form={formulario}
        name="filtros-bitacora"
        layout="inline"
        initialValues={valoresDe(filtro)}
        onFinish={alEnviar}
        className="filtros"
      >
        <Form.Item label="Usuario" name="usuario">
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            loading={usuarios.isPending}
            options={[
              { value: '', label: 'Todos' },
              ...(usuarios.data ?? []).map((u) => ({
                value: u.usuario,
                label: `${u.nombre} (${u.usuario})`,
              })),
            ]}
            style={{ width: 260, maxWidth: '100%' }}
          />
        </Form.Item>
        {!soloQuienYCuando && (
          <>
            <Form.Item label="Acción" name="accion" rules={[reglaAccion]}>
              <Input
                placeholder="p. ej. pago.registrar"
                allowClear
                autoComplete="off"
                spellCheck={false}
                style={{ width: 200 }}
              />
            </Form.Item>
            <Form.Item label="Id de crédito" name="creditoId" rules={[reglaId]}>
              <Input inputMode="numeric" allowClear autoComplete="off" style={{ width: 120 }} />
            </Form.Item>
            <Form.Item label="Id de persona" name="personaId" rules={[reglaId]}>
              <Input inputMode="numeric" allowClear autoComplete="off" style={{ width: 120 }} />
            </Form.Item>
          </>
        )}
        <Form.Item label="Desde" name="desde">
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/aaaa" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          label="Hasta"
          name="hasta"
          dependencies={['desde']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, valor: Dayjs | null) => {
                const desde = getFieldValue('desde') as Dayjs | null;
                return valor && desde && valor.isBefore(desde, 'day')
                  ? Promise.reject(new Error('«Hasta» no puede ser antes de «Desde».'))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/aaaa" style={{ width: 140 }} />
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
