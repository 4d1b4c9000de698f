/**
 * Following the model: handlers added inside Excel.run and removed with Excel.run(context) as Microsoft's events
 * article shows; they keep firing after Update and Reset (the sheets are rewritten in place, not deleted), and a pane
 * that registers anew after reopening the workbook follows it again. In Manual mode a change does not calculate; F9
 * does, and says so with onCalculated.
 */
import { watchModel, type ModelEvent } from '../../src/taskpane/excelWriter';
import { SHEET_NAMES } from '../../src/workbook/plan';
import { createExcelStandIn, type ExcelStandIn } from '../support/excelStandIn';
import { at, insert, plan, tick } from './helpers';

const A = SHEET_NAMES.assumptions;
const wacc = at(plan().anchors.scalarInput.wacc.base);

async function watched(s: ExcelStandIn): Promise<{ seen: ModelEvent[]; stop: () => Promise<void> }> {
  const seen: ModelEvent[] = [];
  const stop = await watchModel(s.host, (e) => seen.push(e));
  return { seen, stop };
}

describe('watchModel', () => {
  let s: ExcelStandIn;

  beforeAll(async () => {
    s = createExcelStandIn();
    s.addSheet('Sheet1');
    await insert(s);
  });

  it('reports edits of the inputs and the calculations after them, and stops on request', async () => {
    const { seen, stop } = await watched(s);
    s.setValue(A, wacc, 0.11);
    await tick();
    expect(seen).toEqual(['changed', 'calculated']);
    await stop();
    s.setValue(A, wacc, 0.12);
    await tick();
    expect(seen).toEqual(['changed', 'calculated']);
  });

  it('keeps firing after Update and Reset: the sheets are rewritten in place', async () => {
    const { seen, stop } = await watched(s);
    await insert(s, 'bear');
    await insert(s, 'bear', {}, true);
    await tick();
    seen.length = 0;
    s.setValue(A, wacc, 0.115);
    await tick();
    expect(seen).toContain('changed');
    await stop();
  });

  it('does not survive closing the workbook; registering again after reopening follows it', async () => {
    const { seen, stop } = await watched(s);
    s.reopen();
    s.setValue(A, wacc, 0.1);
    await tick();
    expect(seen).toEqual([]);
    await expect(stop()).rejects.toThrow(/InvalidObjectPath/);
    const again = await watched(s);
    s.setValue(A, wacc, 0.105);
    await tick();
    expect(again.seen).toContain('changed');
    await again.stop();
  });

  it('in Manual mode reports the change, and the calculation only after F9', async () => {
    s.calculationMode = 'Manual';
    const { seen, stop } = await watched(s);
    s.setValue(A, wacc, 0.1);
    await tick();
    expect(seen).toEqual(['changed']);
    s.calculateNow();
    await tick();
    expect(seen).toEqual(['changed', 'calculated']);
    await stop();
    s.calculationMode = 'Automatic';
  });

  it('refuses when the model is not in the workbook', async () => {
    const empty = createExcelStandIn();
    empty.addSheet('Sheet1');
    await expect(watchModel(empty.host, () => undefined)).rejects.toThrow(/insert it first/);
  });
});
