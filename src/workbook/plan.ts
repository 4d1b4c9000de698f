/**
 * The workbook plan: every sheet, cell, formula, cached value, format, defined name, chart and page setup of the
 * model as a spreadsheet, built from the model's line definitions (no second copy of any line's logic) and
 * independent of any file format or spreadsheet engine. One module per sheet builds it (summary.ts,
 * assumptions.ts, statements.ts, dcf.ts with grid.ts, valuation.ts, checks.ts, charts.ts) over a shared builder (builder.ts);
 * src/workbook/xlsx.ts writes it as .xlsx, the task pane writes it with Office.js, and the tests load it into
 * HyperFormula and LibreOffice.
 */
import { assumptionsFor, buildModel, SCENARIOS, type Decimal, type Overrides } from '../model';
import { assumptionsSheet } from './assumptions';
import { PlanContext } from './builder';
import { chartsSheet, type PlanChart } from './charts';
import { checksSheet } from './checks';
import { dcfSheet } from './dcf';
import { SHEET_NAMES } from './layout';
import { lineSheet } from './statements';
import { summarySheet } from './summary';
import { valuationSheet } from './valuation';

export {
  a1,
  colLetter,
  definedName,
  FIRST_PERIOD_COL,
  HEADER_ROWS,
  ID_COL,
  MODEL_NAME,
  SHEET_NAMES,
} from './layout';
export { FORMATS } from './styles';

/** A cell's literal value or a formula's cached value: a number (as Decimal), text or a boolean. */
export type PlanValue = Decimal | string | boolean;

/** A plan value as a spreadsheet cell holds it (Decimal -> number, here at the file and host boundary; none: ""). */
export function toCell(value: PlanValue | undefined): number | string | boolean {
  if (value === undefined) return '';
  return typeof value === 'string' || typeof value === 'boolean' ? value : value.toNumber();
}

/**
 * How a cell looks: blue inputs, black formulas, green links to other sheets, the labels around them, bold
 * check results, and the boxed base case of the sensitivity grid.
 */
export type CellStyle =
  'title' | 'note' | 'header' | 'section' | 'label' | 'id' | 'input' | 'formula' | 'link' | 'check' | 'base';

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
  /** A cell note (comment) for the reader. */
  comment?: string;
  /** Wrap the text within the column (the row is made tall enough). */
  wrap?: boolean;
}

/** A run of rows or columns, 1-based and inclusive. */
export interface Span {
  from: number;
  to: number;
}

/** How a sheet prints: always landscape and one page wide; these say what repeats and how tall it may run. */
export interface PrintSetup {
  /** Rows repeated at the top of every printed page (title, note and column headings). */
  titleRows?: Span;
  /** Columns repeated at the left of every printed page (labels). */
  titleCols?: Span;
  /** Fit the whole sheet on one page (the Summary); otherwise one page wide and as many tall as needed. */
  onePage?: boolean;
}

export interface PlanSheet {
  name: string;
  cells: PlanCell[];
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Row heights in points for rows that need more than one line (wrapped labels), by row. */
  heights?: Record<number, number>;
  /** Frozen header rows and label columns. */
  freeze: { rows: number; cols: number };
  /**
   * Outline groups (level 1), all collapsed: rows of workings and the id column, hidden on screen and in print
   * until expanded. The summary row of each row group is the row above it; of a column group, the column left.
   */
  groups: { rows: Span[]; cols: Span[] };
  print: PrintSetup;
}

export interface PlanName {
  name: string;
  sheet: string;
  /** An absolute A1 reference or range on the sheet, e.g. "$D$8" or "$D$20:$O$20". */
  ref: string;
}

/**
 * The running header and footer of every printed page: left, centre and right texts, with the placeholders
 * {sheet}, {page} and {pages} that each writer maps to its host's codes.
 */
export interface PageBanner {
  left: string;
  center: string;
  right: string;
}

export interface WorkbookPlan {
  sheets: PlanSheet[];
  names: PlanName[];
  /** Native charts, each on one of the plan's sheets. */
  charts: PlanChart[];
  /** The printed header (model name, sheet, scenario written) and footer (stamp, page numbers). */
  page: { header: PageBanner; footer: PageBanner };
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
  const ctx = new PlanContext(model, sets, scenario, overrides, options);
  // Place every line first (formulas refer across sheets), then fill in the formulas.
  const assumptions = assumptionsSheet(ctx);
  const income = lineSheet(ctx, SHEET_NAMES.income, ['Income Statement', 'Segments']);
  const balance = lineSheet(ctx, SHEET_NAMES.balance, ['Balance Sheet']);
  const cashFlow = lineSheet(ctx, SHEET_NAMES.cashFlow, ['Cash Flow']);
  const schedules = lineSheet(
    ctx,
    SHEET_NAMES.schedules,
    ['Fixed Assets', 'Debt and Interest', 'Tax'],
    'Rmb mn unless stated. The schedules behind the statements: fixed assets and D&A, debt, the revolver and interest, tax losses.',
  );
  const ratios = lineSheet(ctx, SHEET_NAMES.ratios, ['Ratios']);
  const dcf = dcfSheet(ctx);
  const checks = checksSheet(ctx);
  const lineSheets = [assumptions, income, balance, cashFlow, schedules, ratios, dcf.sheet, checks.sheet];
  for (const s of lineSheets) ctx.fillLines(s);
  const grid = dcf.fill();
  const masterCheck = checks.fill();
  const summary = summarySheet(ctx, masterCheck);
  const valuation = valuationSheet(ctx, grid);
  const charts = chartsSheet(ctx);
  // The Valuation sheet follows the DCF it builds on.
  const sheets = [summary, ...lineSheets, charts.sheet];
  sheets.splice(sheets.indexOf(dcf.sheet) + 1, 0, valuation.sheet);
  return {
    sheets: sheets.map((s) => s.toSheet()),
    names: ctx.names,
    charts: [...charts.charts, ...valuation.charts],
    page: ctx.page(),
    scenario,
    overrides,
    anchors: ctx.anchors,
  };
}
