/**
 * An in-memory stand-in for the part of the Excel JavaScript API that src/taskpane/excelWriter.ts uses, backed by
 * HyperFormula so that written formulas really evaluate. It keeps Office.js's batch semantics: calls on proxies
 * queue requests, nothing reaches the "document" before context.sync(), reading a property that was not loaded
 * throws PropertyNotLoaded, requests run in order and a failing request stops the batch with the earlier ones
 * applied. It counts syncs and estimates the JSON size of every batch.
 *
 * No Node-only imports: the browser test bundles it.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import type { ExcelHost } from '../../src/taskpane/excelWriter';

type Scalar = string | number | boolean;
type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** An Office.js-like error: `code` is one of Office's error codes. */
export class StandInError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

interface CellFormat {
  numberFormat?: string;
  fontName?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fill?: string;
  horizontalAlignment?: string;
}

interface SeriesState {
  name: string;
  /** Values: one row (or column) of the chart's source. */
  sheet: SheetState;
  row1: number;
  col1: number;
  row2: number;
  col2: number;
  chartType?: string;
  axisGroup?: string;
}

interface ChartState {
  name: string;
  type: string;
  title: string;
  series: SeriesState[];
  position?: { from: string; to?: string };
}

interface SheetState {
  name: string;
  visibility: Visibility;
  formats: Map<string, CellFormat>;
  widths: Map<number, number>;
  freeze: { rows: number; cols: number };
  charts: ChartState[];
  handlers: Set<(event: unknown) => Promise<unknown> | unknown>;
  showGridlines: boolean;
  deleted: boolean;
}

interface Block {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

interface Op {
  size: number;
  write: boolean;
  sheet?: () => SheetState | undefined;
  run(): void;
}

// ---------------------------------------------------------------------------------------------- addresses

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** "B3", "$B$3", "A1:D10", "A:C", "3:5" (1-based). */
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
  return {
    row1: p.row || 1,
    col1: p.col || 1,
    row2: q.row || 1048576,
    col2: q.col || 16384,
  };
}

