/// <reference types="office-js" />
/**
 * The only Office.js writer of the add-in: inserts the live model (src/workbook/plan.ts) into the open workbook,
 * updates it in place, reads it back, and converts it to values. Every function takes an `ExcelHost`, so the same
 * code runs against real Excel (`officeHost()`) and against the in-memory stand-in of the tests
 * (test/support/excelStandIn.ts). No Excel enum values are referenced at run time (string literals only), so the
 * module loads outside Office.
 *
 * Which sheets are the add-in's: hidden workbook-scoped names. `KC_SHEET_<role>` refers to `'<sheet>'!$A$1` of
 * each add-in sheet (Excel rewrites it when the sheet is renamed and makes it #REF! when the sheet is deleted);
 * `KC_MODEL_STATE` holds the scenario and overrides last written. A sheet with a plan sheet's name that no marker
 * points to is the user's and is never touched: the add-in writes beside it as "<name> (KC)".
 *
 * insertModel uses three round trips: (1) read the sheet list and the names; (2) build every sheet as a NEW hidden
 * temporary sheet (formulas referencing the temporary names), with calculation and screen updating suspended, and
 * read the previous Assumptions inputs; (3) write the user's carried edits, repoint the names, delete the old add-in
 * sheets, rename the temporaries to their final names (Excel rewrites the formulas) and show them. A failure in
 * (1) or (2) leaves the workbook as it was: the temporaries are deleted in a catch.
 */
import { SCENARIO_NAMES, PERIODS, type Overrides } from '../model';
import { CHARTS_SHEET, type ChartKind, type PlanChart } from '../workbook/charts';
import { FONT, lookOf, type CellLook } from '../workbook/styles';
import {
  buildPlan,
  colLetter,
  SHEET_NAMES,
  type CellAddress,
  type CellStyle,
  type PlanCell,
  type PlanSheet,
  type PlanValue,
  type WorkbookPlan,
} from '../workbook/plan';

/** Runs a batch of Office.js requests: `Excel.run` in Excel, the stand-in in tests. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The host for real Excel. */
export function officeHost(): ExcelHost {
  return { run: (batch) => Excel.run(batch) };
}

export interface InsertOptions {
  scenario: string;
  overrides: Overrides;
  /** Discard the user's edits to the Assumptions inputs (default: keep them). */
  reset?: boolean;
  onProgress?: (message: string) => void;
  /** Stamped on the Summary sheet. */
  version?: string;
  /** ISO date stamped on the Summary sheet (default today). */
  date?: string;
}

export interface InsertResult {
  /** Final names of the add-in's sheets, in order. */
  sheets: string[];
  /** Plan sheet name -> final name, where a user's sheet of the same name forced another name. */
  renamed: Record<string, string>;
  /** User-edited inputs carried into the rewrite. */
  carried: { sheet: string; address: string; value: number }[];
  /** context.sync() round trips used. */
  syncs: number;
  /** The writer's estimate of the JSON size of its largest batch (values, formulas, formats, addresses). */
  maxRequestBytes: number;
}

export interface ModelSummary {
  targetPrice: number;
  upside: number;
  enterpriseValue: number;
  /** Total revenue by period id ("2025A" ... "2035E"). */
  revenue: Record<string, number>;
  /** The note's headline (adjusted) EBITDA (line "ebitdaAdjusted") by period id. */
  ebitda: Record<string, number>;
  masterCheck: boolean;
}

// ------------------------------------------------------------------------------------------------ constants

/** Sheet roles: one per plan sheet. */
const ROLE_OF: Record<string, string> = {
  ...Object.fromEntries(Object.entries(SHEET_NAMES).map(([role, name]) => [name, role])),
  [CHARTS_SHEET]: 'charts',
};
const MARK_PREFIX = 'KC_SHEET_';
const STATE_NAME = 'KC_MODEL_STATE';
/** Excel on the web rejects requests above 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Multi-area addresses must stay under Excel's 8192-character limit. */
const AREAS_LIMIT = 8000;

/** Excel column width in points for a width in characters (7 px a character plus 5 px padding, 0.75 pt a px). */
function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

// ------------------------------------------------------------------------------------------------ helpers

