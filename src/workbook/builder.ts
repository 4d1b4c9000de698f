/**
 * The shared builder every sheet module uses: a sheet under construction (SheetBuilder) and the state the sheets
 * share (PlanContext): where each line lives, the defined names, the anchors, and how to render a line's
 * definition as a formula from any sheet.
 */
import { cut } from '../model/errors';
import {
  definitionFor,
  driverPeriods,
  findDriver,
  findLine,
  PERIODS,
  type AssumptionSet,
  type DriverDef,
  type KcModel,
  type LineDef,
  type Overrides,
  type Value,
} from '../model';
import {
  a1,
  capitalise,
  definedName,
  FIRST_PERIOD_COL,
  HEADER_ROWS,
  ID_COL,
  LABEL_COL,
  MODEL_NAME,
  periodIndex,
  SHEET_NAMES,
  UNIT_COL,
} from './layout';
import type {
  CellAddress,
  CellStyle,
  PageBanner,
  PlanCell,
  PlanName,
  PlanOptions,
  PlanSheet,
  PlanValue,
  PrintSetup,
  Span,
  WorkbookPlan,
} from './plan';
import { exprNullable, renderFormula, type RenderContext } from './renderFormula';
import { LINE_FORMAT, UNIT_TEXT } from './styles';

/** Longest stamp of the overrides in a cell. */
const STAMP_LIMIT = 1000;

/** Row height of one line of 10 pt text, in points, and roughly how many characters fit one unit of width. */
const LINE_HEIGHT = 12.75;
const CHARS_PER_WIDTH = 1.1;

/** A sheet under construction. */
export class SheetBuilder {
  readonly cells: PlanCell[] = [];
  readonly rowGroups: Span[] = [];
  readonly colGroups: Span[] = [];
  print: PrintSetup;
  constructor(
    readonly name: string,
    readonly widths: number[],
    readonly freeze: { rows: number; cols: number },
  ) {
    // Period sheets repeat their title and headings on every page, and their labels and units on the left.
    this.print =
      freeze.rows > 0
        ? {
            titleRows: { from: 1, to: freeze.rows },
            titleCols: { from: 1, to: Math.min(freeze.cols, UNIT_COL) },
          }
        : {};
  }
  put(cell: PlanCell): void {
    this.cells.push(cell);
  }
  text(row: number, col: number, value: string, style: CellStyle = 'label'): void {
    this.put({ row, col, value, style });
  }
  /** Groups rows (collapsed): workings a reader expands on demand. */
  groupRows(from: number, to: number): void {
    if (to >= from) this.rowGroups.push({ from, to });
  }
  /** Groups columns (collapsed), such as the id column. */
  groupCols(from: number, to: number): void {
    if (to >= from) this.colGroups.push({ from, to });
  }
  toSheet(): PlanSheet {
    return {
      name: this.name,
      cells: this.cells,
      widths: this.widths,
      heights: this.wrapLongLabels(),
      freeze: this.freeze,
      groups: { rows: this.rowGroups, cols: this.colGroups },
      print: this.print,
    };
  }
  /**
   * A text cell longer than its column is cut off where the next cell holds something: such a cell wraps, and its
   * row is made tall enough for the lines.
   */
  private wrapLongLabels(): Record<number, number> {
    const filled = new Set(this.cells.map((c) => `${c.row},${c.col}`));
    const hidden = (col: number) => this.colGroups.some((g) => col >= g.from && col <= g.to);
    const width = (col: number) => (hidden(col) ? 0 : (this.widths[col - 1] ?? 9));
    const heights: Record<number, number> = {};
    for (const c of this.cells) {
      if (typeof c.value !== 'string' || c.formula !== undefined || hidden(c.col)) continue;
      // Text overflows into empty cells to its right, up to the first cell that holds something.
      let room = width(c.col);
      let next = c.col + 1;
      while (!filled.has(`${c.row},${next}`) && next <= this.widths.length) room += width(next++);
      if (next > this.widths.length || c.value.length <= room * CHARS_PER_WIDTH) continue;
      c.wrap = true;
      const lines = Math.ceil(c.value.length / (width(c.col) * CHARS_PER_WIDTH));
      heights[c.row] = Math.max(heights[c.row] ?? 0, lines * LINE_HEIGHT);
    }
    return heights;
  }
}

/** Widths of a period sheet: label, unit, id, then one column per period. */
export const periodWidths = (labelWidth: number): number[] => [labelWidth, 8, 24, ...PERIODS.map(() => 11)];

/** A model value as a cell holds it: NM is the text "NM". */
export function cached(value: Value): PlanValue {
  return value === null ? 'NM' : value;
}