function blockAddress(b: Block, absolute = false): string {
  const d = absolute ? '$' : '';
  const one = `${d}${colLetters(b.col1)}${d}${b.row1}`;
  return b.row1 === b.row2 && b.col1 === b.col2 ? one : `${one}:${d}${colLetters(b.col2)}${d}${b.row2}`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

function jsonSize(value: unknown): number {
  return JSON.stringify(value ?? null).length;
}

/** Fixed overhead of one request in Office.js's JSON protocol (action, object path, ids). */
const REQUEST_OVERHEAD = 120;

// ---------------------------------------------------------------------------------------------- the document

class Document {
  readonly hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', smartRounding: false });
  readonly sheets: SheetState[] = [];
  readonly hiddenNames = new Set<string>();
  syncCount = 0;
  requestSizes: number[] = [];
  syncLog: { size: number; requests: number; calculationSuspended: boolean; screenSuspended: boolean }[] = [];
  failAt: number | null = null;
  failSheetPrefix: string | null = null;

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
    if (id === undefined) throw new StandInError('ItemNotFound', `No sheet ${sheet.name}`);
    return id;
  }

  addSheet(name: string): SheetState {
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name))
      throw new StandInError('InvalidArgument', `Bad sheet name ${name}`);
    if (this.find(name)) throw new StandInError('ItemAlreadyExists', `The sheet ${name} already exists.`);
    this.hf.addSheet(name);
    const sheet: SheetState = {
      name,
      visibility: 'Visible',
      formats: new Map(),
      widths: new Map(),
      freeze: { rows: 0, cols: 0 },
      charts: [],
      handlers: new Set(),
      showGridlines: true,
      deleted: false,
    };
    this.sheets.push(sheet);
    return sheet;
  }

  rename(sheet: SheetState, name: string): void {
    if (sheet.name === name) return;
    const other = this.find(name);
    if (other && other !== sheet)
      throw new StandInError('ItemAlreadyExists', `The sheet ${name} already exists.`);
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name))
      throw new StandInError('InvalidArgument', `Bad sheet name ${name}`);
    this.hf.renameSheet(this.id(sheet), name);
    sheet.name = name;
  }

  deleteSheet(sheet: SheetState): void {
    if (this.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0)
      throw new StandInError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    this.hf.removeSheet(this.id(sheet));
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
  }

  setVisibility(sheet: SheetState, visibility: Visibility): void {
    if (
      visibility !== 'Visible' &&
      this.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0
    )
      throw new StandInError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    sheet.visibility = visibility;
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
    const content: RawCellContent[][] = data.map((r) =>
      r.map((v) => {
        if (v === '' || v === null || v === undefined) return null;
        if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
        throw new StandInError('InvalidArgument', `Bad cell value ${JSON.stringify(v)}`);
      }),
    );
    this.hf.setCellContents({ sheet: this.id(sheet), row: block.row1 - 1, col: block.col1 - 1 }, content);
  }

  value(sheet: SheetState, row: number, col: number): Scalar {
    if (this.hf.isEvaluationSuspended()) this.hf.resumeEvaluation();
    const v = this.hf.getCellValue({ sheet: this.id(sheet), row: row - 1, col: col - 1 });
    if (v instanceof DetailedCellError) return v.value;
    if (v === null || v === undefined) return '';
    return v as Scalar;
  }

  formula(sheet: SheetState, row: number, col: number): Scalar {
    const address = { sheet: this.id(sheet), row: row - 1, col: col - 1 };
    if (this.hf.doesCellHaveFormula(address)) return this.hf.getCellFormula(address) ?? '';
    const v = this.hf.getCellSerialized(address);
    return v === null || v === undefined ? '' : (v as Scalar);
  }

  grid<T>(_sheet: SheetState, b: Block, cell: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = b.row1; r <= b.row2; r++) {
      const line: T[] = [];
      for (let c = b.col1; c <= b.col2; c++) line.push(cell(r, c));
      out.push(line);
    }
    return out;
  }

  usedBlock(sheet: SheetState): Block | null {
    const dims = this.hf.getSheetDimensions(this.id(sheet));
    if (dims.height === 0 || dims.width === 0) return null;
    return { row1: 1, col1: 1, row2: dims.height, col2: dims.width };
  }

  formatAt(sheet: SheetState, row: number, col: number): CellFormat {
    let f = sheet.formats.get(key(row, col));
    if (!f) sheet.formats.set(key(row, col), (f = {}));
    return f;
  }

  // Names ------------------------------------------------------------------------------------------------

  nameList(): string[] {
    return this.hf.listNamedExpressions();
  }

  hasName(name: string): boolean {
    return this.nameList().some((n) => n.toLowerCase() === name.toLowerCase());
  }

  nameFormula(name: string): string {
    const formula = this.hf.getNamedExpressionFormula(name) ?? '';
    const value = this.hf.getNamedExpressionValue(name);
    // Excel shows a reference to a deleted sheet as #REF!.
    if (value instanceof DetailedCellError && value.type === 'REF') return '=#REF!';
    return formula;
  }

  addName(name: string, formula: string): void {
    if (this.hasName(name)) throw new StandInError('ItemAlreadyExists', `The name ${name} already exists.`);
    this.hf.addNamedExpression(name, formula.startsWith('=') ? formula : `=${formula}`);
  }

  setNameFormula(name: string, formula: string): void {
    this.hf.changeNamedExpression(name, formula.startsWith('=') ? formula : `=${formula}`);
  }

  deleteName(name: string): void {
    this.hf.removeNamedExpression(name);
    this.hiddenNames.delete(name);
  }

  nameRange(name: string): { sheet: SheetState; block: Block } {
    const formula = this.nameFormula(name);
    const m = /^='?((?:[^']|'')+?)'?!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(formula);
    if (!m) throw new StandInError('InvalidOperation', `The name ${name} is not a range (${formula}).`);
    return { sheet: this.get(m[1].replace(/''/g, "'")), block: parseAddress(m[2]) };
  }

  fire(sheet: SheetState, address: string): void {
    for (const handler of sheet.handlers) {
      void handler({
        address,
        changeType: 'RangeEdited',
        source: 'Local',
        type: 'WorksheetChanged',
        worksheetId: sheet.name,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------- proxies

class Context {
  private queue: Op[] = [];
  private calculationSuspended = false;
  private screenSuspended = false;
  readonly workbook: WorkbookProxy;
  constructor(readonly doc: Document) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  suspendCalculation(): void {
    this.calculationSuspended = true;
  }

  suspendScreen(): void {
    this.screenSuspended = true;
  }

  async sync(): Promise<void> {
    const doc = this.doc;
    const ops = this.queue;
    this.queue = [];
    doc.syncCount++;
    const size = ops.reduce((n, op) => n + op.size, 0);
    doc.requestSizes.push(size);
    doc.syncLog.push({
      size,
      requests: ops.length,
      calculationSuspended: this.calculationSuspended,
      screenSuspended: this.screenSuspended,
    });
    this.calculationSuspended = false;
    this.screenSuspended = false;
    let failAfter = Infinity;
    if (doc.failAt !== null) {
      doc.failAt--;
      if (doc.failAt === 0) {
        doc.failAt = null;
        failAfter = Math.floor(ops.length / 2);
      }
    }
    const hf = doc.hf;
    try {
      for (let i = 0; i < ops.length; i++) {
        if (i === failAfter) throw new StandInError('GeneralException', 'Injected failure during sync');
        const op = ops[i];
        if (op.write && !hf.isEvaluationSuspended()) hf.suspendEvaluation();
        if (!op.write && hf.isEvaluationSuspended()) hf.resumeEvaluation();
        op.run();
      }
      if (failAfter === ops.length)
        throw new StandInError('GeneralException', 'Injected failure during sync');
    } finally {
      if (hf.isEvaluationSuspended()) hf.resumeEvaluation();
    }
    await Promise.resolve();
  }
}

/** Base of every proxy: loaded properties, PropertyNotLoaded on reads of anything not loaded. */
class ClientObject {
  protected loaded = new Map<string, unknown>();
  constructor(readonly context: Context) {}

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name))
      throw new StandInError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.loaded.get(name) as T;
  }

  /** Queues a load of the named scalar properties. */
  protected queueLoad(props: string[], read: (p: string) => unknown, size = 60): void {
    this.context.enqueue({
      size: REQUEST_OVERHEAD + size,
      write: false,
      run: () => {
        for (const p of props) this.loaded.set(p, read(p));
      },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

function propList(props?: string | string[] | Record<string, unknown>): string[] {
  if (props === undefined) return [];
  if (typeof props === 'string')
    return props
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
  if (Array.isArray(props)) return props;
  return Object.keys(props);
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly application: {
    suspendApiCalculationUntilNextSync(): void;
    suspendScreenUpdatingUntilNextSync(): void;
  };
  constructor(readonly context: Context) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.names = new NamedItemCollectionProxy(context);
    this.application = {
      suspendApiCalculationUntilNextSync: () => context.suspendCalculation(),
      suspendScreenUpdatingUntilNextSync: () => context.suspendScreen(),
    };
  }
}

/** A collection whose `items` must be loaded (and synced) before they are read, as in Office.js. */
abstract class CollectionProxy<T> extends ClientObject {
  private itemsList: T[] | null = null;

  get items(): T[] {
    if (!this.itemsList)
      throw new StandInError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.itemsList;
  }

  /** The collection's items as of now, each filled with the wanted properties. */
  protected abstract snapshot(wanted: string[]): T[];

  load(props?: string | string[]): this {
    const wanted = propList(props).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 40,
      write: false,
      run: () => {
        this.itemsList = this.snapshot(wanted);
      },
    });
    return this;
  }
}

class WorksheetCollectionProxy extends CollectionProxy<WorksheetProxy> {
  add(name: string): WorksheetProxy {
    let target: SheetState | undefined;
    const proxy = new WorksheetProxy(this.context, () => target);
    this.context.enqueue({
      size: REQUEST_OVERHEAD + jsonSize(name),
      write: true,
      run: () => {
        target = this.context.doc.addSheet(name);
      },
    });
    return proxy;
  }

  getItem(name: string): WorksheetProxy {
    return this.lookup(name, false);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return this.lookup(name, true);
  }

  private lookup(name: string, nullable: boolean): WorksheetProxy {
    let target: SheetState | undefined;
    let resolved = false;
    const proxy = new WorksheetProxy(this.context, () => {
      if (!resolved) {
        resolved = true;
        target = this.context.doc.find(name);
      }
      if (!target && !nullable)
        throw new StandInError('ItemNotFound', `The requested resource doesn't exist (worksheet ${name}).`);
      return target;
    });
    proxy.nullable = nullable;
    // Resolve in order with the other requests, so that a sheet added earlier in the batch is found.
    this.context.enqueue({
      size: REQUEST_OVERHEAD,
      write: false,
      run: () => {
        proxy.resolveNow();
      },
    });
    return proxy;
  }

  protected snapshot(wanted: string[]): WorksheetProxy[] {
    return this.context.doc.sheets.map((s) => {
      const proxy = new WorksheetProxy(this.context, () => s);
      proxy.fill(wanted.length ? wanted : ['name', 'visibility', 'position']);
      return proxy;
    });
  }
}

class WorksheetProxy extends ClientObject {
  nullable = false;
  private nullResolved: boolean | null = null;
  readonly freezePanes: {
    freezeAt(range: RangeProxy | string): void;
    freezeRows(count: number): void;
    freezeColumns(count: number): void;
  };
  readonly charts: ChartCollectionProxy;
  readonly onChanged: { add(handler: (event: unknown) => Promise<unknown>): EventHandlerResultProxy };

  constructor(
    context: Context,
    private readonly resolve: () => SheetState | undefined,
  ) {
    super(context);
    const queue = (size: number, action: (s: SheetState) => void, write = true) =>
      this.queue(size, action, write);
    this.freezePanes = {
      freezeAt(range) {
        const addr = typeof range === 'string' ? range : range.addressText;
        queue(20, (s) => {
          const b = parseAddress(addr);
          s.freeze = { rows: b.row2, cols: b.col2 };
        });
      },
      freezeRows(count) {
        queue(10, (s) => (s.freeze = { ...s.freeze, rows: count }));
      },
      freezeColumns(count) {
        queue(10, (s) => (s.freeze = { ...s.freeze, cols: count }));
      },
    };
    this.charts = new ChartCollectionProxy(context, this);
    this.onChanged = {
      add(handler) {
        const result = new EventHandlerResultProxy(context);
        queue(
          20,
          (s) => {
            s.handlers.add(handler);
            result.removeFn = () => s.handlers.delete(handler);
          },
          false,
        );
        return result;
      },
    };
  }

  /** The sheet, or a throw if the proxy does not resolve (ItemNotFound / InvalidObjectPath on a null object). */
  sheet(): SheetState {
    const s = this.resolve();
    if (!s) throw new StandInError('InvalidObjectPath', 'The object path is not valid (null object).');
    if (s.deleted) throw new StandInError('ItemNotFound', `The worksheet ${s.name} was deleted.`);
    return s;
  }

  resolveNow(): void {
    this.nullResolved = this.resolve() === undefined;
  }

  get isNullObject(): boolean {
    if (this.nullResolved === null)
      throw new StandInError(
        'PropertyNotLoaded',
        "The property 'isNullObject' is not available before sync.",
      );
    return this.nullResolved;
  }

  queue(size: number, action: (s: SheetState) => void, write = true): void {
    this.context.enqueue({
      size: REQUEST_OVERHEAD + size,
      write,
      sheet: () => this.resolve(),
      run: () => action(this.sheet()),
    });
  }

  fill(props: string[]): void {
    const s = this.sheet();
    for (const p of props) {
      if (p === 'name') this.loaded.set('name', s.name);
      else if (p === 'visibility') this.loaded.set('visibility', s.visibility);
      else if (p === 'position') this.loaded.set('position', this.context.doc.sheets.indexOf(s));
      else if (p === 'showGridlines') this.loaded.set('showGridlines', s.showGridlines);
      else throw new StandInError('InvalidArgument', `Unknown worksheet property ${p}`);
    }
  }

  load(props?: string | string[]): this {
    const wanted = propList(props);
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 30,
      write: false,
      run: () => {
        const s = this.resolve();
        this.nullResolved = s === undefined;
        if (s) this.fill(wanted.length ? wanted : ['name', 'visibility', 'position']);
        else if (!this.nullable) throw new StandInError('ItemNotFound', 'The worksheet does not exist.');
      },
    });
    return this;
  }

  get name(): string {
    return this.prop('name');
  }
  set name(value: string) {
    this.loaded.set('name', value);
    this.queue(jsonSize(value), (s) => this.context.doc.rename(s, value));
  }

  get visibility(): Visibility {
    return this.prop('visibility');
  }
  set visibility(value: Visibility) {
    this.loaded.set('visibility', value);
    this.queue(20, (s) => this.context.doc.setVisibility(s, value));
  }

  get position(): number {
    return this.prop('position');
  }
  set position(value: number) {
    this.loaded.set('position', value);
    this.queue(10, (s) => {
      const sheets = this.context.doc.sheets;
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(Math.min(value, sheets.length), 0, s);
    });
  }

  get showGridlines(): boolean {
    return this.prop('showGridlines');
  }
  set showGridlines(value: boolean) {
    this.loaded.set('showGridlines', value);
    this.queue(10, (s) => (s.showGridlines = value));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this, address ?? 'A1:XFD1048576');
  }

  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, this, address);
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.context, this, null);
  }

  delete(): void {
    this.queue(10, (s) => this.context.doc.deleteSheet(s));
  }

  activate(): void {
    this.queue(10, () => undefined);
  }
}

