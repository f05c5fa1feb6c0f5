import { Alert, Button } from 'antd';
import type { Aplicacion, EstadoDelMotor } from '../../api/creditos.ts';
import { type PagoRegistrado, urlRecibo } from '../../api/pagos.ts';
import { centavosDe, fecha, pesosDe } from '../../formato.ts';
import { NOMBRE_CANAL } from '../Etiquetas.tsx';

const CONCEPTOS: { clave: keyof Aplicacion; nombre: string }[] = [
  { clave: 'moratorio', nombre: 'Interés moratorio' },
  { clave: 'interes', nombre: 'Interés ordinario' },
  { clave: 'capital', nombre: 'Capital' },
  { clave: 'adelantado', nombre: 'Queda como pago adelantado' },
  { clave: 'a_favor', nombre: 'Queda como saldo a favor' },
];

/** Where the engine put a payment's money, concept by concept. */
function Desglose({ aplicacion }: { aplicacion: Aplicacion }) {
  return (
    <dl className="desglose">
      {CONCEPTOS.map(({ clave, nombre }) => (
        <div key={clave}>
          <dt className="desglose-nombre">{nombre}</dt>
          <dd className="cifra desglose-valor">{pesosDe(aplicacion[clave])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Where the engine puts a payment's money, and what the credit owes after it. */
export function PagoAplicado({
  titulo,
  aplicacion,
  estado,
}: {
  titulo: string;
  aplicacion: Aplicacion;
  /** A payment's answer carries the engine's statement, without R9. */
  estado: EstadoDelMotor;
}) {
  return (
    <section aria-label={titulo} className="pago-aplicado">
      <h3 className="subtitulo">{titulo}</h3>
      <Desglose aplicacion={aplicacion} />
      {estado.situacion === 'liquidado' ? (
        <Alert type="success" showIcon title="Con este pago el crédito queda liquidado." />
      ) : (
        <p className="pago-despues">
          Después del pago, al {fecha(estado.fecha_corte)}: saldo exigible{' '}
          <strong className="cifra">{pesosDe(estado.saldo_exigible)}</strong>, saldo para liquidar{' '}
          <strong className="cifra">{pesosDe(estado.saldo_para_liquidar)}</strong>.
        </p>
      )}
    </section>
  );
}

/** The payment just registered: its folio, where it went, and its receipt. */
export function ResultadoPago({ pago, alCerrar }: { pago: PagoRegistrado; alCerrar: () => void }) {
  const { movimiento } = pago;
  const aFavor = centavosDe(pago.estado.saldo_a_favor);
  return (
    <div>
      <Alert
        type="success"
        showIcon
        closable={{ onClose: alCerrar, 'aria-label': 'Cerrar el aviso del pago registrado' }}
        title={`Pago registrado con folio ${movimiento.id}`}
        description={`${pesosDe(movimiento.monto)} del ${fecha(movimiento.fecha)} · ${NOMBRE_CANAL[movimiento.canal]} · Referencia ${movimiento.referencia}`}
        style={{ marginBottom: 12 }}
      />
      {pago.excedeAdeudo !== null && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Excedió el adeudo de ${pesosDe(pago.excedeAdeudo.adeudo)} por ${pesosDe(pago.excedeAdeudo.exceso)}${
            pago.excedeAdeudo.autorizadoPor === null
              ? '.'
              : `; autorizó el excedente ${pago.excedeAdeudo.autorizadoPor.nombre}.`
          }`}
        />
      )}
      <Desglose aplicacion={pago.aplicacion} />
      <p className="pago-despues">
        Saldo para liquidar hoy:{' '}
        <strong className="cifra">{pesosDe(pago.estado.saldo_para_liquidar)}</strong>
        {aFavor > 0 && <> · Saldo a favor: {pesosDe(pago.estado.saldo_a_favor)}</>}
      </p>
      <Button type="primary" href={urlRecibo(movimiento.id)} download>
        Descargar recibo
      </Button>
    </div>
  );
}
