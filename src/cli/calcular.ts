import { calcularLineas, calcularTexto } from '../modules/calculo/calcular-cli.ts';

async function leerEntrada(): Promise<string> {
  const partes: Buffer[] = [];
  for await (const parte of process.stdin) partes.push(parte as Buffer);
  return Buffer.concat(partes).toString('utf8');
}

/** The engine's command-line contract (issue 3): stdin → stdout; exit 2 for an invalid case. */
export async function calcular(lineas: boolean): Promise<number> {
  const texto = await leerEntrada();
  if (lineas) {
    process.stdout.write(calcularLineas(texto));
    return 0;
  }
  const { salida, codigo } = calcularTexto(texto);
  process.stdout.write(`${salida}\n`);
  return codigo;
}
