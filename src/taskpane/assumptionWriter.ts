/// <reference types="office-js" />
/**
 * Writes one assumption from the pane into its input cell on the Assumptions sheet, for the scenario the selector is
 * on. The cell is found by driver, scenario block and period in the recorded state (so rows the user inserted above
 * the inputs do not matter). The base case's inputs are values; another case's inputs are its changes to the base
 * case, so there the pane writes the value less the base input. A number only: the pane never writes text or
 * formulas.
 */
import { findDriver, PERIODS, SCENARIO_NAMES } from '../model';
import { rectAddress } from './addresses';
import type { ExcelHost } from './excelHost';
import { locateInputs } from './inputLocator';
import { labelOfKey, SELECTOR_KEY } from './layout';
import { notInserted } from './workbookErrors';
import { readWorkbook } from './workbookView';

const heading = (period: string) => PERIODS.find((p) => p.id === period)?.heading ?? period;

/** Writes `value` for driver `id` (and `period` for per-year drivers) in the selected scenario's inputs. */
export async function writeAssumption(
  host: ExcelHost,
  id: string,
  period: string | undefined,
  value: number,
): Promise<void> {
  const def = findDriver(id);
  // Messages name the input as the sheet does ("Revenue growth (y/y) 12/27E"), never by its id.
  const label = def ? `${def.label}${period ? ` ${heading(period)}` : ''}` : `The input ${id}`;
  if (!Number.isFinite(value)) throw new Error(`${label}: ${value} is not a number.`);
  await host.run(async (context) => {
    const view = await readWorkbook(context);
    const located = view.state ? locateInputs(view) : null;
    if (!located) throw notInserted();
    const selector = located.cells.get(SELECTOR_KEY);
    const ws = context.workbook.worksheets.getItem(located.sheet);
    const one = (c: { row: number; col: number }) =>
      ws.getRange(rectAddress({ row1: c.row, col1: c.col, row2: c.row, col2: c.col }));
    const keyOf = (block: string) => (period === undefined ? `${id}|${block}` : `${id}|${block}|${period}`);
    const baseCell = located.cells.get(keyOf(SCENARIO_NAMES[0]));
    const sel = selector ? one(selector).load('values') : null;
    const base = baseCell ? one(baseCell).load('values') : null;
    await context.sync();
    const v = sel?.values[0][0];
    const scenario =
      typeof v === 'number' && SCENARIO_NAMES[v - 1] ? SCENARIO_NAMES[v - 1] : view.state!.scenario;
    const key = keyOf(scenario);
    const cell = located.cells.get(key);
    if (!cell) {
      const periods = [...located.cells.keys()]
        .filter((k) => k.startsWith(`${id}|${scenario}|`))
        .map((k) => k.split('|')[2]);
      throw new Error(
        periods.length
          ? `The model in this workbook has ${def?.label ?? label} only for ${periods.map(heading).join(', ')}.`
          : `The model in this workbook has no input for ${label}: Update model writes every input.`,
      );
    }
    const baseValue = base?.values[0][0];
    const isBase = scenario === SCENARIO_NAMES[0];
    if (!isBase && typeof baseValue !== 'number')
      throw new Error(
        `${labelOfKey(keyOf(SCENARIO_NAMES[0]))} on the Assumptions sheet is not a number, so the ${scenario} ` +
          "case's change to it cannot be set: type a number there first.",
      );
    one(cell).values = [[isBase ? value : value - (baseValue as number)]];
    await context.sync();
  });
}