function toCell(value: PlanValue): number | string | boolean {
  return typeof value === 'string' || typeof value === 'boolean' ? value : value.toNumber();
}

function quote(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function a1(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

/** Rewrites every quoted sheet reference ('Name'!) of a formula through `map`. */
export function renameSheetsInFormula(formula: string, map: Record<string, string>): string {
  return formula.replace(/'((?:[^']|'')+)'!/g, (all, quoted: string) => {
    const name = quoted.replace(/''/g, "'");
    return name in map ? `${quote(map[name])}!` : all;
  });
}

/** The sheet a marker name's formula refers to ("='Balance Sheet'!$A$1"), or null (#REF!, anything else). */
function markerSheet(formula: string): string | null {
  const m = /^=(?:'((?:[^']|'')+)'|([^'!#]+))!\$?A\$?1$/.exec(formula.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

interface StoredState {
  scenario: string;
  overrides: Overrides;
  version?: string;
}

function encodeState(state: StoredState): string {
  // encodeURIComponent leaves no double quotes, so the text is a plain Excel string constant.
  return `="${encodeURIComponent(JSON.stringify(state))}"`;
}

function decodeState(formula: string | undefined): StoredState | null {
  const m = formula ? /^="([^"]*)"$/.exec(formula.trim()) : null;
  if (!m) return null;
  try {
    const state = JSON.parse(decodeURIComponent(m[1])) as StoredState;
    return typeof state.scenario === 'string' ? state : null;
  } catch {
    return null;
  }
}

/** A small memo of plans by scenario and overrides (buildPlan takes about a second). */
const planMemo = new Map<string, WorkbookPlan>();
function planFor(scenario: string, overrides: Overrides, version?: string, date?: string): WorkbookPlan {
  const k = JSON.stringify([scenario, overrides, version ?? null, date ?? null]);
  let plan = planMemo.get(k);
  if (!plan) {
    plan = buildPlan({ scenario, overrides, version, date });
    if (planMemo.size >= 4) planMemo.delete(planMemo.keys().next().value as string);
    planMemo.set(k, plan);
  }
  return plan;
}

/** The layout (addresses and anchors do not depend on scenario or overrides). */
function layout(): WorkbookPlan {
  return planFor('base', {}, undefined, '2000-01-01');
}

/** The values of every input cell (selector, scalar and series drivers) of a plan, keyed "row,col". */
function inputValues(plan: WorkbookPlan): Map<string, number> {
  const sheet = plan.sheets.find((s) => s.name === SHEET_NAMES.assumptions)!;
  const out = new Map<string, number>();
  for (const c of sheet.cells)
    if (
      c.style === 'input' &&
      c.value !== undefined &&
      typeof c.value !== 'string' &&
      typeof c.value !== 'boolean'
    )
      out.set(`${c.row},${c.col}`, c.value.toNumber());
  return out;
}

/** The input cells: address -> the override key it stands for, by scenario. */
function inputKeys(plan: WorkbookPlan): Map<string, { scenario: string; key: string }> {
  const out = new Map<string, { scenario: string; key: string }>();
  const at = (c: CellAddress) => `${c.row},${c.col}`;
  for (const [id, byScenario] of Object.entries(plan.anchors.scalarInput))
    for (const [scenario, c] of Object.entries(byScenario)) out.set(at(c), { scenario, key: id });
  for (const [id, byScenario] of Object.entries(plan.anchors.seriesInput))
    for (const [scenario, byPeriod] of Object.entries(byScenario))
      for (const [period, c] of Object.entries(byPeriod))
        out.set(at(c), { scenario, key: `${id}.${period}` });
  return out;
}

/** The bounding block of the Assumptions input cells. */
function inputBlock(plan: WorkbookPlan): { row1: number; col1: number; row2: number; col2: number } {
  const cells = [...inputValues(plan).keys()].map((k) => k.split(',').map(Number));
  return {
    row1: Math.min(...cells.map((c) => c[0])),
    col1: Math.min(...cells.map((c) => c[1])),
    row2: Math.max(...cells.map((c) => c[0])),
    col2: Math.max(...cells.map((c) => c[1])),
  };
}

// ------------------------------------------------------------------------------------------------ discovery

