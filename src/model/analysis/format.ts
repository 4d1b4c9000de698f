/** How the analysis tools word numbers in their messages and labels: US$ with cents, percentages, points, multiples. */
import type { Decimal } from '../decimal';

/** "US$13.03", "US$1,234.57", "-US$2.10". */
export function usd(value: Decimal): string {
  const rounded = value.toDecimalPlaces(2);
  const [whole, cents] = rounded.abs().toFixed(2).split('.');
  const sign = rounded.isNeg() && !rounded.isZero() ? '-' : '';
  return `${sign}US$${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
}

/** A fraction as a percentage with two decimals: 0.1247 -> "12.47%". */
export function percent(value: Decimal): string {
  const text = value.times(100).toFixed(2);
  return `${text === '-0.00' ? '0.00' : text}%`;
}

/** A change of a fraction in percentage points, signed: -0.0523 -> "-5.23pp", 0.01 -> "+1.00pp". */
export function points(value: Decimal): string {
  const text = value.times(100).toFixed(2);
  return text.startsWith('-') && text !== '-0.00' ? `${text}pp` : `+${text.replace('-', '')}pp`;
}

/** A multiple with two decimals: "8.51x". */
export function multiple(value: Decimal): string {
  return `${value.toFixed(2)}x`;
}
