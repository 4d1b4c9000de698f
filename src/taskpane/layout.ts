/**
 * The plan as this workbook gets it, and what the writer needs to know about its layout, all derived from the
 * workbook plan (src/workbook/plan.ts) and never from fixed addresses: the input cells keyed by driver, scenario block
 * and period (from plan.anchors), each sheet's rectangle, the names the add-in defines (plain or KC_-prefixed, with
 * the plan's formulas rewritten to match), and a layout version that changes whenever any of these moves.
 */
import { findDriver, PERIODS, type Overrides } from '../model';
import { CHARTS_SHEET, type PlanChart } from '../workbook/charts';
import { buildPlan, SHEET_NAMES, toCell, type PlanSheet, type WorkbookPlan } from '../workbook/plan';
import { a1, type Rect, sheetRef } from './addresses';
import { renameNamesInFormula, renameSheetsInFormula } from './formulaText';
import type { CellValue } from './modelState';

/** Prefix of every name the add-in defines for itself, and of its plan names in "prefixed" workbooks. */
export const PREFIX = 'KC_';
/** Hidden names: a sheet's rectangle (ownership), the input rectangle, the summary's rows. */
export const SHEET_MARK = `${PREFIX}SHEET_`;
/** The hidden name of the inputs' rectangle (Excel moves it with inserted rows). */
export const INPUTS_NAME = `${PREFIX}INPUTS`;
/** Prefix of the hidden names of the rows the summary card reads. */
export const LINE_MARK = `${PREFIX}LINE_`;
/** The lines the pane's summary card reads (by hidden row names, so inserted rows do not matter). */
export const SUMMARY_LINES = ['revenue', 'ebitdaAdjusted'] as const;
/** The plan's scalar names the summary card reads. */
export const SUMMARY_NAMES = ['targetPrice', 'upside', 'dcfEnterpriseValue', 'masterCheck'] as const;
/** The input key of the scenario selector. */
export const SELECTOR_KEY = 'selector';

const KNOWN_ROLES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(SHEET_NAMES).map(([role, name]) => [name, role])),
  [CHARTS_SHEET]: 'charts',
};

/**
 * A plan sheet's role, stable across layouts (its marker is KC_SHEET_<role>): the plan's own key for the sheets it
 * names, otherwise the sheet name's letters and digits (a sheet a newer plan adds).
 */
export function roleOf(planSheet: string): string {
  return KNOWN_ROLES[planSheet] ?? planSheet.replace(/[^A-Za-z0-9]/g, '');
}

/** One input cell of the Assumptions sheet and what it means. */
export interface InputCell {
  /** "selector", "wacc|base", "revenueGrowth|bull|2027E". */
  key: string;
  /** In the user's words: "WACC (base case)". */
  label: string;
  row: number;
  col: number;
  /** The value the plan writes. */
  value: CellValue;
}

/** A workbook name the add-in defines. */
export interface DefinedName {
  name: string;
  /** "='Sheet'!$A$1:$B$2". */
  formula: string;
  visible: boolean;
}

/** The plan as written into one workbook, and its layout facts. */
export interface Layout {
  /** The plan with this workbook's sheet names and defined names in every formula. */
  plan: WorkbookPlan;
  version: string;
  /** Plan sheet name -> this workbook's sheet name. */
  sheetName: Record<string, string>;
  inputs: Map<string, InputCell>;
  inputsBox: Rect;
  /** Plan sheet name -> its cells' rectangle from A1. */
  boxes: Map<string, Rect>;
  /** Every name the add-in defines, the plan's and its own hidden ones. */
  names: DefinedName[];
  /** The plan's names carry the KC_ prefix in this workbook. */
  prefixed: boolean;
  /** Plan name -> the name in this workbook (prefixed or not). */
  nameOf: (planName: string) => string;
  lines: Record<string, string[]>;
  /** chartKey(plan sheet, chart name) -> hash of the chart's definition. */
  chartHashes: Map<string, string>;
}

/** A memo of plans by scenario, overrides and stamps (buildPlan takes a few hundred ms). */
const planMemo = new Map<string, WorkbookPlan>();

/** The plan for a scenario and overrides; throws the model's ModelError for bad overrides. */
export function planFor(
  scenario: string,
  overrides: Overrides,
  version?: string,
  date?: string,
): WorkbookPlan {
  const k = JSON.stringify([scenario, overrides, version ?? null, date ?? null]);
  let plan = planMemo.get(k);
  if (!plan) {
    plan = buildPlan({ scenario, overrides, version, date });
    if (planMemo.size >= 4) planMemo.delete(planMemo.keys().next().value as string);
    planMemo.set(k, plan);
  }
  return plan;
}