interface Discovery {
  /** Sheet names in the workbook, in order. */
  sheets: string[];
  /** Role -> current name of the add-in's sheet. */
  owned: Record<string, string>;
  /** Names in the workbook (lower case -> formula). */
  names: Map<string, { name: string; formula: string }>;
  state: StoredState | null;
}

function queueDiscovery(context: Excel.RequestContext): () => Discovery {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  return () => {
    const sheetNames = sheets.items.map((s) => s.name);
    const lower = new Set(sheetNames.map((s) => s.toLowerCase()));
    const map = new Map<string, { name: string; formula: string }>();
    for (const n of names.items) map.set(n.name.toLowerCase(), { name: n.name, formula: n.formula });
    const owned: Record<string, string> = {};
    for (const { name, formula } of map.values()) {
      if (!name.toUpperCase().startsWith(MARK_PREFIX)) continue;
      const sheet = markerSheet(formula);
      const role = name.slice(MARK_PREFIX.length);
      if (sheet && lower.has(sheet.toLowerCase()))
        owned[role] = sheetNames.find((s) => s.toLowerCase() === sheet.toLowerCase())!;
    }
    return {
      sheets: sheetNames,
      owned,
      names: map,
      state: decodeState(map.get(STATE_NAME.toLowerCase())?.formula),
    };
  };
}

async function discover(context: Excel.RequestContext): Promise<Discovery> {
  const read = queueDiscovery(context);
  await context.sync();
  return read();
}

function ownedName(d: Discovery, planSheet: string): string | undefined {
  return d.owned[ROLE_OF[planSheet]];
}

// ------------------------------------------------------------------------------------------------ writing a sheet

/** Contiguous runs of rows that hold cells, each as one block from column A to the run's last column. */
function blocks(
  sheet: PlanSheet,
): { row1: number; row2: number; cols: number; cells: Map<string, PlanCell> }[] {
  const byRow = new Map<number, PlanCell[]>();
  for (const c of sheet.cells) {
    let list = byRow.get(c.row);
    if (!list) byRow.set(c.row, (list = []));
    list.push(c);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const out: { row1: number; row2: number; cols: number; cells: Map<string, PlanCell> }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    const run = last && last.row2 === r - 1 ? last : undefined;
    const target = run ?? { row1: r, row2: r, cols: 0, cells: new Map<string, PlanCell>() };
    if (!run) out.push(target);
    target.row2 = r;
    for (const c of byRow.get(r)!) {
      target.cols = Math.max(target.cols, c.col);
      target.cells.set(`${c.row},${c.col}`, c);
    }
  }
  return out;
}

/** Groups cells by look into multi-area addresses (row segments merged down), each under AREAS_LIMIT. */
function styleAreas(sheet: PlanSheet): { look: CellLook; addresses: string[] }[] {
  const lookKey = (c: PlanCell) => (c.style === 'header' && c.col >= 4 ? 'header-right' : c.style);
  const segments = new Map<string, Map<string, number[]>>(); // look -> "c1:c2" -> rows
  const byRow = new Map<number, PlanCell[]>();
  for (const c of sheet.cells) {
    let list = byRow.get(c.row);
    if (!list) byRow.set(c.row, (list = []));
    list.push(c);
  }
  for (const [row, cells] of byRow) {
    cells.sort((a, b) => a.col - b.col);
    let start: PlanCell | null = null;
    let prev: PlanCell | null = null;
    const flush = () => {
      if (!start || !prev) return;
      const k = lookKey(start);
      let m = segments.get(k);
      if (!m) segments.set(k, (m = new Map()));
      const span = `${start.col}:${prev.col}`;
      let list = m.get(span);
      if (!list) m.set(span, (list = []));
      list.push(row);
    };
    for (const c of cells) {
      if (start && prev && c.col === prev.col + 1 && lookKey(c) === lookKey(start)) prev = c;
      else {
        flush();
        start = prev = c;
      }
    }
    flush();
  }
  const out: { look: CellLook; addresses: string[] }[] = [];
  for (const [k, spans] of segments) {
    const look = k === 'header-right' ? lookOf('header', 4) : lookOf(k as CellStyle, 1);
    if (!Object.keys(look).length) continue;
    const areas: string[] = [];
    for (const [span, rows] of spans) {
      const [c1, c2] = span.split(':').map(Number);
      rows.sort((a, b) => a - b);
      for (let i = 0; i < rows.length;) {
        let j = i;
        while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
        const from = a1(rows[i], c1);
        const to = a1(rows[j], c2);
        areas.push(from === to ? from : `${from}:${to}`);
        i = j + 1;
      }
    }
    const addresses: string[] = [];
    let current = '';
    for (const area of areas) {
      if (current && current.length + area.length + 1 > AREAS_LIMIT) {
        addresses.push(current);
        current = '';
      }
      current = current ? `${current},${area}` : area;
    }
    if (current) addresses.push(current);
    out.push({ look, addresses });
  }
  return out;
}

