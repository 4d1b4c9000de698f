/**
 * How each kind of cell looks, in one place: every writer (Office.js, .xlsx) maps these looks to its own API.
 * Sell-side conventions: blue inputs on a pale fill, black formulas, green links to other sheets.
 */
import type { CellStyle } from './plan';

/** One sans family at one base size; titles and headings larger (Excel and LibreOffice both have it). */
export const FONT = { name: 'Arial', size: 10, titleSize: 14, noteSize: 9 } as const;

/** A cell's look. Colours are RGB hex without '#'. */
export interface CellLook {
  color?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fill?: string;
  /** Right-aligned, as numbers are (headings over period columns). */
  alignRight?: boolean;
  /** A thin grey rule under the cell. */
  underline?: boolean;
}

export const COLOURS = {
  input: '0000FF',
  inputFill: 'FFF2CC',
  formula: '000000',
  link: '008000',
  note: '595959',
  id: '808080',
  rule: '808080',
} as const;

/** The look of every cell style. */
export const LOOKS: Readonly<Record<CellStyle, CellLook>> = {
  title: { bold: true, size: FONT.titleSize },
  note: { color: COLOURS.note, italic: true, size: FONT.noteSize },
  header: { bold: true, underline: true },
  section: { bold: true, underline: true },
  label: {},
  id: { color: COLOURS.id, size: FONT.noteSize },
  input: { color: COLOURS.input, fill: COLOURS.inputFill },
  formula: { color: COLOURS.formula },
  link: { color: COLOURS.link },
  check: { color: COLOURS.formula, bold: true },
};

/** The look of a cell: headings over the period columns (from column D) are right-aligned like the numbers below. */
export function lookOf(style: CellStyle, col: number): CellLook {
  const look = LOOKS[style];
  return style === 'header' && col >= 4 ? { ...look, alignRight: true } : look;
}
