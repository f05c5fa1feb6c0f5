import { calcularTexto } from '../modules/calculo/calcular-cli.ts';

/**
 * A block of JSON Lines in, their answers out: one line per non-blank input line, in order, an
 * invalid case answering its error object. The answers are encoded straight into one buffer
 * with its own memory (`allocUnsafeSlow`, never the shared pool), so that a worker thread can
 * hand it over without copying.
 */
export function calcularLote(entrada: Uint8Array): Uint8Array {
  const bytes = Buffer.from(entrada.buffer, entrada.byteOffset, entrada.byteLength);
  // A statement is about three times its case; a guess that is short only costs a copy.
  let salida = Buffer.allocUnsafeSlow(Math.max(1024, bytes.length * 4));
  let escritos = 0;
  let inicio = 0;
  while (inicio < bytes.length) {
    let fin = bytes.indexOf(10, inicio);
    if (fin === -1) fin = bytes.length;
    const linea = bytes.toString('utf8', inicio, fin);
    inicio = fin + 1;
    if (linea.trim() === '') continue;
    const texto = calcularTexto(linea).salida;
    // A character takes at most 3 bytes in UTF-8, plus the newline.
    const maximo = texto.length * 3 + 1;
    if (escritos + maximo > salida.length) {
      const mayor = Buffer.allocUnsafeSlow(Math.max(salida.length * 2, escritos + maximo));
      salida.copy(mayor, 0, 0, escritos);
      salida = mayor;
    }
    escritos += salida.write(texto, escritos, 'utf8');
    salida[escritos++] = 10;
  }
  return salida.subarray(0, escritos);
}
