/**
 * Shared by the task-pane tests: expectations come from the workbook plan (addresses, anchors) and the engine
 * (each plan cell's cached value is the engine's), never from fixed addresses or figures.
 */
import { buildModel, type Overrides } from '../../src/model';
import { insertModel, type InsertResult } from '../../src/taskpane/excelWriter';
import { buildPlan, colLetter, type CellAddress, type WorkbookPlan } from '../../src/workbook/plan';
import type { ExcelStandIn } from '../support/excelStandIn';

/** Stamps for the plans the tests write, so that cached values and stamps agree. */
export const DATE = '2026-05-28';
export const VERSION = 'kc-model test';

/** A cell's A1 address. */
export function at(c: { row: number; col: number }): string {
  return `${colLetter(c.col)}${c.row}`;
}

/** Equal within 1e-9 relative (absolute below magnitude 1). */
export function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The plan for a scenario and overrides, with the tests' stamps. */
export function plan(scenario = 'base', overrides: Overrides = {}): WorkbookPlan {
  return buildPlan({ scenario, overrides, date: DATE, version: VERSION });
}

/** Insert (or Update, or Reset) with the tests' stamps. */
export function insert(
  standIn: ExcelStandIn,
  scenario = 'base',
  overrides: Overrides = {},
  reset = false,
): Promise<InsertResult> {
  return insertModel(standIn.host, { scenario, overrides, reset, date: DATE, version: VERSION });
}

/** The sheet a plan sheet went to in this workbook. */
export function sheetOf(result: Pick<InsertResult, 'renamed'>, planSheet: string): string {
  return result.renamed[planSheet] ?? planSheet;
}

/** Every formula cell whose value in the stand-in differs from the engine's (the plan's cached value). */
export function mismatches(
  standIn: ExcelStandIn,
  expected: WorkbookPlan,
  sheetName: (planSheet: string) => string = (s) => s,
): { count: number; compared: number; first: string[] } {
  const first: string[] = [];
  let compared = 0;
  let count = 0;
  for (const sheet of expected.sheets) {
    for (const c of sheet.cells) {
      if (c.formula === undefined || c.cached === undefined) continue;
      compared++;
      const actual = standIn.valueAt(sheetName(sheet.name), at(c));
      const want =
        typeof c.cached === 'string' || typeof c.cached === 'boolean' ? c.cached : c.cached.toNumber();
      const ok =
        typeof want === 'number' && typeof actual === 'number' ? close(actual, want) : actual === want;
      if (!ok) {
        count++;
        if (first.length < 5)
          first.push(`${sheetName(sheet.name)}!${at(c)} ${c.what}: ${String(actual)} vs ${String(want)}`);
      }
    }
  }
  return { count, compared, first };
}

/** The engine's value of a line in a period, as a number. */
export function engine(line: string, period: string, scenario = 'base', overrides: Overrides = {}): number {
  return buildModel({ scenario, overrides }).value(line, period)!.toNumber();
}

/** A plan line's cell in a period (index into PERIODS). */
export function lineCell(p: WorkbookPlan, line: string, period: number): CellAddress {
  return p.anchors.lines[line][period];
}

/** Waits for the stand-in's asynchronous events. */
export const tick = () => new Promise((ok) => setTimeout(ok, 10));
