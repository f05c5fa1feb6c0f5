/** Aging buckets of the institute's reports, by days past due. */
export type Bucket =
  | 'al_corriente'
  | '1-30'
  | '31-60'
  | '61-90'
  | '91-180'
  | '181-365'
  | 'mas_de_365';

export const BUCKETS: readonly Bucket[] = [
  'al_corriente',
  '1-30',
  '31-60',
  '61-90',
  '91-180',
  '181-365',
  'mas_de_365',
];

export const ETIQUETA_BUCKET: Record<Bucket, string> = {
  al_corriente: 'Al corriente',
  '1-30': '1 a 30 días',
  '31-60': '31 a 60 días',
  '61-90': '61 a 90 días',
  '91-180': '91 a 180 días',
  '181-365': '181 a 365 días',
  mas_de_365: 'Más de 365 días',
};

/** A settled credit and one with no overdue amortización are both "al corriente" (0 days). */
export function bucketDeAtraso(diasAtraso: number): Bucket {
  if (diasAtraso <= 0) return 'al_corriente';
  if (diasAtraso <= 30) return '1-30';
  if (diasAtraso <= 60) return '31-60';
  if (diasAtraso <= 90) return '61-90';
  if (diasAtraso <= 180) return '91-180';
  if (diasAtraso <= 365) return '181-365';
  return 'mas_de_365';
}