function driverLabel(id: string): string {
  return findDriver(id)?.label ?? id;
}

/** An input key in the user's words ("Revenue growth 12/27E (bull case)"), also for keys a layout no longer has. */
export function labelOfKey(key: string): string {
  if (key === SELECTOR_KEY) return 'the scenario selector';
  const [id, scenario, period] = key.split('|');
  const heading = period ? ` ${PERIODS.find((p) => p.id === period)?.heading ?? period}` : '';
  return `${driverLabel(id)}${heading} (${scenario} case)`;
}

/** The input cells of a plan, keyed by what they mean. */
export function inputCells(plan: WorkbookPlan): Map<string, InputCell> {
  const sheet = plan.sheets.find((s) => s.name === plan.anchors.selector.sheet)!;
  const byAddress = new Map(sheet.cells.map((c) => [`${c.row},${c.col}`, c]));
  const out = new Map<string, InputCell>();
  const put = (key: string, row: number, col: number) =>
    out.set(key, {
      key,
      label: labelOfKey(key),
      row,
      col,
      value: toCell(byAddress.get(`${row},${col}`)?.value),
    });
  const sel = plan.anchors.selector;
  put(SELECTOR_KEY, sel.row, sel.col);
  for (const [id, byScenario] of Object.entries(plan.anchors.scalarInput))
    for (const [scenario, c] of Object.entries(byScenario)) put(`${id}|${scenario}`, c.row, c.col);
  for (const [id, byScenario] of Object.entries(plan.anchors.seriesInput))
    for (const [scenario, byPeriod] of Object.entries(byScenario))
      for (const [period, c] of Object.entries(byPeriod)) put(`${id}|${scenario}|${period}`, c.row, c.col);
  return out;
}

function bounds(cells: Iterable<{ row: number; col: number }>): Rect {
  const r = { row1: Infinity, col1: Infinity, row2: 0, col2: 0 };
  for (const c of cells) {
    r.row1 = Math.min(r.row1, c.row);
    r.col1 = Math.min(r.col1, c.col);
    r.row2 = Math.max(r.row2, c.row);
    r.col2 = Math.max(r.col2, c.col);
  }
  return r;
}

