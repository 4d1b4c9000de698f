import { Decimal } from '../src/model';
import { measure, scaled } from './timing';
import type { Row } from './types';

/** Decimal additions per reference sample. */
export const REFERENCE_ADDITIONS = 10_000;

/**
 * The yardstick every result is divided by: a plain loop of 10,000 additions of the model's own Decimal
 * (40 significant digits), the arithmetic a model build is made of. Ratios to it compare across machines.
 */
export function measureReference(scale: number): Row {
  const step = new Decimal('1.0000000001234567890123456789');
  return measure(
    `reference: ${REFERENCE_ADDITIONS.toLocaleString('en-US')} Decimal additions`,
    () => {
      let total = new Decimal(0);
      for (let i = 0; i < REFERENCE_ADDITIONS; i++) total = total.plus(step);
      return total;
    },
    { samples: scaled(300, scale), warmup: scaled(30, scale) },
  );
}
