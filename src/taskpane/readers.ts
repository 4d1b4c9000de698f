/// <reference types="office-js" />
/**
 * Reads the model back from the workbook: the scenario and overrides last written, the scenario the selector is on,
 * the inputs the user has edited since, and the headline figures as Excel calculated them. Everything is found
 * through the add-in's state and names, never through fixed addresses, so inserted rows and renamed sheets do not
 * matter.
 */
import type { Overrides } from '../model';
import { SCENARIO_NAMES } from '../model';
import { rectAddress, type Rect } from './addresses';
import type { ExcelHost } from './excelHost';
import { locateInputs, type LocatedInputs } from './inputLocator';
import { LINE_MARK, PREFIX, SELECTOR_KEY, SUMMARY_LINES, SUMMARY_NAMES } from './layout';
import { sameValue, type CellValue } from './modelState';
import { readWorkbook, type WorkbookView } from './workbookView';

/** The headline figures as Excel calculated them. */
export interface ModelSummary {
  targetPrice: number;
  upside: number;
  enterpriseValue: number;
  /** Total revenue by period id ("2025A" ... "2035E"). */
  revenue: Record<string, number>;
  /** The note's headline (adjusted) EBITDA (line "ebitdaAdjusted") by period id. */
  ebitda: Record<string, number>;
  masterCheck: boolean;
  /** The workbook's calculation mode: in "Manual" the figures are those of the last calculation. */
  calculationMode: string;
}

/** The scenario and overrides last written, and the one the selector is on now. */
export interface InsertedScenario {
  scenario: string;
  overrides: Overrides;
  selected: string;
}

function bounds(cells: Iterable<{ row: number; col: number }>): Rect {
  const list = [...cells];
  return {
    row1: Math.min(...list.map((c) => c.row)),
    col1: Math.min(...list.map((c) => c.col)),
    row2: Math.max(...list.map((c) => c.row)),
    col2: Math.max(...list.map((c) => c.col)),
  };
}

/** Loads the current values of the located inputs (one round trip); key -> value. */
async function inputValues(
  context: Excel.RequestContext,
  located: LocatedInputs,
): Promise<Map<string, CellValue>> {
  const box = bounds(located.cells.values());
  const range = context.workbook.worksheets.getItem(located.sheet).getRange(rectAddress(box)).load('values');
  await context.sync();
  const out = new Map<string, CellValue>();
  for (const [key, c] of located.cells)
    out.set(key, range.values[c.row - box.row1][c.col - box.col1] as CellValue);
  return out;
}

function selectedScenario(value: CellValue | undefined, fallback: string): string {
  return typeof value === 'number' && SCENARIO_NAMES[value - 1] ? SCENARIO_NAMES[value - 1] : fallback;
}

interface ReadModel {
  view: WorkbookView;
  values: Map<string, CellValue>;
  located: LocatedInputs | null;
}

/** The view and the inputs' current values; null when the model is not in the workbook. */
async function readModel(context: Excel.RequestContext): Promise<ReadModel | null> {
  const view = await readWorkbook(context);
  if (!view.state || !view.owned.size) return null;
  let located: LocatedInputs | null = null;
  try {
    located = locateInputs(view);
  } catch {
    located = null; // restructured: the pane still shows the recorded scenario; Update explains
  }
  const values = located ? await inputValues(context, located) : new Map<string, CellValue>();
  return { view, values, located };
}

/** The scenario and overrides last inserted, and the scenario the selector is on now; null when not inserted. */
export async function readInsertedScenario(host: ExcelHost): Promise<InsertedScenario | null> {
  return host.run(async (context) => {
    const model = await readModel(context);
    if (!model) return null;
    const state = model.view.state!;
    return {
      scenario: state.scenario,
      overrides: state.overrides ?? {},
      selected: selectedScenario(model.values.get(SELECTOR_KEY), state.scenario),
    };
  });
}

/** The base case's block: its inputs are values; every other case's inputs are its changes to them. */
const BASE = SCENARIO_NAMES[0];

/**
 * The driver an input key stands for and its override key ("wacc|bull" -> wacc, "wacc"; "g|base|2027E" -> g,
 * "g.2027E"), with the block it is in.
 */
