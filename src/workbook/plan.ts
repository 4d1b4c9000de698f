/**
 * The workbook plan: every sheet, cell, formula, cached value, format and defined name of the model as a
 * spreadsheet, built from the model's line definitions (no second copy of any line's logic) and independent of
 * any file format or spreadsheet engine. src/workbook/xlsx.ts writes it with ExcelJS; the tests load it into
 * HyperFormula and LibreOffice.
 */
import {
  assumptionsFor,
  buildModel,
  Decimal,
  DRIVERS,
  driverPeriods,
  LINES,
  NOTE_TABLE_LAYOUTS,
  PERIODS,
  SCENARIO_NAMES,
  SCENARIOS,
  sensitivityGrid,
  type AssumptionSet,
  type DriverDef,
  type KcModel,
  type LineDef,
  type Overrides,
  type Value,
} from '../model';
import { references, type Expr } from '../model/expr';
import { cellDependencies, definitionFor, EVALUATION_ORDER } from '../model/registry';
import { exprNullable, renderFormula, type RenderContext } from './renderFormula';
import { NOTE_SOURCE, parsePublished, PUBLISHED_PERIODS, PUBLISHED_ROWS } from './publishedFigures';
import { chartsSheet, type PlanChart } from './charts';

/** A cell's literal value or a formula's cached value: a number (as Decimal), text or a boolean. */
export type PlanValue = Decimal | string | boolean;

/** How a cell looks: blue inputs, black formulas, green links to other sheets, and the labels around them. */
export type CellStyle =
  'title' | 'note' | 'header' | 'section' | 'label' | 'id' | 'input' | 'formula' | 'link' | 'check';

export interface PlanCell {
  /** 1-based row and column. */
  row: number;
  col: number;
  /** A literal (labels and input cells). */
  value?: PlanValue;
  /** A formula without the leading "=". */
  formula?: string;
  /** The engine's value of the formula: what the file shows before any recalculation, and what parity tests expect. */
  cached?: PlanValue;
  style: CellStyle;
  /** An Excel number format. */
  format?: string;
  /** What the cell is, for messages: "revenue@2027E", "driver wacc (bull)", ... */
  what?: string;
}

export interface PlanSheet {
  name: string;
  cells: PlanCell[];
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Frozen header rows and label columns. */
  freeze: { rows: number; cols: number };
}

export interface PlanName {
  name: string;
  sheet: string;
  /** An absolute A1 reference or range on the sheet, e.g. "$D$8" or "$D$20:$O$20". */
  ref: string;
}

export interface WorkbookPlan {
  sheets: PlanSheet[];
  names: PlanName[];
  /** Native charts, each on one of the plan's sheets. */
  charts: PlanChart[];
  /** The scenario in force (the selector's value) and the overrides applied on top of every scenario. */
  scenario: string;
  overrides: Overrides;
  /** The selector cell (1 = base, 2 = bull, 3 = bear), the master check cell and key input cells, for tests and tools. */
  anchors: {
    selector: CellAddress;
    masterCheck: CellAddress;
    /** Scalar driver inputs by scenario, e.g. scalarInput("wacc", "base"). */
    scalarInput: Record<string, Record<string, CellAddress>>;
    /** Per-period driver inputs by driver, scenario and period id. */
    seriesInput: Record<string, Record<string, Record<string, CellAddress>>>;
    /** Every line's cell by line id and period index (-1 for scalar lines). */
    lines: Record<string, Record<number, CellAddress>>;
  };
}

export interface CellAddress {
  sheet: string;
  row: number;
  col: number;
}

export interface PlanOptions {
  /** The scenario the selector starts on (default "base"). */
  scenario?: string;
  /** Overrides applied on top of every scenario's values (so the selector switches between scenario + overrides). */
  overrides?: Overrides;
  /** Version stamp, e.g. "kc-model 0.1.0". */
  version?: string;
  /** Date stamp (ISO date). Default: today. */
  date?: string;
}

export const SHEET_NAMES = {
  summary: 'Summary',
  assumptions: 'Assumptions',
  income: 'Income Statement',
  balance: 'Balance Sheet',
  cashFlow: 'Cash Flow',
  ratios: 'Ratios',
  dcf: 'DCF',
  checks: 'Checks',
} as const;

/** The first period column (D); period i is column FIRST_PERIOD_COL + i on every period sheet. */
export const FIRST_PERIOD_COL = 4;
const HEADER_ROWS = 3;

/** Number formats as the note prints figures. */
export const FORMATS = {
  rmbMn: '#,##0.0_);(#,##0.0)',
  perAds: '#,##0.00_);(#,##0.00)',
  pct: '0.0%_);(0.0%)',
  multiple: '0.0"x"_);(0.0"x")',
  days: '0.0_);(0.0)',
  mnAds: '#,##0.00_);(#,##0.00)',
  years: '0.0_);(0.0)',
  factor: '0.0000_);(0.0000)',
  fx: '0.0000',
  integer: '0',
  weight: '0.0000',
  tolerance: '0.0E+00',
} as const;

const LINE_FORMAT: Record<LineDef['unit'], string> = {
  rmbMn: FORMATS.rmbMn,
  pct: FORMATS.pct,
  rmbPerAds: FORMATS.perAds,
  usdPerAds: FORMATS.perAds,
  multiple: FORMATS.multiple,
  days: FORMATS.days,
  mnAds: FORMATS.mnAds,
  years: FORMATS.years,
  factor: FORMATS.factor,
};

const DRIVER_FORMAT: Record<DriverDef['unit'], string> = {
  pct: FORMATS.pct,
  days: FORMATS.days,
  rmbMn: FORMATS.rmbMn,
  multiple: FORMATS.multiple,
  usd: FORMATS.perAds,
  rmbPerAds: FORMATS.perAds,
  rmbPerUsd: FORMATS.fx,
  mnAds: FORMATS.mnAds,
  flag: FORMATS.integer,
  weight: FORMATS.weight,
  digits: FORMATS.integer,
};