class EventHandlerResultProxy {
  removeFn: (() => void) | null = null;
  constructor(readonly context: Context) {}
  remove(): void {
    this.context.enqueue({
      size: REQUEST_OVERHEAD,
      write: false,
      run: () => this.removeFn?.(),
    });
  }
}

class FormatProxy {
  readonly font: Record<'name' | 'color' | 'bold' | 'italic' | 'size', unknown>;
  readonly fill: Record<'color', unknown>;
  constructor(
    private readonly apply: (size: number, f: (format: CellFormat, col: number) => void) => void,
    private readonly widths?: (pts: number) => void,
  ) {
    const font = (name: 'name' | 'color' | 'bold' | 'italic' | 'size') => ({
      get: () => {
        throw new StandInError('PropertyNotLoaded', `The property '${name}' is not available.`);
      },
      set: (v: unknown) =>
        apply(jsonSize(v), (fmt) => {
          if (name === 'name') fmt.fontName = String(v);
          else if (name === 'color') fmt.fontColor = String(v).toUpperCase();
          else if (name === 'bold') fmt.bold = Boolean(v);
          else if (name === 'italic') fmt.italic = Boolean(v);
          else fmt.size = Number(v);
        }),
    });
    this.font = Object.defineProperties(
      {} as Record<'name' | 'color' | 'bold' | 'italic' | 'size', unknown>,
      {
        name: font('name'),
        color: font('color'),
        bold: font('bold'),
        italic: font('italic'),
        size: font('size'),
      },
    );
    this.fill = Object.defineProperty({} as Record<'color', unknown>, 'color', {
      get: () => {
        throw new StandInError('PropertyNotLoaded', "The property 'color' is not available.");
      },
      set: (v: unknown) => apply(jsonSize(v), (fmt) => (fmt.fill = String(v).toUpperCase())),
    });
  }

