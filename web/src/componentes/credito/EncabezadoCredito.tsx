import { Alert, Card, Descriptions, type DescriptionsProps, Flex, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { ROLES_ATENCION } from '../../api/atencion.ts';
import type { Credito, CreditoLigado } from '../../api/creditos.ts';
import { useUsuarioActual } from '../../api/sesion.ts';
import { fecha, porcentaje } from '../../formato.ts';
import { EtiquetaEstadoCredito } from '../Etiquetas.tsx';
import { PagoPorDeposito } from './PagoPorDeposito.tsx';

const NOMBRE_PRELACION: Record<Credito['producto']['prelacion'], string> = {
  por_concepto: 'Por concepto',
  por_amortizacion: 'Por amortización',
};

type Participante = Credito['participantes'][number];

function nombresCon(credito: Credito, rol: Participante['rol']): string[] {
  return credito.participantes.filter((p) => p.rol === rol).map((p) => p.nombre);
}

/** Acreditados and avales link to their ficha for those who attend them; a list, comma-separated. */
function personas(credito: Credito, rol: 'acreditado' | 'aval', conFicha: boolean): ReactNode {
  const lista = credito.participantes.filter((p) => p.rol === rol);
  return lista.map((p, i) => (
    <Fragment key={p.personaId}>
      {i > 0 && ', '}
      {conFicha ? <Link to={`/personas/${p.personaId}`}>{p.nombre}</Link> : p.nombre}
    </Fragment>
  ));
}

/** Another credit of the same debtor; the breadcrumb keeps leading back to the ficha, if any. */
function EnlaceCredito({ credito }: { credito: CreditoLigado }) {
  return (
    <Link to={`/creditos/${credito.id}`} state={useLocation().state}>
      {credito.numero}
    </Link>
  );
}

/** Who owes, on which product and terms: the first thing a gestor reads to the borrower. */
export function EncabezadoCredito({ credito }: { credito: Credito }) {
  const conFicha = ROLES_ATENCION.includes(useUsuarioActual().rol);
  const acreditados = nombresCon(credito, 'acreditado');
  const avales = nombresCon(credito, 'aval');
  const beneficiarios = nombresCon(credito, 'beneficiario');
  const { producto } = credito;

  const elementos: DescriptionsProps['items'] = [
    {
      key: 'acreditado',
      label: acreditados.length > 1 ? 'Acreditados' : 'Acreditado',
      children: (
        <strong>
          {acreditados.length > 0
            ? personas(credito, 'acreditado', conFicha)
            : 'Sin acreditado registrado'}
        </strong>
      ),
    },
    {
      key: 'aval',
      label: avales.length > 1 ? 'Avales' : 'Aval',
      children: avales.length > 0 ? personas(credito, 'aval', conFicha) : 'Sin aval registrado',
    },
    ...(beneficiarios.length > 0
      ? [
          {
            key: 'beneficiario',
            label: beneficiarios.length > 1 ? 'Beneficiarios' : 'Beneficiario',
            children: beneficiarios.join(', '),
          },
        ]
      : []),
    { key: 'oficina', label: 'Oficina', children: credito.oficina },
    {
      key: 'producto',
      label: 'Producto',
      children: `${producto.nombre} (${producto.clave})`,
    },
    {
      key: 'tasa-ordinaria',
      label: 'Tasa ordinaria anual',
      children:
        credito.tasaOrdinariaPactada === null
          ? porcentaje(producto.tasaOrdinariaAnual)
          : `${porcentaje(credito.tasaOrdinariaPactada)} (pactada en la reestructura)`,
    },
    {
      key: 'tasa-moratoria',
      label: 'Tasa moratoria anual',
      children: porcentaje(producto.tasaMoratoriaAnual),
    },
    { key: 'base', label: 'Base de cálculo', children: `${producto.baseDias} días` },
    { key: 'prelacion', label: 'Prelación', children: NOMBRE_PRELACION[producto.prelacion] },
    {
      key: 'inicio',
      label: 'Inicio de intereses',
      children: fecha(credito.fechaInicioInteres),
    },
    ...(credito.reestructuraDe === null
      ? []
      : [
          {
            key: 'reestructura-de',
            label: 'Reestructura de',
            children: <EnlaceCredito credito={credito.reestructuraDe} />,
          },
        ]),
    ...(credito.reestructuradoEn === null
      ? []
      : [
          {
            key: 'reestructurado-en',
            label: 'Reestructurado en',
            children: <EnlaceCredito credito={credito.reestructuradoEn} />,
          },
        ]),
  ];

  return (
    <>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Crédito {credito.numero}
        </Typography.Title>
        <span>
          <span className="solo-lectores">Estado del crédito: </span>
          <EtiquetaEstadoCredito estado={credito.estado} />
        </span>
      </Flex>
      {credito.estado === 'reestructurado' ? (
        // Closed: a deposit with its reference would be refused, and so would its ficha de pago.
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            credito.reestructuradoEn === null ? (
              'Crédito reestructurado: su adeudo y sus pagos van al crédito que lo sustituyó.'
            ) : (
              <>
                Crédito reestructurado: su adeudo y sus pagos van al crédito{' '}
                <EnlaceCredito credito={credito.reestructuradoEn} />.
              </>
            )
          }
        />
      ) : (
        <PagoPorDeposito creditoId={credito.id} />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3} items={elementos} />
      </Card>
    </>
  );
}
