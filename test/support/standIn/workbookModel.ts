/**
 * The stand-in's workbook: sheets, cells (HyperFormula underneath), names, add-in settings, calculation and events,
 * with Excel's documented rules applied where HyperFormula is kinder (test/support/README.md lists each rule and its
 * source): a reference to a sheet that does not exist when a formula is entered stays #REF!; deleting a sheet turns
 * every reference to it into #REF! for good; a name must exist before a formula uses it (stricter than Excel, which
 * Microsoft does not document); values stay stale after a suspended or Manual-mode write until a calculation.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import {
  formulaLimitError,
  formulaParts,
  LIMITS,
  nameSyntaxError,
  replaceSpans,
  sheetNameError,
} from './formulaText';

export type Scalar = string | number | boolean;
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';
export type CalculationMode = 'Automatic' | 'AutomaticExceptTables' | 'Manual';
export type EventKind = 'changed' | 'calculated';
export type Handler = (event: unknown) => Promise<unknown> | unknown;

/** An Office.js-like error: `code` is one of Office's error codes (Excel.ErrorCodes). */
export class StandInError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

export interface CellFormat {
  numberFormat?: string;
  fontName?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  /** By edge ("EdgeBottom", ...): line style, weight and colour. */
  borders?: Record<string, { style?: string; weight?: string; color?: string }>;
}

export interface Block {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

export interface SeriesState extends Block {
  name: string;
  sheet: SheetState;
  chartType?: string;
  axisGroup?: string;
  /** Drawn with no fill (ChartFill.clear). */
  hiddenFill?: boolean;
  /** ChartFill.setSolidColor, ChartLineFormat.color. */
  fillColor?: string;
  lineColor?: string;
  /** The series' sheet was deleted: its reference is #REF! for good. */
  broken?: boolean;
}

export interface ChartState {
  name: string;
  type: string;
  title: string;
  series: SeriesState[];
  position?: { from: string; to?: string };
}

export interface SheetState {
  name: string;
  visibility: Visibility;
  formats: Map<string, CellFormat>;
  widths: Map<number, number>;
  heights: Map<number, number>;
  freeze: { rows: number; cols: number };
  charts: ChartState[];
  handlers: Record<EventKind, Set<Handler>>;
  showGridlines: boolean;
  deleted: boolean;
}

/**
 * Text written to a cell not formatted as Text (@) is read as Excel reads typed input: "12/25" becomes a date and
 * "1,234" or "5%" a number (Microsoft: "Stop automatically changing numbers to dates"). Dates become a serial number
 * here (the day in 2026; the exact serial does not matter to a test that expects text).
 */
function typedAsExcelWould(text: string): string | number {
  const t = text.trim();
  const date = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(t);
  if (date && Number(date[1]) >= 1 && Number(date[1]) <= 12 && Number(date[2]) >= 1 && Number(date[2]) <= 31)
    return 46022 + (Number(date[1]) - 1) * 31 + Number(date[2]);
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/.test(t)) {
    const n = Number(t.replace(/[,%]/g, ''));
    return t.endsWith('%') ? n / 100 : n;
  }
  return text;
}

/** A name that was undefined when a formula used it: HyperFormula keeps it unresolved for good. */
const UNDEFINED = '__KC_UNDEFINED_';

export function key(row: number, col: number): string {
  return `${row},${col}`;
}