  set columnWidth(points: number) {
    if (!this.widths) throw new StandInError('InvalidArgument', 'columnWidth on a multi-area range');
    this.widths(points);
  }
  get columnWidth(): number {
    throw new StandInError('PropertyNotLoaded', "The property 'columnWidth' is not available.");
  }

  set horizontalAlignment(value: string) {
    this.apply(jsonSize(value), (fmt) => (fmt.horizontalAlignment = value));
  }
  get horizontalAlignment(): string {
    throw new StandInError('PropertyNotLoaded', "The property 'horizontalAlignment' is not available.");
  }
}

class RangeProxy extends ClientObject {
  readonly format: FormatProxy;

  constructor(
    context: Context,
    readonly worksheet: WorksheetProxy,
    /** null: the used range, computed when the request runs. */
    private readonly addr: string | null,
  ) {
    super(context);
    this.format = new FormatProxy(
      (size, f) =>
        this.worksheet.queue(size, (s) => {
          const b = this.block(s);
          for (let r = b.row1; r <= b.row2; r++)
            for (let c = b.col1; c <= b.col2; c++) f(this.context.doc.formatAt(s, r, c), c);
        }),
      (pts) =>
        this.worksheet.queue(jsonSize(pts), (s) => {
          const b = this.block(s);
          for (let c = b.col1; c <= b.col2; c++) s.widths.set(c, pts);
        }),
    );
  }

