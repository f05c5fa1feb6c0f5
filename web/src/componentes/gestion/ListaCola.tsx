import { Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type CuentaEnCola, NOMBRE_PROXIMA_ACCION } from '../../api/cola.ts';
import { useUsuarioActual } from '../../api/sesion.ts';
import { fecha, pesosDe } from '../../formato.ts';
import { NOMBRE_BUCKET } from '../Etiquetas.tsx';
import './gestion.css';

/** Rows shown at first and added by «Mostrar más»: a queue of 3,000 is read from the top. */
const POR_TANDA = 50;

/** Broken promises, payments due today and recados: red, and the words say why. */
const URGENTES = new Set([
  'promesa_incumplida',
  'convenio_incumplido',
  'promesa_hoy',
  'pago_de_convenio',
  'recado',
]);

function Cuenta({ cuenta, lugar, yo }: { cuenta: CuentaEnCola; lugar: number; yo: number }) {
  return (
    <li className="cola-cuenta">
      <div className="cola-encabezado">
        <span className="cola-lugar" aria-hidden="true">
          {lugar}
        </span>
        <Link to={`/creditos/${cuenta.creditoId}`} className="enlace-credito">
          {cuenta.numero}
        </Link>
        <span className="cola-acreditado">{cuenta.acreditado}</span>
        {cuenta.tomadaPor !== null && cuenta.tomadaPor.id !== yo && (
          <Tag className="cola-tomada">Tomada por {cuenta.tomadaPor.nombre}</Tag>
        )}
      </div>
      {cuenta.motivos.length > 0 && (
        <ul className="cola-motivos" aria-label="Motivos">
          {cuenta.motivos.map((m) => (
            <li key={m.clave}>
              {URGENTES.has(m.clave) ? (
                <Tag color="#b42318" variant="solid">
                  {m.texto}
                </Tag>
              ) : (
                <Tag>{m.texto}</Tag>
              )}
            </li>
          ))}
        </ul>
      )}
      <dl className="cola-datos">
        <div>
          <dt>Saldo exigible</dt>
          <dd className="cifra">
            {cuenta.saldoExigible === null ? 'Sin calcular' : pesosDe(cuenta.saldoExigible)}
          </dd>
        </div>
        <div>
          <dt>Atraso</dt>
          <dd>{cuenta.bucket === null ? 'Sin calcular' : NOMBRE_BUCKET[cuenta.bucket]}</dd>
        </div>
        <div>
          <dt>Próxima acción</dt>
          <dd>
            {cuenta.proximaAccion === null
              ? 'Sin programar'
              : `${NOMBRE_PROXIMA_ACCION[cuenta.proximaAccion.tipo]} el ${fecha(cuenta.proximaAccion.fecha)}`}
          </dd>
        </div>
      </dl>
    </li>
  );
}

/** A ranked list of accounts: what to do first is on top, with why on each one. */
export function ListaCola({
  cuentas,
  total,
  nombre,
  vacio,
  actualizando,
}: {
  cuentas: CuentaEnCola[];
  total: number;
  /** The list's accessible name. */
  nombre: string;
  vacio: string;
  actualizando: boolean;
}) {
  const yo = useUsuarioActual().id;
  const [mostradas, setMostradas] = useState(POR_TANDA);
  if (cuentas.length === 0) {
    return <Typography.Paragraph type="secondary">{vacio}</Typography.Paragraph>;
  }
  const visibles = cuentas.slice(0, mostradas);
  return (
    <>
      <ol className="cola-lista" aria-label={nombre} aria-busy={actualizando}>
        {visibles.map((c, i) => (
          <Cuenta key={c.creditoId} cuenta={c} lugar={i + 1} yo={yo} />
        ))}
      </ol>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {visibles.length === total
          ? `${total.toLocaleString('es-MX')} ${total === 1 ? 'cuenta' : 'cuentas'}.`
          : `Se muestran ${visibles.length.toLocaleString('es-MX')} de ${total.toLocaleString('es-MX')} cuentas.`}
      </Typography.Paragraph>
      {visibles.length < cuentas.length && (
        <Button onClick={() => setMostradas((n) => n + POR_TANDA)}>Mostrar {POR_TANDA} más</Button>
      )}
    </>
  );
}