/** Queues one sheet's content; returns the estimated JSON size of the queued data. */
function queueSheet(ws: Excel.Worksheet, sheet: PlanSheet, rename: Record<string, string>): number {
  let bytes = 0;
  for (const b of blocks(sheet)) {
    const formulas: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    for (let r = b.row1; r <= b.row2; r++) {
      const f: (string | number | boolean)[] = [];
      const n: string[] = [];
      for (let c = 1; c <= b.cols; c++) {
        const cell = b.cells.get(`${r},${c}`);
        if (!cell) {
          f.push('');
          n.push('General');
        } else if (cell.formula !== undefined) {
          f.push(`=${renameSheetsInFormula(cell.formula, rename)}`);
          n.push(cell.format ?? 'General');
        } else if (cell.value !== undefined) {
          const v = toCell(cell.value);
          f.push(v);
          // Text as text: Excel would read "12/25" as a date.
          n.push(cell.format ?? (typeof v === 'string' ? '@' : 'General'));
        } else {
          f.push('');
          n.push(cell.format ?? 'General');
        }
      }
      formulas.push(f);
      formats.push(n);
    }
    const range = ws.getRange(`A${b.row1}:${colLetter(b.cols)}${b.row2}`);
    // Formats first, so that text is written into text-formatted cells.
    range.numberFormat = formats;
    range.formulas = formulas;
    range.format.font.name = FONT.name;
    range.format.font.size = FONT.size;
    bytes += JSON.stringify(formats).length + JSON.stringify(formulas).length + 300;
  }
  for (const { look, addresses } of styleAreas(sheet)) {
    for (const address of addresses) {
      const areas = ws.getRanges(address);
      const props = Object.keys(look).length;
      if (look.color) areas.format.font.color = `#${look.color}`;
      if (look.bold) areas.format.font.bold = true;
      if (look.italic) areas.format.font.italic = true;
      if (look.size) areas.format.font.size = look.size;
      if (look.fill) areas.format.fill.color = `#${look.fill}`;
      if (look.alignRight) areas.format.horizontalAlignment = 'Right';
      bytes += (address.length + 150) * props;
    }
  }
  // Column widths, equal neighbours together.
  for (let i = 0; i < sheet.widths.length;) {
    let j = i;
    while (j + 1 < sheet.widths.length && sheet.widths[j + 1] === sheet.widths[i]) j++;
    ws.getRange(`${colLetter(i + 1)}:${colLetter(j + 1)}`).format.columnWidth = widthPoints(sheet.widths[i]);
    bytes += 150;
    i = j + 1;
  }
  const { rows, cols } = sheet.freeze;
  if (rows && cols) ws.freezePanes.freezeAt(`A1:${colLetter(cols)}${rows}`);
  else if (rows) ws.freezePanes.freezeRows(rows);
  else if (cols) ws.freezePanes.freezeColumns(cols);
  ws.showGridlines = false;
  return bytes + 300;
}

const CHART_TYPE: Record<ChartKind, `${Excel.ChartType}`> = {
  columnClustered: 'ColumnClustered',
  columnStacked: 'ColumnStacked',
  line: 'Line',
  barClustered: 'BarClustered',
  barStacked: 'BarStacked',
};

