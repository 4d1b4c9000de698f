/**
 * The stand-in's Office.js objects for worksheets, ranges and their formats. Each queues its requests on the
 * context; the workbook model applies them at context.sync().
 */
import { ChartCollectionProxy } from './chartProxies';
import {
  ClientObject,
  CollectionProxy,
  type Context,
  EventHandlerResultProxy,
  propList,
  REQUEST_OVERHEAD,
} from './clientObjects';
import {
  type Block,
  blockAddress,
  type CellFormat,
  type EventKind,
  jsonSize,
  key,
  parseAddress,
  quoteSheet,
  type Scalar,
  type SheetState,
  StandInError,
  type Visibility,
} from './workbookModel';

const CLEAR_TYPES = ['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'];

export class WorksheetCollectionProxy extends CollectionProxy<WorksheetProxy> {
  add(name: string): WorksheetProxy {
    let target: SheetState | undefined;
    const proxy = this.context.track('Worksheet', new WorksheetProxy(this.context, () => target));
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
    const raw = new WorksheetProxy(this.context, () => {
      if (!resolved) {
        resolved = true;
        target = this.context.doc.find(name);
      }
      if (!target && !nullable)
        throw new StandInError('ItemNotFound', `The requested resource doesn't exist (worksheet ${name}).`);
      return target;
    });
    raw.nullable = nullable;
    // Resolve in order with the other requests, so that a sheet added earlier in the batch is found.
    this.context.enqueue({ size: REQUEST_OVERHEAD, write: false, run: () => raw.resolveNow() });
    return this.context.track('Worksheet', raw);
  }

  protected snapshot(wanted: string[]): WorksheetProxy[] {
    return this.context.doc.sheets.map((s) => {
      const proxy = new WorksheetProxy(this.context, () => s);
      proxy.fill(wanted.length ? wanted : ['name', 'visibility', 'position']);
      return this.context.track('Worksheet', proxy);
    });
  }
}

type EventSlot = { add(handler: (event: unknown) => Promise<unknown>): EventHandlerResultProxy };

export class WorksheetProxy extends ClientObject {
  nullable = false;
  private nullResolved: boolean | null = null;
  readonly freezePanes: object;
  readonly charts: ChartCollectionProxy;
  readonly onChanged: EventSlot;
  readonly onCalculated: EventSlot;

  constructor(
    context: Context,
    private readonly resolve: () => SheetState | undefined,
  ) {
    super(context);
    const queue = (size: number, action: (s: SheetState) => void) => this.queue(size, action);
    this.freezePanes = context.track('WorksheetFreezePanes', {
      freezeAt(range: RangeProxy | string) {
        const addr = typeof range === 'string' ? range : range.addressText;
        queue(20, (s) => {
          const b = parseAddress(addr);
          s.freeze = { rows: b.row2, cols: b.col2 };
        });
      },
      freezeRows(count: number) {
        queue(10, (s) => (s.freeze = { ...s.freeze, rows: count }));
      },
      freezeColumns(count: number) {
        queue(10, (s) => (s.freeze = { ...s.freeze, cols: count }));
      },
      unfreeze() {
        queue(10, (s) => (s.freeze = { rows: 0, cols: 0 }));
      },
    });
    this.charts = context.track('ChartCollection', new ChartCollectionProxy(context, this));
    const slot = (kind: EventKind): EventSlot =>
      context.track('EventHandlers', {
        add: (handler: (event: unknown) => Promise<unknown>) => {
          const result = context.track('EventHandlerResult', new EventHandlerResultProxy(context));
          this.context.enqueue({
            size: REQUEST_OVERHEAD + 20,
            write: false,
            run: () => {
              const s = this.sheet();
              s.handlers[kind].add(handler);
              result.removeFn = () => s.handlers[kind].delete(handler);
            },
          });
          return result;
        },
      });
    this.onChanged = slot('changed');
    this.onCalculated = slot('calculated');
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
    this.context.enqueue({ size: REQUEST_OVERHEAD + size, write, run: () => action(this.sheet()) });
  }

  fill(props: string[]): void {
    const s = this.sheet();
    for (const p of props) {
      if (p === 'name') this.setLoaded('name', s.name);
      else if (p === 'visibility') this.setLoaded('visibility', s.visibility);
      else if (p === 'position') this.setLoaded('position', this.context.doc.sheets.indexOf(s));
      else if (p === 'showGridlines') this.setLoaded('showGridlines', s.showGridlines);
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
    return this.context.track('Range', new RangeProxy(this.context, this, address ?? 'A1:XFD1048576'));
  }

  getRanges(address: string): RangeAreasProxy {
    return this.context.track('RangeAreas', new RangeAreasProxy(this.context, this, address));
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return this.context.track('Range', new RangeProxy(this.context, this, null));
  }

  delete(): void {
    this.queue(10, (s) => this.context.doc.deleteSheet(s));
  }

  activate(): void {
    this.queue(10, () => undefined, false);
  }
}

const BORDER_EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];
const BORDER_STYLES = [
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Double',
  'SlantDashDot',
];
const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];

