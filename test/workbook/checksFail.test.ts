/**
 * Every structural check of the workbook can fail: each is computed by a second route, so a cell typed over a
 * formula (the way a model breaks in use) shows up as a FAIL on the Checks sheet and a FALSE master check.
 * Checked in HyperFormula, an independent spreadsheet engine.
 */
import { CHECK_TOLERANCE, PERIODS } from '../../src/model';
import { loadIntoHyperFormula } from '../support/hyperformula';
import { buildPlan, type CellAddress } from '../../src/workbook/plan';

const plan = buildPlan({ date: '2026-05-28' });
const period = (id: string) => PERIODS.findIndex((p) => p.id === id);

/** Where each check's result (PASS or FAIL) sits on the Checks sheet. */
function resultCell(check: string): CellAddress {
  const sheet = plan.sheets.find((s) => s.name === 'Checks')!;
  const cell = sheet.cells.find((c) => c.what === `result ${check}`);
  if (!cell) throw new Error(`No result cell for ${check}`);
  return { sheet: sheet.name, row: cell.row, col: cell.col };
}

/** For each check, a formula cell to type a number over and the number (relative to its value) that breaks it. */
const BREAKS: [check: string, line: string, at: string, shift: (value: number) => number][] = [
  ['checkBalance', 'totalCurrentAssets', '2027E', (x) => x + 100],
  ['checkCash', 'cash', '2027E', (x) => x + 100],
  ['checkFixedAssets', 'netPpe', '2027E', (x) => x + 100],
  ['checkEquity', 'commonEquity', '2027E', (x) => x + 100],
  ['checkDebt', 'longTermDebt', '2027E', (x) => x + 100],
  ['checkWorkingCapital', 'workingCapital', '2027E', (x) => x + 100],
  ['checkSegments', 'nonAiRevenue', '2027E', (x) => x + 100],
  ['checkLiquidity', 'cash', '2027E', () => 100],
  ['checkSteadyState', 'revenue', '2035E', (x) => x * 1.01],
];

describe('each structural check of the workbook can fail', () => {
  it('the base case passes every check', () => {
    const loaded = loadIntoHyperFormula(plan);
    for (const [check] of BREAKS) expect([check, loaded.read(resultCell(check))]).toEqual([check, 'PASS']);
    expect(loaded.read(plan.anchors.masterCheck)).toBe(true);
    expect(Number(CHECK_TOLERANCE)).toBeGreaterThan(0);
  });

  it.each(BREAKS)('%s fails when %s %s is typed over', (check, line, at, shift) => {
    const loaded = loadIntoHyperFormula(plan);
    const cell = plan.anchors.lines[line][period(at)];
    const value = loaded.read(cell) as number;
    expect(typeof value).toBe('number');
    loaded.write(cell, shift(value));
    expect(loaded.read(resultCell(check))).toBe('FAIL');
    expect(loaded.read(plan.anchors.masterCheck)).toBe(false);
  });
});
