import { Alert, Button, Checkbox, Form, Input, Select } from 'antd';
import { useState } from 'react';
import type { CriteriosTurnado as Criterios } from '../../api/juridico.ts';
import type { Oficina } from '../../api/tipos.ts';
import { leerMonto } from '../../formato.ts';

const TODAS = 'todas';

interface Valores {
  oficinaId: number | typeof TODAS;
  prescribeEnDias: string;
  saldoMayorA: string;
  convenioIncumplido: boolean;
  sinContactoMeses: string;
}

const ENTERO = /^\d{1,4}$/;

const reglaEntero = (maximo: number, unidad: string) => ({
  validator: (_: unknown, valor: string | undefined) =>
    valor === undefined ||
    valor.trim() === '' ||
    (ENTERO.test(valor.trim()) && Number(valor) >= 1 && Number(valor) <= maximo)
      ? Promise.resolve()
      : Promise.reject(new Error(`Escribe un número de ${unidad} entre 1 y ${maximo}.`)),
});

const reglaMonto = {
  validator: (_: unknown, valor: string | undefined) =>
    valor === undefined || valor.trim() === '' || leerMonto(valor) !== null
      ? Promise.resolve()
      : Promise.reject(new Error('Escribe un monto en pesos, p. ej. 20,000.00')),
};

/**
 * Which accounts to consider for a law firm: near prescription, a large balance, a broken
 * convenio, no contact in months. The criteria add up (an account must meet all that are set).
 */
export function CriteriosTurnado({
  oficinas,
  buscando,
  alBuscar,
}: {
  /** The administrador picks the office; a coordinador's is his own (null). */
  oficinas: readonly Oficina[] | null;
  buscando: boolean;
  alBuscar: (criterios: Criterios) => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const [sinCriterio, setSinCriterio] = useState(false);

  const alEnviar = (v: Valores) => {
    const criterios: Criterios = {};
    if (v.oficinaId !== TODAS) criterios.oficinaId = v.oficinaId;
    if (v.prescribeEnDias.trim() !== '') criterios.prescribeEnDias = Number(v.prescribeEnDias);
    const saldo = v.saldoMayorA.trim() === '' ? null : leerMonto(v.saldoMayorA);
    if (saldo !== null) criterios.saldoMayorA = saldo;
    if (v.convenioIncumplido) criterios.convenioIncumplido = true;
    if (v.sinContactoMeses.trim() !== '') criterios.sinContactoMeses = Number(v.sinContactoMeses);
    const alguno =
      criterios.prescribeEnDias !== undefined ||
      criterios.saldoMayorA !== undefined ||
      criterios.convenioIncumplido === true ||
      criterios.sinContactoMeses !== undefined;
    setSinCriterio(!alguno);
    if (alguno) alBuscar(criterios);
  };

  return (
    <search aria-label="Criterios para turnar">
      <Form<Valores>
        form={formulario}
        name="criterios-turnado"
        layout="inline"
        initialValues={{
          oficinaId: TODAS,
          prescribeEnDias: '180',
          saldoMayorA: '',
          convenioIncumplido: false,
          sinContactoMeses: '',
        }}
        onFinish={alEnviar}
        onValuesChange={() => setSinCriterio(false)}
        className="filtros"
      >
        {oficinas !== null && (
          <Form.Item label="Oficina" name="oficinaId">
            <Select
              options={[
                { value: TODAS, label: 'Todas' },
                ...oficinas.map((o) => ({ value: o.id, label: o.nombre })),
              ]}
              style={{ width: 180 }}
            />
          </Form.Item>
        )}
        <Form.Item
          label="Prescribe en (días)"
          name="prescribeEnDias"
          rules={[reglaEntero(1095, 'días')]}
        >
          <Input inputMode="numeric" autoComplete="off" style={{ width: 90 }} />
        </Form.Item>
        <Form.Item label="Saldo mayor a" name="saldoMayorA" rules={[reglaMonto]}>
          <Input inputMode="decimal" autoComplete="off" prefix="$" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          label="Sin contacto en (meses)"
          name="sinContactoMeses"
          rules={[reglaEntero(120, 'meses')]}
        >
          <Input inputMode="numeric" autoComplete="off" style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="convenioIncumplido" valuePropName="checked">
          <Checkbox>Con convenio incumplido</Checkbox>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={buscando}>
            Buscar cuentas
          </Button>
        </Form.Item>
      </Form>
      {sinCriterio && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title="Fija al menos un criterio: días para prescribir, saldo, convenio incumplido o meses sin contacto."
        />
      )}
    </search>
  );
}
