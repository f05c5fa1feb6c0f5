import { centavosDeSalida, formatearPesos } from '../../domain/dinero.ts';
import { type Fecha, formatearFecha, formatearInstante } from '../../domain/fecha.ts';
import {
  type Columna,
  type Documento,
  nuevoDocumento,
  pares,
  seccion,
  tabla,
  terminar,
} from '../documentos/pdf-base.ts';
import type { ReporteDeAcceso } from './generar-reporte-de-acceso.ts';

const ZONA = 'America/Hermosillo';
const instante = (iso: string) => formatearInstante(new Date(iso), ZONA);
const fecha = (f: string | null) => (f === null ? '—' : formatearFecha(f as Fecha));
const pesos = (t: string | null) => (t === null ? '—' : formatearPesos(centavosDeSalida(t)));
const texto = (t: string | null | undefined) =>
  t === null || t === undefined || t === '' ? '—' : t;

function nada(doc: Documento, cuando: boolean, frase: string): boolean {
  if (cuando) doc.text(frase);
  return cuando;
}

function contactos(doc: Documento, r: ReporteDeAcceso): void {
  const c = r.datos.contactos;
  seccion(doc, 'Datos de contacto');
  const vigencia = (retirado: string | null) =>
    retirado === null ? 'Vigente' : `Retirado ${instante(retirado)}`;
  if (
    nada(
      doc,
      c.telefonos.length + c.correos.length + c.domicilios.length === 0,
      'No hay datos de contacto.',
    )
  )
    return;
  const columnas: Columna[] = [
    { titulo: 'Tipo', ancho: 70 },
    { titulo: 'Dato', ancho: 250 },
    { titulo: 'Consentimiento', ancho: 80 },
    { titulo: 'Situación', ancho: 112 },
  ];
  tabla(doc, columnas, [
    ...c.telefonos.map((t) => [
      `Teléfono (${t.tipo})`,
      t.numero,
      t.consentimiento ? 'Sí' : 'No',
      vigencia(t.retirado),
    ]),
    ...c.correos.map((e) => [
      'Correo',
      e.correo,
      e.consentimiento ? 'Sí' : 'No',
      vigencia(e.retirado),
    ]),
    ...c.domicilios.map((d) => [
      'Domicilio',
      [d.calle, d.numero, d.colonia, d.codigoPostal, d.municipio, d.estado]
        .filter(Boolean)
        .join(', '),
      '—',
      vigencia(d.retirado),
    ]),
  ]);
  if (c.historial.length > 0) {
    doc.moveDown(0.5).text(`Cambios registrados a sus datos de contacto: ${c.historial.length}.`);
  }
}

function creditos(doc: Documento, r: ReporteDeAcceso): void {
  seccion(doc, 'Créditos');
  if (nada(doc, r.datos.creditos.length === 0, 'No participa en ningún crédito.')) return;
  for (const c of r.datos.creditos) {
    doc.moveDown(0.4).font('Helvetica-Bold').text(`Crédito ${c.numero}`).font('Helvetica');
    pares(doc, [
      ['Participa como', c.calidad],
      ['Estado', c.estado],
      ['Oficina', c.oficina],
      ['Producto', c.producto],
      ['Inicio de intereses', fecha(c.fechaInicioInteres)],
      ['Saldo para liquidar hoy', pesos(c.saldoParaLiquidar)],
    ]);
    if (c.ministraciones.length > 0) {
      tabla(
        doc,
        [
          { titulo: 'Ministración', ancho: 70 },
          { titulo: 'Fecha', ancho: 80 },
          { titulo: 'Monto', ancho: 100, alinear: 'right' },
          { titulo: 'Periodo escolar', ancho: 130 },
          { titulo: 'Pagaré', ancho: 132 },
        ],
        c.ministraciones.map((m) => [
          String(m.numero),
          fecha(m.fecha),
          pesos(m.monto),
          m.periodoEscolar,
          m.pagare,
        ]),
      );
    }
    if (c.movimientos.length > 0) {
      tabla(
        doc,
        [
          { titulo: 'Fecha', ancho: 80 },
          { titulo: 'Movimiento', ancho: 100 },
          { titulo: 'Monto', ancho: 100, alinear: 'right' },
          { titulo: 'Medio', ancho: 100 },
          { titulo: 'Referencia', ancho: 132 },
        ],
        c.movimientos.map((m) => [
          fecha(m.fecha),
          m.tipo,
          pesos(m.monto),
          texto(m.canal),
          texto(m.referencia),
        ]),
      );
    }
  }
}

function actividad(doc: Documento, r: ReporteDeAcceso): void {
  const d = r.datos;
  seccion(doc, 'Gestiones de cobranza');
  if (!nada(doc, d.gestiones.length === 0, 'No hay gestiones registradas con usted.')) {
    tabla(
      doc,
      [
        { titulo: 'Fecha y hora', ancho: 90 },
        { titulo: 'Crédito', ancho: 90 },
        { titulo: 'Canal', ancho: 90 },
        { titulo: 'Resultado', ancho: 120 },
        { titulo: 'Registró', ancho: 122 },
      ],
      d.gestiones.map((g) => [
        instante(g.instante),
        g.credito,
        g.canal,
        g.resultado,
        g.registradoPor,
      ]),
    );
  }
  seccion(doc, 'Convenios, visitas y recados');
  pares(doc, [
    ['Convenios en que firma', String(d.convenios.length)],
    ['Visitas a ventanilla', String(d.turnos.length)],
    ['Recados sobre usted', String(d.recados.length)],
    ['Solicitudes ARCO', d.solicitudesArco.map((s) => s.folio).join(', ') || '—'],
    ['Oposición al contacto', d.oposicion === null ? 'No' : `Desde ${instante(d.oposicion.desde)}`],
  ]);
}

function consultas(doc: Documento, r: ReporteDeAcceso): void {
  const lista = r.datos.consultas ?? [];
  seccion(doc, 'Quién consultó o cambió sus datos');
  if (nada(doc, lista.length === 0, 'Nadie ha consultado sus datos.')) return;
  tabla(
    doc,
    [
      { titulo: 'Fecha y hora', ancho: 90 },
      { titulo: 'Usuario', ancho: 140 },
      { titulo: 'Qué hizo', ancho: 282 },
    ],
    lista.map((c) => [instante(c.instante), c.nombre ?? c.usuario ?? 'Sistema', c.descripcion]),
  );
}

/**
 * The access report as the titular receives it: what the JSON holds, readable. Full detail of
 * contact history, convenios, walk-ins and messages goes in the JSON (portability).
 */
export function generarPdfDeAcceso(r: ReporteDeAcceso, razonSocial: string): Promise<Buffer> {
  const t = r.datos.titular;
  const doc = nuevoDocumento(
    'Reporte de acceso a datos personales',
    `Solicitud ${r.folio}`,
    razonSocial,
  );
  seccion(doc, 'Titular');
  pares(doc, [
    ['Nombre', [t.nombres, t.primerApellido, t.segundoApellido].filter(Boolean).join(' ')],
    ['CURP', texto(t.curp)],
    ['RFC', texto(t.rfc)],
    ['Fecha de nacimiento', fecha(t.fechaNacimiento)],
  ]);
  contactos(doc, r);
  creditos(doc, r);
  actividad(doc, r);
  consultas(doc, r);
  return terminar(doc, `Generado el ${instante(r.generado)} por ${r.generadoPor}`);
}
