/**
 * The evaluator: every cell of the model (a line in a period, or a single-value line) compiled once, at load, into
 * a flat evaluation plan in dependency order (EVALUATION_ORDER). A model's values are one array indexed like the
 * plan. Given the values of another assumption set, only the cells a changed driver or input reaches are
 * recomputed; given a cone (the cells one output reads), only those, for tools that need that one output.
 */
import type { AssumptionSet } from './assumptions';
import { compile, type Compiled, type Site, type Value } from './compile';
import type { Decimal } from './decimal';
import { messages } from './errors';
import type { Expr } from './expr';
import { PERIODS } from './periods';
import { CELL_READS, definitionFor, EVALUATION_ORDER, findLine, lineIndex, LINES } from './registry';

export type { Value } from './compile';

/** Every cell's value, indexed like EVALUATION_ORDER. */
export type Values = readonly Value[];

/** A model's assumptions and the values evaluated from them. */
export interface Evaluated {
  assumptions: AssumptionSet;
  values: Values;
}

const COUNT = EVALUATION_ORDER.length;
const WIDTH = PERIODS.length;

/** Position in EVALUATION_ORDER of each line's cell in each period (line x WIDTH + period), -1 where it has none. */
const SERIES_POSITION = new Int32Array(LINES.length * WIDTH).fill(-1);
/** Position of each single-value line's cell, -1 for lines with periods. */
const SCALAR_POSITION = new Int32Array(LINES.length).fill(-1);
EVALUATION_ORDER.forEach((cell, i) => {
  if (cell.period < 0) SCALAR_POSITION[cell.line] = i;
  else SERIES_POSITION[cell.line * WIDTH + cell.period] = i;
});

/** The position of a line's cell in a period (-1 for a single-value line's cell), or -1 where it has none. */
export function cellPosition(line: number, period: number): number {
  if (period < 0) return SCALAR_POSITION[line];
  return period < WIDTH ? SERIES_POSITION[line * WIDTH + period] : -1;
}

function periodIndexOf(id: string): number {
  return PERIODS.findIndex((p) => p.id === id);
}

/** How a cell's definition reaches other cells: by position in the plan. */
function siteOf(lineId: string, period: number): Site {
  const reader = (id: string, at: number): Compiled => {
    const target = lineIndex(id);
    const position = findLine(id)!.scalar ? SCALAR_POSITION[target] : cellPosition(target, at);
    return (cells) => cells[position];
  };
  return {
    lineId,
    period,
    line: (ref) => reader(ref.id, ref.at !== undefined ? periodIndexOf(ref.at) : period - (ref.lag ?? 0)),
    range: (ref) => {
      const readers: Compiled[] = [];
      for (let p = periodIndexOf(ref.from); p <= periodIndexOf(ref.to); p++) readers.push(reader(ref.id, p));
      return readers;
    },
  };
}

/** The evaluation plan: each cell's compiled definition, in EVALUATION_ORDER. */
const PLAN: readonly Compiled[] = EVALUATION_ORDER.map((cell) => {
  const def = LINES[cell.line];
  const expr = cell.period < 0 ? def.scalar! : definitionFor(def, PERIODS[cell.period])!;
  return compile(expr, siteOf(def.id, cell.period));
});

/** Where each cell's own line id and period are, for messages. */
const CELL_LINE_IDS: readonly string[] = EVALUATION_ORDER.map((cell) => LINES[cell.line].id);

/** The cells that read each cell (forward edges: always later in the plan). */
const DEPENDENTS: readonly number[][] = (() => {
  const out: number[][] = EVALUATION_ORDER.map(() => []);
  CELL_READS.forEach((reads, i) => {
    for (const c of new Set(reads.cells)) out[c].push(i);
  });
  return out;
})();

/** The cells that read each driver directly. */
const DRIVER_READERS = new Map<string, number[]>();
/** The cells that read their own input, by line id. */
const INPUT_READERS = new Map<string, number[]>();
CELL_READS.forEach((reads, i) => {
  for (const d of reads.drivers) DRIVER_READERS.set(d, [...(DRIVER_READERS.get(d) ?? []), i]);
  if (reads.input) {
    const id = CELL_LINE_IDS[i];
    INPUT_READERS.set(id, [...(INPUT_READERS.get(id) ?? []), i]);
  }
});

/** A set of cells: 1 for each position of the plan in the set. */
export type CellSet = Uint8Array;