/** Range.format, RangeAreas.format: font, fill, borders, alignment, wrapping, column width, row height. */
class FormatProxy {
  readonly font: object;
  readonly fill: object;
  readonly borders: object;
  constructor(
    context: Context,
    private readonly apply: (size: number, f: (format: CellFormat, col: number) => void) => void,
    private readonly widths?: (pts: number) => void,
    private readonly heights?: (pts: number) => void,
  ) {
    this.borders = context.track('RangeBorderCollection', {
      getItem: (edge: string) => {
        if (!BORDER_EDGES.includes(edge))
          throw new StandInError('InvalidArgument', `Bad border index ${edge}`);
        const border: Record<string, unknown> = {};
        for (const [prop, allowed] of [
          ['style', BORDER_STYLES],
          ['weight', BORDER_WEIGHTS],
          ['color', null],
        ] as const)
          Object.defineProperty(border, prop, {
            get: () => {
              throw new StandInError('PropertyNotLoaded', `The property '${prop}' is not available.`);
            },
            set: (v: string) => {
              if (allowed && !allowed.includes(v))
                throw new StandInError('InvalidArgument', `Bad border ${prop} ${v}`);
              apply(jsonSize(v), (fmt) => {
                const borders = (fmt.borders ??= {});
                (borders[edge] ??= {})[prop] = prop === 'color' ? v.toUpperCase() : v;
              });
            },
          });
        return context.track('RangeBorder', border);
      },
    });
    const font: Record<string, unknown> = {};
    for (const name of ['name', 'color', 'bold', 'italic', 'size'] as const)
      Object.defineProperty(font, name, {
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
    this.font = context.track('RangeFont', font);
    const fill: Record<string, unknown> = {};
    Object.defineProperty(fill, 'color', {
      get: () => {
        throw new StandInError('PropertyNotLoaded', "The property 'color' is not available.");
      },
      set: (v: unknown) => apply(jsonSize(v), (fmt) => (fmt.fill = String(v).toUpperCase())),
    });
    this.fill = context.track('RangeFill', fill);
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
  set verticalAlignment(value: string) {
    this.apply(jsonSize(value), (fmt) => (fmt.verticalAlignment = value));
  }
  get verticalAlignment(): string {
    throw new StandInError('PropertyNotLoaded', "The property 'verticalAlignment' is not available.");
  }
  set wrapText(value: boolean) {
    this.apply(5, (fmt) => (fmt.wrapText = value));
  }
  get wrapText(): boolean {
    throw new StandInError('PropertyNotLoaded', "The property 'wrapText' is not available.");
  }
  set rowHeight(points: number) {
    if (!this.heights) throw new StandInError('InvalidArgument', 'rowHeight on a multi-area range');
    this.heights(points);
  }
  get rowHeight(): number {
    throw new StandInError('PropertyNotLoaded', "The property 'rowHeight' is not available.");
  }
  get horizontalAlignment(): string {
    throw new StandInError('PropertyNotLoaded', "The property 'horizontalAlignment' is not available.");
  }
}

export class RangeProxy extends ClientObject {
  readonly format: FormatProxy;

  constructor(
    context: Context,
    readonly worksheet: WorksheetProxy,
    /** null: the used range, computed when the request runs. */
    private readonly addr: string | null,
  ) {
    super(context);
    const each = (f: (format: CellFormat, col: number) => void) => (s: SheetState) => {
      const b = this.block(s);
      for (let r = b.row1; r <= b.row2; r++)
        for (let c = b.col1; c <= b.col2; c++) f(this.context.doc.formatAt(s, r, c), c);
    };
    this.format = context.track(
      'RangeFormat',
      new FormatProxy(
        context,
        (size, f) => this.worksheet.queue(size, each(f)),
        (pts) =>
          this.worksheet.queue(jsonSize(pts), (s) => {
            const b = this.block(s);
            for (let c = b.col1; c <= b.col2; c++) s.widths.set(c, pts);
          }),
        (pts) =>
          this.worksheet.queue(jsonSize(pts), (s) => {
            const b = this.block(s);
            for (let r = b.row1; r <= b.row2; r++) s.heights.set(r, pts);
          }),
      ),
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
            this.setLoaded(
              p,
              doc.grid(b, (r, c) => doc.value(s, r, c)),
            );
          else if (p === 'formulas')
            this.setLoaded(
              p,
              doc.grid(b, (r, c) => doc.formula(s, r, c)),
            );
          else if (p === 'numberFormat')
            this.setLoaded(
              p,
              doc.grid(b, (r, c) => s.formats.get(key(r, c))?.numberFormat ?? 'General'),
            );
          else if (p === 'address') this.setLoaded(p, `${quoteSheet(s.name)}!${blockAddress(b)}`);
          else if (p === 'rowCount') this.setLoaded(p, b.row2 - b.row1 + 1);
          else if (p === 'columnCount') this.setLoaded(p, b.col2 - b.col1 + 1);
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
  /** As in Excel, text that starts with "=" written through values is entered as a formula. */
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

  /** Range.clear: "Contents" keeps formats, "Formats" keeps values, "All" both. */
  clear(applyTo: string = 'All'): void {
    if (!CLEAR_TYPES.includes(applyTo))
      throw new StandInError('InvalidArgument', `Bad clear type ${applyTo}`);
    this.worksheet.queue(40, (s) => {
      const b = this.block(s);
      if (applyTo === 'All' || applyTo === 'Formats')
        for (const k of [...s.formats.keys()]) {
          const [r, c] = k.split(',').map(Number);
          if (r >= b.row1 && r <= b.row2 && c >= b.col1 && c <= b.col2) s.formats.delete(k);
        }
      if (applyTo === 'All' || applyTo === 'Contents') this.context.doc.clearContents(s, b);
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
    this.format = context.track(
      'RangeFormat',
      new FormatProxy(context, (size, f) =>
        worksheet.queue(size + address.length, (s) => {
          for (const b of blocks)
            for (let r = b.row1; r <= b.row2; r++)
              for (let c = b.col1; c <= b.col2; c++) f(this.context.doc.formatAt(s, r, c), c);
        }),
      ),
    );
  }
}