export function colLetters(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3", "$B$3", "A1:D10", "A:C", "3:5", "'Sheet'!A1" (1-based). */
export function parseAddress(address: string): Block {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = bare.replace(/\$/g, '').split(':');
  const part = (p: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw new StandInError('InvalidArgument', `Bad address ${address}`);
    return { col: m[1] ? colNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
  };
  const p = part(a);
  const q = part(b);
  return { row1: p.row || 1, col1: p.col || 1, row2: q.row || 1048576, col2: q.col || 16384 };
}

export function blockAddress(b: Block, absolute = false): string {
  const d = absolute ? '$' : '';
  const one = `${d}${colLetters(b.col1)}${d}${b.row1}`;
  return b.row1 === b.row2 && b.col1 === b.col2 ? one : `${one}:${d}${colLetters(b.col2)}${d}${b.row2}`;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function jsonSize(value: unknown): number {
  return JSON.stringify(value ?? null).length;
}

export interface SyncRecord {
  size: number;
  requests: number;
  responseBytes: number;
  calculationSuspended: boolean;
  screenSuspended: boolean;
}

export class WorkbookModel {
  readonly hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', smartRounding: false });
  readonly sheets: SheetState[] = [];
  readonly hiddenNames = new Set<string>();
  readonly settings = new Map<string, unknown>();
  calculationMode: CalculationMode = 'Automatic';
  /** Formula values as last calculated, while a calculation is owed; null when values are current. */
  private stale: Map<SheetState, Map<string, Scalar>> | null = null;
  /** True while a batch with suspendApiCalculationUntilNextSync runs. */
  suspendedBatch = false;
  /** The session: reopening the workbook starts a new one (event handlers and request contexts end). */
  session = 1;
  syncCount = 0;
  requestSizes: number[] = [];
  syncLog: SyncRecord[] = [];
  responseBytes = 0;
  failAt: number | null = null;
  failSheetPrefix: string | null = null;
  /** Office.js members called, as "Class.member" (for the requirement-set check). */
  readonly usage = new Set<string>();
  /** Sheets written since the last event delivery. */
  private changed = new Set<SheetState>();

  // ---- sheets ------------------------------------------------------------------------------------------

  find(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  get(name: string): SheetState {
    const s = this.find(name);
    if (!s) throw new StandInError('ItemNotFound', `The worksheet ${name} does not exist.`);
    return s;
  }

  id(sheet: SheetState): number {
    const id = this.hf.getSheetId(sheet.name);
    if (id === undefined || sheet.deleted)
      throw new StandInError('ItemNotFound', `The worksheet ${sheet.name} was deleted.`);
    return id;
  }

  addSheet(name: string): SheetState {
    const bad = sheetNameError(name);
    if (bad) throw new StandInError('InvalidArgument', bad);
    if (this.find(name)) throw new StandInError('ItemAlreadyExists', `The sheet ${name} already exists.`);
    this.hf.addSheet(name);
    const sheet: SheetState = {
      name,
      visibility: 'Visible',
      formats: new Map(),
      widths: new Map(),
      heights: new Map(),
      freeze: { rows: 0, cols: 0 },
      charts: [],
      handlers: { changed: new Set(), calculated: new Set() },
      showGridlines: true,
      deleted: false,
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Renames a sheet; Excel rewrites every reference to it in formulas and names (HyperFormula does too). */
  rename(sheet: SheetState, name: string): void {
    if (sheet.name === name) return;
    const bad = sheetNameError(name);
    if (bad) throw new StandInError('InvalidArgument', bad);
    const other = this.find(name);
    if (other && other !== sheet)
      throw new StandInError('ItemAlreadyExists', `The sheet ${name} already exists.`);
    this.hf.renameSheet(this.id(sheet), name);
    sheet.name = name;
  }

  /**
   * Deletes a sheet. Every reference to it in other sheets' formulas and in names becomes #REF! in the formula
   * text, as Excel rewrites it, so a new sheet of the same name does not bring them back (HyperFormula would).
   */
  deleteSheet(sheet: SheetState): void {
    if (this.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0)
      throw new StandInError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    const lower = sheet.name.toLowerCase();
    const refersTo = (formula: string) =>
      formulaParts(formula).sheetRefs.filter((r) => r.sheet.toLowerCase() === lower);
    for (const other of this.sheets) {
      if (other === sheet) continue;
      const id = this.id(other);
      const formulas = this.hf.getSheetFormulas(id);
      formulas.forEach((row, r) =>
        row.forEach((f, c) => {
          if (typeof f !== 'string' || !refersTo(f).length) return;
          this.hf.setCellContents(
            { sheet: id, row: r, col: c },
            replaceSpans(f, refersTo(f), () => '#REF!'),
          );
        }),
      );
    }
    for (const name of this.hf.listNamedExpressions()) {
      const f = this.hf.getNamedExpressionFormula(name) ?? '';
      if (refersTo(f).length)
        this.hf.changeNamedExpression(
          name,
          replaceSpans(f, refersTo(f), () => '#REF!'),
        );
    }
    for (const other of this.sheets)
      for (const chart of other.charts) for (const s of chart.series) if (s.sheet === sheet) s.broken = true;
    this.hf.removeSheet(this.id(sheet));
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    sheet.handlers.changed.clear();
    sheet.handlers.calculated.clear();
  }

  setVisibility(sheet: SheetState, visibility: Visibility): void {
    if (
      visibility !== 'Visible' &&
      this.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0
    )
      throw new StandInError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    sheet.visibility = visibility;
  }

  // ---- cells -------------------------------------------------------------------------------------------

  /**
   * A formula as Excel stores it when entered now: references to sheets that do not exist become #REF! (Excel
   * resolves sheet names on entry and does not re-link them later: KB Q81318, EPPlus #1462), names not defined
   * yet stay unresolved for good (stricter than Excel; Microsoft does not document it).
   */
  private entered(formula: string): string {
    const limit = formulaLimitError(formula);
    if (limit) throw new StandInError('InvalidArgument', limit);
    const parts = formulaParts(formula);
    const missing = parts.sheetRefs.filter((r) => !this.find(r.sheet));
    const unknown = parts.names.filter((n) => !this.hasName(n.name));
    if (!missing.length && !unknown.length) return formula;
    return replaceSpans(formula, [...missing, ...unknown], (span) =>
      'sheet' in span ? '#REF!' : `${UNDEFINED}${(span as { name: string }).name}`,
    );
  }

  /** Writes literals or formulas ("=...") into a block. */
  write(sheet: SheetState, block: Block, data: unknown[][], what: string): void {
    const rows = block.row2 - block.row1 + 1;
    const cols = block.col2 - block.col1 + 1;
    if (data.length !== rows || data.some((r) => r.length !== cols))
      throw new StandInError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
      );
    if (this.failSheetPrefix !== null && sheet.name.startsWith(this.failSheetPrefix)) {
      this.failSheetPrefix = null;
      throw new StandInError('GeneralException', `Injected failure writing ${sheet.name}`);
    }
    const content: RawCellContent[][] = data.map((r, i) =>
      r.map((v, j) => {
        if (v === '' || v === null || v === undefined) return null;
        if (typeof v === 'number') {
          if (!Number.isFinite(v)) throw new StandInError('InvalidArgument', `Bad number ${v}`);
          return v;
        }
        if (typeof v === 'boolean') return v;
        if (typeof v === 'string') {
          const format = sheet.formats.get(key(block.row1 + i, block.col1 + j))?.numberFormat;
          // Text-formatted cells take "=..." as text, as Excel does.
          if (v.startsWith('=') && v.length > 1 && format !== '@') return this.entered(v);
          if (v.length > LIMITS.cellText)
            throw new StandInError('InvalidArgument', `Cell text over ${LIMITS.cellText} characters`);
          const typed = format === '@' ? v : typedAsExcelWould(v);
          // A leading apostrophe keeps text as text in HyperFormula, which would parse it otherwise.
          return typeof typed === 'string' ? `'${typed}` : typed;
        }
        throw new StandInError('InvalidArgument', `Bad cell value ${JSON.stringify(v)}`);
      }),
    );
    this.owe();
    this.hf.setCellContents({ sheet: this.id(sheet), row: block.row1 - 1, col: block.col1 - 1 }, content);
    this.changed.add(sheet);
  }

  /** Clears the contents of a block (Range.clear "Contents" / "All"). */
  clearContents(sheet: SheetState, block: Block): void {
    const used = this.usedBlock(sheet);
    if (!used) return;
    const b = {
      row1: block.row1,
      col1: block.col1,
      row2: Math.min(block.row2, used.row2),
      col2: Math.min(block.col2, used.col2),
    };
    if (b.row2 < b.row1 || b.col2 < b.col1) return;
    this.write(
      sheet,
      b,
      this.grid(b, () => ''),
      'clear',
    );
  }

  /** A calculation becomes due if this write happens with calculation suspended or in Manual mode. */
  private owe(): void {
    if (this.stale || (!this.suspendedBatch && this.calculationMode !== 'Manual')) return;
    const stale = new Map<SheetState, Map<string, Scalar>>();
    for (const s of this.sheets) {
      const values = new Map<string, Scalar>();
      const id = this.id(s);
      this.hf.getSheetFormulas(id).forEach((row, r) =>
        row.forEach((f, c) => {
          if (f !== undefined) values.set(key(r + 1, c + 1), this.current(s, r + 1, c + 1));
        }),
      );
      stale.set(s, values);
    }
    this.stale = stale;
  }

  /** Whether a calculation is owed (values shown are stale). */
  get calculationOwed(): boolean {
    return this.stale !== null;
  }

  /** Application.calculate: every formula gets its current value; onCalculated fires. */
  calculate(): void {
    this.stale = null;
    this.deliver('calculated', this.sheets);
  }

  private current(sheet: SheetState, row: number, col: number): Scalar {
    if (this.hf.isEvaluationSuspended()) this.hf.resumeEvaluation();
    const v = this.hf.getCellValue({ sheet: this.id(sheet), row: row - 1, col: col - 1 });
    if (v instanceof DetailedCellError) return v.value;
    if (v === null || v === undefined) return '';
    return v as Scalar;
  }

  /** The value Excel shows: a formula written while a calculation is owed shows its last calculated value. */
  value(sheet: SheetState, row: number, col: number): Scalar {
    if (this.stale) {
      const address = { sheet: this.id(sheet), row: row - 1, col: col - 1 };
      if (this.hf.doesCellHaveFormula(address)) return this.stale.get(sheet)?.get(key(row, col)) ?? 0;
    }
    return this.current(sheet, row, col);
  }

  formula(sheet: SheetState, row: number, col: number): Scalar {
    const address = { sheet: this.id(sheet), row: row - 1, col: col - 1 };
    if (this.hf.doesCellHaveFormula(address))
      return (this.hf.getCellFormula(address) ?? '').split(UNDEFINED).join('');
    const v = this.hf.getCellSerialized(address);
    if (typeof v === 'string') return v.startsWith("'") ? v.slice(1) : v;
    return v === null || v === undefined ? '' : (v as Scalar);
  }

  grid<T>(b: Block, cell: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = b.row1; r <= b.row2; r++) {
      const line: T[] = [];
      for (let c = b.col1; c <= b.col2; c++) line.push(cell(r, c));
      out.push(line);
    }
    return out;
  }

  /** The block from A1 to the last cell holding a value or formula (names do not count, unlike HyperFormula's). */
  usedBlock(sheet: SheetState): Block | null {
    const serialized = this.hf.getSheetSerialized(this.id(sheet));
    let row2 = 0;
    let col2 = 0;
    serialized.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        row2 = Math.max(row2, r + 1);
        col2 = Math.max(col2, c + 1);
      }),
    );
    return row2 ? { row1: 1, col1: 1, row2, col2 } : null;
  }

  formatAt(sheet: SheetState, row: number, col: number): CellFormat {
    let f = sheet.formats.get(key(row, col));
    if (!f) sheet.formats.set(key(row, col), (f = {}));
    return f;
  }

  /** Inserts (count > 0) or deletes (count < 0) rows or columns; references, names, formats and charts follow. */
  shift(sheet: SheetState, axis: 'rows' | 'columns', at: number, count: number): void {
    const id = this.id(sheet);
    if (axis === 'rows') {
      if (count > 0) this.hf.addRows(id, [at - 1, count]);
      else this.hf.removeRows(id, [at - 1, -count]);
    } else if (count > 0) this.hf.addColumns(id, [at - 1, count]);
    else this.hf.removeColumns(id, [at - 1, -count]);
    const move = (n: number) => (n >= at ? (count < 0 && n < at - count ? -1 : n + count) : n);
    const formats = new Map<string, CellFormat>();
    for (const [k, f] of sheet.formats) {
      const [r, c] = k.split(',').map(Number);
      const nr = axis === 'rows' ? move(r) : r;
      const nc = axis === 'columns' ? move(c) : c;
      if (nr > 0 && nc > 0) formats.set(key(nr, nc), f);
    }
    sheet.formats.clear();
    for (const [k, f] of formats) sheet.formats.set(k, f);
    for (const other of this.sheets)
      for (const chart of other.charts)
        for (const s of chart.series) {
          if (s.sheet !== sheet) continue;
          if (axis === 'rows') [s.row1, s.row2] = [Math.max(1, move(s.row1)), Math.max(1, move(s.row2))];
          else [s.col1, s.col2] = [Math.max(1, move(s.col1)), Math.max(1, move(s.col2))];
        }
    this.changed.add(sheet);
  }

  // ---- names -------------------------------------------------------------------------------------------

  nameList(): string[] {
    return this.hf.listNamedExpressions();
  }

  /** The name as stored (Excel's names are case-insensitive), or undefined. */
  nameOf(name: string): string | undefined {
    return this.nameList().find((n) => n.toLowerCase() === name.toLowerCase());
  }

  hasName(name: string): boolean {
    return this.nameOf(name) !== undefined;
  }

  nameFormula(name: string): string {
    const stored = this.nameOf(name);
    if (!stored) throw new StandInError('ItemNotFound', `The name ${name} does not exist.`);
    return (this.hf.getNamedExpressionFormula(stored) ?? '').split(UNDEFINED).join('');
  }

  /** NamedItemCollection.add: fails if the name exists (names are unique in their scope). */
  addName(name: string, formula: string): void {
    const bad = nameSyntaxError(name);
    if (bad) throw new StandInError('InvalidArgument', bad);
    if (this.hasName(name)) throw new StandInError('ItemAlreadyExists', `The name ${name} already exists.`);
    this.hf.addNamedExpression(name, this.entered(formula.startsWith('=') ? formula : `=${formula}`));
  }

  setNameFormula(name: string, formula: string): void {
    const stored = this.nameOf(name);
    if (!stored) throw new StandInError('ItemNotFound', `The name ${name} does not exist.`);
    this.hf.changeNamedExpression(stored, this.entered(formula.startsWith('=') ? formula : `=${formula}`));
  }

  deleteName(name: string): void {
    const stored = this.nameOf(name);
    if (!stored) throw new StandInError('ItemNotFound', `The name ${name} does not exist.`);
    this.hf.removeNamedExpression(stored);
    this.hiddenNames.delete(stored);
  }

  /** The sheet and block a name refers to; InvalidOperation if it is not one range (#REF!, a constant, ...). */
  nameRange(name: string): { sheet: SheetState; block: Block } {
    const formula = this.nameFormula(name);
    const m =
      /^=(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_. ]*))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(
        formula,
      );
    if (!m) throw new StandInError('InvalidOperation', `The name ${name} is not a range (${formula}).`);
    return {
      sheet: this.get(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]),
      block: parseAddress(m[3]),
    };
  }

  // ---- events ------------------------------------------------------------------------------------------

  /** Ends a batch's writes: Excel fires onChanged for sheets written (by users and add-ins alike). */
  flushChanges(recalculated: boolean): void {
    const sheets = [...this.changed];
    this.changed.clear();
    if (sheets.length) this.deliver('changed', sheets);
    if (recalculated && sheets.length) this.deliver('calculated', this.sheets);
  }

  /** Delivers an event to each sheet's handlers, asynchronously as Excel does. */
  deliver(kind: EventKind, sheets: SheetState[]): void {
    for (const sheet of sheets) {
      for (const handler of [...sheet.handlers[kind]]) {
        setTimeout(() => {
          if (sheet.deleted || !sheet.handlers[kind].has(handler)) return;
          void handler({
            type: kind === 'changed' ? 'WorksheetChanged' : 'WorksheetCalculated',
            worksheetId: sheet.name,
            source: 'Local',
          });
        }, 0);
      }
    }
  }

  /** Whether a write now would be recalculated at once (Automatic mode, nothing owed). */
  get recalculatesNow(): boolean {
    return !this.stale && !this.suspendedBatch && this.calculationMode !== 'Manual';
  }

  /** Closing and reopening the workbook: event handlers and request contexts belong to the old session. */
  reopen(): void {
    this.session++;
    for (const s of this.sheets) {
      s.handlers.changed.clear();
      s.handlers.calculated.clear();
    }
  }
}