const UNIT_TEXT: Record<string, string> = {
  rmbMn: 'Rmb mn',
  pct: '%',
  rmbPerAds: 'Rmb',
  usdPerAds: 'US$',
  multiple: 'x',
  days: 'days',
  mnAds: 'mn ADS',
  years: 'years',
  factor: 'factor',
  usd: 'US$',
  rmbPerUsd: 'Rmb/US$',
  flag: 'flag',
  weight: 'weight',
  digits: 'digits',
};

/** Defined names must not read as functions in any spreadsheet (Excel has a PRICE function). */
const NAME_ALIASES: Record<string, string> = { price: 'sharePrice' };

/** The defined name of a scalar driver or scalar line. */
export function definedName(id: string): string {
  return NAME_ALIASES[id] ?? id;
}

/** Column letters of a 1-based column. */
export function colLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${colLetter(col)}$${row}` : `${colLetter(col)}${row}`;
}

const GRID_SIZE = 11;

/** Builds the plan for a scenario plus overrides. Throws the model's errors for bad overrides. */
export function buildPlan(options: PlanOptions = {}): WorkbookPlan {
  const scenario = (options.scenario ?? 'base').trim().toLowerCase();
  const overrides = options.overrides ?? {};
  const model = buildModel({ scenario, overrides });
  const sets = SCENARIOS.map((s) => assumptionsFor({ scenario: s.name, overrides }));
  for (const set of sets) {
    if (JSON.stringify(set.inputs) !== JSON.stringify(sets[0].inputs)) {
      throw new Error('Scenarios that change actual inputs are not supported by the workbook selector');
    }
  }
  return new PlanBuilder(model, sets, scenario, overrides, options).build();
}

interface LineHome {
  sheet: string;
  row: number;
  /** Set for scalar lines: the value column. */
  col?: number;
}

class SheetBuilder {
  readonly cells: PlanCell[] = [];
  constructor(
    readonly name: string,
    readonly widths: number[],
    readonly freeze: { rows: number; cols: number },
  ) {}
  put(cell: PlanCell): void {
    this.cells.push(cell);
  }
  text(row: number, col: number, value: string, style: CellStyle = 'label'): void {
    this.put({ row, col, value, style });
  }
  toSheet(): PlanSheet {
    return { name: this.name, cells: this.cells, widths: this.widths, freeze: this.freeze };
  }
}

const PERIOD_WIDTHS = (labelWidth: number) => [labelWidth, 8, 24, ...PERIODS.map(() => 11)];

class PlanBuilder {
  private readonly homes = new Map<string, LineHome>();
  private readonly names: PlanName[] = [];
  private readonly nullableCache = new Map<string, boolean>();
  private readonly anchors: WorkbookPlan['anchors'] = {
    selector: { sheet: SHEET_NAMES.assumptions, row: 0, col: 0 },
    masterCheck: { sheet: SHEET_NAMES.checks, row: 0, col: 0 },
    scalarInput: {},
    seriesInput: {},
    lines: {},
  };
  /** Live driver cells: scalar drivers by name, per-period drivers by row. */
  private readonly driverRows = new Map<string, number>();
  private selectorRef = '';

  constructor(
    private readonly model: KcModel,
    private readonly sets: AssumptionSet[],
    private readonly scenario: string,
    private readonly overrides: Overrides,
    private readonly options: PlanOptions,
  ) {}

  build(): WorkbookPlan {
    const assumptions = this.assumptionsSheet();
    const income = this.lineSheet(
      SHEET_NAMES.income,
      ['Income Statement'],
      ['Income Statement', 'Segments', 'Tax'],
    );
    const balance = this.lineSheet(SHEET_NAMES.balance, ['Balance Sheet'], ['Balance Sheet', 'Fixed Assets']);
    const cashFlow = this.lineSheet(SHEET_NAMES.cashFlow, ['Cash Flow'], ['Cash Flow', 'Debt and Interest']);
    const ratios = this.lineSheet(SHEET_NAMES.ratios, ['Growth & Margins', 'Ratios & Valuation'], ['Ratios']);
    const dcf = this.dcfSheet();
    const checks = this.checksSheet();
    const lineSheets = [assumptions.sheet, income, balance, cashFlow, ratios, dcf.sheet, checks.sheet];
    // Every line is placed: now fill in the formulas.
    for (const s of lineSheets) this.fillLines(s);
    dcf.fill();
    checks.fill();
    const summary = this.summarySheet();
    const charts = chartsSheet(
      this.model,
      (id, period) => this.lineCell(id, period),
      (c) => this.ref('', c.sheet, c.row, c.col),
      { pct: FORMATS.pct, rmbMn: FORMATS.rmbMn },
    );
    const sheets = [...[summary, ...lineSheets].map((s) => s.toSheet()), charts.sheet];
    return {
      sheets,
      names: this.names,
      charts: charts.charts,
      scenario: this.scenario,
      overrides: this.overrides,
      anchors: this.anchors,
    };
  }

  // ---- references ----

  private ref(from: string, sheet: string, row: number, col: number, absolute = false): string {
    const cell = a1(row, col, absolute);
    return sheet === from ? cell : `'${sheet}'!${cell}`;
  }

  private lineCell(id: string, period: number): CellAddress {
    const home = this.homes.get(id);
    if (!home) throw new Error(`Line ${id} has no place in the workbook`);
    return { sheet: home.sheet, row: home.row, col: home.col ?? FIRST_PERIOD_COL + period };
  }

  private isScalarLine(id: string): boolean {
    return this.homes.get(id)?.col !== undefined;
  }

  private context(from: string, period: number): RenderContext {
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
      periodIndex: (id) => periodIndex(id),
    };
  }

  private driverRef(from: string, id: string, period: number): string {
    const def = DRIVERS.find((d) => d.id === id);
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
    const def = LINES.find((l) => l.id === id)!;
    const expr = period < 0 ? def.scalar! : definitionFor(def, PERIODS[period]);
    const result =
      expr === undefined || expr.k === 'input' ? false : exprNullable(expr, this.context('', period));
    this.nullableCache.set(key, result);
    return result;
  }

  // ---- sheets ----

  private header(s: SheetBuilder, title: string, note: string, labelHeading = ''): void {
    s.text(1, 1, title, 'title');
    s.text(2, 1, note, 'note');
    s.text(HEADER_ROWS, 1, labelHeading, 'header');
    s.text(HEADER_ROWS, 2, 'Unit', 'header');
    s.text(HEADER_ROWS, 3, 'Id', 'header');
    PERIODS.forEach((p, i) => s.text(HEADER_ROWS, FIRST_PERIOD_COL + i, p.heading, 'header'));
  }

  private assumptionsSheet(): { sheet: SheetBuilder } {
    const name = SHEET_NAMES.assumptions;
    const s = new SheetBuilder(name, [...PERIOD_WIDTHS(48), 60], { rows: HEADER_ROWS, cols: 3 });
    this.header(
      s,
      'Assumptions',
      'Blue: inputs (base, bull and bear cases). Black: the live values the model reads, chosen by the scenario selector.',
      'Driver',
    );
    let row = HEADER_ROWS + 2;
    // Scenario selector.
    const selectorRow = row;
    const scenarioIndex = SCENARIO_NAMES.indexOf(this.scenario) + 1;
    s.text(
      row,
      1,
      `Scenario selector (${SCENARIO_NAMES.map((n, i) => `${i + 1} = ${n}`).join(', ')})`,
      'label',
    );
    s.put({
      row,
      col: FIRST_PERIOD_COL,
      value: new Decimal(scenarioIndex),
      style: 'input',
      format: FORMATS.integer,
      what: 'scenario selector',
    });
    this.selectorRef = 'scenario';
    this.names.push({ name: 'scenario', sheet: name, ref: a1(row, FIRST_PERIOD_COL, true) });
    this.anchors.selector = { sheet: name, row, col: FIRST_PERIOD_COL };
    row += 2;
    // Scalar drivers: live, base, bull, bear.
    const scalarHeader = row;
    s.text(row, 1, 'Scalar drivers', 'section');
    s.text(row, 2, 'Unit', 'header');
    s.text(row, 3, 'Id', 'header');
    s.text(row, FIRST_PERIOD_COL, 'Live', 'header');
    SCENARIOS.forEach((sc, i) => s.text(row, FIRST_PERIOD_COL + 1 + i, capitalise(sc.name), 'header'));
    s.text(row, FIRST_PERIOD_COL + 1 + SCENARIOS.length, 'Source', 'header');
    // The scenario in force, by name: the selector picks one of the case headings.
    s.put({
      row: selectorRow,
      col: FIRST_PERIOD_COL + 1,
      formula: `CHOOSE(${this.selectorRef},${SCENARIOS.map((_, i) => a1(scalarHeader, FIRST_PERIOD_COL + 1 + i)).join(',')})`,
      cached: capitalise(this.scenario),
      style: 'formula',
      what: 'scenario name',
    });
    this.names.push({ name: 'scenarioName', sheet: name, ref: a1(selectorRow, FIRST_PERIOD_COL + 1, true) });
    row++;
    for (const def of DRIVERS.filter((d) => d.scope === 'scalar')) {
      this.labelDriver(s, row, def);
      const cases = this.sets.map((set, i) => {
        const col = FIRST_PERIOD_COL + 1 + i;
        s.put({
          row,
          col,
          value: set.scalars[def.id],
          style: 'input',
          format: DRIVER_FORMAT[def.unit],
          what: `${def.id} (${SCENARIOS[i].name})`,
        });
        (this.anchors.scalarInput[def.id] ??= {})[SCENARIOS[i].name] = { sheet: name, row, col };
        return a1(row, col);
      });
      s.put({
        row,
        col: FIRST_PERIOD_COL,
        formula: `CHOOSE(${this.selectorRef},${cases.join(',')})`,
        cached: this.model.assumptions.scalars[def.id],
        style: 'formula',
        format: DRIVER_FORMAT[def.unit],
        what: `driver ${def.id}`,
      });
      s.text(row, FIRST_PERIOD_COL + 1 + SCENARIOS.length, def.source, 'note');
      this.names.push({ name: definedName(def.id), sheet: name, ref: a1(row, FIRST_PERIOD_COL, true) });
      row++;
    }
    row++;
    // Per-period drivers: the live block, then one input block per scenario.
    const seriesDrivers = DRIVERS.filter((d) => d.scope !== 'scalar');
    const blockRows = seriesDrivers.length + 2;
    const liveStart = row;
    s.text(row, 1, 'Per-year drivers, live (the selected scenario)', 'section');
    PERIODS.forEach((p, i) => s.text(row, FIRST_PERIOD_COL + i, p.heading, 'header'));
    s.text(row, FIRST_PERIOD_COL + PERIODS.length, 'Source', 'header');
    SCENARIOS.forEach((sc, k) => {
      const top = liveStart + blockRows * (k + 1);
      s.text(top, 1, `Per-year drivers, ${sc.name} case: ${sc.description}`, 'section');
      PERIODS.forEach((p, i) => s.text(top, FIRST_PERIOD_COL + i, p.heading, 'header'));
    });
    seriesDrivers.forEach((def, j) => {
      const r = liveStart + 1 + j;
      this.driverRows.set(def.id, r);
      this.labelDriver(s, r, def);
      s.text(r, FIRST_PERIOD_COL + PERIODS.length, def.source, 'note');
      const periods = driverPeriods(def);
      const first = periodIndex(periods[0]);
      const last = periodIndex(periods[periods.length - 1]);
      this.names.push({
        name: def.id,
        sheet: name,
        ref: `${a1(r, FIRST_PERIOD_COL + first, true)}:${a1(r, FIRST_PERIOD_COL + last, true)}`,
      });
      SCENARIOS.forEach((sc, k) => {
        const rr = r + blockRows * (k + 1);
        this.labelDriver(s, rr, def);
        for (const pid of periods) {
          const col = FIRST_PERIOD_COL + periodIndex(pid);
          s.put({
            row: rr,
            col,
            value: this.sets[k].series[def.id]![pid]!,
            style: 'input',
            format: DRIVER_FORMAT[def.unit],
            what: `${def.id}.${pid} (${sc.name})`,
          });
          ((this.anchors.seriesInput[def.id] ??= {})[sc.name] ??= {})[pid] = { sheet: name, row: rr, col };
        }
      });
      for (const pid of periods) {
        const col = FIRST_PERIOD_COL + periodIndex(pid);
        const cases = SCENARIOS.map((_, k) => a1(r + blockRows * (k + 1), col));
        s.put({
          row: r,
          col,
          formula: `CHOOSE(${this.selectorRef},${cases.join(',')})`,
          cached: this.model.assumptions.series[def.id]![pid]!,
          style: 'formula',
          format: DRIVER_FORMAT[def.unit],
          what: `driver ${def.id}.${pid}`,
        });
      }
    });
    row = liveStart + blockRows * (SCENARIOS.length + 1);
    // Driver lines: the per-year values the statements read, with the long-range rules.
    s.text(
      row,
      1,
      'Driver lines (as the statements read them; 12/29E-12/35E fade to the terminal values)',
      'section',
    );
    PERIODS.forEach((p, i) => s.text(row, FIRST_PERIOD_COL + i, p.heading, 'header'));
    row++;
    for (const def of LINES.filter((l) => l.section === 'Drivers')) this.placeLine(s, row++, def, def.label);
    row++;
    this.assumptionsRange(s, row, liveStart);
    return { sheet: s };
  }

  /**
   * The live drivers as id/value pairs (named kcAssumptions), the two-column range that KC.* custom functions take
   * as their [assumptions] argument, so that they follow the scenario selector and every edit.
   */
  private assumptionsRange(s: SheetBuilder, top: number, liveStart: number): void {
    s.text(top, 1, 'Live drivers as id/value pairs, for KC.* functions (named kcAssumptions)', 'section');
    s.text(top, 3, 'Id', 'header');
    s.text(top, FIRST_PERIOD_COL, 'Live', 'header');
    const pairs: { id: string; ref: string; value: Decimal; unit: DriverDef['unit'] }[] = [];
    for (const def of DRIVERS.filter((d) => d.scope === 'scalar')) {
      const home = this.anchors.scalarInput[def.id][SCENARIOS[0].name];
      pairs.push({
        id: def.id,
        ref: a1(home.row, FIRST_PERIOD_COL),
        value: this.model.assumptions.scalars[def.id],
        unit: def.unit,
      });
    }
    for (const def of DRIVERS.filter((d) => d.scope !== 'scalar')) {
      const r = this.driverRows.get(def.id) ?? liveStart;
      for (const pid of driverPeriods(def)) {
        pairs.push({
          id: `${def.id}.${pid}`,
          ref: a1(r, FIRST_PERIOD_COL + periodIndex(pid)),
          value: this.model.assumptions.series[def.id]![pid]!,
          unit: def.unit,
        });
      }
    }
    pairs.forEach((pair, i) => {
      const row = top + 1 + i;
      s.text(row, 3, pair.id, 'id');
      s.put({
        row,
        col: FIRST_PERIOD_COL,
        formula: pair.ref,
        cached: pair.value,
        style: 'formula',
        format: DRIVER_FORMAT[pair.unit],
        what: `kcAssumptions ${pair.id}`,
      });
    });
    this.names.push({
      name: 'kcAssumptions',
      sheet: s.name,
      ref: `${a1(top + 1, 3, true)}:${a1(top + pairs.length, FIRST_PERIOD_COL, true)}`,
    });
  }

  private labelDriver(s: SheetBuilder, row: number, def: DriverDef): void {
    s.text(row, 1, def.label, 'label');
    s.text(row, 2, UNIT_TEXT[def.unit] ?? def.unit, 'id');
    s.text(row, 3, def.id, 'id');
  }

  /** Records where a line lives and writes its label; formulas come later, once every line is placed. */
  private placeLine(s: SheetBuilder, row: number, def: LineDef, label: string): void {
    if (this.homes.has(def.id)) throw new Error(`Line ${def.id} placed twice`);
    this.homes.set(def.id, { sheet: s.name, row });
    s.text(row, 1, label, 'label');
    s.text(row, 2, UNIT_TEXT[def.unit], 'id');
    s.text(row, 3, def.id, 'id');
  }

  private lineSheet(name: string, tables: string[], sections: LineDef['section'][]): SheetBuilder {
    const s = new SheetBuilder(name, PERIOD_WIDTHS(40), { rows: HEADER_ROWS, cols: 3 });
    this.header(
      s,
      name,
      'Rmb mn unless stated. Blue: reported inputs. Black: formulas. Green: links to other sheets.',
    );
    let row = HEADER_ROWS + 1;
    const placed = new Set<string>();
    for (const tableName of tables) {
      const table = NOTE_TABLE_LAYOUTS.find((t) => t.name === tableName)!;
      if (tables.length > 1) s.text(row++, 1, tableName, 'section');
      for (const r of table.rows) {
        this.placeLine(
          s,
          row++,
          LINES.find((l) => l.id === r.line)!,
          r.label,
        );
        placed.add(r.line);
      }
      row++;
    }
    const supporting = LINES.filter((l) => sections.includes(l.section) && !placed.has(l.id));
    if (supporting.length) {
      s.text(row++, 1, "Supporting lines (the model's, not printed in the note)", 'section');
      for (const def of supporting) this.placeLine(s, row++, def, def.label);
    }
    return s;
  }

  /** Writes every period cell of the lines placed on a sheet: input values or rendered formulas. */
  private fillLines(s: SheetBuilder): void {
    for (const def of LINES) {
      const home = this.homes.get(def.id);
      if (!home || home.sheet !== s.name || home.col !== undefined) continue;
      const cells: Record<number, CellAddress> = (this.anchors.lines[def.id] = {});
      for (const p of PERIODS) {
        const expr = definitionFor(def, p);
        if (!expr) continue;
        const col = FIRST_PERIOD_COL + p.index;
        cells[p.index] = { sheet: s.name, row: home.row, col };
        const what = `${def.id}@${p.id}`;
        const value = this.model.value(def.id, p.id);
        if (expr.k === 'input') {
          s.put({
            row: home.row,
            col,
            value: cached(value),
            style: 'input',
            format: LINE_FORMAT[def.unit],
            what,
          });
          continue;
        }
        const formula = renderFormula(expr, this.context(s.name, p.index));
        s.put({
          row: home.row,
          col,
          formula,
          cached: cached(value),
          style: styleOf(formula),
          format: LINE_FORMAT[def.unit],
          what,
        });
      }
    }
  }

  private dcfSheet(): { sheet: SheetBuilder; fill: () => void } {
    const name = SHEET_NAMES.dcf;
    const s = new SheetBuilder(name, PERIOD_WIDTHS(44), { rows: HEADER_ROWS, cols: 3 });
    this.header(
      s,
      'DCF',
      'Rmb mn unless stated. FCFF 12/26E-12/35E discounted at the WACC to 31 Dec 2025; Gordon growth terminal value.',
    );
    let row = HEADER_ROWS + 1;
    s.text(row++, 1, 'Free cash flow to the firm and discounting', 'section');
    const dcfLines = LINES.filter((l) => l.section === 'DCF');
    for (const def of dcfLines.filter((l) => !l.scalar)) this.placeLine(s, row++, def, def.label);
    row++;
    s.text(row, 1, 'Terminal value, enterprise value and the bridge to a value per ADS', 'section');
    s.text(row++, FIRST_PERIOD_COL, 'Value', 'header');
    const scalarRows: [LineDef, number][] = [];
    for (const def of dcfLines.filter((l) => l.scalar)) {
      this.homes.set(def.id, { sheet: name, row, col: FIRST_PERIOD_COL });
      s.text(row, 1, def.label, 'label');
      s.text(row, 2, UNIT_TEXT[def.unit], 'id');
      s.text(row, 3, def.id, 'id');
      // Names that end in digits read as cell references in some engines: those lines are reached by cell only.
      if (!/\d$/.test(def.id))
        this.names.push({ name: definedName(def.id), sheet: name, ref: a1(row, FIRST_PERIOD_COL, true) });
      scalarRows.push([def, row++]);
    }
    row++;
    const gridTop = row;
    const fill = () => {
      for (const [def, r] of scalarRows) {
        const formula = renderFormula(def.scalar!, this.context(name, -1));
        const value = this.model.value(def.id, PERIODS[1].id);
        this.anchors.lines[def.id] = { [-1]: { sheet: name, row: r, col: FIRST_PERIOD_COL } };
        s.put({
          row: r,
          col: FIRST_PERIOD_COL,
          formula,
          cached: cached(value),
          style: styleOf(formula),
          format: LINE_FORMAT[def.unit],
          what: def.id,
        });
      }
      this.grid(s, gridTop);
    };
    return { sheet: s, fill };
  }

  /**
   * The WACC x terminal-growth grid of value per ADS (US$), by formulas, equal to the engine's sensitivityGrid
   * (a full re-run at each WACC and growth). Terminal growth reaches FCFF through the long-range fade, so below
   * the grid a block of workings per growth row re-renders every cell on the way from terminal growth to the value
   * per ADS (the same line definitions, with that row's growth in place of the driver). Each grid cell is then the
   * valuePerAdsUsd definition with the cells that depend on WACC rendered inline, reading its row's workings.
   */
  private grid(s: SheetBuilder, top: number): void {
    const name = s.name;
    const half = Math.floor(GRID_SIZE / 2);
    s.text(
      top,
      1,
      'Value per ADS (US$): WACC (across) x terminal growth (down), by formulas (a full re-run of the model per cell)',
      'section',
    );
    const stepRow = top + 1;
    s.text(stepRow, 1, 'WACC step', 'label');
    s.put({
      row: stepRow,
      col: FIRST_PERIOD_COL,
      value: new Decimal('0.005'),
      style: 'input',
      format: FORMATS.pct,
      what: 'grid WACC step',
    });
    s.text(stepRow + 1, 1, 'Terminal growth step', 'label');
    s.put({
      row: stepRow + 1,
      col: FIRST_PERIOD_COL,
      value: new Decimal('0.0025'),
      style: 'input',
      format: '0.00%',
      what: 'grid growth step',
    });
    const axisRow = top + 3;
    const axisCol = FIRST_PERIOD_COL - 1; // growth axis in column C, WACC axis across from D
    const wacc = this.model.assumptions.scalars.wacc;
    const growth = this.model.assumptions.scalars.terminalGrowth;
    const waccs: Decimal[] = [];
    const growths: Decimal[] = [];
    s.text(axisRow, 1, 'Terminal growth (down) \\ WACC (across)', 'header');
    for (let i = 0; i < GRID_SIZE; i++) {
      const col = FIRST_PERIOD_COL + i;
      waccs.push(wacc.plus(new Decimal('0.005').times(i - half)));
      const step = a1(stepRow, FIRST_PERIOD_COL, true);
      const formula =
        i === half
          ? 'wacc'
          : i > half
            ? `${a1(axisRow, col - 1)}+${step}`
            : `${a1(axisRow, col + 1)}-${step}`;
      s.put({
        row: axisRow,
        col,
        formula,
        cached: waccs[i],
        style: 'formula',
        format: FORMATS.pct,
        what: `grid WACC ${i}`,
      });
    }
    for (let j = 0; j < GRID_SIZE; j++) {
      const row = axisRow + 1 + j;
      growths.push(growth.plus(new Decimal('0.0025').times(j - half)));
      const step = a1(stepRow + 1, FIRST_PERIOD_COL, true);
      const formula =
        j === half
          ? 'terminalGrowth'
          : j > half
            ? `${a1(row - 1, axisCol)}+${step}`
            : `${a1(row + 1, axisCol)}-${step}`;
      s.put({
        row,
        col: axisCol,
        formula,
        cached: growths[j],
        style: 'formula',
        format: '0.00%',
        what: `grid growth ${j}`,
      });
    }
    const { workings, viaWacc } = gridDependencies();
    const workingLines = LINES.filter((l) => [...workings].some((k) => k.startsWith(`${l.id}@`)));
    const blockTop = (j: number) => axisRow + GRID_SIZE + 2 + j * (workingLines.length + 2);
    const workingRow = (j: number, id: string) =>
      blockTop(j) + 1 + workingLines.findIndex((l) => l.id === id);
    const keyOf = (id: string, p: number) => (this.isScalarLine(id) ? `${id}@-1` : `${id}@${p}`);
    const workingCol = (id: string, p: number) =>
      this.isScalarLine(id) ? FIRST_PERIOD_COL : FIRST_PERIOD_COL + p;
    const gRef = (j: number) => `$${colLetter(axisCol)}$${axisRow + 1 + j}`;

    /** A context that reads growth row j's workings wherever a cell depends on terminal growth. */
    const rowContext = (j: number, period: number, w?: string, g?: string): RenderContext => {
      const base = this.context(name, period);
      const ctx: RenderContext = {
        ...base,
        lineRef: (id, p) =>
          workings.has(keyOf(id, p)) ? a1(workingRow(j, id), workingCol(id, p)) : base.lineRef(id, p),
        rangeRef: (id, p0, p1) => {
          for (let p = p0; p <= p1; p++)
            if (workings.has(keyOf(id, p)))
              return `${a1(workingRow(j, id), workingCol(id, p0))}:${a1(workingRow(j, id), workingCol(id, p1))}`;
          return base.rangeRef(id, p0, p1);
        },
        driverRef: (id, p) =>
          id === 'wacc' && w ? w : id === 'terminalGrowth' ? (g ?? gRef(j)) : base.driverRef(id, p),
      };
      if (w) {
        ctx.inline = (id, p) => {
          const key = keyOf(id, p);
          if (!viaWacc.has(key)) return undefined;
          const target = LINES.find((l) => l.id === id)!;
          const period = target.scalar ? -1 : p;
          return renderFormula(
            target.scalar ?? definitionFor(target, PERIODS[p])!,
            rowContext(j, period, w, g),
          );
        };
      }
      return ctx;
    };

    // Workings: one block per growth row, the engine's model at that growth for the cached values.
    const options = { scenario: this.scenario, overrides: this.overrides };
    growths.forEach((g, j) => {
      const safeWacc = Decimal.max(wacc, g.plus('0.01')).toString();
      const model = buildModel({
        ...options,
        overrides: { ...this.overrides, terminalGrowth: g.toString(), wacc: safeWacc },
      });
      const top = blockTop(j);
      s.text(
        top,
        1,
        `Grid workings at terminal growth row ${j + 1} (${a1(axisRow + 1 + j, axisCol)}): the cells that terminal growth reaches`,
        'section',
      );
      for (const def of workingLines) {
        const r = workingRow(j, def.id);
        s.text(r, 1, def.label, 'label');
        s.text(r, 2, UNIT_TEXT[def.unit], 'id');
        s.text(r, 3, def.id, 'id');
        for (const p of def.scalar ? [-1] : PERIODS.map((x) => x.index)) {
          if (!workings.has(`${def.id}@${p}`)) continue;
          const expr = def.scalar ?? definitionFor(def, PERIODS[p])!;
          const formula = renderFormula(expr, rowContext(j, p));
          const value = model.value(def.id, PERIODS[Math.max(p, 1)].id);
          s.put({
            row: r,
            col: def.scalar ? FIRST_PERIOD_COL : FIRST_PERIOD_COL + p,
            formula,
            cached: cached(value),
            style: 'formula',
            format: LINE_FORMAT[def.unit],
            what: `grid workings ${j} ${def.id}@${p}`,
          });
        }
      }
    });

    const values = sensitivityGrid(options, waccs.map(String), growths.map(String));
    const def = LINES.find((l) => l.id === 'valuePerAdsUsd')!;
    for (let j = 0; j < GRID_SIZE; j++) {
      for (let i = 0; i < GRID_SIZE; i++) {
        const row = axisRow + 1 + j;
        const col = FIRST_PERIOD_COL + i;
        const w = `${colLetter(col)}$${axisRow}`;
        const g = `$${colLetter(axisCol)}${row}`;
        const body = renderFormula(def.scalar!, rowContext(j, -1, w, g));
        s.put({
          row,
          col,
          formula: `IF(${w}<=${g},"NM",${body})`,
          cached: cached(values[j][i]),
          style: 'formula',
          format: FORMATS.perAds,
          what: `grid g=${growths[j].toString()} wacc=${waccs[i].toString()}`,
        });
      }
    }
  }

  private checksSheet(): { sheet: SheetBuilder; fill: () => void } {
    const name = SHEET_NAMES.checks;
    const s = new SheetBuilder(name, [...PERIOD_WIDTHS(56), 16], { rows: HEADER_ROWS, cols: 3 });
    this.header(
      s,
      'Checks',
      "Structural checks (differences that must be zero, Rmb mn) and every published figure of the note beside the model's.",
    );
    const maxCol = FIRST_PERIOD_COL + PERIODS.length;
    s.text(HEADER_ROWS, maxCol, 'Max |diff|', 'header');
    const masterRow = HEADER_ROWS + 1;
    const tolRow = masterRow + 1;
    s.text(masterRow, 1, 'Master check: every structural check within tolerance', 'label');
    s.text(tolRow, 1, 'Tolerance (Rmb mn)', 'label');
    s.put({
      row: tolRow,
      col: FIRST_PERIOD_COL,
      value: new Decimal('1e-6'),
      style: 'input',
      format: FORMATS.tolerance,
      what: 'check tolerance',
    });
    this.names.push({ name: 'checkTolerance', sheet: name, ref: a1(tolRow, FIRST_PERIOD_COL, true) });
    this.names.push({ name: 'masterCheck', sheet: name, ref: a1(masterRow, FIRST_PERIOD_COL, true) });
    this.anchors.masterCheck = { sheet: name, row: masterRow, col: FIRST_PERIOD_COL };
    let row = tolRow + 2;
    s.text(row++, 1, 'Structural checks', 'section');
    const checkLines = LINES.filter((l) => l.section === 'Checks');
    const checkRows: [LineDef, number][] = [];
    for (const def of checkLines) {
      this.placeLine(s, row, def, def.label);
      checkRows.push([def, row++]);
    }
    row++;
    const publishedTop = row;
    const fill = () => {
      const tol = new Decimal('1e-6');
      let allOk = true;
      const maxRefs: string[] = [];
      for (const [def, r] of checkRows) {
        const range = `${a1(r, FIRST_PERIOD_COL)}:${a1(r, FIRST_PERIOD_COL + PERIODS.length - 1)}`;
        const values = this.model.series(def.id).map((v) => (v.value as Decimal).abs());
        const max = values.reduce((m, v) => Decimal.max(m, v), new Decimal(0));
        allOk &&= max.lessThanOrEqualTo(tol);
        s.put({
          row: r,
          col: maxCol,
          formula: `MAX(MAX(${range}),-MIN(${range}))`,
          cached: max,
          style: 'formula',
          format: FORMATS.tolerance,
          what: `max |${def.id}|`,
        });
        maxRefs.push(`${a1(r, maxCol)}<=checkTolerance`);
      }
      s.put({
        row: masterRow,
        col: FIRST_PERIOD_COL,
        formula: `AND(${maxRefs.join(',')})`,
        cached: allOk,
        style: 'check',
        what: 'master check',
      });
      this.published(s, publishedTop);
    };
    return { sheet: s, fill };
  }

  /** Every figure of the note's tables beside the model's, rounded as the note rounds, with the difference. */
  private published(s: SheetBuilder, top: number): void {
    s.text(
      top,
      1,
      'Published figures: the note beside the model (percentages as fractions); a figure is reproduced when the model lies within its printed rounding (half a unit of the last printed decimal)',
      'section',
    );
    const head = top + 1;
    const headings = [
      'Table / label',
      'Period',
      'Printed',
      'Published',
      'Decimals',
      'Model',
      'Half unit',
      'Difference',
      'Match (1/0)',
    ];
    headings.forEach((h, i) => s.text(head, i === 0 ? 1 : i + 2, h, 'header'));
    const [cPeriod, cPrinted, cPub, cDec, cModel, cHalf, cDiff, cMatch] = [3, 4, 5, 6, 7, 8, 9, 10];
    let row = head + 1;
    const first = row;
    let matches = 0;
    for (const pr of PUBLISHED_ROWS) {
      const layout = NOTE_TABLE_LAYOUTS.find((t) => t.name === pr.table)!;
      const lineId = layout.rows.find((r) => r.label === pr.label)!.line;
      const def = LINES.find((l) => l.id === lineId)!;
      const pct = def.unit === 'pct';
      PUBLISHED_PERIODS.forEach((pid, k) => {
        const printed = pr.cells[k];
        const cell = parsePublished(printed);
        const home = this.lineCell(lineId, periodIndex(pid));
        const modelValue = this.model.value(lineId, pid);
        s.text(row, 1, `${pr.table} | ${pr.label}`, 'label');
        s.text(row, cPeriod, PERIODS[periodIndex(pid)].heading, 'id');
        s.text(row, cPrinted, printed, 'id');
        const format = LINE_FORMAT[def.unit];
        const decimals = cell.kind === 'NM' ? 0 : cell.decimals + (pct ? 2 : 0);
        const published: PlanValue = cell.kind === 'NM' ? 'NM' : new Decimal(cell.value).div(pct ? 100 : 1);
        s.put({
          row,
          col: cPub,
          value: published,
          style: 'input',
          format,
          what: `published ${lineId}@${pid}`,
        });
        s.put({
          row,
          col: cDec,
          value: new Decimal(decimals),
          style: 'input',
          format: FORMATS.integer,
          what: `decimals ${lineId}@${pid}`,
        });
        const P = a1(row, cPub);
        const D = a1(row, cDec);
        const M = a1(row, cModel);
        const H = a1(row, cHalf);
        const X = a1(row, cDiff);
        s.put({
          row,
          col: cModel,
          formula: this.ref(s.name, home.sheet, home.row, home.col),
          cached: cached(modelValue),
          style: 'link',
          format,
          what: `model ${lineId}@${pid}`,
        });
        const half = new Decimal(10).pow(-decimals).div(2);
        s.put({
          row,
          col: cHalf,
          formula: `10^(-${D})/2`,
          cached: half,
          style: 'formula',
          format: FORMATS.tolerance,
          what: `half unit ${lineId}@${pid}`,
        });
        const diff =
          modelValue === null || typeof published === 'string' ? null : modelValue.minus(published);
        s.put({
          row,
          col: cDiff,
          formula: `IF(OR(ISTEXT(${M}),ISTEXT(${P})),"NM",${M}-${P})`,
          cached: cached(diff),
          style: 'formula',
          format,
          what: `difference ${lineId}@${pid}`,
        });
        const ok =
          typeof published === 'string'
            ? modelValue === null
            : modelValue !== null && diff !== null && diff.abs().lessThanOrEqualTo(half.plus('1e-6'));
        if (ok) matches++;
        s.put({
          row,
          col: cMatch,
          formula: `IF(ISTEXT(${P}),IF(ISTEXT(${M}),1,0),IF(ISTEXT(${M}),0,IF(ABS(${X})<=${H}+checkTolerance,1,0)))`,
          cached: new Decimal(ok ? 1 : 0),
          style: 'formula',
          format: FORMATS.integer,
          what: `match ${lineId}@${pid}`,
        });
        row++;
      });
    }
    const last = row - 1;
    const matchRange = `${a1(first, cMatch)}:${a1(last, cMatch)}`;
    s.text(top, cHalf, 'Reproduced', 'header');
    s.put({
      row: top,
      col: cDiff,
      formula: `SUM(${matchRange})`,
      cached: new Decimal(matches),
      style: 'formula',
      format: FORMATS.integer,
      what: 'figures reproduced',
    });
    s.put({
      row: top,
      col: cMatch,
      formula: `COUNT(${matchRange})`,
      cached: new Decimal(last - first + 1),
      style: 'formula',
      format: FORMATS.integer,
      what: 'figures compared',
    });
    this.names.push({ name: 'figuresReproduced', sheet: s.name, ref: a1(top, cDiff, true) });
  }

  private summarySheet(): SheetBuilder {
    const name = SHEET_NAMES.summary;
    const s = new SheetBuilder(name, [44, 8, 24, 13, 13, 13, 13], { rows: 0, cols: 0 });
    s.text(1, 1, 'Kingsoft Cloud (KC): model summary', 'title');
    s.text(
      2,
      1,
      'Every figure is a link to the sheet that computes it. Switch scenarios on the Assumptions sheet.',
      'note',
    );
    let row = 4;
    const link = (label: string, unit: string, formula: string, value: PlanValue, format?: string) => {
      s.text(row, 1, label, 'label');
      s.text(row, 2, unit, 'id');
      s.put({
        row,
        col: FIRST_PERIOD_COL,
        formula,
        cached: value,
        style: 'link',
        format,
        what: `summary ${label}`,
      });
      row++;
    };
    const scalar = (id: string) => this.model.value(id, PERIODS[1].id) as Decimal;
    const a = this.model.assumptions.scalars;
    const scalarLink = (id: string, label?: string) => {
      const def = LINES.find((l) => l.id === id)!;
      link(label ?? def.label, UNIT_TEXT[def.unit], definedName(id), scalar(id), LINE_FORMAT[def.unit]);
    };
    link('Scenario in force', '', 'scenarioName', capitalise(this.scenario));
    scalarLink('targetPrice', 'Target price (US$, DCF)');
    link('Price (US$)', 'US$', definedName('price'), a.price, FORMATS.perAds);
    scalarLink('upside');
    scalarLink('dcfEnterpriseValue');
    scalarLink('dcfEquityValue');
    scalarLink('valuePerAdsRmb');
    scalarLink('valuePerAdsUsd');
    link('WACC', '%', 'wacc', a.wacc, FORMATS.pct);
    link('Terminal growth', '%', 'terminalGrowth', a.terminalGrowth, FORMATS.pct);
    link('Master check (Checks sheet)', '', 'masterCheck', true);
    row++;
    const noteCols = PUBLISHED_PERIODS.map((pid) => periodIndex(pid));
    const table = (title: string, rows: { label: string; line: string }[]) => {
      s.text(row, 1, title, 'section');
      noteCols.forEach((p, i) => s.text(row, FIRST_PERIOD_COL + i, PERIODS[p].heading, 'header'));
      row++;
      for (const r of rows) {
        const def = LINES.find((l) => l.id === r.line)!;
        s.text(row, 1, r.label, 'label');
        s.text(row, 2, UNIT_TEXT[def.unit], 'id');
        noteCols.forEach((p, i) => {
          const home = this.lineCell(r.line, p);
          s.put({
            row,
            col: FIRST_PERIOD_COL + i,
            formula: this.ref(name, home.sheet, home.row, home.col),
            cached: cached(this.model.value(r.line, PERIODS[p].id)),
            style: 'link',
            format: LINE_FORMAT[def.unit],
            what: `summary ${r.line}@${PERIODS[p].id}`,
          });
        });
        row++;
      }
      row++;
    };
    table("Key figures (the note's headline table)", [
      ...NOTE_TABLE_LAYOUTS.find((t) => t.name === 'Headline')!.rows,
    ]);
    table('Revisions: New vs Old', [
      { label: 'Revenue (Rmb mn) New', line: 'revenue' },
      { label: 'Revenue (Rmb mn) Old', line: 'revenueOld' },
      { label: 'Revenue revision', line: 'revenueRevision' },
      { label: 'EPS (Rmb) New', line: 'epsBasicPre' },
      { label: 'EPS (Rmb) Old', line: 'epsOld' },
      { label: 'EPS revision', line: 'epsRevision' },
    ]);
    const overrides = Object.entries(this.overrides)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    const stamp: [string, string][] = [
      ['Version', this.options.version ?? 'kc-model'],
      ['Date', this.options.date ?? new Date().toISOString().slice(0, 10)],
      [
        'Scenario written',
        `${this.scenario}${overrides ? ` with ${overrides} (on top of every scenario)` : ''}`,
      ],
      ['Source', NOTE_SOURCE],
    ];
    for (const [label, value] of stamp) {
      s.text(row, 1, label, 'label');
      s.text(row++, FIRST_PERIOD_COL, value, 'note');
    }
    return s;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function periodIndex(id: string): number {
  const i = PERIODS.findIndex((p) => p.id === id);
  if (i < 0) throw new Error(`Unknown period ${id}`);
  return i;
}

function cached(value: Value): PlanValue {
  return value === null ? 'NM' : value;
}

/** Green for a pure link to another sheet (or a defined name), black otherwise. */
function styleOf(formula: string): CellStyle {
  return /^'[^']+'!\$?[A-Z]+\$?\d+$/.test(formula) ? 'link' : 'formula';
}

/**
 * The cells the grid re-renders: `viaWacc`, every cell whose value depends on WACC (rendered inline in each grid
 * cell); `workings`, every other cell on the way from terminal growth to the value per ADS (one block per growth
 * row). Keys are "id@period", "id@-1" for scalar lines.
 */
function gridDependencies(): { workings: Set<string>; viaWacc: Set<string> } {
  const depends = (driver: string): Set<string> => {
    const out = new Set<string>();
    for (const cell of EVALUATION_ORDER) {
      const def = LINES[cell.line];
      const expr: Expr = cell.period < 0 ? def.scalar! : definitionFor(def, PERIODS[cell.period])!;
      const hit =
        references(expr).some((r) => r.kind === 'drv' && r.id === driver) ||
        cellDependencies(def, cell.period, expr).some((d) => out.has(`${LINES[d.line].id}@${d.period}`));
      if (hit) out.add(`${def.id}@${cell.period}`);
    }
    return out;
  };
  const needed = new Set<string>();
  const visit = (line: number, period: number) => {
    const def = LINES[line];
    const key = `${def.id}@${period}`;
    if (needed.has(key)) return;
    needed.add(key);
    const expr: Expr = period < 0 ? def.scalar! : definitionFor(def, PERIODS[period])!;
    for (const d of cellDependencies(def, period, expr)) visit(d.line, d.period);
  };
  visit(
    LINES.findIndex((l) => l.id === 'valuePerAdsUsd'),
    -1,
  );
  const viaWacc = depends('wacc');
  const viaGrowth = depends('terminalGrowth');
  const workings = new Set([...viaGrowth].filter((k) => needed.has(k) && !viaWacc.has(k)));
  return { workings, viaWacc: new Set([...viaWacc].filter((k) => needed.has(k))) };
}