function parseKey(key: string): { driver: string; block: string; period?: string; override: string } | null {
  const [driver, block, period] = key.split('|');
  if (!block || !SCENARIO_NAMES.includes(block)) return null;
  return { driver, block, period, override: period ? `${driver}.${period}` : driver };
}

/**
 * The inputs edited since the last insert, as overrides for the selected scenario: each edited driver's live
 * value, base input plus the case's change (an edit of a base input moves every case; an edit of a case's change
 * moves that case only). `now` reads an input's current value, `edited` says whether it differs from what was
 * written.
 */
function editedOverrides(
  keys: Iterable<string>,
  scenario: string,
  now: (key: string) => CellValue | undefined,
  edited: (key: string) => boolean,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of keys) {
    const parsed = parseKey(key);
    if (!parsed || parsed.block !== BASE) continue;
    const own = parsed.period
      ? `${parsed.driver}|${scenario}|${parsed.period}`
      : `${parsed.driver}|${scenario}`;
    const change = scenario === BASE ? undefined : own;
    if (!edited(key) && !(change && edited(change))) continue;
    const base = now(key);
    const delta = change ? now(change) : 0;
    if (typeof base === 'number' && typeof delta === 'number') out[parsed.override] = base + delta;
  }
  return out;
}

/**
 * The Assumptions inputs the user has edited since the last insert, as overrides ("wacc", "revenueGrowth.2027E")
 * for the scenario the selector is on (each the driver's live value there); null when the model is not inserted.
 */
export async function readEditedAssumptions(host: ExcelHost): Promise<Overrides | null> {
  return host.run(async (context) => {
    const model = await readModel(context);
    if (!model) return null;
    const state = model.view.state!;
    const scenario = selectedScenario(model.values.get(SELECTOR_KEY), state.scenario);
    if (state.pending?.stage === 'inputs') {
      const carried = state.pending.carried ?? {};
      return editedOverrides(
        [...(model.located?.cells.keys() ?? []), ...Object.keys(carried)],
        scenario,
        (key) => (key in carried ? (carried[key] as CellValue) : model.values.get(key)),
        (key) => key in carried,
      );
    }
    const cells = model.located?.cells ?? new Map();
    return editedOverrides(
      cells.keys(),
      scenario,
      (key) => model.values.get(key),
      (key) => {
        const c = cells.get(key);
        const now = model.values.get(key);
        return c !== undefined && typeof now === 'number' && !sameValue(now, c.written);
      },
    );
  });
}

/** Reads the recalculated headline figures; null when the model is not inserted. */
export async function readSummary(host: ExcelHost): Promise<ModelSummary | null> {
  return host.run(async (context) => {
    const view = await readWorkbook(context);
    const state = view.state;
    if (!state || !view.owned.size) return null;
    const nameOf = (n: string) => (state.prefixed ? `${PREFIX}${n}` : n);
    const scalars = SUMMARY_NAMES.map(nameOf);
    const lines = SUMMARY_LINES.filter(
      (l) => state.lines[l] && view.names.has(`${LINE_MARK}${l}`.toLowerCase()),
    );
    if (!scalars.every((n) => view.names.has(n.toLowerCase()))) return null;
    const load = (n: string) => context.workbook.names.getItem(n).getRange().load('values');
    const scalarRanges = scalars.map(load);
    const lineRanges = new Map<string, Excel.Range>(lines.map((l) => [l, load(`${LINE_MARK}${l}`)]));
    await context.sync();
    const num = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);
    const first = (i: number) => scalarRanges[i].values[0][0];
    const byPeriod = (line: string) => {
      const range = lineRanges.get(line);
      return Object.fromEntries(
        (range ? state.lines[line] : []).map((p, j) => [p, num(range!.values[0][j])]),
      );
    };
    return {
      targetPrice: num(first(0)),
      upside: num(first(1)),
      enterpriseValue: num(first(2)),
      masterCheck: first(3) === true,
      revenue: byPeriod('revenue'),
      ebitda: byPeriod('ebitdaAdjusted'),
      calculationMode: view.calculationMode,
    };
  });
}
