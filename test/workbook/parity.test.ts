/**
 * The plan loaded into HyperFormula (an independent spreadsheet engine): every formula equals the model's value,
 * and editing assumption cells recalculates to exactly what the model gives for the same overrides.
 */
import { loadIntoHyperFormula, type LoadedPlan } from '../support/hyperformula';
import { buildPlan, type CellAddress, type PlanOptions, type WorkbookPlan } from '../../src/workbook/plan';
import { mismatches } from './helpers';

const DATE = '2026-05-28';
let plan: WorkbookPlan;
let loaded: LoadedPlan;

beforeAll(() => {
  plan = buildPlan({ date: DATE });
  loaded = loadIntoHyperFormula(plan);
});

function expectParity(expected: PlanOptions): void {
  const result = mismatches(loaded, buildPlan({ ...expected, date: DATE }));
  expect(result.first).toEqual([]);
  expect(result.count).toBe(0);
  expect(result.compared).toBeGreaterThan(3000);
  expect(loaded.read(plan.anchors.masterCheck)).toBe(true);
}

/** Sets cells, runs the assertion, and puts the original values back. */
function withEdits(edits: [CellAddress, number][], assertion: () => void): void {
  const before = edits.map(([a]) => loaded.read(a) as number);
  try {
    for (const [a, v] of edits) loaded.write(a, v);
    assertion();
  } finally {
    edits.forEach(([a], i) => loaded.write(a, before[i]));
  }
}

describe('the workbook in HyperFormula', () => {
  it("evaluates every formula to the engine's value (relative 1e-9), the base case", () => {
    expectParity({});
  });

  it('the master check is TRUE and every note figure is reproduced', () => {
    expect(loaded.read(plan.anchors.masterCheck)).toBe(true);
    const names = loaded.hf.getNamedExpressionValue('figuresReproduced');
    expect(typeof names).toBe('number');
  });

  it('recalculates a WACC edit to the engine run with the same override', () => {
    withEdits([[plan.anchors.scalarInput.wacc.base, 0.11]], () =>
      expectParity({ overrides: { wacc: '0.11' } }),
    );
  });

  it("recalculates a year's revenue growth edit", () => {
    withEdits([[plan.anchors.seriesInput.revenueGrowth.base['2027E'], 0.2]], () =>
      expectParity({ overrides: { 'revenueGrowth.2027E': '0.2' } }),
    );
  });

  it('recalculates a receivable days edit', () => {
    withEdits([[plan.anchors.seriesInput.receivableDays.base['2026E'], 70]], () =>
      expectParity({ overrides: { 'receivableDays.2026E': '70' } }),
    );
  });

  it('switches the whole workbook with the scenario selector (bull, then bear with an edit)', () => {
    withEdits([[plan.anchors.selector, 2]], () => expectParity({ scenario: 'bull' }));
    // The bear case's WACC input is its change to the base WACC (10.3% + 1.7pp = 12%).
    withEdits(
      [
        [plan.anchors.selector, 3],
        [plan.anchors.scalarInput.wacc.bear, 0.017],
      ],
      () => expectParity({ scenario: 'bear', overrides: { wacc: '0.12' } }),
    );
  });

  it('moves every case with a base input: the bull case follows an edit of base revenue growth', () => {
    const base = plan.anchors.seriesInput.revenueGrowth.base['2027E'];
    // Bull is base + 5pp: with the base input at 20%, bull reads 25%.
    withEdits(
      [
        [plan.anchors.selector, 2],
        [base, 0.2],
      ],
      () => expectParity({ scenario: 'bull', overrides: { 'revenueGrowth.2027E': '0.25' } }),
    );
  });

  it('gives the base case back after the edits are undone', () => {
    expectParity({});
  });
});

describe('a workbook written for a scenario with overrides', () => {
  it('starts on that scenario and matches the engine', () => {
    const options: PlanOptions = {
      scenario: 'bear',
      overrides: { terminalGrowth: '2.5%', 'payableDaysOnCashCogs.2028E': 150 },
    };
    const bear = buildPlan({ ...options, date: DATE });
    const hf = loadIntoHyperFormula(bear);
    expect(hf.read(bear.anchors.selector)).toBe(3);
    const result = mismatches(hf, bear);
    expect(result.first).toEqual([]);
    expect(hf.read(bear.anchors.masterCheck)).toBe(true);
    // Overrides apply on top of every scenario: switching to base gives base + the same overrides.
    hf.write(bear.anchors.selector, 1);
    expect(mismatches(hf, buildPlan({ overrides: options.overrides, date: DATE })).first).toEqual([]);
  });
});

describe('a workbook whose checks fail', () => {
  it('caches FALSE for the master check on Checks and Summary, as HyperFormula computes it (a mistyped 12/25 cash)', () => {
    const broken = buildPlan({ overrides: { 'cash.2025A': 7000 }, date: DATE });
    const hf = loadIntoHyperFormula(broken);
    const result = mismatches(hf, broken);
    expect(result.first).toEqual([]);
    expect(result.compared).toBeGreaterThan(3000);
    expect(hf.read(broken.anchors.masterCheck)).toBe(false);
    const summary = broken.sheets[0].cells.find((c) => c.formula === 'masterCheck')!;
    expect(summary.cached).toBe(false);
    expect(hf.read({ sheet: broken.sheets[0].name, row: summary.row, col: summary.col })).toBe(false);
  });
});
