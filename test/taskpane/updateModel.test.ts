/**
 * Update and Reset rewrite the add-in's sheets in place: the user's formula, chart and name that point into the model
 * keep working and show the new figures; the user's edited inputs are carried by driver, scenario block and period;
 * ownership survives inserted rows and columns; a workbook the add-in must not change is left exactly as it was.
 */
import { readEditedAssumptions, readSummary, type InsertResult } from '../../src/taskpane/excelWriter';
import { STATE_KEY, type ModelState } from '../../src/taskpane/modelState';
import { buildModel } from '../../src/model';
import { SHEET_NAMES } from '../../src/workbook/plan';
import { createExcelStandIn, type ExcelStandIn } from '../support/excelStandIn';
import { at, close, engine, insert, lineCell, mismatches, plan } from './helpers';

const A = SHEET_NAMES.assumptions;
const p = plan();
const revenue2027 = lineCell(p, 'revenue', 3);
const growthBull2027 = p.anchors.seriesInput.revenueGrowth.bull['2027E'];
const waccBase = p.anchors.scalarInput.wacc.base;
/**
 * The edits: the base WACC to 11%, and the bull case's change to 12/27E revenue growth from +5pp to +10pp. Bull is
 * changes to the base case, so with both the bull case has WACC 11% - 0.5pp and growth base + 10pp.
 */
const BULL_GROWTH_CHANGE = 0.1;
const BULL_EDITS = {
  wacc: '0.105',
  'revenueGrowth.2027E': buildModel()
    .assumptions.series.revenueGrowth['2027E']!.plus(BULL_GROWTH_CHANGE)
    .toString(),
};

/** A workbook with the model, a user sheet linking into it (formula, name, chart) and two edited inputs. */
async function modelWithLinks(): Promise<ExcelStandIn> {
  const s = createExcelStandIn();
  s.addSheet('Sheet1');
  await insert(s);
  const ref = `'${revenue2027.sheet}'!${at(revenue2027)}`;
  s.addName('myRevenue', `='${revenue2027.sheet}'!$${at(revenue2027).replace(/(\d+)/, '$$$1')}`);
  s.addSheet('Links', { A1: `=${ref}`, A2: '=myRevenue*2' });
  s.addUserChart('Links', `'${revenue2027.sheet}'!A${revenue2027.row - 1}:O${revenue2027.row}`);
  s.setValue(A, at(waccBase), 0.11);
  s.setValue(A, at(growthBull2027), BULL_GROWTH_CHANGE);
  return s;
}

describe('Update in place', () => {
  let s: ExcelStandIn;
  let sheetsBefore: string[];
  let result: InsertResult;

  beforeAll(async () => {
    s = await modelWithLinks();
    sheetsBefore = s.sheetNames();
    s.resetCounters();
    result = await insert(s, 'bull');
  });

  it('rewrites the sheets in place: no sheet deleted or added, 3 round trips', () => {
    expect(s.sheetNames()).toEqual(sheetsBefore);
    expect(result.syncs).toBe(3);
    expect(Math.max(...s.requestSizes)).toBeLessThan(5 * 1024 * 1024);
  });

  it('carries the edited inputs by driver, scenario and period; the model matches the engine with them', () => {
    expect(result.carried.map((c) => [c.key, c.value]).sort()).toEqual([
      ['revenueGrowth|bull|2027E', BULL_GROWTH_CHANGE],
      ['wacc|base', 0.11],
    ]);
    expect(s.valueAt(A, at(waccBase))).toBe(0.11);
    expect(mismatches(s, plan('bull', BULL_EDITS)).first).toEqual([]);
  });

  it("keeps the user's formula, name and chart into the model working, with the new figures", () => {
    const want = engine('revenue', '2027E', 'bull', BULL_EDITS);
    expect(close(s.valueAt('Links', 'A1') as number, want)).toBe(true);
    expect(close(s.valueAt('Links', 'A2') as number, 2 * want)).toBe(true);
    expect(s.formulaAt('Links', 'A1')).toBe(`='${revenue2027.sheet}'!${at(revenue2027)}`);
    const series = s.charts('Links')[0].series[0];
    expect(series.source).toContain(revenue2027.sheet);
    expect(close(series.values[revenue2027.col - 2] as number, want)).toBe(true); // values from column B
  });

  it('reads the edits back for the selected scenario', async () => {
    // Each edited driver's live value in the bull case: base input + the bull case's change.
    const edited = await readEditedAssumptions(s.host);
    expect(Object.keys(edited!).sort()).toEqual(['revenueGrowth.2027E', 'wacc']);
    expect(close(edited!.wacc as number, 0.105)).toBe(true);
    expect(close(edited!['revenueGrowth.2027E'] as number, Number(BULL_EDITS['revenueGrowth.2027E']))).toBe(
      true,
    );
  });

  it('Reset drops the edits and keeps the links', async () => {
    const reset = await insert(s, 'bull', {}, true);
    expect(reset.carried).toEqual([]);
    expect(mismatches(s, plan('bull')).first).toEqual([]);
    expect(close(s.valueAt('Links', 'A1') as number, engine('revenue', '2027E', 'bull'))).toBe(true);
    expect(await readEditedAssumptions(s.host)).toEqual({});
  });
});

