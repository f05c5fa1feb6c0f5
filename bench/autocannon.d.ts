// The part of autocannon's API the load benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export interface Solicitud {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  export interface Opciones {
    url: string;
    connections: number;
    duration: number;
    /** Requests per second per connection (think time between a user's clicks). */
    connectionRate?: number;
    /**
     * Requests per second from all connections together, split among them: each connection
     * still sends its share back to back at the start of every second, in step with the rest.
     */
    overallRate?: number;
    requests: Peticion[];
  }
  export interface Peticion {
    setupRequest: (req: Solicitud, contexto: Record<string, unknown>) => Solicitud;
  }
  export interface Resultado {
    requests: { average: number; total: number };
    latency: { p50: number; p90: number; p99: number; max: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  interface Instancia extends EventEmitter {
    on(
      evento: 'response',
      oyente: (cliente: unknown, estado: number, bytes: number, ms: number) => void,
    ): this;
  }
  function autocannon(
    opciones: Opciones,
    alTerminar: (error: Error | null, r: Resultado) => void,
  ): Instancia;
  export default autocannon;
}
