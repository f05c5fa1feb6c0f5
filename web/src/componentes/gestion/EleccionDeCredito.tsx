import { Form, Select } from 'antd';
import { useFicha } from '../../api/atencion.ts';
import { SelectorDeudor } from '../recados/SelectorDeudor.tsx';

/**
 * For a recado that names no credit: the debtor is found with the search and one of his
 * credits chosen, where the gestión is logged. Fields `deudorId` and `creditoId` of the
 * enclosing form; it has the focus, being what is asked first.
 */
export function EleccionDeCredito() {
  const formulario = Form.useFormInstance();
  const deudorId: number | null = Form.useWatch('deudorId') ?? null;
  const ficha = useFicha(deudorId ?? 0, deudorId !== null);
  return (
    <div className="rejilla-flexible">
      <Form.Item label="Deudor" name="deudorId">
        <SelectorDeudor
          autoFocus
          // Another debtor: the credit chosen was the previous one's.
          alElegir={() => formulario.setFieldValue('creditoId', undefined)}
        />
      </Form.Item>
      <Form.Item
        label="Crédito"
        name="creditoId"
        rules={[{ required: true, message: 'Elige el crédito del recado.' }]}
      >
        <Select<number>
          options={(ficha.data?.creditos ?? []).map((c) => ({ value: c.id, label: c.numero }))}
          disabled={deudorId === null}
          placeholder={deudorId === null ? 'Primero busca al deudor' : 'Elige el crédito'}
        />
      </Form.Item>
    </div>
  );
}
