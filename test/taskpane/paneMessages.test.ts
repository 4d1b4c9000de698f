/**
 * Messages the pane shows from the workbook side (issue 11: "Messages show internal ids and fractions"): writing an
 * assumption that cannot be written, and what an Update reports about edits the new layout has no cell for. Each
 * must name the input by its label and show values in their unit.
 */
import { describeInsert } from '../../src/taskpane/excelPort';
import { writeAssumption, type InsertResult } from '../../src/taskpane/excelWriter';
import { SHEET_NAMES } from '../../src/workbook/plan';
import { createExcelStandIn, type ExcelStandIn } from '../support/excelStandIn';
import { notInUserWords } from '../support/userWords';
import { at, insert, plan } from './helpers';

describe('writing an assumption: failures in the user’s words', () => {
  let standIn: ExcelStandIn;
  const p = plan();
  const sheet = SHEET_NAMES.assumptions;

  beforeAll(async () => {
    standIn = createExcelStandIn();
    standIn.addSheet('Sheet1');
    await insert(standIn);
  });

  it('a base input that is not a number, while the bull case is selected', async () => {
    standIn.setValue(sheet, at(p.anchors.scalarInput.wacc.base), 'n/a');
    standIn.setValue(sheet, at(p.anchors.selector), 2);
    const error = await writeAssumption(standIn.host, 'wacc', undefined, 0.12).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      "WACC (base case) on the Assumptions sheet is not a number, so the bull case's change to it cannot be set: " +
        'type a number there first.',
    );
    expect(notInUserWords((error as Error).message)).toBeNull();
    standIn.setValue(sheet, at(p.anchors.selector), 1);
    standIn.setValue(sheet, at(p.anchors.scalarInput.wacc.base), 0.103);
  });

  it('a period the model has no input for', async () => {
    const error = await writeAssumption(standIn.host, 'cashCogsRatio', '2031E', 0.5).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      'The model in this workbook has Cash COGS / revenue (COGS excl. D&A) only for 12/26E, 12/27E, 12/28E.',
    );
    expect(notInUserWords((error as Error).message)).toBeNull();
  });

  it('a value that is not a number', async () => {
    const error = await writeAssumption(standIn.host, 'revenueGrowth', '2027E', Infinity).catch(
      (e: Error) => e,
    );
    expect((error as Error).message).toBe('Revenue growth 12/27E: Infinity is not a number.');
    expect(notInUserWords((error as Error).message)).toBeNull();
  });
});

describe('what an Update reports', () => {
  const result = (dropped: { key: string; label: string; value: number | string }[]): InsertResult =>
    ({
      firstInsert: false,
      sheets: [],
      renamed: {},
      carried: [],
      prefixedNames: false,
      layoutChange: { from: 'L1', to: 'L2', moved: 0, dropped, sheetsAdded: [] },
      calculated: true,
      syncs: 3,
    }) as unknown as InsertResult;

  it('shows the edits the new layout has no cell for in their unit', () => {
    const { notes } = describeInsert(
      result([
        { key: 'wacc|base', label: 'WACC (base case)', value: 0.11 },
        {
          key: 'fixedAssetIntensityTerminal|bull',
          label: 'Net fixed assets / revenue from 12/34E (x) (bull case)',
          value: -0.05,
        },
        { key: 'wacc|bear', label: 'WACC (bear case)', value: 'n/a' },
      ]),
    );
    const note = notes.find((n) => n.startsWith('The new layout has no cell'))!;
    expect(note).toBe(
      'The new layout has no cell for these edited inputs (re-enter them if still needed): WACC (base case) = 11.0%; ' +
        'Net fixed assets / revenue from 12/34E (x) (bull case) = -0.05x; WACC (bear case) = n/a.',
    );
    for (const n of notes) expect(notInUserWords(n)).toBeNull();
  });
});
