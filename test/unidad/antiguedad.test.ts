import { describe, expect, it } from 'vitest';
import { bucketDeAtraso } from '../../src/domain/antiguedad.ts';

describe('bucket de antigüedad por días de atraso', () => {
  it.each([
    [0, 'al_corriente'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '91-180'],
    [180, '91-180'],
    [181, '181-365'],
    [365, '181-365'],
    [366, 'mas_de_365'],
    [10_000, 'mas_de_365'],
  ])('%i días → %s', (dias, bucket) => {
    expect(bucketDeAtraso(dias)).toBe(bucket);
  });
});
