/**
 * An in-memory stand-in for the part of the Excel JavaScript API that the task pane uses, backed by HyperFormula so
 * that written formulas really evaluate, and at least as strict as Excel where the writer relies on Excel's rules
 * (test/support/README.md lists them with their Microsoft sources; test/support/excelStandIn.test.ts pins each).
 * It counts syncs and request sizes, injects failures, records the Office.js members used, and offers the user's
 * side of a workbook: edits, sheets, names, charts, inserted rows, calculation mode, F9, closing and reopening.
 *
 * No Node-only imports: the browser test bundles it.
 */
import type { ExcelHost } from '../../src/taskpane/excelHost';
import { Context } from './standIn/clientObjects';
import { WorkbookProxy } from './standIn/workbookProxies';
import {
  blockAddress,
  type CalculationMode,
  type CellFormat,
  parseAddress,
  quoteSheet,
  type Scalar,
  StandInError,
  type SyncRecord,
  type Visibility,
  WorkbookModel,
} from './standIn/workbookModel';

export { StandInError } from './standIn/workbookModel';
export type { CalculationMode, Scalar } from './standIn/workbookModel';

/** A chart as the tests read it: series with their source and current values. */
export interface ChartInfo {
  name: string;
  type: string;
  title: string;
  position?: { from: string; to?: string };
  series: {
    name: string;
    values: Scalar[];
    source: string;
    chartType?: string;
    axisGroup?: string;
    fillColor?: string;
    lineColor?: string;
    hiddenFill?: boolean;
  }[];
}

/** The stand-in: its host, and the user's side of the workbook. */
export interface ExcelStandIn {
  /** Pass to every task-pane function that takes an ExcelHost. */
  host: ExcelHost;
  readonly syncCount: number;
  readonly requestSizes: number[];
  readonly syncLog: SyncRecord[];
  resetCounters(): void;
  sheetNames(): string[];
  visibility(sheet: string): Visibility;
  /** The user adds a sheet, optionally with cells (text starting with "=" is a formula). */
  addSheet(name: string, cells?: Record<string, Scalar>): void;
  deleteSheet(name: string): void;
  renameSheet(from: string, to: string): void;
  /** The user inserts (or deletes) rows or columns: `at` is the first row (1-based) or column letter. */
  insertRows(sheet: string, at: number, count?: number): void;
  deleteRows(sheet: string, at: number, count?: number): void;
  insertColumns(sheet: string, at: string, count?: number): void;
  deleteColumns(sheet: string, at: string, count?: number): void;
  valueAt(sheet: string, a1: string): Scalar;
  formulaAt(sheet: string, a1: string): Scalar;
  /** A user edit of one cell (a value, or a formula "=..."); fires onChanged. */
  setValue(sheet: string, a1: string, value: Scalar): void;
  /** The user defines a workbook name (Formulas > Define Name). */
  addName(name: string, formula: string): void;
  /** The user deletes a workbook name (Formulas > Name Manager). */
  deleteName(name: string): void;
  /** The user draws a chart on `sheet` from a block of another (first row categories, first column names). */
  addUserChart(sheet: string, source: string, type?: string): void;
  format(sheet: string, a1: string): CellFormat & { numberFormat: string };
  columnWidth(sheet: string, col: number): number | undefined;
  rowHeight(sheet: string, row: number): number | undefined;
  freeze(sheet: string): { rows: number; cols: number };
  charts(sheet: string): ChartInfo[];
  names(): { name: string; formula: string; visible: boolean }[];
  /** The add-in's settings (context.workbook.settings) as stored in the document. */
  settings(): Record<string, unknown>;
  calculationMode: CalculationMode;
  /** Whether the values shown are stale (a calculation is owed). */
  readonly calculationOwed: boolean;
  /** The user presses F9 (Calculate Now). */
  calculateNow(): void;
  /** Closes and reopens the workbook: add-in settings, names and cells stay; event handlers and contexts end. */
  reopen(): void;
  /** Every sheet's formulas and values, the names and the settings: for "nothing changed" checks. */
  snapshot(): string;
  /** The n-th sync from now (1 = next) throws after applying half its requests. */
  failOnSync(n: number): void;
  /** The first write to a sheet whose name starts with `sheetPrefix` throws. */
  failWhenWriting(sheetPrefix: string): void;
  /** Office.js members the add-in used, as "Class.member". */
  readonly usage: ReadonlySet<string>;
}

