import { Button, Card, DatePicker, Flex, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { PedidoSimulacion } from '../../api/alternativas.ts';

const FORMATO_ISO = 'YYYY-MM-DD';

/** The simulation's date, first payment and plazo, with the server's error under its field. */
export function Opciones({
  hoy,
  pedido,
  ocupado,
  errorDeCampo,
  alAplicar,
}: {
  hoy: string;
  pedido: PedidoSimulacion;
  ocupado: boolean;
  errorDeCampo: { campo: string; mensaje: string } | null;
  alAplicar: (o: { fecha: string; primerPago: string | null; plazo: number | null }) => void;
}) {
  const [fechaSim, setFechaSim] = useState<string>(pedido.fecha ?? hoy);
  const [primerPago, setPrimerPago] = useState<string | null>(pedido.primerPago ?? null);
  const [plazo, setPlazo] = useState<number | null>(pedido.plazo ?? null);
  const limite = dayjs(hoy, FORMATO_ISO).add(1, 'year');
  const aIso = (v: Dayjs | null) => (v === null || !v.isValid() ? null : v.format(FORMATO_ISO));
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          alAplicar({ fecha: fechaSim, primerPago, plazo });
        }}
      >
        <Flex align="end" gap={16} wrap>
          <Flex vertical gap={4}>
            <label htmlFor="sim-fecha">Fecha de la simulación</label>
            <DatePicker
              id="sim-fecha"
              status={errorDeCampo?.campo === 'fecha' ? 'error' : undefined}
              aria-invalid={errorDeCampo?.campo === 'fecha'}
              aria-describedby={errorDeCampo?.campo === 'fecha' ? 'sim-error' : undefined}
              value={dayjs(fechaSim, FORMATO_ISO)}
              format="DD/MM/YYYY"
              allowClear={false}
              showNow={false}
              inputReadOnly={false}
              disabledDate={(d) => d.isBefore(dayjs(hoy, FORMATO_ISO)) || d.isAfter(limite)}
              onChange={(v) => {
                const iso = aIso(v);
                if (iso !== null) setFechaSim(iso);
              }}
              style={{ width: 150 }}
            />
          </Flex>
          <Flex vertical gap={4}>
            <label htmlFor="sim-primer-pago">Primer pago (opcional)</label>
            <DatePicker
              id="sim-primer-pago"
              status={errorDeCampo?.campo === 'primerPago' ? 'error' : undefined}
              aria-invalid={errorDeCampo?.campo === 'primerPago'}
              aria-describedby={errorDeCampo?.campo === 'primerPago' ? 'sim-error' : undefined}
              value={primerPago === null ? null : dayjs(primerPago, FORMATO_ISO)}
              format="DD/MM/YYYY"
              placeholder="El mismo día"
              showNow={false}
              inputReadOnly={false}
              disabledDate={(d) =>
                d.isBefore(dayjs(fechaSim, FORMATO_ISO)) ||
                d.isAfter(dayjs(fechaSim, FORMATO_ISO).add(31, 'day'))
              }
              onChange={(v) => setPrimerPago(aIso(v))}
              style={{ width: 150 }}
            />
          </Flex>
          <Flex vertical gap={4}>
            <label htmlFor="sim-plazo">Plazo en pagos o meses (opcional)</label>
            <InputNumber
              id="sim-plazo"
              status={errorDeCampo?.campo === 'plazo' ? 'error' : undefined}
              aria-invalid={errorDeCampo?.campo === 'plazo'}
              aria-describedby={errorDeCampo?.campo === 'plazo' ? 'sim-error' : undefined}
              min={1}
              max={240}
              precision={0}
              placeholder="El máximo"
              value={plazo}
              onChange={(v) => setPlazo(typeof v === 'number' ? v : null)}
              style={{ width: 150 }}
            />
          </Flex>
          <Button type="primary" htmlType="submit" loading={ocupado}>
            Simular
          </Button>
        </Flex>
        {errorDeCampo !== null && (
          <Typography.Paragraph
            id="sim-error"
            type="danger"
            role="alert"
            style={{ margin: '8px 0 0' }}
          >
            {errorDeCampo.mensaje}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          El primer pago puede caer hasta 31 días después de la fecha de la simulación. Si el plazo
          rebasa el máximo de una alternativa, se usa el máximo y se avisa.
        </Typography.Paragraph>
      </form>
    </Card>
  );
}
