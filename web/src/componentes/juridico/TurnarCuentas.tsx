import { Alert, Button, Card, Flex, Table, type TableColumnsType } from 'antd';
import { type Key, useState } from 'react';
import { Link } from 'react-router-dom';
import { mensajeDeError } from '../../api/cliente.ts';
import {
  type Candidato,
  type CriteriosTurnado as Criterios,
  type Despacho,
  useCandidatos,
} from '../../api/juridico.ts';
import type { Oficina } from '../../api/tipos.ts';
import { fecha, pesosDe } from '../../formato.ts';
import { CriteriosTurnado } from './CriteriosTurnado.tsx';
import { cuentas, DialogoTurnar } from './DialogoTurnar.tsx';
import { FechaPrescripcion, SaldoDeCuenta } from './Prescripcion.tsx';

/** Why the criteria picked an account, one phrase per criterion that was set. */
function motivosDe(c: Candidato, k: Criterios): string {
  const motivos: string[] = [];
  if (k.prescribeEnDias !== undefined && c.prescribe !== null) {
    motivos.push(
      c.prescribe.dias === 1 ? 'Prescribe en 1 día' : `Prescribe en ${c.prescribe.dias} días`,
    );
  }
  if (k.saldoMayorA !== undefined) motivos.push(`Saldo mayor a ${pesosDe(k.saldoMayorA)}`);
  if (c.convenioIncumplido) motivos.push('Convenio incumplido');
  if (k.sinContactoMeses !== undefined) {
    motivos.push(
      c.ultimoContactoEfectivo === null
        ? 'Nunca contactado'
        : `Sin contacto desde el ${fecha(c.ultimoContactoEfectivo)}`,
    );
  }
  return motivos.join('; ');
}

function columnasDe(k: Criterios): TableColumnsType<Candidato> {
  return [
    {
      title: 'Crédito',
      key: 'numero',
      width: 170,
      render: (_, c) => (
        <Link to={`/creditos/${c.creditoId}`} className="enlace-credito">
          {c.numero}
        </Link>
      ),
    },
    { title: 'Acreditado', dataIndex: 'acreditado', width: 200 },
    { title: 'Oficina', dataIndex: 'oficina', width: 110 },
    {
      title: 'Saldo',
      key: 'saldo',
      width: 130,
      align: 'right',
      render: (_, c) => <SaldoDeCuenta saldo={c.saldo} />,
    },
    {
      title: 'Prescripción',
      key: 'prescripcion',
      width: 210,
      render: (_, c) => <FechaPrescripcion prescribe={c.prescribe} />,
    },
    { title: 'Motivo', key: 'motivo', width: 240, render: (_, c) => motivosDe(c, k) },
  ];
}

interface Resultado {
  turnadas: number;
  despacho: string;
  hasta: string;
}

/**
 * The coordinador's turnado: criteria → a preview of the accounts they pick → the ones he
 * chooses go to a firm, with a reason and an end date.
 */
export function TurnarCuentas({
  oficinas,
  despachos,
}: {
  oficinas: readonly Oficina[] | null;
  despachos: readonly Despacho[];
}) {
  const candidatos = useCandidatos();
  const [criterios, setCriterios] = useState<Criterios | null>(null);
  const [seleccion, setSeleccion] = useState<number[]>([]);
  const [dialogo, setDialogo] = useState<{ ids: number[]; abierto: boolean } | null>(null);
  const [resultado, setResultado] = useState<Resultado | null>(null);

  const buscar = (c: Criterios) => {
    setCriterios(c);
    setSeleccion([]);
    candidatos.mutate(c);
  };

  const lista = candidatos.data?.candidatos;
  const todos = lista?.map((c) => c.creditoId) ?? [];

  return (
    <>
      <CriteriosTurnado
        oficinas={oficinas}
        buscando={candidatos.isPending}
        alBuscar={(c) => {
          setResultado(null);
          buscar(c);
        }}
      />
      {resultado !== null && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={`${cuentas(resultado.turnadas)} ${resultado.turnadas === 1 ? 'turnada' : 'turnadas'} a ${resultado.despacho} hasta el ${fecha(resultado.hasta)}.`}
          description="El expediente y los pagarés quedan en custodia del despacho; los gestores ya no hacen contacto saliente con estas cuentas."
        />
      )}
      {candidatos.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="No se pudieron buscar las cuentas."
          description={mensajeDeError(candidatos.error)}
        />
      )}
      {lista !== undefined && (
        <Card
          size="small"
          className="tarjeta-envolvente"
          title={
            <h2 className="titulo-tarjeta" aria-live="polite">
              {lista.length === 0
                ? 'Ninguna cuenta cumple los criterios'
                : `${cuentas(lista.length)} ${lista.length === 1 ? 'cumple' : 'cumplen'} los criterios`}
            </h2>
          }
          extra={
            <Button
              type="primary"
              disabled={seleccion.length === 0 || despachos.length === 0}
              onClick={() => setDialogo({ ids: seleccion, abierto: true })}
            >
              Turnar elegidas ({seleccion.length})
            </Button>
          }
        >
          {candidatos.data?.hayMas && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              title={`Se muestran las primeras ${cuentas(lista.length)}, las más próximas a prescribir: turna estas y vuelve a buscar, o afina los criterios.`}
            />
          )}
          <Flex gap={8} wrap style={{ marginBottom: 8 }}>
            <Button
              size="small"
              disabled={todos.length === 0 || seleccion.length === todos.length}
              onClick={() => setSeleccion(todos)}
            >
              Elegir todas
            </Button>
            <Button size="small" disabled={seleccion.length === 0} onClick={() => setSeleccion([])}>
              Quitar la elección
            </Button>
          </Flex>
          <Table<Candidato>
            rowKey="creditoId"
            columns={columnasDe(criterios ?? {})}
            dataSource={lista}
            loading={candidatos.isPending}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            size="middle"
            tableLayout="fixed"
            scroll={{ x: 1110 }}
            locale={{ emptyText: 'Ninguna cuenta de tu cartera cumple los criterios.' }}
            rowSelection={{
              selectedRowKeys: seleccion,
              preserveSelectedRowKeys: true,
              onChange: (claves: Key[]) => setSeleccion(claves.map(Number)),
              // No «all» box in the header (antd copies the header into a hidden row it
              // measures, which would leave a focusable copy); the buttons above do that.
              hideSelectAll: true,
              columnTitle: <span className="solo-lectores">Elegir</span>,
              getCheckboxProps: (c) => ({ 'aria-label': `Elegir el crédito ${c.numero}` }),
            }}
          />
        </Card>
      )}
      {dialogo !== null && (
        <DialogoTurnar
          creditoIds={dialogo.ids}
          despachos={despachos}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
          alTurnar={(turnados, despacho, hasta) => {
            setResultado({ turnadas: turnados.length, despacho, hasta });
            // The preview again: the accounts just turned over are no longer candidates.
            if (criterios !== null) buscar(criterios);
          }}
        />
      )}
    </>
  );
}