/** A new, empty workbook (add a sheet before inserting, as Excel opens one). */
export function createExcelStandIn(): ExcelStandIn {
  const doc = new WorkbookModel();
  const cell = (sheet: string, a1: string) => {
    const s = doc.get(sheet);
    const b = parseAddress(a1);
    return { s, row: b.row1, col: b.col1 };
  };
  const newContext = () => {
    const context = new Context(doc);
    context.workbook = context.track('Workbook', new WorkbookProxy(context));
    return context;
  };
  const host: ExcelHost = {
    async run(batch) {
      const context = newContext();
      try {
        return await batch(context.track('RequestContext', context) as unknown as Excel.RequestContext);
      } finally {
        context.active = false;
      }
    },
    async runIn(requestContext, batch) {
      const context = requestContext as unknown as Context;
      if (!(context instanceof Context) || context.session !== doc.session)
        throw new StandInError('InvalidObjectPath', 'The request context belongs to a closed session.');
      context.active = true;
      try {
        return await batch(requestContext as unknown as Excel.RequestContext);
      } finally {
        context.active = false;
      }
    },
  };
  /** A user's action: applied at once, with the events and recalculation Excel would do. */
  const userAction = (f: () => void) => {
    const recalculates = doc.recalculatesNow;
    f();
    doc.flushChanges(recalculates);
  };
  const letters = (at: string) => parseAddress(`${at}1`).col1;
  return {
    host,
    get syncCount() {
      return doc.syncCount;
    },
    get requestSizes() {
      return doc.requestSizes;
    },
    get syncLog() {
      return doc.syncLog;
    },
    get usage() {
      return doc.usage;
    },
    resetCounters() {
      doc.syncCount = 0;
      doc.requestSizes = [];
      doc.syncLog = [];
    },
    sheetNames: () => doc.sheets.map((s) => s.name),
    visibility: (sheet) => doc.get(sheet).visibility,
    addSheet(name, cells = {}) {
      userAction(() => {
        const s = doc.addSheet(name);
        for (const [a1, v] of Object.entries(cells)) {
          const b = parseAddress(a1);
          doc.write(s, { row1: b.row1, col1: b.col1, row2: b.row1, col2: b.col1 }, [[v]], 'addSheet');
        }
      });
    },
    deleteSheet: (name) => userAction(() => doc.deleteSheet(doc.get(name))),
    renameSheet: (from, to) => userAction(() => doc.rename(doc.get(from), to)),
    insertRows: (sheet, at, count = 1) => userAction(() => doc.shift(doc.get(sheet), 'rows', at, count)),
    deleteRows: (sheet, at, count = 1) => userAction(() => doc.shift(doc.get(sheet), 'rows', at, -count)),
    insertColumns: (sheet, at, count = 1) =>
      userAction(() => doc.shift(doc.get(sheet), 'columns', letters(at), count)),
    deleteColumns: (sheet, at, count = 1) =>
      userAction(() => doc.shift(doc.get(sheet), 'columns', letters(at), -count)),
    valueAt(sheet, a1) {
      const { s, row, col } = cell(sheet, a1);
      return doc.value(s, row, col);
    },
    formulaAt(sheet, a1) {
      const { s, row, col } = cell(sheet, a1);
      return doc.formula(s, row, col);
    },
    setValue(sheet, a1, value) {
      const { s, row, col } = cell(sheet, a1);
      userAction(() => doc.write(s, { row1: row, col1: col, row2: row, col2: col }, [[value]], 'setValue'));
    },
    addName: (name, formula) => userAction(() => doc.addName(name, formula)),
    deleteName: (name) => userAction(() => doc.deleteName(name)),
    addUserChart(sheet, source, type = 'ColumnClustered') {
      const s = doc.get(sheet);
      const from = doc.get(
        source.slice(0, source.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'"),
      );
      const b = parseAddress(source);
      const series = [];
      for (let r = b.row1 + 1; r <= b.row2; r++)
        series.push({
          name: String(doc.value(from, r, b.col1)),
          sheet: from,
          row1: r,
          col1: b.col1 + 1,
          row2: r,
          col2: b.col2,
        });
      s.charts.push({ name: `Chart ${s.charts.length + 1}`, type, title: '', series });
    },
    format(sheet, a1) {
      const { s, row, col } = cell(sheet, a1);
      const f = s.formats.get(`${row},${col}`) ?? {};
      return { ...f, numberFormat: f.numberFormat ?? 'General' };
    },
    columnWidth: (sheet, col) => doc.get(sheet).widths.get(col),
    rowHeight: (sheet, row) => doc.get(sheet).heights.get(row),
    freeze: (sheet) => ({ ...doc.get(sheet).freeze }),
    charts(sheet) {
      return doc.get(sheet).charts.map((c) => ({
        name: c.name,
        type: c.type,
        title: c.title,
        position: c.position,
        series: c.series.map((s) => ({
          name: s.name,
          source: s.broken ? '#REF!' : `${quoteSheet(s.sheet.name)}!${blockAddress(s)}`,
          values: s.broken ? ['#REF!'] : doc.grid(s, (r, col) => doc.value(s.sheet, r, col)).flat(),
          chartType: s.chartType,
          axisGroup: s.axisGroup,
          fillColor: s.fillColor,
          lineColor: s.lineColor,
          hiddenFill: s.hiddenFill,
        })),
      }));
    },
    names: () =>
      doc.nameList().map((n) => ({ name: n, formula: doc.nameFormula(n), visible: !doc.hiddenNames.has(n) })),
    settings: () => Object.fromEntries([...doc.settings].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))])),
    get calculationMode() {
      return doc.calculationMode;
    },
    set calculationMode(mode: CalculationMode) {
      doc.calculationMode = mode;
    },
    get calculationOwed() {
      return doc.calculationOwed;
    },
    calculateNow: () => doc.calculate(),
    reopen: () => doc.reopen(),
    snapshot() {
      const sheets = doc.sheets.map((s) => {
        const used = doc.usedBlock(s);
        return {
          name: s.name,
          visibility: s.visibility,
          formulas: used ? doc.grid(used, (r, c) => doc.formula(s, r, c)) : [],
          values: used ? doc.grid(used, (r, c) => doc.value(s, r, c)) : [],
          charts: s.charts.map((c) => c.name),
        };
      });
      return JSON.stringify({ sheets, names: this.names(), settings: this.settings() });
    },
    failOnSync(n) {
      doc.failAt = n;
    },
    failWhenWriting(prefix) {
      doc.failSheetPrefix = prefix;
    },
  };
}