  get addressText(): string {
    if (this.addr === null) throw new StandInError('InvalidArgument', 'The used range has no fixed address');
    return this.addr;
  }

  block(s: SheetState): Block {
    if (this.addr !== null) return parseAddress(this.addr);
    return this.context.doc.usedBlock(s) ?? { row1: 1, col1: 1, row2: 1, col2: 1 };
  }

  /** For names.add and charts: the sheet and block when the request runs. */
  target(): { sheet: SheetState; block: Block } {
    const sheet = this.worksheet.sheet();
    return { sheet, block: this.block(sheet) };
  }

  load(props?: string | string[]): this {
    const wanted = propList(props);
    const list = wanted.length
      ? wanted
      : ['address', 'values', 'formulas', 'numberFormat', 'rowCount', 'columnCount'];
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 40,
      write: false,
      run: () => {
        const doc = this.context.doc;
        const s = this.worksheet.sheet();
        const b = this.block(s);
        for (const p of list) {
          if (p === 'values')
            this.loaded.set(
              p,
              doc.grid(s, b, (r, c) => doc.value(s, r, c)),
            );
          else if (p === 'formulas')
            this.loaded.set(
              p,
              doc.grid(s, b, (r, c) => doc.formula(s, r, c)),
            );
          else if (p === 'numberFormat')
            this.loaded.set(
              p,
              doc.grid(s, b, (r, c) => s.formats.get(key(r, c))?.numberFormat ?? 'General'),
            );
          else if (p === 'address') this.loaded.set(p, `${quoteSheet(s.name)}!${blockAddress(b)}`);
          else if (p === 'rowCount') this.loaded.set(p, b.row2 - b.row1 + 1);
          else if (p === 'columnCount') this.loaded.set(p, b.col2 - b.col1 + 1);
          else throw new StandInError('InvalidArgument', `Unknown range property ${p}`);
        }
      },
    });
    return this;
  }

  private writeGrid(name: string, data: unknown[][]): void {
    this.loaded.set(name, data);
    this.worksheet.queue(jsonSize(data), (s) => this.context.doc.write(s, this.block(s), data, name));
  }

  get values(): Scalar[][] {
    return this.prop('values');
  }
  set values(data: Scalar[][]) {
    this.writeGrid('values', data);
  }

  get formulas(): Scalar[][] {
    return this.prop('formulas');
  }
  set formulas(data: Scalar[][]) {
    this.writeGrid('formulas', data);
  }

  get numberFormat(): string[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(data: string[][]) {
    this.loaded.set('numberFormat', data);
    this.worksheet.queue(jsonSize(data), (s) => {
      const b = this.block(s);
      if (data.length !== b.row2 - b.row1 + 1 || data.some((r) => r.length !== b.col2 - b.col1 + 1))
        throw new StandInError('InvalidArgument', 'numberFormat dimensions do not match the range');
      for (let r = b.row1; r <= b.row2; r++)
        for (let c = b.col1; c <= b.col2; c++)
          this.context.doc.formatAt(s, r, c).numberFormat = data[r - b.row1][c - b.col1];
    });
  }

  get address(): string {
    return this.prop('address');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
}

class RangeAreasProxy extends ClientObject {
  readonly format: FormatProxy;
  constructor(context: Context, worksheet: WorksheetProxy, address: string) {
    super(context);
    if (address.length > 8192) throw new StandInError('InvalidArgument', 'The address is too long.');
    const blocks = address.split(',').map((a) => parseAddress(a.trim()));
    this.format = new FormatProxy((size, f) =>
      worksheet.queue(size + address.length, (s) => {
        for (const b of blocks)
          for (let r = b.row1; r <= b.row2; r++)
            for (let c = b.col1; c <= b.col2; c++) f(this.context.doc.formatAt(s, r, c), c);
      }),
    );
  }
}

class NamedItemProxy extends ClientObject {
  constructor(
    context: Context,
    private readonly nameText: string,
    private readonly nullable = false,
  ) {
    super(context);
  }
  private nullResolved: boolean | null = null;

  get isNullObject(): boolean {
    if (this.nullResolved === null)
      throw new StandInError(
        'PropertyNotLoaded',
        "The property 'isNullObject' is not available before sync.",
      );
    return this.nullResolved;
  }

  private check(): void {
    if (!this.context.doc.hasName(this.nameText))
      throw new StandInError('ItemNotFound', `The name ${this.nameText} does not exist.`);
  }

  fill(props: string[]): void {
    const doc = this.context.doc;
    for (const p of props) {
      if (p === 'name') this.loaded.set(p, this.nameText);
      else if (p === 'formula') this.loaded.set(p, doc.nameFormula(this.nameText));
      else if (p === 'visible') this.loaded.set(p, !doc.hiddenNames.has(this.nameText));
      else if (p === 'type')
        this.loaded.set(p, /^='?[^!]+'?!\$?[A-Z]/.test(doc.nameFormula(this.nameText)) ? 'Range' : 'String');
      else if (p === 'value') {
        const v = doc.hf.getNamedExpressionValue(this.nameText);
        this.loaded.set(p, v instanceof DetailedCellError ? v.value : v);
      } else throw new StandInError('InvalidArgument', `Unknown name property ${p}`);
    }
  }

  load(props?: string | string[]): this {
    const wanted = propList(props);
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 30,
      write: false,
      run: () => {
        const exists = this.context.doc.hasName(this.nameText);
        this.nullResolved = !exists;
        if (!exists) {
          if (!this.nullable) this.check();
          return;
        }
        this.fill(wanted.length ? wanted : ['name', 'formula', 'visible', 'type', 'value']);
      },
    });
    return this;
  }

  get name(): string {
    return this.prop('name');
  }
  get formula(): string {
    return this.prop('formula');
  }
  set formula(value: string) {
    this.loaded.set('formula', value);
    this.context.enqueue({
      size: REQUEST_OVERHEAD + jsonSize(value),
      write: true,
      run: () => {
        this.check();
        this.context.doc.setNameFormula(this.nameText, value);
      },
    });
  }
  get visible(): boolean {
    return this.prop('visible');
  }
  set visible(value: boolean) {
    this.loaded.set('visible', value);
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 10,
      write: false,
      run: () => {
        this.check();
        if (value) this.context.doc.hiddenNames.delete(this.nameText);
        else this.context.doc.hiddenNames.add(this.nameText);
      },
    });
  }
  get value(): unknown {
    return this.prop('value');
  }

  getRange(): RangeProxy {
    let address = '';
    let sheetName = '';
    const sheetProxy = new WorksheetProxy(this.context, () => this.context.doc.find(sheetName));
    const range = new NamedRangeProxy(this.context, sheetProxy, () => address);
    this.context.enqueue({
      size: REQUEST_OVERHEAD,
      write: false,
      run: () => {
        this.check();
        const target = this.context.doc.nameRange(this.nameText);
        sheetName = target.sheet.name;
        address = blockAddress(target.block);
      },
    });
    return range;
  }

  delete(): void {
    this.context.enqueue({
      size: REQUEST_OVERHEAD,
      write: true,
      run: () => {
        this.check();
        this.context.doc.deleteName(this.nameText);
      },
    });
  }
}

