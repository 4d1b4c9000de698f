/**
 * Where things go on every sheet: the sheet names, the period columns, the header rows, and A1 references.
 * Values only (no sheet logic), so that every sheet module and both writers share one layout.
 */
import { NOTE_PERIOD_IDS, PERIOD_IDS, type PeriodId } from '../model';

export const SHEET_NAMES = {
  summary: 'Summary',
  assumptions: 'Assumptions',
  income: 'Income Statement',
  balance: 'Balance Sheet',
  cashFlow: 'Cash Flow',
  schedules: 'Schedules',
  ratios: 'Ratios',
  dcf: 'DCF',
  checks: 'Checks',
} as const;

/** The first period column (D); period i is column FIRST_PERIOD_COL + i on every period sheet. */
export const FIRST_PERIOD_COL = 4;
/** Title, note and column headings: the rows every period sheet repeats on each printed page. */
export const HEADER_ROWS = 3;
/** Label, unit and id columns (A, B, C); the id column is grouped and collapsed. */
export const LABEL_COL = 1;
export const UNIT_COL = 2;
export const ID_COL = 3;

/** The name of the model, as the printed header and the Summary title give it. */
export const MODEL_NAME = 'Kingsoft Cloud (KC) model';

/** Column letters of a 1-based column. */
export function colLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** An A1 reference to a 1-based row and column, e.g. a1(3, 4) = "D3", a1(3, 4, true) = "$D$3". */
export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${colLetter(col)}$${row}` : `${colLetter(col)}${row}`;
}

/** Defined names must not read as functions in any spreadsheet (Excel has a PRICE function). */
const NAME_ALIASES: Record<string, string> = { price: 'sharePrice' };

/** The defined name of a scalar driver or scalar line. */
export function definedName(id: string): string {
  return NAME_ALIASES[id] ?? id;
}

/** A period's index (its column is FIRST_PERIOD_COL + index). */
export function periodIndex(id: string): number {
  const i = PERIOD_IDS.indexOf(id as PeriodId);
  if (i < 0) throw new Error(`Unknown period ${id}`);
  return i;
}

/** The note's four columns (12/25 to 12/28E) as period indexes: the Summary tables and the charts show these. */
export const NOTE_PERIODS: readonly number[] = NOTE_PERIOD_IDS.map(periodIndex);

/** First letter upper case: "base" -> "Base". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