/** Green for a pure link to another sheet (or a defined name), black otherwise. */
export function styleOf(formula: string): CellStyle {
  return /^'[^']+'!\$?[A-Z]+\$?\d+$/.test(formula) ? 'link' : 'formula';
}

/** A line by id (the model's index), or an error naming it. */
export function lineDef(id: string): LineDef {
  const def = findLine(id);
  if (!def) throw new Error(`Unknown line ${id}`);
  return def;
}

/** Where a line lives; `col` is set for scalar lines (their single value cell). */
interface LineHome {
  sheet: string;
  row: number;
  col?: number;
}

/** What the sheets share while the plan is built. */
export class PlanContext {
  readonly names: PlanName[] = [];
  readonly anchors: WorkbookPlan['anchors'] = {
    selector: { sheet: SHEET_NAMES.assumptions, row: 0, col: 0 },
    masterCheck: { sheet: SHEET_NAMES.checks, row: 0, col: 0 },
    scalarInput: {},
    seriesInput: {},
    lines: {},
  };
  /** Live per-period driver rows on the Assumptions sheet, by driver id. */
  readonly driverRows = new Map<string, number>();
  /** The defined name of the scenario selector. */
  readonly selectorName = 'scenario';
  private readonly homes = new Map<string, LineHome>();
  private readonly nullableCache = new Map<string, boolean>();

  constructor(
    readonly model: KcModel,
    readonly sets: AssumptionSet[],
    readonly scenario: string,
    readonly overrides: Overrides,
    readonly options: PlanOptions,
  ) {}

  addName(name: string, sheet: string, ref: string): void {
    this.names.push({ name, sheet, ref });
  }

  /** A reference from sheet `from` to a cell, with the sheet name when it is elsewhere. */
  ref(from: string, sheet: string, row: number, col: number, absolute = false): string {
    const cell = a1(row, col, absolute);
    return sheet === from ? cell : `'${sheet}'!${cell}`;
  }

  lineCell(id: string, period: number): CellAddress {
    const home = this.homes.get(id);
    if (!home) throw new Error(`Line ${id} has no place in the workbook`);
    return { sheet: home.sheet, row: home.row, col: home.col ?? FIRST_PERIOD_COL + period };
  }

  isScalarLine(id: string): boolean {
    return this.homes.get(id)?.col !== undefined;
  }

  /** How to render a formula on sheet `from` for a period (-1 for scalar lines). */
  context(from: string, period: number): RenderContext {
    return {
      period,
      lineRef: (id, p) => {
        const c = this.lineCell(id, this.isScalarLine(id) ? -1 : p);
        return this.ref(from, c.sheet, c.row, c.col);
      },
      rangeRef: (id, p0, p1) => {
        const c0 = this.lineCell(id, p0);
        const c1 = this.lineCell(id, p1);
        return this.ref(from, c0.sheet, c0.row, c0.col) + ':' + a1(c1.row, c1.col);
      },
      driverRef: (id, p) => this.driverRef(from, id, p),
      nullable: (id, p) => this.nullable(id, this.isScalarLine(id) ? -1 : p),
      periodIndex,
    };
  }

  private driverRef(from: string, id: string, period: number): string {
    const def = findDriver(id);
    if (!def) throw new Error(`Unknown driver ${id}`);
    if (def.scope === 'scalar') return definedName(id);
    const p = PERIODS[period];
    if (!p || !driverPeriods(def).includes(p.id))
      throw new Error(`Driver ${id} has no value in period ${period}`);
    return this.ref(from, SHEET_NAMES.assumptions, this.driverRows.get(id)!, FIRST_PERIOD_COL + period);
  }

  /** Whether a line's cell can be NM, from its definition (structural: holds for every scenario). */
  private nullable(id: string, period: number): boolean {
    const key = `${id}@${period}`;
    const hit = this.nullableCache.get(key);
    if (hit !== undefined) return hit;
    const def = lineDef(id);
    const expr = period < 0 ? def.scalar! : definitionFor(def, PERIODS[period]);
    const result =
      expr === undefined || expr.k === 'input' ? false : exprNullable(expr, this.context('', period));
    this.nullableCache.set(key, result);
    return result;
  }

  /** Title, note and the column headings (label, unit, id, one per period) of a period sheet. */
  header(s: SheetBuilder, title: string, note: string, labelHeading = ''): void {
    s.text(1, LABEL_COL, title, 'title');
    s.text(2, LABEL_COL, note, 'note');
    s.text(HEADER_ROWS, LABEL_COL, labelHeading, 'header');
    s.text(HEADER_ROWS, UNIT_COL, 'Unit', 'header');
    s.text(HEADER_ROWS, ID_COL, 'Id', 'header');
    PERIODS.forEach((p, i) => s.text(HEADER_ROWS, FIRST_PERIOD_COL + i, p.heading, 'header'));
    s.groupCols(ID_COL, ID_COL);
  }

