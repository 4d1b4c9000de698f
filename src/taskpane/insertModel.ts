/// <reference types="office-js" />
/**
 * Insert, Update and Reset: writes the live model into the workbook, or rewrites the add-in's own sheets in place
 * (never deleting them, so the user's links, charts and names into the model keep working), in three round trips:
 *
 *  1. read the sheets, names, the add-in's state (settings) and the calculation mode; decide everything (sheet
 *     names, plain or KC_-prefixed names, where the inputs are) and stop with a WorkbookConflict before any write;
 *  2. read the current inputs and the add-in's charts; then, with calculation and screen updating suspended, record
 *     the run as pending, add missing sheets, define or repoint names (sheets before names, names before formulas,
 *     so no formula ever names a sheet or name that does not exist yet), and write every cell except the inputs;
 *  3. record the user's edits (read in 2) as pending, write the inputs (plan values, edits carried by driver,
 *     scenario block and period), KC_INPUTS, the charts and the final state, and calculate unless the workbook is
 *     in Manual calculation mode (suspendApiCalculationUntilNextSync leaves the recalculation to the add-in).
 *
 * A failure in any round trip leaves the user's sheets and names untouched and the user's edited inputs either still
 * on the sheet (1, 2) or in the pending state (3); running Update again repairs the model.
 */
import type { Overrides } from '../model';
import { parseSheetRef, rectAddress, union, type Rect } from './addresses';
import { queueCharts } from './chartWriter';
import type { ExcelHost } from './excelHost';
import { prepare } from './insertPlan';
import { chartsOf, INPUTS_NAME, labelOfKey, planFor, roleOf, SHEET_MARK } from './layout';
import { sameValue, STATE_KEY, type CellValue, type ModelState } from './modelState';
import { queueCells, queueSheetCells, queueSheetLooks } from './sheetWriter';
import { queueWorkbookRead } from './workbookView';

/** What to write: the scenario, the pane's overrides, Reset or not, stamps. */
export interface InsertOptions {
  scenario: string;
  overrides: Overrides;
  /** Discard the user's edits to the Assumptions inputs (default: keep them). */
  reset?: boolean;
  onProgress?: (message: string) => void;
  /** Stamped on the Summary sheet and in the state. */
  version?: string;
  /** ISO date stamped on the Summary sheet (default today). */
  date?: string;
}

/** How an Update from another layout went: edits moved, edits with no cell left, new sheets. */
export interface LayoutChange {
  from: string;
  to: string;
  /** Edited inputs carried to a new address. */
  moved: number;
  /** Edited inputs the new layout has no cell for, with the value the user had typed. */
  dropped: { key: string; label: string; value: CellValue }[];
  /** Sheets the new layout adds. */
  sheetsAdded: string[];
}

/** What an Insert or Update did. */
export interface InsertResult {
  /** The workbook had no model of this add-in before (no recorded state). */
  firstInsert: boolean;
  /** This workbook's names of the add-in's sheets, in plan order. */
  sheets: string[];
  /** Plan sheet name -> this workbook's name, where a user's sheet holds the plan's name. */
  renamed: Record<string, string>;
  /** The user's edited inputs carried into the rewrite. */
  carried: { key: string; label: string; value: CellValue; address: string }[];
  /** The add-in's names carry the KC_ prefix because the workbook already had some of the plain names. */
  prefixedNames: boolean;
  /** Set when the workbook was written in another layout (an older add-in). */
  layoutChange: LayoutChange | null;
  /** False in Manual calculation mode: the figures wait for the user's F9. */
  calculated: boolean;
  /** context.sync() round trips used. */
  syncs: number;
  /** The writer's estimate of the JSON size of its largest batch. */
  maxRequestBytes: number;
}

/**
 * Inserts the live model, or updates the add-in's sheets in place, keeping the user's edits to the Assumptions
 * inputs unless `reset`. Throws the model's ModelError for bad overrides and a WorkbookConflict for a workbook it
 * must not change, both before touching the workbook.
 */