/** Queues the plan's charts that sit on `sheet`; returns the estimated JSON size. */
function queueCharts(ws: Excel.Worksheet, charts: readonly PlanChart[]): number {
  let bytes = 0;
  for (const spec of charts) {
    const { top, left, series, categories } = spec.source;
    const source = ws.getRange(`${a1(top, left)}:${a1(top + series, left + categories)}`);
    const chart = ws.charts.add(CHART_TYPE[spec.kind], source, 'Rows');
    chart.title.text = spec.title;
    chart.legend.position = 'Bottom';
    chart.setPosition(spec.from, spec.to);
    if (spec.secondaryLine !== undefined) {
      const line = chart.series.getItemAt(spec.secondaryLine);
      line.chartType = 'Line';
      line.axisGroup = 'Secondary';
    }
    for (const hidden of spec.hiddenSeries ?? []) chart.series.getItemAt(hidden).format.fill.clear();
    bytes += 800;
  }
  return bytes;
}

// ------------------------------------------------------------------------------------------------ insertModel

function uniqueName(base: string, taken: Set<string>): string {
  const fits = (s: string) => s.slice(0, 31);
  let name = fits(base);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = fits(`${base.slice(0, 24)} ${i}`);
  return name;
}

/**
 * Inserts the live model, or updates the add-in's sheets in place, keeping the user's edits to the Assumptions
 * inputs unless `reset`. Throws the model's ModelError for bad overrides before touching the workbook.
 */