function sheetBox(sheet: PlanSheet): Rect {
  const b = bounds(sheet.cells);
  return { row1: 1, col1: 1, row2: Math.max(1, b.row2), col2: Math.max(1, b.col2) };
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function chartText(c: PlanChart): string {
  return JSON.stringify([
    c.title,
    c.kind,
    c.source,
    c.secondaryLine ?? null,
    c.hiddenSeries ?? [],
    c.from,
    c.to,
  ]);
}

/**
 * The layout version: a hash of every sheet's cell addresses and kinds (input, formula, text), the names, the charts
 * and the input keys. Values, formulas and stamps do not enter it: any scenario and overrides give the same version.
 */
export function layoutVersion(plan: WorkbookPlan): string {
  const parts: string[] = [];
  for (const s of plan.sheets) {
    parts.push(`#${s.name}`);
    for (const c of s.cells)
      parts.push(`${c.row},${c.col},${c.style === 'input' ? 'i' : c.formula ? 'f' : 't'}`);
  }
  for (const n of plan.names) parts.push(`${n.name}=${n.sheet}!${n.ref}`);
  for (const c of plan.charts) parts.push(chartText(c));
  for (const i of inputCells(plan).values()) parts.push(`${i.key}@${i.row},${i.col}`);
  return `L${hash(parts.join(';'))}`;
}

function periodsOf(plan: WorkbookPlan, line: string): { rect: Rect; periods: string[] } {
  const cells = plan.anchors.lines[line];
  const indexes = Object.keys(cells)
    .map(Number)
    .filter((i) => i >= 0)
    .sort((a, b) => a - b);
  const rect = bounds(indexes.map((i) => cells[i]));
  return { rect, periods: indexes.map((i) => PERIODS[i].id) };
}

/**
 * The plan as written into this workbook: `sheetName` gives each plan sheet's name here (a user's sheet may hold the
 * plan's name); with `prefixed`, every plan name becomes KC_<name> in the names and in every formula.
 */
export function layoutFor(base: WorkbookPlan, sheetName: Record<string, string>, prefixed: boolean): Layout {
  const renamedSheets = Object.fromEntries(Object.entries(sheetName).filter(([from, to]) => from !== to));
  const planNames = new Set(base.names.map((n) => n.name.toLowerCase()));
  const canonical = new Map(base.names.map((n) => [n.name.toLowerCase(), n.name]));
  const nameOf = (name: string) =>
    prefixed ? `${PREFIX}${canonical.get(name.toLowerCase()) ?? name}` : name;
  const rewrite = (formula: string) => {
    let f = Object.keys(renamedSheets).length ? renameSheetsInFormula(formula, renamedSheets) : formula;
    if (prefixed) f = renameNamesInFormula(f, planNames, nameOf);
    return f;
  };
  const sheets = base.sheets.map((s) => ({
    ...s,
    name: sheetName[s.name] ?? s.name,
    cells: s.cells.map((c) => (c.formula === undefined ? c : { ...c, formula: rewrite(c.formula) })),
  }));
  const charts = base.charts.map((c) => ({ ...c, sheet: sheetName[c.sheet] ?? c.sheet }));
  const plan: WorkbookPlan = {
    ...base,
    sheets,
    charts,
    names: base.names.map((n) => ({ ...n, name: nameOf(n.name), sheet: sheetName[n.sheet] ?? n.sheet })),
  };
  const inputs = inputCells(base);
  const inputsBox = bounds(inputs.values());
  const boxes = new Map(base.sheets.map((s) => [s.name, sheetBox(s)]));
  const names: DefinedName[] = plan.names.map((n) => ({
    name: n.name,
    formula: `='${n.sheet.replace(/'/g, "''")}'!${n.ref}`,
    visible: true,
  }));
  for (const s of base.sheets)
    names.push({
      name: `${SHEET_MARK}${roleOf(s.name)}`,
      formula: sheetRef(sheetName[s.name] ?? s.name, boxes.get(s.name)!),
      visible: false,
    });
  const inputSheet = base.anchors.selector.sheet;
  names.push({
    name: INPUTS_NAME,
    formula: sheetRef(sheetName[inputSheet] ?? inputSheet, inputsBox),
    visible: false,
  });
  const lines: Record<string, string[]> = {};
  for (const line of SUMMARY_LINES) {
    if (!base.anchors.lines[line]) continue; // a plan without the line: the card shows no figures for it
    const { rect, periods } = periodsOf(base, line);
    const home = base.anchors.lines[line][Number(Object.keys(base.anchors.lines[line])[0])].sheet;
    names.push({
      name: `${LINE_MARK}${line}`,
      formula: sheetRef(sheetName[home] ?? home, rect),
      visible: false,
    });
    lines[line] = periods;
  }
  const chartHashes = new Map<string, string>();
  const perSheet = new Map<string, number>();
  for (const c of base.charts) {
    const i = perSheet.get(c.sheet) ?? 0;
    perSheet.set(c.sheet, i + 1);
    chartHashes.set(chartKey(c.sheet, chartName(i)), hash(chartText(c)));
  }
  return {
    plan,
    version: layoutVersion(base),
    sheetName,
    inputs,
    inputsBox,
    boxes,
    names,
    prefixed,
    nameOf,
    lines,
    chartHashes,
  };
}

/** The add-in's name for its i-th chart on a sheet (the user's charts on the sheet keep theirs). */
export function chartName(i: number): string {
  return `KC chart ${i + 1}`;
}

/**
 * How the add-in's record and chartHashes key a chart: its plan sheet and its name there ("Valuation|KC chart 1"),
 * since every sheet numbers its charts from 1.
 */
export function chartKey(planSheet: string, name: string): string {
  return `${planSheet}|${name}`;
}

/**
 * The charts of one plan sheet in a map keyed by chartKey: chart name -> hash. A key without a sheet (a record written
 * before charts were keyed by sheet) belongs to no sheet.
 */
export function chartsOf(
  hashes: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
  planSheet: string,
): Map<string, string> {
  const prefix = chartKey(planSheet, '');
  const entries = hashes instanceof Map ? [...hashes] : Object.entries(hashes);
  return new Map(
    entries.filter(([key]) => key.startsWith(prefix)).map(([key, h]) => [key.slice(prefix.length), h]),
  );
}

/** "Assumptions!E9" for messages. */
export function cellText(sheet: string, row: number, col: number): string {
  return `${sheet}!${a1(row, col)}`;
}
