/**
 * A first Insert with a failure injected at every round trip and on every sheet, into a workbook with a user's sheet
 * "Balance Sheet" and a user's name wacc: neither is ever touched, and running Insert again completes the model
 * without a second copy of any sheet.
 */
import { STATE_KEY, type ModelState } from '../../src/taskpane/modelState';
import { createExcelStandIn } from '../support/excelStandIn';
import { FAILURES, userPart } from './failureCases';
import { insert, mismatches, plan, sheetOf } from './helpers';

const p = plan();

describe('Insert fails part-way', () => {
  it.each(FAILURES.map((f) => [f.label, f]))(
    "at %s: the user's sheet and name untouched, Insert again completes",
    async (_, f) => {
      const s = createExcelStandIn();
      s.addSheet('Sheet1', { A1: 0.09 });
      s.addSheet('Balance Sheet', { A1: 'mine', B2: 42, C3: '=B2*2' });
      s.addName('wacc', '=Sheet1!$A$1');
      const user = () => userPart(s, ['Sheet1', 'Balance Sheet'], ['wacc']);
      const before = user();
      f.inject(s);
      await expect(insert(s)).rejects.toThrow(/Injected/);
      expect(user()).toBe(before);
      expect((s.settings()[STATE_KEY] as ModelState | undefined)?.pending?.stage).toBe(f.stage);
      const result = await insert(s);
      expect(user()).toBe(before);
      expect(result.renamed).toEqual({ 'Balance Sheet': 'Balance Sheet (KC)' });
      expect(s.sheetNames()).toEqual([
        'Sheet1',
        'Balance Sheet',
        ...p.sheets.map((x) => sheetOf(result, x.name)),
      ]);
      expect(mismatches(s, p, (x) => sheetOf(result, x)).first).toEqual([]);
      expect((s.settings()[STATE_KEY] as ModelState).pending).toBeUndefined();
      expect(s.names().find((n) => n.name === 'wacc')?.formula).toBe('=Sheet1!$A$1');
    },
  );
});
