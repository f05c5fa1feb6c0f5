/**
 * A personal datum shown whole on purpose (CURP, RFC, a phone, an e-mail): screens get them
 * masked, and each reveal is a logged act (`POST /api/personas/:id/revelar`,
 * `POST /api/recados/:id/revelar`).
 */
import { z } from 'zod';

export const revelado = z.strictObject({ valor: z.string() });
export type Revelado = z.infer<typeof revelado>;