/** A range whose address is only known when the requests run (a name's range). */
class NamedRangeProxy extends RangeProxy {
  constructor(
    context: Context,
    worksheet: WorksheetProxy,
    private readonly lazyAddress: () => string,
  ) {
    super(context, worksheet, 'A1');
  }
  override block(): Block {
    return parseAddress(this.lazyAddress());
  }
}

class NamedItemCollectionProxy extends CollectionProxy<NamedItemProxy> {
  protected snapshot(wanted: string[]): NamedItemProxy[] {
    return this.context.doc.nameList().map((n) => {
      const item = new NamedItemProxy(this.context, n);
      item.fill(wanted.length ? wanted : ['name', 'formula', 'visible', 'type', 'value']);
      return item;
    });
  }

  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    void comment;
    this.context.enqueue({
      size: REQUEST_OVERHEAD + jsonSize(name) + (typeof reference === 'string' ? jsonSize(reference) : 40),
      write: true,
      run: () => {
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
          throw new StandInError('InvalidArgument', `Bad name ${name}`);
        let formula: string;
        if (typeof reference === 'string') formula = reference.startsWith('=') ? reference : `=${reference}`;
        else {
          const t = reference.target();
          formula = `=${quoteSheet(t.sheet.name)}!${blockAddress(t.block, true)}`;
        }
        this.context.doc.addName(name, formula);
      },
    });
    return new NamedItemProxy(this.context, name);
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, name);
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, name, true);
  }
}

