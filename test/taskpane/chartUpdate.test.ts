/**
 * Update redraws exactly the charts whose definition changed, sheet by sheet. The add-in names its charts per sheet
 * ("KC chart 1" on the Charts sheet and "KC chart 1" on the Valuation sheet), so what it records of each chart must be
 * per sheet too: a changed chart on one sheet is never judged by another sheet's chart of the same name. A redrawn
 * chart is deleted and added again, so it moves behind a chart the user drew on the sheet after Insert; a kept chart
 * stays in front of it.
 */
import { insertModel } from '../../src/taskpane/excelWriter';
import { STATE_KEY, type ModelState } from '../../src/taskpane/modelState';
import { CHARTS_SHEET, type PlanChart } from '../../src/workbook/charts';
import * as planModule from '../../src/workbook/plan';
import { createExcelStandIn, type ExcelStandIn } from '../support/excelStandIn';
import { DATE, insert, plan } from './helpers';

const p = plan();
const chartSheets = [...new Set(p.charts.map((c) => c.sheet))];
const other = chartSheets.find((s) => s !== CHARTS_SHEET)!;
const buildPlan = planModule.buildPlan;

/** A workbook with the model and, on each sheet with charts, a chart of the user's drawn after Insert. */
async function inserted(): Promise<ExcelStandIn> {
  const s = createExcelStandIn();
  s.addSheet('Sheet1');
  await insert(s);
  for (const sheet of chartSheets) s.addUserChart(sheet, `'${sheet}'!A1:B2`);
  return s;
}

/** Update with a plan whose charts are changed by `change` (the engine's figures are the same). */
async function updateWith(s: ExcelStandIn, change: (c: PlanChart) => PlanChart, tag: string): Promise<void> {
  const spy = jest.spyOn(planModule, 'buildPlan').mockImplementation((options) => {
    const built = buildPlan(options);
    return { ...built, charts: built.charts.map(change) };
  });
  try {
    // A version of its own, so the memo of plans never hands this plan to another test.
    await insertModel(s.host, { scenario: 'base', overrides: {}, date: DATE, version: tag });
  } finally {
    spy.mockRestore();
  }
}

const order = (s: ExcelStandIn, sheet: string) => s.charts(sheet).map((c) => `${c.name}: ${c.title}`);

describe('Update and the charts of two sheets', () => {
  it('has charts on the Charts sheet and on another sheet, named per sheet', () => {
    expect(chartSheets).toContain(CHARTS_SHEET);
    expect(chartSheets.length).toBeGreaterThanOrEqual(2);
  });

  it('redraws a changed chart on the second sheet, and no chart of the Charts sheet', async () => {
    const s = await inserted();
    const before = order(s, CHARTS_SHEET);
    await updateWith(
      s,
      (c) => (c.sheet === other ? { ...c, title: `${c.title} (new definition)` } : c),
      'changed chart on the second sheet',
    );
    const mine = p.charts.filter((c) => c.sheet === other);
    // The user's chart first: every add-in chart on the sheet was redrawn, with its new title.
    expect(order(s, other)).toEqual([
      `Chart ${mine.length + 1}: `,
      ...mine.map((c, i) => `KC chart ${i + 1}: ${c.title} (new definition)`),
    ]);
    expect(order(s, CHARTS_SHEET)).toEqual(before);
  });

  it("redraws a changed chart on the Charts sheet, and not the second sheet's chart of the same name", async () => {
    const s = await inserted();
    const before = order(s, other);
    const first = p.charts.find((c) => c.sheet === CHARTS_SHEET)!;
    await updateWith(
      s,
      (c) =>
        c.sheet === CHARTS_SHEET && c.title === first.title
          ? { ...c, title: `${c.title} (new definition)` }
          : c,
      'changed chart on the Charts sheet',
    );
    const charts = order(s, CHARTS_SHEET);
    expect(charts[charts.length - 1]).toBe(`KC chart 1: ${first.title} (new definition)`);
    expect(charts.filter((c) => c.startsWith('KC chart 1:'))).toHaveLength(1);
    expect(order(s, other)).toEqual(before);
  });

  it('keeps every chart when nothing about the charts changed', async () => {
    const s = await inserted();
    const before = chartSheets.map((sheet) => order(s, sheet));
    await updateWith(s, (c) => c, 'unchanged charts');
    expect(chartSheets.map((sheet) => order(s, sheet))).toEqual(before);
  });

  it('reads a record from before charts were kept per sheet: same layout, charts kept; new layout, redrawn', async () => {
    const s = await inserted();
    // Such a record keyed each chart by its position in the whole plan: "KC chart 1" ... over both sheets.
    const state = s.settings()[STATE_KEY] as ModelState;
    const legacy = Object.fromEntries(Object.values(state.charts).map((h, i) => [`KC chart ${i + 1}`, h]));
    expect(Object.keys(legacy)).toHaveLength(p.charts.length);
    await s.host.run(async (context) => {
      context.workbook.settings.add(STATE_KEY, { ...state, charts: legacy });
      await context.sync();
    });
    const before = chartSheets.map((sheet) => order(s, sheet));
    await updateWith(s, (c) => c, 'legacy record, same layout');
    expect(chartSheets.map((sheet) => order(s, sheet))).toEqual(before);
    const rewritten = (s.settings()[STATE_KEY] as ModelState).charts;
    expect(Object.keys(rewritten).sort()).toEqual(
      chartSheets
        .flatMap((sheet) =>
          p.charts.filter((c) => c.sheet === sheet).map((_, i) => `${sheet}|KC chart ${i + 1}`),
        )
        .sort(),
    );

    await s.host.run(async (context) => {
      context.workbook.settings.add(STATE_KEY, {
        ...(s.settings()[STATE_KEY] as ModelState),
        charts: legacy,
      });
      await context.sync();
    });
    await updateWith(s, (c) => ({ ...c, title: `${c.title} (new definition)` }), 'legacy record, new layout');
    for (const sheet of chartSheets) {
      const mine = p.charts.filter((c) => c.sheet === sheet);
      expect(order(s, sheet)).toEqual([
        `Chart ${mine.length + 1}: `,
        ...mine.map((c, i) => `KC chart ${i + 1}: ${c.title} (new definition)`),
      ]);
    }
  });
});
