import pgk from 'pg';
import { iniciarPostgresEmbebido } from '/work/main/src/plataforma/postgres-embebido.ts';

const t0 = Date.now();
const e = await iniciarPostgresEmbebido('/tmp/recupera-prueba', 'secreto123', () => {});
console.log('start ms', Date.now() - t0, e.url);
const c = new pgk.Client(e.url);
await c.connect();
console.log((await c.query("select version(), current_setting('server_encoding') enc")).rows);
await c.query('create extension if not exists unaccent');
console.log((await c.query("select unaccent('José Núñez')")).rows);
await c.end();
await e.detener();
console.log('stopped');