export async function insertModel(host: ExcelHost, options: InsertOptions): Promise<InsertResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress('Building the model');
  const plan = planFor(options.scenario, options.overrides, options.version, options.date);
  const sheets = plan.sheets;
  const newInputs = inputValues(plan);

  return host.run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    // 1. Read: the sheets and names.
    progress('Reading the workbook');
    const read = queueDiscovery(context);
    await sync();
    const d = read();

    // Final names: the add-in's own sheet keeps its name; a user's sheet of the same name is left alone.
    const ownedLower = new Set(Object.values(d.owned).map((s) => s.toLowerCase()));
    const taken = new Set(
      d.sheets.filter((s) => !ownedLower.has(s.toLowerCase())).map((s) => s.toLowerCase()),
    );
    const finalName: Record<string, string> = {};
    const renamed: Record<string, string> = {};
    for (const s of sheets) {
      let name = ownedName(d, s.name);
      if (!name) {
        name = taken.has(s.name.toLowerCase()) ? uniqueName(`${s.name} (KC)`, taken) : s.name;
        if (name !== s.name) renamed[s.name] = name;
      }
      taken.add(name.toLowerCase());
      finalName[s.name] = name;
    }
    const allTaken = new Set([...d.sheets.map((s) => s.toLowerCase()), ...taken]);
    const stamp = Date.now().toString(36).slice(-4);
    const temp: Record<string, string> = {};
    sheets.forEach((s, i) => {
      const name = uniqueName(`~KC${stamp}${i} ${s.name}`, allTaken);
      allTaken.add(name.toLowerCase());
      temp[s.name] = name;
    });

    // 2. Write every sheet as a new hidden temporary sheet.
    progress('Writing the sheets');
    const app = context.workbook.application;
    app.suspendApiCalculationUntilNextSync();
    app.suspendScreenUpdatingUntilNextSync();
    const worksheets = context.workbook.worksheets;
    const created: Excel.Worksheet[] = [];
    const addedNames: string[] = [];
    let bytes = 0;
    let oldInputs: Excel.Range | null = null;
    const box = inputBlock(plan);
    try {
      for (const s of sheets) {
        const ws = worksheets.add(temp[s.name]);
        created.push(ws);
        ws.visibility = 'Hidden';
        bytes += queueSheet(ws, s, temp);
        bytes += queueCharts(
          ws,
          plan.charts.filter((c) => c.sheet === s.name),
        );
      }
      // Names the workbook does not have yet bind the new formulas now; existing ones are repointed in step 3.
      for (const n of plan.names) {
        if (d.names.has(n.name.toLowerCase())) continue;
        context.workbook.names.add(n.name, `=${quote(temp[n.sheet])}!${n.ref}`);
        addedNames.push(n.name);
        bytes += 200;
      }
      const oldAssumptions = ownedName(d, SHEET_NAMES.assumptions);
      if (oldAssumptions && !options.reset) {
        oldInputs = worksheets
          .getItem(oldAssumptions)
          .getRange(`${a1(box.row1, box.col1)}:${a1(box.row2, box.col2)}`);
        oldInputs.load('values');
      }
      await sync();
    } catch (error) {
      progress('Writing failed; removing the temporary sheets');
      await cleanUp(context, Object.values(temp), addedNames);
      throw error;
    }

    // Edits to carry: inputs the user changed since the last insert that this insert does not itself change.
    const carried: InsertResult['carried'] = [];
    if (oldInputs) {
      const previous = d.state ? safePlan(d.state) : null;
      const before = previous ? inputValues(previous) : null;
      const values = oldInputs.values;
      if (before)
        for (const [k, written] of before) {
          const [row, col] = k.split(',').map(Number);
          const now = values[row - box.row1]?.[col - box.col1];
          if (typeof now !== 'number' || now === written) continue;
          if (newInputs.get(k) !== written) continue; // this insert sets the cell anew
          carried.push({ sheet: finalName[SHEET_NAMES.assumptions], address: a1(row, col), value: now });
        }
    }

    // 3. Swap: carry the edits, repoint the names, delete the old sheets, rename and show the new ones.
    progress('Replacing the sheets');
    const tempAssumptions = created[sheets.findIndex((s) => s.name === SHEET_NAMES.assumptions)];
    for (const c of carried) tempAssumptions.getRange(c.address).values = [[c.value]];
    for (const n of plan.names) {
      if (!d.names.has(n.name.toLowerCase())) continue;
      context.workbook.names.getItem(d.names.get(n.name.toLowerCase())!.name).formula =
        `=${quote(temp[n.sheet])}!${n.ref}`;
    }
    const setName = (name: string, formula: string) => {
      const existing = d.names.get(name.toLowerCase());
      const item = existing
        ? context.workbook.names.getItem(existing.name)
        : context.workbook.names.add(name, formula);
      if (existing) item.formula = formula;
      item.visible = false;
    };
    for (const s of sheets) setName(`${MARK_PREFIX}${ROLE_OF[s.name]}`, `=${quote(temp[s.name])}!$A$1`);
    setName(
      STATE_NAME,
      encodeState({ scenario: plan.scenario, overrides: options.overrides, version: options.version }),
    );
    created.forEach((ws) => (ws.visibility = 'Visible'));
    for (const old of Object.values(d.owned)) worksheets.getItem(old).delete();
    sheets.forEach((s, i) => (created[i].name = finalName[s.name]));
    created[0].activate();
    try {
      await sync();
    } catch (error) {
      progress('Replacing the sheets failed');
      await cleanUp(context, Object.values(temp), addedNames).catch(() => undefined);
      throw error;
    }
    progress('Done');
    return {
      sheets: sheets.map((s) => finalName[s.name]),
      renamed,
      carried,
      syncs,
      maxRequestBytes: bytes,
    };
  });
}

function safePlan(state: StoredState): WorkbookPlan | null {
  try {
    return planFor(state.scenario, state.overrides ?? {});
  } catch {
    return null;
  }
}

/** Deletes whichever of the temporary sheets and added names exist (the failure path: two more round trips). */
async function cleanUp(context: Excel.RequestContext, temps: string[], names: string[]): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const all = context.workbook.names;
  all.load('items/name');
  await context.sync();
  const lower = new Set(temps.map((t) => t.toLowerCase()));
  for (const ws of sheets.items) if (lower.has(ws.name.toLowerCase())) ws.delete();
  const added = new Set(names.map((n) => n.toLowerCase()));
  for (const n of all.items) if (added.has(n.name.toLowerCase())) n.delete();
  await context.sync();
}

// ------------------------------------------------------------------------------------------------ reading

