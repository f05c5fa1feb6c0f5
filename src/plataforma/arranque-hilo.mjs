// A worker thread cannot load TypeScript by itself: register tsx's loader, then load the
// TypeScript module named in workerData (see src/modules/importacion/validar-en-paralelo.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.modulo);