export async function insertModel(host: ExcelHost, options: InsertOptions): Promise<InsertResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress('Building the model');
  const base = planFor(options.scenario, options.overrides, options.version, options.date);
  const reset = options.reset ?? false;

  return host.run(async (context) => {
    let syncs = 0;
    let maxRequestBytes = 0;
    const sync = async (bytes: number) => {
      syncs++;
      maxRequestBytes = Math.max(maxRequestBytes, bytes);
      await context.sync();
    };
    const workbook = context.workbook;
    const worksheets = workbook.worksheets;

    // 1. Read, and decide.
    progress('Reading the workbook');
    const read = queueWorkbookRead(context);
    await sync(600);
    const view = read();
    const { layout, creating, ownedNames, located, oldCells } = prepare(view, base, reset);
    const { plan, sheetName } = layout;
    const state = view.state;
    const inputPlanSheet = base.anchors.selector.sheet;

    // 2. Read the inputs and charts; write the sheets, names and every cell but the inputs.
    progress('Writing the sheets');
    let bytes = 0;
    let inputRect: Rect | null = null;
    let inputValues: Excel.Range | null = null;
    if (located && located.cells.size) {
      const cells = [...located.cells.values()];
      inputRect = {
        row1: Math.min(...cells.map((c) => c.row)),
        col1: Math.min(...cells.map((c) => c.col)),
        row2: Math.max(...cells.map((c) => c.row)),
        col2: Math.max(...cells.map((c) => c.col)),
      };
      inputValues = worksheets.getItem(located.sheet).getRange(rectAddress(inputRect)).load('values');
    }
    const chartSheets = [...new Set(plan.charts.map((c) => c.sheet))];
    const chartLists = new Map(
      chartSheets
        .filter((s) => !Object.values(creating).includes(s))
        .map((s) => [s, worksheets.getItem(s).charts.load('items/name')] as const),
    );
    const app = workbook.application;
    app.suspendApiCalculationUntilNextSync();
    app.suspendScreenUpdatingUntilNextSync();
    const layoutNames = new Set(layout.names.map((n) => n.name.toLowerCase()));
    const pendingSheets: ModelState = {
      format: 1,
      layout: state?.layout ?? layout.version,
      version: options.version,
      scenario: state?.scenario ?? plan.scenario,
      overrides: state?.overrides ?? options.overrides,
      prefixed: layout.prefixed,
      names: [...new Set([...(state?.names ?? []), ...layout.names.map((n) => n.name)])],
      inputs: state?.inputs ?? {},
      inputsBox: state?.inputsBox ?? '',
      charts: state?.charts ?? {},
      lines: state?.lines ?? {},
      pending: { ...(state?.pending ?? {}), stage: state?.pending?.stage ?? 'sheets', creating },
    };
    workbook.settings.add(STATE_KEY, pendingSheets);
    bytes += JSON.stringify(pendingSheets).length;
    const sheets = new Map<string, Excel.Worksheet>();
    for (const s of plan.sheets) {
      const planName = base.sheets[plan.sheets.indexOf(s)].name;
      sheets.set(planName, creating[planName] ? worksheets.add(s.name) : worksheets.getItem(s.name));
      bytes += 200;
    }
    // Names before any formula that uses them; KC_INPUTS moves only with the inputs (round trip 3).
    for (const n of layout.names) {
      if (n.name === INPUTS_NAME) continue;
      const existing = view.names.get(n.name.toLowerCase());
      const item = existing ? workbook.names.getItem(existing.name) : workbook.names.add(n.name, n.formula);
      if (existing) item.formula = n.formula;
      if (!n.visible) item.visible = false;
      bytes += 250;
    }
    for (const lower of ownedNames)
      if (!layoutNames.has(lower) && view.names.has(lower)) {
        workbook.names.getItem(view.names.get(lower)!.name).delete();
        bytes += 150;
      }
    for (const s of base.sheets) {
      const written = plan.sheets[base.sheets.indexOf(s)];
      const ws = sheets.get(s.name)!;
      const marker = view.names.get(`${SHEET_MARK}${roleOf(s.name)}`.toLowerCase());
      const now = !creating[s.name] && marker ? parseSheetRef(marker.formula) : null;
      const area = now ? union(layout.boxes.get(s.name)!, now.rect) : layout.boxes.get(s.name)!;
      const skip = new Set<string>();
      if (s.name === inputPlanSheet) {
        for (const c of layout.inputs.values()) skip.add(`${c.row},${c.col}`);
        for (const k of oldCells) skip.add(k);
      }
      bytes += queueSheetCells(ws, written, area, skip);
      bytes += queueSheetLooks(ws, written, area, !creating[s.name]);
    }
    await sync(bytes);

    // The user's edits: inputs that differ from what was written, unless this run itself sets them anew.
    const carried = new Map<string, CellValue>();
    const dropped: LayoutChange['dropped'] = [];
    if (state?.pending?.stage === 'inputs' && !reset)
      for (const [key, value] of Object.entries(state.pending.carried ?? {})) {
        if (layout.inputs.has(key)) carried.set(key, value);
        else dropped.push({ key, label: labelOfKey(key), value });
      }
    else if (located && inputValues && inputRect) {
      for (const [key, cell] of located.cells) {
        const now = inputValues.values[cell.row - inputRect.row1][cell.col - inputRect.col1] as CellValue;
        if (sameValue(now, cell.written)) continue;
        const target = layout.inputs.get(key);
        if (!target) dropped.push({ key, label: labelOfKey(key), value: now });
        else if (sameValue(target.value, cell.written)) carried.set(key, now);
      }
    }

    // 3. The inputs, KC_INPUTS, the charts, the state; then calculate.
    progress('Writing the inputs and charts');
    bytes = 0;
    const inputs: ModelState['inputs'] = {};
    const overrides = new Map<string, CellValue>();
    const cells = new Set(oldCells);
    for (const c of layout.inputs.values()) {
      inputs[c.key] = [rectAddress({ row1: c.row, col1: c.col, row2: c.row, col2: c.col }), c.value];
      cells.add(`${c.row},${c.col}`);
      if (carried.has(c.key)) overrides.set(`${c.row},${c.col}`, carried.get(c.key)!);
    }
    const newCells = new Set([...layout.inputs.values()].map((c) => `${c.row},${c.col}`));
    const clear = [...oldCells]
      .filter((k) => !newCells.has(k))
      .map((k) => {
        const [row, col] = k.split(',').map(Number);
        return rectAddress({ row1: row, col1: col, row2: row, col2: col });
      });
    const final: ModelState = {
      format: 1,
      layout: layout.version,
      version: options.version,
      scenario: plan.scenario,
      overrides: options.overrides,
      prefixed: layout.prefixed,
      names: layout.names.map((n) => n.name),
      inputs,
      inputsBox: rectAddress(layout.inputsBox),
      charts: Object.fromEntries(layout.chartHashes),
      lines: layout.lines,
    };
    const pendingInputs: ModelState = {
      ...final,
      pending: { stage: 'inputs', creating: {}, carried: Object.fromEntries(carried), clear },
    };
    workbook.settings.add(STATE_KEY, pendingInputs);
    bytes += JSON.stringify(pendingInputs).length;
    const inputSheet = sheets.get(inputPlanSheet)!;
    bytes += queueCells(
      inputSheet,
      plan.sheets[base.sheets.findIndex((s) => s.name === inputPlanSheet)],
      cells,
      overrides,
    );
    const inputsName = layout.names.find((n) => n.name === INPUTS_NAME)!;
    const existingInputs = view.names.get(INPUTS_NAME.toLowerCase());
    if (existingInputs) workbook.names.getItem(existingInputs.name).formula = inputsName.formula;
    else workbook.names.add(INPUTS_NAME, inputsName.formula).visible = false;
    for (const s of chartSheets) {
      const planName = Object.keys(sheetName).find((k) => sheetName[k] === s)!;
      const existing = chartLists.get(s)?.items.map((c) => c.name) ?? [];
      bytes += queueCharts(
        sheets.get(planName)!,
        plan.charts.filter((c) => c.sheet === s),
        existing,
        chartsOf(state?.charts ?? {}, planName),
        chartsOf(layout.chartHashes, planName),
        !!state && state.layout !== layout.version,
      );
    }
    workbook.settings.add(STATE_KEY, final);
    bytes += JSON.stringify(final).length;
    if (Object.keys(creating).length === base.sheets.length) sheets.get(base.sheets[0].name)!.activate();
    const calculated = view.calculationMode !== 'Manual';
    if (calculated) app.calculate('Full');
    await sync(bytes);
    progress('Done');

    const labels = layout.inputs;
    const carriedList = [...carried].map(([key, value]) => {
      const c = labels.get(key)!;
      return {
        key,
        label: c.label,
        value,
        address: `${sheetName[inputPlanSheet]}!${rectAddress({ row1: c.row, col1: c.col, row2: c.row, col2: c.col })}`,
      };
    });
    const moved = carriedList.filter((c) => {
      const before = located?.cells.get(c.key);
      const after = labels.get(c.key)!;
      return before && (before.row !== after.row || before.col !== after.col);
    }).length;
    return {
      firstInsert: !state,
      sheets: base.sheets.map((s) => sheetName[s.name]),
      renamed: Object.fromEntries(Object.entries(sheetName).filter(([from, to]) => from !== to)),
      carried: carriedList,
      prefixedNames: final.prefixed,
      layoutChange:
        state && state.layout !== layout.version
          ? {
              from: state.layout,
              to: layout.version,
              moved,
              dropped,
              sheetsAdded: Object.values(creating),
            }
          : null,
      calculated,
      syncs,
      maxRequestBytes,
    };
  });
}