/** The scenario and overrides last inserted, and the scenario the selector is on now; null when not inserted. */
export async function readInsertedScenario(
  host: ExcelHost,
): Promise<{ scenario: string; overrides: Overrides; selected: string } | null> {
  return host.run(async (context) => {
    const d = await discover(context);
    const sheet = ownedName(d, SHEET_NAMES.assumptions);
    if (!sheet || !d.state) return null;
    const sel = layout().anchors.selector;
    const range = context.workbook.worksheets.getItem(sheet).getRange(a1(sel.row, sel.col));
    range.load('values');
    await context.sync();
    const v = range.values[0][0];
    const selected =
      typeof v === 'number' && SCENARIO_NAMES[v - 1] ? SCENARIO_NAMES[v - 1] : d.state.scenario;
    return { scenario: d.state.scenario, overrides: d.state.overrides ?? {}, selected };
  });
}

/**
 * The Assumptions inputs the user has edited since the last insert, as overrides ("wacc", "revenueGrowth.2027E")
 * for the scenario the selector is on; null when the model is not inserted.
 */
export async function readEditedAssumptions(host: ExcelHost): Promise<Overrides | null> {
  return host.run(async (context) => {
    const d = await discover(context);
    const sheet = ownedName(d, SHEET_NAMES.assumptions);
    if (!sheet || !d.state) return null;
    const previous = safePlan(d.state);
    if (!previous) return null;
    const box = inputBlock(previous);
    const sel = previous.anchors.selector;
    const ws = context.workbook.worksheets.getItem(sheet);
    const range = ws.getRange(`${a1(box.row1, box.col1)}:${a1(box.row2, box.col2)}`);
    range.load('values');
    await context.sync();
    const selector = range.values[sel.row - box.row1][sel.col - box.col1];
    const scenario =
      typeof selector === 'number' && SCENARIO_NAMES[selector - 1]
        ? SCENARIO_NAMES[selector - 1]
        : d.state.scenario;
    const keys = inputKeys(previous);
    const out: Record<string, number> = {};
    for (const [k, written] of inputValues(previous)) {
      const meaning = keys.get(k);
      if (!meaning || meaning.scenario !== scenario) continue;
      const [row, col] = k.split(',').map(Number);
      const now = range.values[row - box.row1][col - box.col1];
      if (typeof now === 'number' && now !== written) out[meaning.key] = now;
    }
    return out;
  });
}

/** Reads the recalculated headline figures; null when the model is not inserted. */
export async function readSummary(host: ExcelHost): Promise<ModelSummary | null> {
  return host.run(async (context) => {
    const d = await discover(context);
    const income = ownedName(d, SHEET_NAMES.income);
    const needed = ['targetPrice', 'upside', 'dcfEnterpriseValue', 'masterCheck'];
    if (!income || !needed.every((n) => d.names.has(n.toLowerCase()))) return null;
    const ranges = needed.map((n) => {
      const r = context.workbook.names.getItem(n).getRange();
      r.load('values');
      return r;
    });
    const lines = layout().anchors.lines;
    /** A line's cells in one row: the periods it has, from the first to the last. */
    const row = (id: string) => {
      const present = PERIODS.map((_, i) => i).filter((i) => lines[id][i]);
      const first = lines[id][present[0]];
      const last = lines[id][present[present.length - 1]];
      const r = context.workbook.worksheets
        .getItem(ownedName(d, first.sheet)!)
        .getRange(`${a1(first.row, first.col)}:${a1(last.row, last.col)}`);
      r.load('values');
      return { range: r, present };
    };
    if (!ownedName(d, SHEET_NAMES.income)) return null;
    const revenue = row('revenue');
    const ebitda = row('ebitdaAdjusted');
    await context.sync();
    const num = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);
    const byPeriod = ({ range, present }: { range: Excel.Range; present: number[] }) =>
      Object.fromEntries(present.map((p, i) => [PERIODS[p].id, num(range.values[0][i])]));
    return {
      targetPrice: num(ranges[0].values[0][0]),
      upside: num(ranges[1].values[0][0]),
      enterpriseValue: num(ranges[2].values[0][0]),
      masterCheck: ranges[3].values[0][0] === true,
      revenue: byPeriod(revenue),
      ebitda: byPeriod(ebitda),
    };
  });
}

// ------------------------------------------------------------------------------------------------ editing

/**
 * Writes a value into the Assumptions input cell of driver `id` (and `period` for per-year drivers) for the
 * scenario the selector is on.
 */
