/**
 * The failures injected into Insert and Update: at each of the three round trips (the stand-in applies half the
 * batch, then throws) and at the first write to each of the plan's sheets.
 */
import type { ExcelStandIn } from '../support/excelStandIn';
import { plan } from './helpers';

/** One injected failure. */
export interface FailureCase {
  label: string;
  inject(standIn: ExcelStandIn): void;
  /** The stage the failed run leaves recorded in the state (none: it failed before writing anything). */
  stage?: 'sheets' | 'inputs';
}

/** Each round trip, then the first write to each plan sheet. */
export const FAILURES: FailureCase[] = [
  ...([undefined, 'sheets', 'inputs'] as const).map((stage, i) => ({
    label: `round trip ${i + 1}`,
    inject: (s: ExcelStandIn) => s.failOnSync(i + 1),
    stage,
  })),
  ...plan().sheets.map((sheet) => ({
    label: `writing ${sheet.name}`,
    inject: (s: ExcelStandIn) => s.failWhenWriting(sheet.name),
    // Every sheet's cells are written in round trip 2; the Assumptions inputs are written in round trip 3, and
    // the first write to that sheet is its other cells, in round trip 2.
    stage: 'sheets' as const,
  })),
];

/** The user's part of a workbook: their sheets' formulas and their names, as text. */
export function userPart(s: ExcelStandIn, sheets: string[], names: string[]): string {
  const cells = sheets.map((sheet) =>
    ['A1', 'A2', 'A3', 'B1', 'B2', 'C3'].map((a) => String(s.formulaAt(sheet, a))),
  );
  const defined = s.names().filter((n) => names.includes(n.name));
  return JSON.stringify({ cells, defined });
}
