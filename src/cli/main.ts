import { ErrorDominio } from '../domain/errores.ts';
import { ErrorDeConfiguracion } from '../plataforma/config.ts';
import { ErrorDeArranque } from '../plataforma/postgres-embebido.ts';
import { COMANDOS, type Comando } from './comandos.ts';

function ayuda(): string {
  const lineas = COMANDOS.map((c) => `  ${c.uso.padEnd(58)} ${c.descripcion}`);
  return `Uso: npm run recupera -- <comando> [opciones]\n\nComandos:\n${lineas.join('\n')}\n`;
}

function elegir(args: string[]): { comando: Comando; resto: string[] } | null {
  for (const c of COMANDOS) {
    const n = c.nombre.length;
    if (c.nombre.every((p, i) => args[i] === p)) return { comando: c, resto: args.slice(n) };
  }
  return null;
}

async function principal(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'ayuda') {
    process.stdout.write(ayuda());
    return 0;
  }
  const elegido = elegir(args);
  if (!elegido) {
    process.stderr.write(`Comando desconocido: ${args.join(' ')}\n\n${ayuda()}`);
    return 2;
  }
  if (elegido.resto.includes('--help')) {
    process.stdout.write(
      `Uso: npm run recupera -- ${elegido.comando.uso}\n${elegido.comando.descripcion}\n`,
    );
    return 0;
  }
  return elegido.comando.ejecutar(elegido.resto);
}

principal()
  .then((codigo) => process.exit(codigo))
  .catch((e: unknown) => {
    if (
      e instanceof ErrorDominio ||
      e instanceof ErrorDeConfiguracion ||
      e instanceof ErrorDeArranque
    ) {
      process.stderr.write(`${e.message}\n`);
    } else {
      process.stderr.write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    process.exit(1);
  });
