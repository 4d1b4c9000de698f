/**
 * How each kind of cell looks, in one place: fonts, colours, number formats and chart colours. Every writer
 * (Office.js, .xlsx) maps these looks to its own API. Sell-side conventions: blue inputs on a pale fill, black
 * formulas, green links to other sheets.
 */
import type { DriverDef, LineDef } from '../model';
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
  /** A medium border all round: the one cell a block is centred on (the grid's base case). */
  box?: boolean;
}

export const COLOURS = {
  input: '0000FF',
  inputFill: 'FFF2CC',
  formula: '000000',
  link: '008000',
  note: '595959',
  id: '808080',
  rule: '808080',
  baseFill: 'DDEBF7',
} as const;

/** Series colours of the native charts, in series order (navy, orange, grey, gold, teal, red). */
export const CHART_COLOURS: readonly string[] = ['1F4E79', 'ED7D31', 'A5A5A5', 'FFC000', '2E8B8B', 'C00000'];

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
  base: { color: COLOURS.formula, bold: true, fill: COLOURS.baseFill, box: true },
};

/** The look of a cell: headings over the period columns (from column D) are right-aligned like the numbers below. */
export function lookOf(style: CellStyle, col: number): CellLook {
  const look = LOOKS[style];
  return style === 'header' && col >= 4 ? { ...look, alignRight: true } : look;
}

/** Number formats as the note prints figures; no scientific notation anywhere. */
export const FORMATS = {
  rmbMn: '#,##0.0_);(#,##0.0)',
  perAds: '#,##0.00_);(#,##0.00)',
  pct: '0.0%_);(0.0%)',
  pct2: '0.00%_);(0.00%)',
  multiple: '0.0"x"_);(0.0"x")',
  days: '0.0_);(0.0)',
  mnAds: '#,##0.00_);(#,##0.00)',
  years: '0.0_);(0.0)',
  factor: '0.0000_);(0.0000)',
  fx: '0.0000',
  integer: '0',
  weight: '0.0000',
  /** Check differences and tolerances, fixed point to Rmb 1 (1e-6 Rmb mn). */
  difference: '#,##0.000000_);(#,##0.000000);0.000000_)',
  /** A published figure's difference: three decimals past the note's one. */
  publishedDifference: '#,##0.000_);(#,##0.000);0.000_)',
  pctDifference: '0.000%_);(0.000%);0.000%_)',
} as const;

/** A line's number format by unit. */
export const LINE_FORMAT: Readonly<Record<LineDef['unit'], string>> = {
  rmbMn: FORMATS.rmbMn,
  pct: FORMATS.pct,
  rmbPerAds: FORMATS.perAds,
  usdPerAds: FORMATS.perAds,
  multiple: FORMATS.multiple,
  days: FORMATS.days,
  mnAds: FORMATS.mnAds,
  years: FORMATS.years,
  factor: FORMATS.factor,
};

/** A driver's number format by unit. */
export const DRIVER_FORMAT: Readonly<Record<DriverDef['unit'], string>> = {
  pct: FORMATS.pct,
  days: FORMATS.days,
  rmbMn: FORMATS.rmbMn,
  multiple: FORMATS.multiple,
  usd: FORMATS.perAds,
  rmbPerAds: FORMATS.perAds,
  rmbPerUsd: FORMATS.fx,
  mnAds: FORMATS.mnAds,
  flag: FORMATS.integer,
  weight: FORMATS.weight,
  digits: FORMATS.integer,
};

/** A scenario's change to a driver, signed: "+5.00%", "-0.05". */
export const DELTA_FORMAT: Readonly<Record<DriverDef['unit'], string>> = Object.fromEntries(
  Object.keys(DRIVER_FORMAT).map((unit) => [
    unit,
    unit === 'pct' ? '+0.00%;-0.00%;0.00%' : '+#,##0.0000;-#,##0.0000;0.0000',
  ]),
) as Record<DriverDef['unit'], string>;

/** How a unit reads in the Unit column. */
export const UNIT_TEXT: Readonly<Record<string, string>> = {
  rmbMn: 'Rmb mn',
  pct: '%',
  rmbPerAds: 'Rmb',
  usdPerAds: 'US$',
  multiple: 'x',
  days: 'days',
  mnAds: 'mn ADS',
  years: 'years',
  factor: 'factor',
  usd: 'US$',
  rmbPerUsd: 'Rmb/US$',
  flag: 'flag',
  weight: 'weight',
  digits: 'digits',
};
