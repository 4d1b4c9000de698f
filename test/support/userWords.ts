/**
 * Whether a message is in the user's words (issue 11: labels and percentages, never internal ids or fractions):
 * used by the pane's jest tests and its browser test on every message the pane shows.
 */
import { DRIVERS } from '../../src/model';

/**
 * Driver ids as words: the camelCase ones ("revenueGrowth", "fixedAssetIntensityTerminal") and "wacc" in lower case
 * ("WACC" is its label); "price" is also an English word, so it is left out.
 */
const ID_PATTERN = new RegExp(
  `\\b(${DRIVERS.map((d) => d.id)
    .filter((id) => /[A-Z]/.test(id) || id === 'wacc')
    .join('|')})\\b`,
);

/** A bare fraction such as 0.02 or .103 (not "2.0%", "0.65x", "13.03%" or "1,234.5"). */
const FRACTION_PATTERN = /(^|[^\d.,/])-?0?\.\d+(?![\d.]*\s*[%x\d])/;

/** What is wrong with a message (an id, a fraction, nothing at all), or null when it is in the user's words. */
export function notInUserWords(message: string): string | null {
  if (!message.trim()) return 'no message';
  const id = ID_PATTERN.exec(message);
  if (id) return `the internal id "${id[1]}"`;
  const fraction = FRACTION_PATTERN.exec(message);
  if (fraction) return `the fraction "${fraction[0].replace(/^[^\d.-]/, '')}"`;
  return null;
}
