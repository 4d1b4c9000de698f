/**
 * Update with a failure injected at every round trip and on every sheet: the user's edited inputs are never lost, the
 * user's sheets and names are never touched, and running Update again repairs the model (one workbook, case after
 * case, each starting from the previous repair).
 */
import { buildModel } from '../../src/model';
import { STATE_KEY, type ModelState } from '../../src/taskpane/modelState';
import { SHEET_NAMES } from '../../src/workbook/plan';
import { createExcelStandIn, type ExcelStandIn } from '../support/excelStandIn';
import { FAILURES, userPart } from './failureCases';
import { at, close, engine, insert, lineCell, mismatches, plan } from './helpers';

const A = SHEET_NAMES.assumptions;
const p = plan();
const waccBase = p.anchors.scalarInput.wacc.base;
const growthBull = p.anchors.seriesInput.revenueGrowth.bull['2027E'];
const revenue = lineCell(p, 'revenue', 3);
/** The bull case's change to 12/27E growth is edited to +10pp and the base WACC to 11%: bull reads both. */
const BULL_GROWTH_CHANGE = 0.1;
const EDITS = {
  wacc: '0.105',
  'revenueGrowth.2027E': buildModel()
    .assumptions.series.revenueGrowth['2027E']!.plus(BULL_GROWTH_CHANGE)
    .toString(),
};

describe('Update fails part-way', () => {
  let s: ExcelStandIn;
  const user = () => userPart(s, ['Sheet1', 'Links'], ['myRevenue', 'mine']);

  beforeAll(async () => {
    s = createExcelStandIn();
    s.addSheet('Sheet1', { A1: 'notes', B1: 3 });
    s.addName('mine', '=Sheet1!$B$1');
    await insert(s, 'bull');
    s.addName('myRevenue', `='${revenue.sheet}'!${at(revenue).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')}`);
    s.addSheet('Links', { A1: `='${revenue.sheet}'!${at(revenue)}`, A2: '=myRevenue+mine' });
    s.setValue(A, at(waccBase), 0.11);
    s.setValue(A, at(growthBull), BULL_GROWTH_CHANGE);
  });

  it.each(FAILURES.map((f) => [f.label, f]))(
    'at %s: nothing of the user lost, Update again repairs',
    async (_, f) => {
      const before = user();
      f.inject(s);
      await expect(insert(s, 'bull')).rejects.toThrow(/Injected/);
      expect(user()).toBe(before);
      // The edits are on the sheet still, or kept in the pending state when the inputs were being rewritten.
      const state = s.settings()[STATE_KEY] as ModelState;
      expect(state.pending?.stage).toBe(f.stage);
      if (state.pending?.stage === 'inputs')
        expect(state.pending.carried).toEqual({
          'wacc|base': 0.11,
          'revenueGrowth|bull|2027E': BULL_GROWTH_CHANGE,
        });
      else {
        expect(s.valueAt(A, at(waccBase))).toBe(0.11);
        expect(s.valueAt(A, at(growthBull))).toBe(BULL_GROWTH_CHANGE);
      }
      const repaired = await insert(s, 'bull');
      expect(repaired.syncs).toBe(3);
      expect(user()).toBe(before);
      expect(s.valueAt(A, at(waccBase))).toBe(0.11);
      expect(s.valueAt(A, at(growthBull))).toBe(BULL_GROWTH_CHANGE);
      expect((s.settings()[STATE_KEY] as ModelState).pending).toBeUndefined();
      expect(mismatches(s, plan('bull', EDITS)).first).toEqual([]);
      const want = engine('revenue', '2027E', 'bull', EDITS);
      expect(close(s.valueAt('Links', 'A1') as number, want)).toBe(true);
      expect(close(s.valueAt('Links', 'A2') as number, want + 3)).toBe(true);
      expect(s.sheetNames()).toEqual(['Sheet1', ...p.sheets.map((x) => x.name), 'Links']);
    },
  );
});