class ChartCollectionProxy extends ClientObject {
  constructor(
    context: Context,
    private readonly worksheet: WorksheetProxy,
  ) {
    super(context);
  }

  add(type: string, sourceData: RangeProxy, seriesBy: string = 'Auto'): ChartProxy {
    const chart: { state?: ChartState } = {};
    this.worksheet.queue(60, (s) => {
      const { sheet, block } = sourceData.target();
      const doc = this.context.doc;
      // The first row holds the categories and the first column the series names (text cells).
      const series: SeriesState[] = [];
      if (seriesBy === 'Columns')
        throw new StandInError('InvalidArgument', 'The stand-in only models series by rows');
      for (let r = block.row1 + 1; r <= block.row2; r++)
        series.push({
          name: String(doc.value(sheet, r, block.col1)),
          sheet,
          row1: r,
          col1: block.col1 + 1,
          row2: r,
          col2: block.col2,
        });
      const state: ChartState = { name: `Chart ${s.charts.length + 1}`, type, title: '', series };
      s.charts.push(state);
      chart.state = state;
    });
    return new ChartProxy(this.context, () => {
      if (!chart.state) throw new StandInError('InvalidObjectPath', 'The chart was not created.');
      return chart.state;
    });
  }
}

class ChartProxy extends ClientObject {
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): ChartSeriesProxy };
  readonly legend: { position: string; visible: boolean };
  constructor(
    context: Context,
    private readonly state: () => ChartState,
  ) {
    super(context);
    const queue = (size: number, f: (c: ChartState) => void) =>
      context.enqueue({ size: REQUEST_OVERHEAD + size, write: true, run: () => f(state()) });
    this.title = {
      set text(value: string) {
        queue(jsonSize(value), (c) => (c.title = value));
      },
      get text(): string {
        throw new StandInError('PropertyNotLoaded', "The property 'text' is not available.");
      },
    };
    this.series = {
      getItemAt: (index: number) =>
        new ChartSeriesProxy(context, () => {
          const s = state().series[index];
          if (!s) throw new StandInError('ItemNotFound', `No series ${index}`);
          return s;
        }),
    };
    this.legend = {
      set position(_value: string) {
        queue(20, () => undefined);
      },
      get position(): string {
        throw new StandInError('PropertyNotLoaded', "The property 'position' is not available.");
      },
      set visible(_value: boolean) {
        queue(10, () => undefined);
      },
      get visible(): boolean {
        throw new StandInError('PropertyNotLoaded', "The property 'visible' is not available.");
      },
    };
  }

  set name(value: string) {
    this.context.enqueue({
      size: REQUEST_OVERHEAD + jsonSize(value),
      write: true,
      run: () => (this.state().name = value),
    });
  }
  get name(): string {
    return this.prop('name');
  }

  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 20,
      write: true,
      run: () => (this.state().position = { from: startCell, to: endCell }),
    });
  }
}

class ChartSeriesProxy extends ClientObject {
  constructor(
    context: Context,
    private readonly state: () => SeriesState,
  ) {
    super(context);
  }
  private set(f: (s: SeriesState) => void): void {
    this.context.enqueue({ size: REQUEST_OVERHEAD + 20, write: true, run: () => f(this.state()) });
  }
  set chartType(value: string) {
    this.set((s) => (s.chartType = value));
  }
  get chartType(): string {
    return this.prop('chartType');
  }
  set axisGroup(value: string) {
    this.set((s) => (s.axisGroup = value));
  }
  get axisGroup(): string {
    return this.prop('axisGroup');
  }
}

