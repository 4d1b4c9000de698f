/**
 * The Office.js writer against the in-memory Excel stand-in (HyperFormula underneath): the inserted formulas
 * evaluate to the engine's values, edits recalculate like the engine, at most 3 round trips under the 5 MB limit,
 * re-insert is idempotent and keeps edits, the user's sheets are never touched, failures leave nothing behind.
 */
import {
  convertToValues,
  insertModel,
  PAYLOAD_LIMIT,
  readEditedAssumptions,
  readInsertedScenario,
  readSummary,
  renameSheetsInFormula,
  watchAssumptions,
  writeAssumption,
} from '../../src/taskpane/excelWriter';
import { buildModel, PERIODS } from '../../src/model';
import {
  buildPlan,
  colLetter,
  SHEET_NAMES,
  type CellAddress,
  type PlanOptions,
} from '../../src/workbook/plan';
import { createExcelStandIn, type ExcelStandIn } from '../support/excelStandIn';

const DATE = '2026-05-28';
const VERSION = 'kc-model test';
const USER_BALANCE = { A1: 'My own balance sheet', B2: 42, C3: '=B2*2' };

function at(c: CellAddress): string {
  return `${colLetter(c.col)}${c.row}`;
}

/** A formula as Excel shows it: quotes only around sheet names that need them. */
function shown(formula: string): string {
  return formula.replace(/'([A-Za-z_][A-Za-z0-9_.]*)'!/g, '$1!');
}

function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Formula cells whose stand-in value differs from the engine's for `expected`. */
function mismatches(standIn: ExcelStandIn, sheetName: (plan: string) => string, expected: PlanOptions) {
  const plan = buildPlan({ ...expected, date: DATE, version: VERSION });
  const first: string[] = [];
  let compared = 0;
  let count = 0;
  for (const sheet of plan.sheets) {
    const name = sheetName(sheet.name);
    for (const c of sheet.cells) {
      if (c.formula === undefined || c.cached === undefined) continue;
      compared++;
      const actual = standIn.valueAt(name, `${colLetter(c.col)}${c.row}`);
      const want =
        typeof c.cached === 'string' || typeof c.cached === 'boolean' ? c.cached : c.cached.toNumber();
      const ok =
        typeof want === 'number' && typeof actual === 'number' ? close(actual, want) : actual === want;
      if (!ok) {
        count++;
        if (first.length < 5)
          first.push(`${name}!${c.row},${c.col} ${c.what}: ${String(actual)} vs ${String(want)}`);
      }
    }
  }
  return { count, compared, first };
}

