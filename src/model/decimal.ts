import DecimalJs from 'decimal.js';

/** The model's Decimal: 40 significant digits, halves rounded away from zero (as the note rounds). */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** Rounds half away from zero to `decimals` places, the way the note prints figures. */
export function roundHalfAway(value: Decimal, decimals: number): Decimal {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}