describe('ownership and inputs after rows and columns are inserted or deleted', () => {
  it('keeps its sheets when rows and columns are inserted or deleted on them; Update restores the layout', async () => {
    const s = createExcelStandIn();
    s.addSheet('Sheet1');
    await insert(s);
    const names = s.sheetNames();
    s.insertRows(SHEET_NAMES.income, 1, 2);
    s.insertColumns(SHEET_NAMES.ratios, 'B');
    s.deleteRows(SHEET_NAMES.checks, 5, 1);
    s.deleteColumns(SHEET_NAMES.dcf, 'C');
    const result = await insert(s);
    expect(s.sheetNames()).toEqual(names);
    expect(result.renamed).toEqual({});
    expect(mismatches(s, plan()).first).toEqual([]);
  });

  it('follows the inputs when rows are inserted above them', async () => {
    const s = createExcelStandIn();
    s.addSheet('Sheet1');
    await insert(s);
    s.insertRows(A, 1, 3);
    const moved = { row: waccBase.row + 3, col: waccBase.col };
    s.setValue(A, at(moved), 0.095);
    expect(await readEditedAssumptions(s.host)).toEqual({ wacc: 0.095 });
    const result = await insert(s);
    expect(result.carried.map((c) => c.key)).toEqual(['wacc|base']);
    expect(s.valueAt(A, at(waccBase))).toBe(0.095);
    expect(mismatches(s, plan('base', { wacc: '0.095' })).first).toEqual([]);
  });

  it('refuses to guess, changing nothing, when rows were inserted among the inputs; Reset still works', async () => {
    const s = createExcelStandIn();
    s.addSheet('Sheet1');
    await insert(s);
    s.insertRows(A, waccBase.row + 1, 1);
    s.setValue(A, at(waccBase), 0.12);
    const before = s.snapshot();
    await expect(insert(s)).rejects.toThrow(/inserted or deleted among the inputs/);
    expect(s.snapshot()).toBe(before);
    await insert(s, 'base', {}, true);
    expect(mismatches(s, plan()).first).toEqual([]);
  });
});

describe('model sheets the user renamed or deleted', () => {
  it('keeps a renamed sheet as its own and writes formulas with the new name', async () => {
    const s = createExcelStandIn();
    s.addSheet('Sheet1');
    await insert(s);
    s.renameSheet(SHEET_NAMES.income, 'IS');
    const result = await insert(s, 'bear');
    expect(result.sheets).toContain('IS');
    expect(s.sheetNames()).not.toContain(SHEET_NAMES.income);
    expect(mismatches(s, plan('bear'), (x) => (x === SHEET_NAMES.income ? 'IS' : x)).first).toEqual([]);
  });

  it("writes a deleted sheet again; the model and its names work again (the user's own #REF! stay, as in Excel)", async () => {
    const s = createExcelStandIn();
    s.addSheet('Sheet1');
    await insert(s);
    s.addSheet('Mine', { A1: `='${SHEET_NAMES.cashFlow}'!A1` });
    s.deleteSheet(SHEET_NAMES.cashFlow);
    expect(s.valueAt('Mine', 'A1')).toBe('#REF!');
    await insert(s);
    expect(s.sheetNames()).toContain(SHEET_NAMES.cashFlow);
    expect(mismatches(s, plan()).first).toEqual([]);
    expect(s.names().filter((n) => n.formula.includes('#REF!'))).toEqual([]);
    expect(s.valueAt('Mine', 'A1')).toBe('#REF!');
  });
});

describe('names the add-in does not own', () => {
  it("stops, changing nothing, when a name it needs became the user's", async () => {
    const s = createExcelStandIn();
    s.addSheet('Sheet1', { A1: 0.25 });
    await insert(s);
    s.deleteName('upside');
    s.addName('upside', '=Sheet1!$A$1');
    const before = s.snapshot();
    await expect(insert(s)).rejects.toThrow(/upside \(=Sheet1!\$A\$1\)/);
    expect(s.snapshot()).toBe(before);
  });
});

describe('a workbook written in another layout (an older add-in)', () => {
  it('says what changed and moves the edited inputs by driver and period, never by address', async () => {
    const s = createExcelStandIn();
    s.addSheet('Sheet1');
    await insert(s);
    // The "older layout": two more rows above the scalar drivers. Excel moves every formula, name and marker; the
    // older add-in's record would have the inputs two rows lower and another layout version.
    s.insertRows(A, waccBase.row - 1, 2);
    const older = { row: waccBase.row + 2, col: waccBase.col };
    s.setValue(A, at(older), 0.105);
    const state = s.settings()[STATE_KEY] as ModelState;
    const shift = (a: string) =>
      a.replace(/(\d+)/, (row) => String(Number(row) >= waccBase.row - 1 ? Number(row) + 2 : Number(row)));
    const oldState: ModelState = {
      ...state,
      layout: 'Lolder',
      inputs: {
        ...Object.fromEntries(Object.entries(state.inputs).map(([k, [a, v]]) => [k, [shift(a), v]])),
        // An input the older layout had and this one does not.
        'retiredDriver|base': ['B2', 1],
      },
      inputsBox: s
        .names()
        .find((n) => n.name === 'KC_INPUTS')!
        .formula.split('!')[1]
        .replace(/\$/g, ''),
    };
    s.setValue(A, 'B2', 7);
    await s.host.run(async (context) => {
      context.workbook.settings.add(STATE_KEY, oldState);
      await context.sync();
    });
    const result = await insert(s);
    expect(result.layoutChange).toMatchObject({ from: 'Lolder', moved: 1 });
    expect(result.layoutChange!.dropped).toEqual([
      { key: 'retiredDriver|base', label: 'retiredDriver (base case)', value: 7 },
    ]);
    expect(result.carried.map((c) => [c.key, c.value])).toEqual([['wacc|base', 0.105]]);
    expect(s.valueAt(A, at(waccBase))).toBe(0.105);
    expect(mismatches(s, plan('base', { wacc: '0.105' })).first).toEqual([]);
    expect(close((await readSummary(s.host))!.targetPrice, engineTp({ wacc: '0.105' }))).toBe(true);
  });
});

function engineTp(overrides: Record<string, string>): number {
  return buildModel({ overrides }).dcf().targetPrice.toNumber();
}
