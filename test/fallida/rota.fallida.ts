import { expect, it } from 'vitest';

// A file that breaks before any test runs: vitest reports its test as skipped, not failed.
const rota = (): never => {
  throw new Error('archivo roto a propósito');
};
rota();

it('nunca corre', () => {
  expect(true).toBe(true);
});
