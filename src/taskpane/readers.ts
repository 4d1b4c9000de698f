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

/** Input key -> override key for the given scenario ("wacc|base" -> "wacc", "g|base|2027E" -> "g.2027E"). */
function overrideKey(key: string, scenario: string): string | null {
  const [id, block, period] = key.split('|');
  if (block !== scenario) return null;
  return period ? `${id}.${period}` : id;
}

/**
 * The Assumptions inputs the user has edited since the last insert, as overrides ("wacc", "revenueGrowth.2027E")
 * for the scenario the selector is on; null when the model is not inserted.
 */
export async function readEditedAssumptions(host: ExcelHost): Promise<Overrides | null> {
  return host.run(async (context) => {
    const model = await readModel(context);
    if (!model) return null;
    const state = model.view.state!;
    const scenario = selectedScenario(model.values.get(SELECTOR_KEY), state.scenario);
    const out: Record<string, number> = {};
    if (state.pending?.stage === 'inputs') {
      for (const [key, value] of Object.entries(state.pending.carried ?? {})) {
        const k = overrideKey(key, scenario);
        if (k && typeof value === 'number') out[k] = value;
      }
      return out;
    }
    for (const [key, c] of model.located?.cells ?? []) {
      const now = model.values.get(key);
      const k = overrideKey(key, scenario);
      if (k && typeof now === 'number' && !sameValue(now, c.written)) out[k] = now;
    }
    return out;
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
