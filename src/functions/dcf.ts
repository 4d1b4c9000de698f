/**
 * KC.DCF's body. One WACC and one growth rate read the memoized model. A grid (a row or column of WACCs and/or of
 * growth rates) is evaluated the way the engine's own sensitivityGrid does it, by calling it once with both axes:
 * one statement build per growth row, then only the DCF per cell. Each cell is checked first exactly as
 * KC.DCF(that WACC, that growth) would be, so a bad rate or a WACC at or below growth errs in its own cell.
 */
import {
  assumptionsFor,
  buildModel,
  ModelError,
  sensitivityGrid,
  type DcfOutput,
  type Decimal,
  type KcModel,
} from '../model';
import type { AssumptionOverrides, Axis, Rate } from './arguments';
import { badArgument, blamed, FunctionError } from './errors';
import { excelNumber, type Cell, type Spill } from './spill';

/** What KC.DCF computes on: the output and the model options the scenario and assumptions arguments give. */
export interface DcfRequest {
  output: DcfOutput;
  scenario: string;
  overrides: AssumptionOverrides;
}

/** The arguments a grid cell's error is blamed on when both rates (or their pair) are at fault. */
const GRID = 'wacc, terminal_growth';

/** One axis cell, once read: a rate to set, the scenario's own (undefined), a blank, or the cell's error. */
type AxisCell = Axis['cells'][number];

/** KC.DCF: one value, or the grid spilled in the shape of the axes (growth rates down, WACCs across, or transposed). */
export function dcfValues(waccs: Axis, growths: Axis, request: DcfRequest): Spill {
  const [w, g] = [waccs.orientation, growths.orientation];
  if (w === 'single' && g === 'single') return [[single(waccs.cells[0], growths.cells[0], request)]];
  if (w !== 'single' && w === g)
    throw badArgument(
      GRID,
      'for a sensitivity grid give the WACCs in a row and the terminal growth rates in a column.',
    );
  const grid = gridValues(waccs.cells, growths.cells, request);
  return w === 'column' || g === 'row' ? grid[0].map((_, c) => grid.map((row) => row[c])) : grid;
}

/** Which argument a model error comes from, given which rates the call sets. */
function blame(setW: boolean, setG: boolean) {
  return (error: ModelError): string => {
    if (error.code === 'UNKNOWN_SCENARIO') return 'scenario';
    if ((error.code === 'WACC_NOT_ABOVE_GROWTH' || error.code === 'NUMERIC') && (setW || setG)) return GRID;
    if (error.subject === 'wacc' && setW) return 'wacc';
    if (error.subject === 'terminalGrowth' && setG) return 'terminal_growth';
    return 'assumptions';
  };
}

/** Errors in these arguments stay in their cell of a grid; any other fails the whole call. */
const PER_CELL = new Set(['wacc', 'terminal_growth', GRID]);

/** The assumptions with the rates a cell sets on top. */
function withRates(overrides: AssumptionOverrides, wacc: Rate, growth: Rate): AssumptionOverrides {
  const set: AssumptionOverrides = Object.assign(Object.create(null) as AssumptionOverrides, overrides);
  if (wacc !== undefined) set.wacc = wacc;
  if (growth !== undefined) set.terminalGrowth = growth;
  return set;
}

/** KC.DCF(one WACC, one growth): the memoized model, shared with every other function given the same arguments. */
function single(wCell: AxisCell, gCell: AxisCell, { output, scenario, overrides }: DcfRequest): Cell {
  for (const cell of [wCell, gCell]) if (cell.kind === 'error') return cell.error;
  const wacc = wCell.kind === 'value' ? wCell.value : undefined;
  const growth = gCell.kind === 'value' ? gCell.value : undefined;
  const setW = wacc !== undefined;
  const setG = growth !== undefined;
  const model: KcModel = blamed(
    () => buildModel({ scenario, overrides: withRates(overrides, wacc, growth) }),
    blame(setW, setG),
  );
  return excelNumber(model.dcf()[output], setW || setG ? GRID : 'output', 'the DCF value');
}

/** A grid cell's WACC and growth as the model reads them. */
type Rates = { wacc: Decimal; growth: Decimal };

/** A grid cell once checked: its rates, a blank, or its error. */
type Checked = Rates | Cell;

const isRates = (c: Checked | undefined): c is Rates =>
  typeof c === 'object' && !(c instanceof FunctionError);

/** Checks a grid cell as KC.DCF(that WACC, that growth) would: an error the rates cause stays in the cell. */
function check(wCell: AxisCell, gCell: AxisCell, { scenario, overrides }: DcfRequest): Checked {
  if (wCell.kind === 'blank' || gCell.kind === 'blank') return '';
  if (wCell.kind === 'error') return wCell.error;
  if (gCell.kind === 'error') return gCell.error;
  const [wacc, growth] = [wCell.value, gCell.value];
  try {
    const set = blamed(
      () => assumptionsFor({ scenario, overrides: withRates(overrides, wacc, growth) }),
      blame(wacc !== undefined, growth !== undefined),
    );
    return { wacc: set.scalars.wacc, growth: set.scalars.terminalGrowth };
  } catch (error) {
    if (error instanceof FunctionError && PER_CELL.has(error.argument)) return error;
    throw error;
  }
}

/** The grid, rows = growth cells, columns = WACC cells (a single value on one axis is a grid of one row or column). */
function gridValues(waccs: AxisCell[], growths: AxisCell[], request: DcfRequest): Spill {
  const checked = growths.map((g) => waccs.map((w) => check(w, g, request)));
  // The engine's axes: each column and row with a cell to compute, at the rate the model read (the same down a
  // column, and across a row, since a cell's WACC comes from its column and its growth from its row).
  const columnRates = waccs.map((_, c) => checked.map((row) => row[c]).find(isRates)?.wacc);
  const rowRates = checked.map((row) => row.find(isRates)?.growth);
  const wAxis = columnRates.filter((r) => r !== undefined);
  const gAxis = rowRates.filter((r) => r !== undefined);
  const position = (rates: (Decimal | undefined)[]) => {
    let next = 0;
    return rates.map((r) => (r === undefined ? -1 : next++));
  };
  const [wAt, gAt] = [position(columnRates), position(rowRates)];
  const options = { scenario: request.scenario, overrides: request.overrides };
  const engine = (ws: Decimal[], gs: Decimal[]) =>
    sensitivityGrid(
      options,
      ws.map((w) => w.toString()),
      gs.map((g) => g.toString()),
      request.output,
    );
  let values: (Decimal | null)[][] | undefined;
  try {
    values = wAxis.length && gAxis.length ? engine(wAxis, gAxis) : [];
  } catch (error) {
    // One cell the engine cannot compute (e.g. a division by zero) fails the whole grid: go cell by cell instead.
    if (!(error instanceof ModelError)) throw error;
  }
  const value = (r: number, c: number, { wacc, growth }: Rates): Cell => {
    const v = values
      ? values[gAt[r]][wAt[c]]
      : blamed(() => engine([wacc], [growth])[0][0], blame(true, true));
    if (v === null) return new FunctionError('num', GRID, `${GRID}: WACC must be above terminal growth.`);
    return excelNumber(v, GRID, 'the DCF value');
  };
  return checked.map((row, r) =>
    row.map((cell, c) => {
      if (!isRates(cell)) return cell;
      try {
        return value(r, c, cell);
      } catch (error) {
        if (error instanceof FunctionError && PER_CELL.has(error.argument)) return error;
        throw error;
      }
    }),
  );
}