// ---------------------------------------------------------------------------------------------- the factory

export interface ChartInfo {
  name: string;
  type: string;
  title: string;
  position?: { from: string; to?: string };
  series: { name: string; values: Scalar[]; source: string; chartType?: string; axisGroup?: string }[];
}

export interface ExcelStandIn {
  host: ExcelHost;
  readonly syncCount: number;
  readonly requestSizes: number[];
  readonly syncLog: {
    size: number;
    requests: number;
    calculationSuspended: boolean;
    screenSuspended: boolean;
  }[];
  resetCounters(): void;
  sheetNames(): string[];
  visibility(sheet: string): Visibility;
  addSheet(name: string, cells?: Record<string, Scalar>): void;
  valueAt(sheet: string, a1: string): Scalar;
  formulaAt(sheet: string, a1: string): Scalar;
  setValue(sheet: string, a1: string, value: Scalar): void;
  format(sheet: string, a1: string): CellFormat & { numberFormat: string };
  columnWidth(sheet: string, col: number): number | undefined;
  freeze(sheet: string): { rows: number; cols: number };
  charts(sheet: string): ChartInfo[];
  names(): { name: string; formula: string; visible: boolean }[];
  snapshot(): string;
  failOnSync(n: number): void;
  failWhenWriting(sheetPrefix: string): void;
  /** The HyperFormula instance behind the workbook (for diagnostics). */
  hf: HyperFormula;
}

export function createExcelStandIn(): ExcelStandIn {
  const doc = new Document();
  const cell = (sheet: string, a1: string) => {
    const s = doc.get(sheet);
    const b = parseAddress(a1);
    return { s, row: b.row1, col: b.col1 };
  };
  const host: ExcelHost = {
    run: async (batch) => {
      const context = new Context(doc);
      return batch(context as unknown as Excel.RequestContext);
    },
  };
  return {
    host,
    hf: doc.hf,
    get syncCount() {
      return doc.syncCount;
    },
    get requestSizes() {
      return doc.requestSizes;
    },
    get syncLog() {
      return doc.syncLog;
    },
    resetCounters() {
      doc.syncCount = 0;
      doc.requestSizes = [];
      doc.syncLog = [];
    },
    sheetNames: () => doc.sheets.map((s) => s.name),
    visibility: (sheet) => doc.get(sheet).visibility,
    addSheet(name, cells = {}) {
      const s = doc.addSheet(name);
      for (const [a1, v] of Object.entries(cells)) {
        const b = parseAddress(a1);
        doc.write(s, { row1: b.row1, col1: b.col1, row2: b.row1, col2: b.col1 }, [[v]], 'addSheet');
      }
    },
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
      doc.write(s, { row1: row, col1: col, row2: row, col2: col }, [[value]], 'setValue');
      doc.fire(s, blockAddress({ row1: row, col1: col, row2: row, col2: col }));
    },
    format(sheet, a1) {
      const { s, row, col } = cell(sheet, a1);
      const f = s.formats.get(key(row, col)) ?? {};
      return { ...f, numberFormat: f.numberFormat ?? 'General' };
    },
    columnWidth: (sheet, col) => doc.get(sheet).widths.get(col),
    freeze: (sheet) => ({ ...doc.get(sheet).freeze }),
    charts(sheet) {
      return doc.get(sheet).charts.map((c) => ({
        name: c.name,
        type: c.type,
        title: c.title,
        position: c.position,
        series: c.series.map((s) => ({
          name: s.name,
          source: `${quoteSheet(s.sheet.name)}!${blockAddress(s)}`,
          values: doc.grid(s.sheet, s, (r, col) => doc.value(s.sheet, r, col)).flat(),
          chartType: s.chartType,
          axisGroup: s.axisGroup,
        })),
      }));
    },
    names: () =>
      doc.nameList().map((n) => ({ name: n, formula: doc.nameFormula(n), visible: !doc.hiddenNames.has(n) })),
    snapshot() {
      const sheets = doc.sheets.map((s) => {
        const used = doc.usedBlock(s);
        return {
          name: s.name,
          visibility: s.visibility,
          formulas: used ? doc.grid(s, used, (r, c) => doc.formula(s, r, c)) : [],
          values: used ? doc.grid(s, used, (r, c) => doc.value(s, r, c)) : [],
          charts: s.charts.length,
        };
      });
      return JSON.stringify({ sheets, names: this.names() });
    },
    failOnSync(n) {
      doc.failAt = n;
    },
    failWhenWriting(prefix) {
      doc.failSheetPrefix = prefix;
    },
  };
}