describe('insertModel into the Excel stand-in', () => {
  let standIn: ExcelStandIn;
  const plan = buildPlan({ date: DATE, version: VERSION });
  const names = (p: string) => (p === SHEET_NAMES.balance ? 'Balance Sheet (KC)' : p);

  beforeAll(async () => {
    standIn = createExcelStandIn();
    standIn.addSheet('Sheet1', { A1: 'notes', B1: 7 });
    standIn.addSheet('Balance Sheet', USER_BALANCE);
    standIn.resetCounters();
    const result = await insertModel(standIn.host, {
      scenario: 'base',
      overrides: {},
      date: DATE,
      version: VERSION,
    });
    expect(result.renamed).toEqual({ 'Balance Sheet': 'Balance Sheet (KC)' });
    expect(result.syncs).toBe(3);
  });

  it('writes every sheet beside the user sheets, and leaves those untouched', () => {
    expect(standIn.sheetNames()).toEqual([
      'Sheet1',
      'Balance Sheet',
      'Summary',
      'Assumptions',
      'Income Statement',
      'Balance Sheet (KC)',
      'Cash Flow',
      'Schedules',
      'Ratios',
      'DCF',
      'Checks',
      'Charts',
    ]);
    expect(standIn.sheetNames().every((s) => standIn.visibility(s) === 'Visible')).toBe(true);
    expect(standIn.valueAt('Balance Sheet', 'A1')).toBe('My own balance sheet');
    expect(standIn.valueAt('Balance Sheet', 'C3')).toBe(84);
    expect(standIn.formulaAt('Balance Sheet', 'C3')).toBe('=B2*2');
    expect(standIn.valueAt('Sheet1', 'B1')).toBe(7);
  });

  it("evaluates every formula to the engine's value (relative 1e-9)", () => {
    const result = mismatches(standIn, names, {});
    expect(result.first).toEqual([]);
    expect(result.compared).toBeGreaterThan(3000);
    expect(standIn.valueAt('Checks', at(plan.anchors.masterCheck))).toBe(true);
  });

  it('references the renamed sheet in cross-sheet formulas', () => {
    const formulas = plan.sheets
      .flatMap((s) => s.cells.filter((c) => c.formula?.includes("'Balance Sheet'!")).map((c) => ({ s, c })))
      .slice(0, 3);
    expect(formulas.length).toBeGreaterThan(0);
    for (const { s, c } of formulas)
      expect(standIn.formulaAt(names(s.name), `${colLetter(c.col)}${c.row}`)).toBe(
        shown(`=${renameSheetsInFormula(c.formula!, { 'Balance Sheet': 'Balance Sheet (KC)' })}`),
      );
  });

  it('uses 3 round trips, suspends calculation and screen updating while writing, each request under 5 MB', () => {
    expect(standIn.syncCount).toBe(3);
    const max = Math.max(...standIn.requestSizes);
    // The real size of the write batch (reported): about 2 MB.
    expect(max).toBeGreaterThan(500_000);
    expect(max).toBeLessThan(PAYLOAD_LIMIT);
    const write = standIn.syncLog[1];
    expect(write.calculationSuspended && write.screenSuspended).toBe(true);
    console.log(
      `request sizes (bytes): ${standIn.requestSizes.join(', ')}; requests: ${standIn.syncLog.map((s) => s.requests).join(', ')}`,
    );
  });

  it('writes formats: blue inputs, black formulas, green links, number formats, widths, frozen panes, names', () => {
    const wacc = plan.anchors.scalarInput.wacc.base;
    expect(standIn.format('Assumptions', at(wacc)).fontColor).toBe('#0000FF');
    const revenue = plan.anchors.lines.revenue[3];
    expect(standIn.format('Income Statement', at(revenue))).toMatchObject({
      fontColor: '#000000',
      numberFormat: '#,##0.0_);(#,##0.0)',
    });
    expect(standIn.format('Summary', 'D5').fontColor).toBe('#008000');
    expect(standIn.freeze('Income Statement')).toEqual({ rows: 3, cols: 3 });
    expect(standIn.columnWidth('Income Statement', 4)).toBeGreaterThan(40);
    const all = standIn.names();
    expect(all.find((n) => n.name === 'wacc')?.formula).toBe(
      `=Assumptions!${plan.names.find((n) => n.name === 'wacc')!.ref}`,
    );
    expect(all.find((n) => n.name === 'KC_SHEET_balance')).toMatchObject({
      formula: "='Balance Sheet (KC)'!$A$1",
      visible: false,
    });
  });

  it('adds native charts with series from the statement rows', () => {
    const charts = standIn.charts('Charts');
    expect(charts.map((c) => c.title)).toEqual([
      'Revenue (Rmb mn) and growth',
      'EBITDA margin',
      'AI-related vs other revenue (Rmb mn)',
      'Xiaomi/Kingsoft ecosystem vs other customers (Rmb mn)',
    ]);
    const model = buildModel();
    const [rev, growth] = charts[0].series;
    expect(rev.name).toBe('Total revenue (Rmb mn)');
    expect(rev.values).toHaveLength(4);
    rev.values.forEach((v, i) =>
      expect(close(v as number, model.value('revenue', PERIODS[i + 1].id)!.toNumber())).toBe(true),
    );
    expect(growth).toMatchObject({ chartType: 'Line', axisGroup: 'Secondary' });
    expect(charts[1].series[0].values.every((v) => typeof v === 'number' && v < 1)).toBe(true);
    expect(charts[2].series.map((s) => s.name)).toEqual(['AI-related revenue', 'Revenue other than AI']);
  });

  it('recalculates edits of WACC, a year of revenue growth and the selector like the engine', async () => {
    const wacc = at(plan.anchors.scalarInput.wacc.base);
    const growth = at(plan.anchors.seriesInput.revenueGrowth.base['2027E']);
    const selector = at(plan.anchors.selector);
    standIn.setValue('Assumptions', wacc, 0.11);
    standIn.setValue('Assumptions', growth, 0.2);
    let result = mismatches(standIn, names, { overrides: { wacc: '0.11', 'revenueGrowth.2027E': '0.2' } });
    expect(result.first).toEqual([]);
    expect(await readEditedAssumptions(standIn.host)).toEqual({ wacc: 0.11, 'revenueGrowth.2027E': 0.2 });
    standIn.setValue('Assumptions', selector, 2);
    // The edits were to the base case's inputs, and the bull case is changes to the base case: it moves with
    // them (WACC 11% - 0.5pp, 12/27E revenue growth 20% + 5pp).
    result = mismatches(standIn, names, {
      scenario: 'bull',
      overrides: { wacc: '0.105', 'revenueGrowth.2027E': '0.25' },
    });
    expect(result.first).toEqual([]);
    expect(mismatches(standIn, names, { scenario: 'bull' }).count).toBeGreaterThan(0);
    expect((await readInsertedScenario(standIn.host))?.selected).toBe('bull');
    standIn.setValue('Assumptions', selector, 1);
  });

  it('re-inserts in place: same sheets and formulas, edits kept', async () => {
    const before = standIn.sheetNames();
    const formulasBefore = standIn.formulaAt('DCF', 'E10');
    standIn.resetCounters();
    const result = await insertModel(standIn.host, {
      scenario: 'base',
      overrides: {},
      date: DATE,
      version: VERSION,
    });
    expect(standIn.syncCount).toBe(3);
    expect(standIn.sheetNames()).toEqual(before);
    expect(standIn.formulaAt('DCF', 'E10')).toBe(formulasBefore);
    expect(result.carried.map((c) => c.value).sort()).toEqual([0.11, 0.2]);
    const wacc = at(plan.anchors.scalarInput.wacc.base);
    expect(standIn.valueAt('Assumptions', wacc)).toBe(0.11);
    expect(
      mismatches(standIn, names, { overrides: { wacc: '0.11', 'revenueGrowth.2027E': '0.2' } }).first,
    ).toEqual([]);
    expect(standIn.valueAt('Balance Sheet', 'C3')).toBe(84);
    expect(standIn.names().filter((n) => n.formula.includes('#REF!'))).toEqual([]);
  });

  it('reset drops the edits', async () => {
    const result = await insertModel(standIn.host, {
      scenario: 'base',
      overrides: {},
      reset: true,
      date: DATE,
      version: VERSION,
    });
    expect(result.carried).toEqual([]);
    expect(mismatches(standIn, names, {}).first).toEqual([]);
    expect(await readEditedAssumptions(standIn.host)).toEqual({});
  });

  it('reads the summary and writes an assumption for the scenario in force', async () => {
    const model = buildModel();
    const summary = await readSummary(standIn.host);
    expect(summary).not.toBeNull();
    expect(close(summary!.targetPrice, model.dcf().targetPrice.toNumber())).toBe(true);
    expect(summary!.masterCheck).toBe(true);
    expect(close(summary!.revenue['2027E'], model.value('revenue', '2027E')!.toNumber())).toBe(true);
    let changes = 0;
    const stop = await watchAssumptions(standIn.host, () => changes++);
    await writeAssumption(standIn.host, 'wacc', undefined, 0.12);
    standIn.setValue('Assumptions', at(plan.anchors.scalarInput.terminalGrowth.base), 0.03);
    expect(changes).toBe(1);
    await stop();
    standIn.setValue('Assumptions', at(plan.anchors.scalarInput.terminalGrowth.base), 0.03);
    expect(changes).toBe(1);
    const after = await readSummary(standIn.host);
    expect(
      close(
        after!.targetPrice,
        buildModel({ overrides: { wacc: '0.12' } })
          .dcf()
          .targetPrice.toNumber(),
      ),
    ).toBe(true);
    await writeAssumption(standIn.host, 'wacc', undefined, 0.103);
  });

  it('leaves the workbook as it was when a write fails part-way', async () => {
    const before = standIn.snapshot();
    standIn.failOnSync(2);
    await expect(
      insertModel(standIn.host, { scenario: 'bear', overrides: {}, date: DATE, version: VERSION }),
    ).rejects.toThrow(/Injected/);
    expect(standIn.snapshot()).toBe(before);
    standIn.failWhenWriting('~KC');
    await expect(
      insertModel(standIn.host, {
        scenario: 'bull',
        overrides: { wacc: '0.1' },
        date: DATE,
        version: VERSION,
      }),
    ).rejects.toThrow(/Injected/);
    expect(standIn.snapshot()).toBe(before);
  });

  it('converts to values: value-only copies and a stamp', async () => {
    const { sheets } = await convertToValues(standIn.host, {
      scenario: 'base',
      version: VERSION,
      date: DATE,
    });
    expect(sheets[0]).toBe('KC values');
    expect(sheets).toContain('KC values – Income Statement');
    expect(standIn.valueAt('KC values', 'B2')).toBe('base');
    expect(standIn.valueAt('KC values', 'B3')).toBe(DATE);
    expect(standIn.valueAt('KC values', 'B4')).toBe(VERSION);
    const revenue = plan.anchors.lines.revenue[3];
    const copy = 'KC values – Income Statement';
    expect(standIn.formulaAt(copy, at(revenue))).toBe(standIn.valueAt('Income Statement', at(revenue)));
    expect(typeof standIn.formulaAt(copy, at(revenue))).toBe('number');
    for (const s of sheets)
      for (const a of ['A1', 'D4', 'E10', 'F20'])
        expect(String(standIn.formulaAt(s, a)).startsWith('=')).toBe(false);
  });
});

describe('insertModel failures on a fresh workbook', () => {
  it('removes the temporaries and the names it added', async () => {
    const standIn = createExcelStandIn();
    standIn.addSheet('Sheet1');
    const before = standIn.snapshot();
    standIn.failWhenWriting('~KC');
    await expect(insertModel(standIn.host, { scenario: 'base', overrides: {} })).rejects.toThrow(/Injected/);
    expect(standIn.snapshot()).toBe(before);
    expect(await readSummary(standIn.host)).toBeNull();
  });

  it('rejects bad overrides before touching the workbook', async () => {
    const standIn = createExcelStandIn();
    standIn.addSheet('Sheet1');
    await expect(
      insertModel(standIn.host, { scenario: 'base', overrides: { wacc: 'abc' } }),
    ).rejects.toThrow();
    expect(standIn.syncCount).toBe(0);
  });
});