  /** Label, unit and id of a driver's row. */
  labelDriver(s: SheetBuilder, row: number, def: DriverDef): void {
    s.text(row, LABEL_COL, def.label, 'label');
    s.text(row, UNIT_COL, UNIT_TEXT[def.unit] ?? def.unit, 'id');
    s.text(row, ID_COL, def.id, 'id');
  }

  /** Records where a line lives and writes its label; formulas come later, once every line is placed. */
  placeLine(s: SheetBuilder, row: number, def: LineDef, label: string): void {
    if (this.homes.has(def.id)) throw new Error(`Line ${def.id} placed twice`);
    this.homes.set(def.id, { sheet: s.name, row });
    this.labelLine(s, row, def, label);
  }

  /** Records where a scalar line lives (its value in column `col`, default D) and names it. */
  placeScalarLine(s: SheetBuilder, row: number, def: LineDef, col = FIRST_PERIOD_COL): void {
    if (this.homes.has(def.id)) throw new Error(`Line ${def.id} placed twice`);
    this.homes.set(def.id, { sheet: s.name, row, col });
    this.labelLine(s, row, def, def.label);
    this.anchors.lines[def.id] = { [-1]: { sheet: s.name, row, col } };
    // Names that end in digits read as cell references in some engines: those lines are reached by cell only.
    if (!/\d$/.test(def.id)) this.addName(definedName(def.id), s.name, a1(row, col, true));
  }

  labelLine(s: SheetBuilder, row: number, def: LineDef, label: string): void {
    s.text(row, LABEL_COL, label, 'label');
    s.text(row, UNIT_COL, UNIT_TEXT[def.unit], 'id');
    s.text(row, ID_COL, def.id, 'id');
  }

  /** Writes every period cell of the lines placed on a sheet: input values or rendered formulas. */
  fillLines(s: SheetBuilder): void {
    for (const [id, home] of this.homes) {
      if (home.sheet !== s.name || home.col !== undefined) continue;
      const def = lineDef(id);
      const cells: Record<number, CellAddress> = (this.anchors.lines[def.id] = {});
      for (const p of PERIODS) {
        const expr = definitionFor(def, p);
        if (!expr) continue;
        const col = FIRST_PERIOD_COL + p.index;
        cells[p.index] = { sheet: s.name, row: home.row, col };
        const what = `${def.id}@${p.id}`;
        const value = cached(this.model.value(def.id, p.id));
        const format = LINE_FORMAT[def.unit];
        if (expr.k === 'input') {
          s.put({ row: home.row, col, value, style: 'input', format, what });
          continue;
        }
        const formula = renderFormula(expr, this.context(s.name, p.index));
        s.put({ row: home.row, col, formula, cached: value, style: styleOf(formula), format, what });
      }
    }
  }

  /** A scalar line's single cell: its rendered formula and the engine's value. */
  fillScalarLine(s: SheetBuilder, def: LineDef): void {
    const home = this.lineCell(def.id, -1);
    const formula = renderFormula(def.scalar!, this.context(s.name, -1));
    s.put({
      row: home.row,
      col: home.col,
      formula,
      cached: cached(this.model.value(def.id, PERIODS[1].id)),
      style: styleOf(formula),
      format: LINE_FORMAT[def.unit],
      what: def.id,
    });
  }

  /** The printed header and footer of every page. */
  page(): { header: PageBanner; footer: PageBanner } {
    const stamp = [this.options.version ?? 'kc-model', this.date()].join(', ');
    return {
      header: {
        left: MODEL_NAME,
        center: '{sheet}',
        right: `Scenario written: ${capitalise(this.scenario)}${Object.keys(this.overrides).length ? ' with overrides' : ''}`,
      },
      footer: { left: stamp, center: '', right: 'Page {page} of {pages}' },
    };
  }

  /**
   * The overrides as a stamp shows them: each id and value cut to 80 characters and the whole to STAMP_LIMIT (the
   * Assumptions sheet holds every value), so no cell comes near Excel's 32,767 characters.
   */
  overridesText(): string {
    const entries = Object.entries(this.overrides);
    const text = entries.map(([k, v]) => `${cut(k)}=${cut(String(v))}`).join(', ');
    if (text.length <= STAMP_LIMIT) return text;
    return `${text.slice(0, STAMP_LIMIT - 1)}… (${entries.length} overrides in all; the Assumptions sheet holds every value)`;
  }

  /** The date stamp: the options' date, or today. */
  date(): string {
    return this.options.date ?? new Date().toISOString().slice(0, 10);
  }
}