export async function writeAssumption(
  host: ExcelHost,
  id: string,
  period: string | undefined,
  value: number,
): Promise<void> {
  if (!Number.isFinite(value)) throw new Error(`${id}: ${value} is not a number`);
  const anchors = layout().anchors;
  const scalar = anchors.scalarInput[id];
  const series = anchors.seriesInput[id];
  if (!scalar && !series) throw new Error(`Unknown assumption ${id}`);
  if (series && (period === undefined || !Object.values(series)[0][period]))
    throw new Error(`${id} needs one of the periods ${Object.keys(Object.values(series)[0]).join(', ')}`);
  await host.run(async (context) => {
    const d = await discover(context);
    const sheet = ownedName(d, SHEET_NAMES.assumptions);
    if (!sheet) throw new Error('The model is not in this workbook: insert it first.');
    const ws = context.workbook.worksheets.getItem(sheet);
    const sel = ws.getRange(a1(anchors.selector.row, anchors.selector.col));
    sel.load('values');
    await context.sync();
    const v = sel.values[0][0];
    const scenario = typeof v === 'number' && SCENARIO_NAMES[v - 1] ? SCENARIO_NAMES[v - 1] : 'base';
    const cell = scalar ? scalar[scenario] : series[scenario][period!];
    ws.getRange(a1(cell.row, cell.col)).values = [[value]];
    await context.sync();
  });
}

/** Calls `onChange` whenever the Assumptions sheet changes; returns a function that stops watching. */
export async function watchAssumptions(host: ExcelHost, onChange: () => void): Promise<() => Promise<void>> {
  return host.run(async (context) => {
    const d = await discover(context);
    const sheet = ownedName(d, SHEET_NAMES.assumptions);
    if (!sheet) throw new Error('The model is not in this workbook: insert it first.');
    const result = context.workbook.worksheets.getItem(sheet).onChanged.add(async () => onChange());
    await context.sync();
    return async () => {
      result.remove();
      await result.context.sync();
    };
  });
}

// ------------------------------------------------------------------------------------------------ values

/**
 * Writes a values-only copy of the add-in's sheets ("KC values – Income Statement", ...) and a stamp sheet
 * ("KC values") with the scenario, date and version. Existing sheets are never overwritten.
 */
export async function convertToValues(
  host: ExcelHost,
  options: { scenario: string; version?: string; date?: string },
): Promise<{ sheets: string[] }> {
  return host.run(async (context) => {
    const d = await discover(context);
    const roles = [...Object.values(SHEET_NAMES), CHARTS_SHEET].filter((s) => ownedName(d, s));
    if (!roles.length) throw new Error('The model is not in this workbook: insert it first.');
    const ranges = roles.map((s) => {
      const r = context.workbook.worksheets.getItem(ownedName(d, s)!).getUsedRange(true);
      r.load('values,numberFormat,rowCount,columnCount');
      return r;
    });
    await context.sync();
    const taken = new Set(d.sheets.map((s) => s.toLowerCase()));
    const written: string[] = [];
    const stampName = uniqueName('KC values', taken);
    taken.add(stampName.toLowerCase());
    const stampSheet = context.workbook.worksheets.add(stampName);
    written.push(stampName);
    roles.forEach((s, i) => {
      const name = uniqueName(`KC values – ${ownedName(d, s)!}`, taken);
      taken.add(name.toLowerCase());
      written.push(name);
      const ws = context.workbook.worksheets.add(name);
      const r = ranges[i];
      const address = `A1:${colLetter(r.columnCount)}${r.rowCount}`;
      const target = ws.getRange(address);
      target.numberFormat = r.numberFormat;
      target.values = r.values;
    });
    const rows: (string | number)[][] = [
      ['Kingsoft Cloud model: values only (no formulas)', ''],
      ['Scenario', options.scenario],
      ['Date', options.date ?? new Date().toISOString().slice(0, 10)],
      ['Version', options.version ?? 'kc-model'],
      ['Sheets', written.slice(1).join(', ')],
    ];
    const stamp = stampSheet.getRange(`A1:B${rows.length}`);
    stamp.numberFormat = rows.map(() => ['@', '@']);
    stamp.values = rows;
    await context.sync();
    return { sheets: written };
  });
}