/** The cells a line's value reads, itself included (its whole cone): nothing outside it can change the value. */
export function coneOf(lineId: string, period = -1): CellSet {
  const line = lineIndex(lineId);
  const start = line < 0 ? -1 : cellPosition(line, period);
  if (start < 0) throw new Error(`The model has no cell ${lineId}@${period}`);
  const cone = new Uint8Array(COUNT);
  const stack = [start];
  while (stack.length) {
    const i = stack.pop()!;
    if (cone[i]) continue;
    cone[i] = 1;
    for (const c of CELL_READS[i].cells) if (!cone[c]) stack.push(c);
  }
  return cone;
}

/**
 * Evaluates every cell from one assumption set. Given `from`, an evaluation of another set, it recomputes only the
 * cells that a changed driver or input reaches and copies the rest. Given `only` too, it recomputes only those of
 * the cells in `only` (a cone): the result is then right for those cells alone, and may serve only as the `from` of
 * another evaluation with the same `only`.
 */
export function evaluateAll(assumptions: AssumptionSet, from?: Evaluated, only?: CellSet): Values {
  if (!from) {
    const cells = new Array<Value>(COUNT);
    for (let i = 0; i < COUNT; i++) cells[i] = run(i, cells, assumptions);
    return cells;
  }
  const cells = from.values.slice();
  const dirty = changedCells(from.assumptions, assumptions, only);
  if (dirty === undefined) return cells;
  for (let i = dirty.first; i < COUNT; i++) if (dirty.cells[i]) cells[i] = run(i, cells, assumptions);
  return cells;
}

function run(i: number, cells: Value[], assumptions: AssumptionSet): Value {
  const value = PLAN[i](cells, assumptions);
  if (value !== null && !value.isFinite()) {
    const period = EVALUATION_ORDER[i].period;
    throw messages.notFinite(CELL_LINE_IDS[i], period < 0 ? 'the valuation' : PERIODS[period].id);
  }
  return value;
}

/**
 * The cells whose value can differ between two assumption sets (within `only`, when given), and the first of
 * them; undefined when none can.
 */
function changedCells(
  before: AssumptionSet,
  after: AssumptionSet,
  only?: CellSet,
): { cells: Uint8Array; first: number } | undefined {
  const dirty = new Uint8Array(COUNT);
  let first = COUNT;
  const mark = (positions: readonly number[] | undefined) => {
    for (const p of positions ?? []) {
      if (only && !only[p]) continue;
      dirty[p] = 1;
      if (p < first) first = p;
    }
  };
  for (const id of changedKeys(before.scalars, after.scalars, sameValue)) mark(DRIVER_READERS.get(id));
  for (const id of changedKeys(before.series, after.series, sameSeries)) mark(DRIVER_READERS.get(id));
  for (const id of changedKeys(before.inputs, after.inputs, sameSeries)) mark(INPUT_READERS.get(id));
  if (first === COUNT) return undefined;
  // The plan is in dependency order, so one pass forward carries every change to the cells that read it.
  for (let i = first; i < COUNT; i++) {
    if (!dirty[i]) continue;
    for (const d of DEPENDENTS[i]) if (!only || only[d]) dirty[d] = 1;
  }
  return { cells: dirty, first };
}

/** Keys whose values differ between two records (a key missing on one side differs unless both are absent). */
function changedKeys<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  same: (x: T | undefined, y: T | undefined) => boolean,
): string[] {
  if (a === b) return [];
  const out: string[] = [];
  for (const k of Object.keys(a)) if (!same(a[k], b[k])) out.push(k);
  for (const k of Object.keys(b)) if (!(k in a) && !same(undefined, b[k])) out.push(k);
  return out;
}

function sameValue(a: Decimal | undefined, b: Decimal | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.equals(b));
}

function sameSeries(
  a: Partial<Record<string, Decimal>> | undefined,
  b: Partial<Record<string, Decimal>> | undefined,
): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const k of keys) if (!sameValue(a?.[k], b?.[k])) return false;
  return true;
}

/** The value of a line in a period (-1 for a single-value line) in evaluated values; undefined where it has none. */
export function valueAt(values: Values, lineId: string, period: number): Value | undefined {
  const line = lineIndex(lineId);
  const position = line < 0 ? -1 : cellPosition(line, findLine(lineId)!.scalar ? -1 : period);
  return position < 0 ? undefined : values[position];
}

/** Context for evaluating one expression on its own: its assumptions, and where it is. */
export interface ExpressionContext {
  assumptions: AssumptionSet;
  lineId: string;
  period: number;
  /** Values of other lines (id, period index; -1 for single-value lines), when the expression reads any. */
  values?: Values;
}

/** Evaluates one expression on its own, as a cell of the model would (compiled, then run once). */
export function evaluate(expr: Expr, ctx: ExpressionContext): Value {
  const site = siteOf(ctx.lineId, ctx.period);
  return compile(expr, site)(ctx.values ?? [], ctx.assumptions);
}
