/**
 * What the charts share: how they write their figures (US$ per ADS, two decimals, a true minus sign), their rows,
 * and how wide a label is likely to be at their 12px type, so that bars leave room for their labels without
 * measuring text in a DOM.
 */

const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The minus sign the charts print (U+2212: screen readers say "minus", and it is as wide as a plus). */
export const MINUS = '\u2212';

/** "19.50", "1,234.50", "−1.20". */
export function amount(value: number): string {
  return `${value < 0 ? MINUS : ''}${twoDecimals.format(Math.abs(value))}`;
}

/** "US$19.50", "−US$1.20". */
export function usd(value: number): string {
  return `${value < 0 ? MINUS : ''}US$${twoDecimals.format(Math.abs(value))}`;
}

/** "+4.99", "−1.30" (a part of a change: always signed; zero is "+0.00"). */
export function signed(value: number): string {
  return `${value < 0 ? MINUS : '+'}${twoDecimals.format(Math.abs(value))}`;
}

/** The charts' type size, px. */
export const FONT_SIZE = 12;

/**
 * A generous estimate of a label's width in px at FONT_SIZE in the pane's fonts (Segoe UI and its fallbacks): 7.2 px
 * a character, about the widest digit, "$" and capital of those fonts at 12px.
 */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 7.2);
}

/** A row: a 16px label line, 2px, a 12px bar, 10px to the next row. */
export const ROW = { label: 16, gap: 2, bar: 12, after: 10 } as const;
/** A row's height, px. */
export const ROW_HEIGHT = ROW.label + ROW.gap + ROW.bar + ROW.after;
/** Below the last bar: room for the lines that run past the bars, px. */
export const BOTTOM = 4;
/** Space between a bar's end and its figure, px. */
export const VALUE_GAP = 4;
/** The narrowest width laid out, px; a narrower container scales the picture down. */
export const MIN_WIDTH = 200;

/** The baseline of a figure beside a bar whose top is at `y`: 12px type centred on the 12px bar. */
export function beside(y: number): number {
  return y + ROW.bar / 2 + FONT_SIZE * 0.35;
}
