import { Button, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import {
  type CambioContacto,
  type CambioDeContacto,
  type Correo,
  type Domicilio,
  NOMBRE_TIPO_TELEFONO,
  nombreDeZona,
  type Telefono,
  useContactos,
} from '../../api/contactos.ts';
import { revelarDatoPersonal } from '../../api/datos-personales.ts';
import { etiquetaMostrarTelefono, finDeTelefono } from '../../enmascarado.ts';
import { fechaHora } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { DatoEnmascarado } from '../DatoEnmascarado.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import { EtiquetaSiNo } from '../Etiquetas.tsx';
import { type CambioSimple, DialogoCambioContacto } from './DialogoCambioContacto.tsx';
import { DialogoDatoDeContacto, type Edicion } from './DialogoDatoDeContacto.tsx';
import { numeroTelefonico, textoDomicilio } from './medios.ts';
import './gestion.css';

const NOMBRE_CAMBIO: Record<CambioContacto, string> = {
  alta: 'Alta',
  correccion: 'Corrección',
  invalido: 'Marcado como equivocado',
  valido: 'Marcado como válido',
  consentimiento: 'Consentimiento',
  retiro: 'Retirado',
  zona_horaria: 'Zona horaria',
};

const NOMBRE_TIPO = { telefono: 'Teléfono', correo: 'Correo', domicilio: 'Domicilio' } as const;

const NOMBRE_CAMPO: Record<string, string> = {
  numero: 'número',
  tipo: 'tipo',
  valido: 'válido',
  consentimiento: 'consentimiento',
  zonaHoraria: 'zona horaria',
  correo: 'correo',
  calle: 'calle',
  colonia: 'colonia',
  codigoPostal: 'C. P.',
  municipio: 'municipio',
  estado: 'estado',
};

function valorLegible(clave: string, v: unknown): string {
  if (clave === 'zonaHoraria' && v === null) return 'según su domicilio o lada';
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'sí' : 'no';
  if (clave === 'zonaHoraria') return nombreDeZona(String(v));
  if (clave === 'numero' && typeof v === 'string') return numeroTelefonico(v);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** What a snapshot says apart from its bookkeeping (id, when retired). */
function campos(valor: unknown): Record<string, unknown> {
  if (typeof valor !== 'object' || valor === null) return {};
  const { id: _id, retirado: _retirado, ...resto } = valor as Record<string, unknown>;
  return resto;
}

function enPalabras(c: Record<string, unknown>, claves: readonly string[]): string {
  return claves.map((k) => `${NOMBRE_CAMPO[k] ?? k}: ${valorLegible(k, c[k])}`).join(', ');
}

/**
 * A change in words: what was added, or only the fields that changed, before and after
 * (`número: 662 214 5591 → 662 214 5592`).
 */
function resumen(h: CambioDeContacto): string {
  const antes = campos(h.antes);
  const despues = campos(h.despues);
  if (h.antes === null || h.antes === undefined) return enPalabras(despues, Object.keys(despues));
  const cambiadas = Object.keys(despues).filter(
    (k) => JSON.stringify(antes[k]) !== JSON.stringify(despues[k]),
  );
  if (cambiadas.length === 0) return enPalabras(antes, Object.keys(antes));
  return cambiadas
    .map(
      (k) =>
        `${NOMBRE_CAMPO[k] ?? k}: ${valorLegible(k, antes[k])} → ${valorLegible(k, despues[k])}`,
    )
    .join(', ');
}

type Dialogo =
  | { tipo: 'edicion'; edicion: Edicion; abierto: boolean }
  | { tipo: 'cambio'; cambio: CambioSimple; abierto: boolean };

function Lista({
  id,
  titulo,
  vacio,
  agregar,
  children,
}: {
  id: string;
  titulo: string;
  vacio: string | null;
  agregar: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="subtitulo">
        {titulo}
      </h3>
      {vacio === null ? (
        <ul className="lista-contacto">{children}</ul>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {vacio}
        </Typography.Paragraph>
      )}
      {agregar}
    </section>
  );
}

/**
 * A person's current phones, e-mails and addresses with the local time zone each contact is
 * timed in, the actions to add, correct, mark a number wrong, change consent or retire one,
 * and the history of every change (nothing is overwritten unseen).
 */
export function DatosDeContacto({
  personaId,
  nombre,
  editable,
}: {
  personaId: number;
  nombre: string;
  editable: boolean;
}) {
  const contactos = useContactos(personaId);
  const [dialogo, setDialogo] = useState<Dialogo | null>(null);

  if (contactos.isError) {
    return (
      <ErrorConReintento
        titulo={`No se pudieron cargar los datos de contacto de ${nombre}.`}
        error={contactos.error}
        reintentar={contactos.refetch}
      />
    );
  }
  if (contactos.data === undefined) return <Cargando texto="Cargando los datos de contacto…" />;
  const telefonos = contactos.data.telefonos.filter((t) => !t.retirado);
  const correos = contactos.data.correos.filter((c) => !c.retirado);
  const domicilios = contactos.data.domicilios.filter((d) => !d.retirado);
  const historial = contactos.data.historial;

  const editar = (edicion: Edicion) => setDialogo({ tipo: 'edicion', edicion, abierto: true });
  const cambiar = (cambio: CambioSimple) => setDialogo({ tipo: 'cambio', cambio, abierto: true });
  const cerrar = () => setDialogo((d) => (d === null ? null : { ...d, abierto: false }));

  const accion = (texto: string, etiqueta: string, alPulsar: () => void) => (
    <Button type="link" size="small" aria-label={etiqueta} onClick={alPulsar}>
      {texto}
    </Button>
  );

  const accionesTelefono = (t: Telefono) => {
    // The number comes masked: it is named by its last digits.
    const n = `teléfono ${finDeTelefono(t.numero)}`;
    return (
      <div className="contacto-acciones">
        {accion('Corregir', `Corregir el ${n}`, () => editar({ tipo: 'telefono', actual: t }))}
        {accion(
          t.valido ? 'Marcar como equivocado' : 'Marcar como válido',
          `${t.valido ? 'Marcar como equivocado' : 'Marcar como válido'} el ${n}`,
          () =>
            cambiar({
              titulo: `${t.valido ? 'Marcar como equivocado' : 'Marcar como válido'} el ${n}`,
              accion: t.valido ? 'Marcar como equivocado' : 'Marcar como válido',
              explicacion: t.valido
                ? 'El número queda en el historial pero ya no se ofrece para llamar.'
                : 'El número vuelve a ofrecerse para llamar.',
              hecho: t.valido ? `El ${n} quedó como equivocado.` : `El ${n} quedó como válido.`,
              peligroso: t.valido,
              operacion: (motivo) => ({
                tipo: 'cambio_telefono',
                id: t.id,
                datos: { valido: !t.valido, motivo },
              }),
            }),
        )}
        {accion(
          t.consentimiento ? 'Retirar consentimiento' : 'Registrar consentimiento',
          `${t.consentimiento ? 'Retirar consentimiento' : 'Registrar consentimiento'} del ${n}`,
          () =>
            cambiar({
              titulo: `${t.consentimiento ? 'Retirar' : 'Registrar'} el consentimiento del ${n}`,
              accion: t.consentimiento ? 'Retirar consentimiento' : 'Registrar consentimiento',
              explicacion: t.consentimiento
                ? 'Sin consentimiento no se envían SMS ni WhatsApp a este número.'
                : 'Registra que la persona aceptó recibir SMS y WhatsApp en este número.',
              hecho: t.consentimiento
                ? `Se retiró el consentimiento del ${n}.`
                : `Se registró el consentimiento del ${n}.`,
              peligroso: false,
              operacion: (motivo) => ({
                tipo: 'cambio_telefono',
                id: t.id,
                datos: { consentimiento: !t.consentimiento, motivo },
              }),
            }),
        )}
        {accion('Retirar', `Retirar el ${n}`, () =>
          cambiar({
            titulo: `Retirar el ${n}`,
            accion: 'Retirar teléfono',
            explicacion: 'Deja de mostrarse como dato actual; queda en el historial.',
            hecho: `Se retiró el ${n}.`,
            peligroso: true,
            operacion: (motivo) => ({
              tipo: 'cambio_telefono',
              id: t.id,
              datos: { retirar: true, motivo },
            }),
          }),
        )}
      </div>
    );
  };

  const accionesCorreo = (c: Correo) => (
    <div className="contacto-acciones">
      {accion('Corregir', `Corregir el correo ${c.correo}`, () =>
        editar({ tipo: 'correo', actual: c }),
      )}
      {accion(
        c.consentimiento ? 'Retirar consentimiento' : 'Registrar consentimiento',
        `${c.consentimiento ? 'Retirar consentimiento' : 'Registrar consentimiento'} del correo ${c.correo}`,
        () =>
          cambiar({
            titulo: `${c.consentimiento ? 'Retirar' : 'Registrar'} el consentimiento de ${c.correo}`,
            accion: c.consentimiento ? 'Retirar consentimiento' : 'Registrar consentimiento',
            explicacion: c.consentimiento
              ? 'Sin consentimiento no se envían correos a esta dirección.'
              : 'Registra que la persona aceptó recibir correos en esta dirección.',
            hecho: c.consentimiento
              ? `Se retiró el consentimiento de ${c.correo}.`
              : `Se registró el consentimiento de ${c.correo}.`,
            peligroso: false,
            operacion: (motivo) => ({
              tipo: 'cambio_correo',
              id: c.id,
              datos: { consentimiento: !c.consentimiento, motivo },
            }),
          }),
      )}
      {accion('Retirar', `Retirar el correo ${c.correo}`, () =>
        cambiar({
          titulo: `Retirar el correo ${c.correo}`,
          accion: 'Retirar correo',
          explicacion: 'Deja de mostrarse como dato actual; queda en el historial.',
          hecho: `Se retiró ${c.correo}.`,
          peligroso: true,
          operacion: (motivo) => ({
            tipo: 'cambio_correo',
            id: c.id,
            datos: { retirar: true, motivo },
          }),
        }),
      )}
    </div>
  );

  const accionesDomicilio = (d: Domicilio) => (
    <div className="contacto-acciones">
      {accion('Corregir', `Corregir el domicilio ${textoDomicilio(d)}`, () =>
        editar({ tipo: 'domicilio', actual: d }),
      )}
      {accion('Retirar', `Retirar el domicilio ${textoDomicilio(d)}`, () =>
        cambiar({
          titulo: 'Retirar el domicilio',
          accion: 'Retirar domicilio',
          explicacion: `${textoDomicilio(d)} deja de mostrarse como dato actual; queda en el historial.`,
          hecho: 'Se retiró el domicilio.',
          peligroso: true,
          operacion: (motivo) => ({
            tipo: 'cambio_domicilio',
            id: d.id,
            datos: { retirar: true, motivo },
          }),
        }),
      )}
    </div>
  );

  const agregar = (edicion: Edicion, texto: string) =>
    editable ? (
      <Button size="small" style={{ marginTop: 8 }} onClick={() => editar(edicion)}>
        {texto}
      </Button>
    ) : null;

  return (
    <>
      <div className="contactos-rejilla">
        <Lista
          id={`telefonos-${personaId}`}
          titulo="Teléfonos"
          vacio={telefonos.length === 0 ? 'Sin teléfonos registrados.' : null}
          agregar={agregar({ tipo: 'telefono', actual: null }, 'Agregar teléfono')}
        >
          {telefonos.map((t) => (
            <li key={t.id}>
              <DatoEnmascarado
                className="cifra"
                valor={t.numero}
                etiqueta={etiquetaMostrarTelefono(t.numero)}
                formato={numeroTelefonico}
                revelar={() =>
                  revelarDatoPersonal(personaId, { campo: 'telefono', telefonoId: t.id })
                }
              />{' '}
              <Typography.Text type="secondary">
                {NOMBRE_TIPO_TELEFONO[t.tipo]} · {nombreDeZona(t.zonaHoraria)}
              </Typography.Text>
              <div>
                <EtiquetaSiNo valor={t.valido} si="Válido" no="Equivocado" />
                <EtiquetaSiNo
                  valor={t.consentimiento}
                  si="Con consentimiento"
                  no="Sin consentimiento"
                />
              </div>
              {editable && accionesTelefono(t)}
            </li>
          ))}
        </Lista>
        <Lista
          id={`correos-${personaId}`}
          titulo="Correos"
          vacio={correos.length === 0 ? 'Sin correos registrados.' : null}
          agregar={agregar({ tipo: 'correo', actual: null }, 'Agregar correo')}
        >
          {correos.map((c) => (
            <li key={c.id}>
              <DatoEnmascarado
                valor={c.correo}
                etiqueta="Mostrar correo completo"
                revelar={() => revelarDatoPersonal(personaId, { campo: 'correo', correoId: c.id })}
              />
              <div>
                <EtiquetaSiNo valor={c.valido} si="Válido" no="No válido" />
                <EtiquetaSiNo
                  valor={c.consentimiento}
                  si="Con consentimiento"
                  no="Sin consentimiento"
                />
              </div>
              {editable && accionesCorreo(c)}
            </li>
          ))}
        </Lista>
        <Lista
          id={`domicilios-${personaId}`}
          titulo="Domicilios"
          vacio={domicilios.length === 0 ? 'Sin domicilios registrados.' : null}
          agregar={agregar({ tipo: 'domicilio', actual: null }, 'Agregar domicilio')}
        >
          {domicilios.map((d) => (
            <li key={d.id}>
              <span style={{ overflowWrap: 'anywhere' }}>{textoDomicilio(d)}</span>
              <div>
                <Typography.Text type="secondary">{nombreDeZona(d.zonaHoraria)}</Typography.Text>
              </div>
              {editable && accionesDomicilio(d)}
            </li>
          ))}
        </Lista>
      </div>
      <details style={{ marginTop: 16 }}>
        <summary>Historial de cambios ({historial.length})</summary>
        {historial.length === 0 ? (
          <Typography.Paragraph type="secondary">Sin cambios registrados.</Typography.Paragraph>
        ) : (
          <ol className="historia" aria-label={`Historial de contacto de ${nombre}`}>
            {historial.map((h) => (
              <li key={h.id}>
                <span className="historia-cuando">{fechaHora(h.registrado)}</span>
                <div>
                  <div className="historia-titulo">
                    {NOMBRE_TIPO[h.tipo]}: {NOMBRE_CAMBIO[h.cambio] ?? h.cambio}
                  </div>
                  <p className="historia-detalle">
                    {resumen(h)}.{h.motivo !== null && h.motivo !== '' && ` Motivo: ${h.motivo}.`}
                    {h.registradoPor !== null && ` Por ${h.registradoPor.nombre}.`}
                  </p>
                </div>
              </li>
            ))}
          </ol>
        )}
      </details>
      {dialogo?.tipo === 'edicion' && (
        <DialogoDatoDeContacto
          personaId={personaId}
          edicion={dialogo.edicion}
          abierto={dialogo.abierto}
          alCerrar={cerrar}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
      {dialogo?.tipo === 'cambio' && (
        <DialogoCambioContacto
          personaId={personaId}
          cambio={dialogo.cambio}
          abierto={dialogo.abierto}
          alCerrar={cerrar}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
    </>
  );
}
