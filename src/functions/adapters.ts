/**
 * The KC.* custom functions as pure adapters over the model: argument parsing, shape-preserving spills and the
 * mapping of model errors to Excel errors. Nothing here touches Office globals: the caller injects a factory that
 * makes Excel's error values (CustomFunctions.Error in Excel, a stand-in in tests).
 *
 * Conventions at this boundary:
 * - Figures are JS numbers (Decimal converted here and nowhere else), Rmb mn unless the line says otherwise;
 *   percentages are fractions (0.103, not 10.3), for Excel to format.
 * - A value the model calls NM (not meaningful, e.g. a P/E on a loss) is the text "NM", as the note prints it;
 *   #N/A is kept for "no such period / no value in that period".
 * - A blank cell inside a multi-cell period, WACC or growth range gives a blank ("") in the spill.
 * - Errors: a bad argument is #VALUE!, a period outside the model (or a line with no value there) is #N/A, WACC at or
 *   below terminal growth (or a non-finite result) is #NUM!. Each message names the argument at fault. A bad cell
 *   inside a period/WACC/growth range becomes an error in that cell of the spill; any other error fails the call.
 */
import {
  buildModel,
  LINES,
  ModelError,
  NOTE_TABLE_LAYOUTS,
  PERIODS,
  resolveLine,
  SCENARIO_NAMES,
  type DcfResult,
  type KcModel,
  type LineDef,
  type ModelErrorCode,
  type Value,
} from '../model';

/** The Excel errors the functions return. */
export type ExcelErrorKind = 'value' | 'notAvailable' | 'num';

/** Makes an Excel error value: `new CustomFunctions.Error(code, message)` in Excel, a stand-in in tests. */
export type ErrorFactory = (kind: ExcelErrorKind, message: string) => unknown;

/** What one spilled cell holds: a number, text ("NM", a label, "" for blank) or an Excel error value. */
export type CellValue = unknown;

/** The model's word for a value that is not meaningful; what the functions return for it. */
export const NM = 'NM';

/** An error on its way to Excel: its kind, the argument at fault, and the message (which starts with that name). */
export class FunctionError extends Error {
  constructor(
    readonly kind: ExcelErrorKind,
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

const KIND_BY_CODE: Record<ModelErrorCode, ExcelErrorKind> = {
  UNKNOWN_ASSUMPTION: 'value',
  INVALID_VALUE: 'value',
  OUT_OF_RANGE: 'value',
  UNKNOWN_LINE: 'value',
  UNKNOWN_SCENARIO: 'value',
  UNKNOWN_PERIOD: 'notAvailable',
  NOT_AVAILABLE: 'notAvailable',
  WACC_NOT_ABOVE_GROWTH: 'num',
  NUMERIC: 'num',
};

/** The Excel error kind for a model error code. */
export function excelErrorKind(code: ModelErrorCode): ExcelErrorKind {
  return KIND_BY_CODE[code];
}

const bad = (argument: string, message: string) =>
  new FunctionError('value', argument, `${argument}: ${message}`);

function fromModelError(error: ModelError, argument: string): FunctionError {
  return new FunctionError(excelErrorKind(error.code), argument, `${argument}: ${error.message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Argument parsing

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function show(value: unknown): string {
  return typeof value === 'string'
    ? `"${value}"`
    : typeof value === 'boolean'
      ? String(value).toUpperCase()
      : String(value);
}

/** Lower case, letters and digits only: "AI-related" and "ai related" read the same. */
function key(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A named option: the name shown in messages, other names it answers to, and what it selects. */
interface Choice<T> {
  name: string;
  aliases: readonly string[];
  value: T;
}

function chooser<T>(argument: string, choices: readonly Choice<T>[]): (raw: unknown) => T {
  const byKey = new Map<string, T>();
  for (const c of choices) for (const name of [c.name, ...c.aliases]) byKey.set(key(name), c.value);
  const allowed = choices.map((c) => `"${c.name}"`).join(', ');
  return (raw) => {
    if (isBlank(raw)) return choices[0].value;
    const found = typeof raw === 'string' ? byKey.get(key(raw)) : undefined;
    if (found === undefined)
      throw bad(argument, `${show(raw)} is not allowed; use ${allowed} (default "${choices[0].name}").`);
    return found;
  };
}

const labelOf = (id: string) => resolveLine(id).label;

/** KC.REVENUE's segment: the first is the default. */
export const SEGMENTS: readonly Choice<string>[] = [
  { name: 'total', aliases: ['all', 'revenue', 'total revenue', 'group'], value: 'revenue' },
  { name: 'AI-related', aliases: ['AI', 'aiRevenue', labelOf('aiRevenue')], value: 'aiRevenue' },
  {
    name: 'other than AI',
    aliases: ['non-AI', 'ex-AI', 'nonAiRevenue', labelOf('nonAiRevenue')],
    value: 'nonAiRevenue',
  },
  {
    name: 'ecosystem',
    aliases: [
      'Xiaomi/Kingsoft ecosystem',
      'Xiaomi',
      'Kingsoft',
      'ecosystemRevenue',
      labelOf('ecosystemRevenue'),
    ],
    value: 'ecosystemRevenue',
  },
  {
    name: 'other customers',
    aliases: ['others', 'non-ecosystem', 'otherCustomersRevenue', labelOf('otherCustomersRevenue')],
    value: 'otherCustomersRevenue',
  },
];

/** KC.EBITDA's basis: the note's headline EBITDA (default), the income-statement line, or the headline margin. */
export const EBITDA_BASES: readonly Choice<string>[] = [
  {
    name: 'adjusted',
    aliases: ['headline', 'adj', 'note', 'ebitdaAdjusted', labelOf('ebitdaAdjusted')],
    value: 'ebitdaAdjusted',
  },
  {
    name: 'reported',
    aliases: ['income statement', 'IS', 'statement', 'unadjusted', 'ebitda'],
    value: 'ebitda',
  },
  { name: 'margin', aliases: ['adjusted margin', 'EBITDA margin', 'ebitdaMargin'], value: 'ebitdaMargin' },
];

type DcfField = Exclude<keyof DcfResult, 'fcff'>;

/** KC.DCF's output: US$ per ADS (default, unrounded), then the rest of the DCF's results. */
export const DCF_OUTPUTS: readonly Choice<DcfField>[] = [
  {
    name: 'US$ per ADS',
    aliases: ['USD', 'US$', 'USD per ADS', 'value per ADS', 'per ADS', 'valuePerAdsUsd'],
    value: 'valuePerAdsUsd',
  },
  { name: 'Rmb per ADS', aliases: ['Rmb', 'RMB', 'CNY', 'valuePerAdsRmb'], value: 'valuePerAdsRmb' },
  {
    name: 'EV',
    aliases: ['enterprise value', 'dcfEnterpriseValue', 'enterpriseValue'],
    value: 'enterpriseValue',
  },
  { name: 'equity value', aliases: ['equity', 'dcfEquityValue', 'equityValue'], value: 'equityValue' },
  { name: 'upside', aliases: ['upside to target', 'upside to target price'], value: 'upside' },
  {
    name: 'terminal-value share of EV',
    aliases: ['terminal value share', 'TV share', 'TV', 'terminalValueShare'],
    value: 'terminalValueShare',
  },
  {
    name: 'target price',
    aliases: ['target', 'price target', 'TP', 'PT', 'targetPrice'],
    value: 'targetPrice',
  },
];

/** A statement KC.STATEMENT spills: its rows (line id and label shown). */
interface StatementDef {
  title: string;
  rows: readonly { line: string; label: string }[];
}

const STATEMENT_ALIASES: Record<string, readonly string[]> = {
  Headline: ['headlines', 'summary', 'key figures'],
  'Ratios & Valuation': ['ratios', 'ratios and valuation', 'valuation ratios'],
  'Growth & Margins': ['growth', 'margins', 'growth and margins'],
  'Income Statement': ['IS', 'P&L', 'PL', 'income', 'profit and loss'],
  'Balance Sheet': ['BS', 'balance'],
  'Cash Flow': ['CF', 'cash flow statement', 'cash flows'],
  Segments: ['segment', 'revenue by segment'],
  Drivers: ['driver'],
  DCF: ['discounted cash flow'],
  Checks: ['check', 'integrity checks'],
};

/** The note's six tables, then the model's own sections that the note does not print as tables. */
export const STATEMENTS: readonly Choice<StatementDef>[] = [
  ...NOTE_TABLE_LAYOUTS.map((t) => ({
    name: t.name,
    aliases: STATEMENT_ALIASES[t.name] ?? [],
    value: { title: t.name, rows: t.rows.map((r) => ({ line: r.line, label: r.label })) },
  })),
  ...(['Segments', 'Drivers', 'DCF', 'Checks'] as const).map((section) => ({
    name: section,
    aliases: STATEMENT_ALIASES[section],
    value: {
      title: section,
      rows: LINES.filter((d) => d.section === section).map((d) => ({ line: d.id, label: d.label })),
    },
  })),
];

const parseSegment = chooser('segment', SEGMENTS);
const parseBasis = chooser('basis', EBITDA_BASES);
const parseOutput = chooser('output', DCF_OUTPUTS);
const parseStatement = chooser('name', STATEMENTS);

function parseScenario(raw: unknown): string {
  if (isBlank(raw)) return 'base';
  if (typeof raw !== 'string')
    throw bad(
      'scenario',
      `${show(raw)} is not a scenario; use ${SCENARIO_NAMES.map((s) => `"${s}"`).join(', ')}.`,
    );
  return raw.trim();
}

/** Overrides as the model takes them: assumption id (e.g. "wacc", "revenueGrowth.2027E") to a number or text. */
export type AssumptionOverrides = Record<string, number | string>;

/**
 * Reads the assumptions range: two columns, assumption ids in the first and values in the second (numbers, or text
 * such as "10.3%"). Rows blank in both columns are skipped; a row with an id and a blank value sets nothing (the
 * scenario's value stands). A missing argument means no overrides.
 */
export function parseAssumptions(raw: unknown): AssumptionOverrides {
  const overrides: AssumptionOverrides = {};
  if (raw === null || raw === undefined) return overrides;
  const shape =
    'give a two-column range: assumption ids (e.g. "wacc", "revenueGrowth.2027E") in the first column, values in the second';
  if (!isMatrix(raw)) throw bad('assumptions', `${show(raw)} is not a range; ${shape}.`);
  if (raw.length === 1 && raw[0].length === 1 && isBlank(raw[0][0])) return overrides;
  const width = Math.max(...raw.map((row) => row.length));
  if (raw.some((row) => row.length !== 2))
    throw bad('assumptions', `the range has ${width} column${width === 1 ? '' : 's'}; ${shape}.`);
  const seen = new Map<string, number>();
  raw.forEach(([id, value], index) => {
    const row = index + 1;
    if (isBlank(id) && isBlank(value)) return;
    if (isBlank(id))
      throw bad(
        'assumptions',
        `row ${row}: the value ${show(value)} has no assumption id in the first column.`,
      );
    if (typeof id !== 'string')
      throw bad(
        'assumptions',
        `row ${row}: ${show(id)} is not an assumption id; ids are text such as "wacc" or "revenueGrowth.2027E".`,
      );
    const name = id.trim();
    const first = seen.get(name);
    if (first !== undefined)
      throw bad('assumptions', `"${name}" is set twice (rows ${first} and ${row}); keep one.`);
    seen.set(name, row);
    if (isBlank(value)) return;
    if (typeof value !== 'number' && typeof value !== 'string') {
      throw bad(
        'assumptions',
        `row ${row} ("${name}"): ${show(value)} is not a value; use a number such as 0.103 or text such as "10.3%".`,
      );
    }
    overrides[name] = value;
  });
  return overrides;
}

function isMatrix(value: unknown): value is unknown[][] {
  return (
    Array.isArray(value) && value.length > 0 && value.every((row) => Array.isArray(row) && row.length > 0)
  );
}

/** A scalar, a 1-D array (read as a row) or a matrix, as a non-empty rectangular matrix. */
function asMatrix(value: unknown, argument: string): unknown[][] {
  if (Array.isArray(value) && value.length > 0 && value.every(Array.isArray)) {
    if (isMatrix(value) && value.every((row) => row.length === value[0].length)) return value;
    throw bad(argument, 'the range is ragged or empty.');
  }
  if (Array.isArray(value)) return value.length > 0 ? [value] : [[null]];
  return [[value]];
}

const PERIOD_SYNTAX = [/^(?:FY)?\d{4}[AE]?$/, /^FY\d{2}[AE]?$/, /^12\/\d{2}[AE]?$/];
const PERIOD_FORMS = 'a year such as 2026, "2026", "2026E", "FY2026", "FY26" or "12/26E"';

/** Checks that a period cell is written like a period; whether the model has that period is the model's call (#N/A). */
function periodText(raw: unknown): string {
  if (isBlank(raw)) throw bad('period', `a period is required; use ${PERIOD_FORMS}.`);
  if (typeof raw === 'number') {
    if (Number.isInteger(raw)) return String(raw);
    throw bad('period', `${show(raw)} is not a period; use ${PERIOD_FORMS}.`);
  }
  if (typeof raw !== 'string') throw bad('period', `${show(raw)} is not a period; use ${PERIOD_FORMS}.`);
  const text = raw.trim();
  if (!PERIOD_SYNTAX.some((re) => re.test(text.toUpperCase())))
    throw bad('period', `${show(raw)} is not a period; use ${PERIOD_FORMS}.`);
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// Model access

/** Which argument a model error comes from, given what the call set. */
type Blame = (error: ModelError) => string;

const blameAssumptions: Blame = (error) => (error.code === 'UNKNOWN_SCENARIO' ? 'scenario' : 'assumptions');

function build(scenario: string, overrides: AssumptionOverrides, blame: Blame = blameAssumptions): KcModel {
  try {
    return buildModel({ scenario, overrides });
  } catch (error) {
    if (error instanceof ModelError) throw fromModelError(error, blame(error));
    throw error;
  }
}

/** A Decimal (or NM) as an Excel cell: a finite JS number, or "NM". */
function toCell(value: Value, argument: string, what: string): number | string {
  if (value === null) return NM;
  const number = value.toNumber();
  if (!Number.isFinite(number))
    throw new FunctionError('num', argument, `${argument}: ${what} is not a finite number.`);
  return number === 0 ? 0 : number;
}

/** A line's value in one period cell of the period argument. */
function lineValue(model: KcModel, def: LineDef, rawPeriod: unknown): number | string {
  const period = periodText(rawPeriod);
  try {
    return toCell(model.value(def.id, period), 'period', `${def.id} in ${period}`);
  } catch (error) {
    if (error instanceof ModelError) throw fromModelError(error, 'period');
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Spilling

/** Arguments whose cells get their own error in a spill; an error from any other argument fails the whole call. */
const PER_CELL = new Set(['period', 'wacc', 'terminal_growth', 'wacc, terminal_growth']);

/**
 * Maps each cell of a range argument, keeping the range's shape. A single cell that is blank is passed to `fn` (which
 * decides: required or default); blank cells in a larger range spill blank.
 */
function spill(
  raw: unknown,
  argument: string,
  fn: (cell: unknown) => CellValue,
  makeError: ErrorFactory,
): CellValue[][] {
  const matrix = asMatrix(raw, argument);
  const single = matrix.length === 1 && matrix[0].length === 1;
  return matrix.map((row) =>
    row.map((cell) => {
      if (!single && isBlank(cell)) return '';
      return cellOrError(() => fn(cell), makeError, single);
    }),
  );
}

function cellOrError(fn: () => CellValue, makeError: ErrorFactory, single: boolean): CellValue {
  try {
    return fn();
  } catch (error) {
    if (!single && error instanceof FunctionError && PER_CELL.has(error.argument))
      return makeError(error.kind, error.message);
    throw error;
  }
}

/** One axis of KC.DCF's WACC x growth: a single value, a row or a column. */
interface Axis {
  orientation: 'single' | 'row' | 'column';
  cells: unknown[];
}

function axis(raw: unknown, argument: string): Axis {
  const matrix = asMatrix(raw, argument);
  const rows = matrix.length;
  const columns = matrix[0].length;
  if (rows === 1 && columns === 1) return { orientation: 'single', cells: matrix[0] };
  if (rows === 1) return { orientation: 'row', cells: matrix[0] };
  if (columns === 1) return { orientation: 'column', cells: matrix.map((r) => r[0]) };
  throw bad(argument, `give one value, a row or a column, not a ${rows} x ${columns} block.`);
}

function rate(raw: unknown, argument: string): number | string {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string') return raw.trim();
  throw bad(argument, `${show(raw)} is not a rate; use a number such as 0.103 or text such as "10.3%".`);
}

// ---------------------------------------------------------------------------------------------------------------
// The functions

/** The five KC.* functions, each returning a matrix (a single cell is 1 x 1) and throwing Excel errors from `makeError`. */
export interface KcFunctions {
  revenue(period: unknown, segment?: unknown, scenario?: unknown, assumptions?: unknown): CellValue[][];
  ebitda(period: unknown, basis?: unknown, scenario?: unknown, assumptions?: unknown): CellValue[][];
  dcf(
    wacc?: unknown,
    terminalGrowth?: unknown,
    output?: unknown,
    scenario?: unknown,
    assumptions?: unknown,
  ): CellValue[][];
  line(item: unknown, period: unknown, scenario?: unknown, assumptions?: unknown): CellValue[][];
  statement(name: unknown, scenario?: unknown, assumptions?: unknown): CellValue[][];
}

/** Builds the KC.* functions over the memoized model, with Excel errors made by `makeError`. */
export function createKcFunctions(makeError: ErrorFactory): KcFunctions {
  const guard =
    <A extends unknown[]>(name: string, fn: (...args: A) => CellValue[][]) =>
    (...args: A): CellValue[][] => {
      try {
        return fn(...args);
      } catch (error) {
        throw toExcelError(error, name, makeError);
      }
    };

  const lineByPeriod = (lineId: string, period: unknown, scenario: unknown, assumptions: unknown) => {
    const name = parseScenario(scenario);
    const model = build(name, parseAssumptions(assumptions));
    const def = resolveLine(lineId);
    return spill(period, 'period', (cell) => lineValue(model, def, cell), makeError);
  };

  return {
    revenue: guard(
      'KC.REVENUE',
      (period: unknown, segment?: unknown, scenario?: unknown, assumptions?: unknown) =>
        lineByPeriod(parseSegment(segment), period, scenario, assumptions),
    ),

    ebitda: guard(
      'KC.EBITDA',
      (period: unknown, basis?: unknown, scenario?: unknown, assumptions?: unknown) =>
        lineByPeriod(parseBasis(basis), period, scenario, assumptions),
    ),

    line: guard('KC.LINE', (item: unknown, period: unknown, scenario?: unknown, assumptions?: unknown) => {
      const def = parseItem(item);
      const name = parseScenario(scenario);
      const model = build(name, parseAssumptions(assumptions));
      if (def.scalar) return [[toCell(model.value(def.id, 0), 'item', def.id)]];
      return spill(period, 'period', (cell) => lineValue(model, def, cell), makeError);
    }),

    dcf: guard(
      'KC.DCF',
      (
        wacc?: unknown,
        terminalGrowth?: unknown,
        output?: unknown,
        scenario?: unknown,
        assumptions?: unknown,
      ) => {
        const field = parseOutput(output);
        const name = parseScenario(scenario);
        const overrides = parseAssumptions(assumptions);
        const w = axis(wacc, 'wacc');
        const g = axis(terminalGrowth, 'terminal_growth');
        const value = (rawW: unknown, rawG: unknown): CellValue => {
          const set = { ...overrides };
          const setW = !isBlank(rawW);
          const setG = !isBlank(rawG);
          if (setW) set.wacc = rate(rawW, 'wacc');
          if (setG) set.terminalGrowth = rate(rawG, 'terminal_growth');
          const blame: Blame = (error) => {
            if (error.code === 'UNKNOWN_SCENARIO') return 'scenario';
            if ((error.code === 'WACC_NOT_ABOVE_GROWTH' || error.code === 'NUMERIC') && (setW || setG))
              return 'wacc, terminal_growth';
            if (error.subject === 'wacc' && setW) return 'wacc';
            if (error.subject === 'terminalGrowth' && setG) return 'terminal_growth';
            return 'assumptions';
          };
          const result = build(name, set, blame).dcf()[field];
          return toCell(result, setW || setG ? 'wacc, terminal_growth' : 'output', field);
        };
        const single = w.orientation === 'single' && g.orientation === 'single';
        const at = (rawW: unknown, rawG: unknown): CellValue => {
          if (
            !single &&
            ((w.orientation !== 'single' && isBlank(rawW)) || (g.orientation !== 'single' && isBlank(rawG)))
          )
            return '';
          return cellOrError(() => value(rawW, rawG), makeError, single);
        };
        const [w0, g0] = [w.cells[0], g.cells[0]];
        if (single) return [[at(w0, g0)]];
        if (w.orientation === 'single')
          return g.orientation === 'row' ? [g.cells.map((x) => at(w0, x))] : g.cells.map((x) => [at(w0, x)]);
        if (g.orientation === 'single')
          return w.orientation === 'row' ? [w.cells.map((x) => at(x, g0))] : w.cells.map((x) => [at(x, g0)]);
        if (w.orientation === 'row' && g.orientation === 'column')
          return g.cells.map((gx) => w.cells.map((wx) => at(wx, gx)));
        if (w.orientation === 'column' && g.orientation === 'row')
          return w.cells.map((wx) => g.cells.map((gx) => at(wx, gx)));
        throw bad(
          'wacc, terminal_growth',
          'for a sensitivity grid give the WACCs in a row and the terminal growth rates in a column.',
        );
      },
    ),

    statement: guard('KC.STATEMENT', (statementName: unknown, scenario?: unknown, assumptions?: unknown) => {
      if (isBlank(statementName))
        throw bad(
          'name',
          `a statement name is required; use ${STATEMENTS.map((s) => `"${s.name}"`).join(', ')}.`,
        );
      const def = parseStatement(statementName);
      const model = build(parseScenario(scenario), parseAssumptions(assumptions));
      return statementRows(model, def);
    }),
  };
}

function parseItem(raw: unknown): LineDef {
  if (isBlank(raw) || typeof raw !== 'string') {
    throw bad(
      'item',
      `${isBlank(raw) ? 'a line' : show(raw)} is required as text: a line id such as "netIncomePre" or the note's label such as "Net inc. (pre-exceptionals)".`,
    );
  }
  try {
    return resolveLine(raw);
  } catch (error) {
    if (error instanceof ModelError) throw fromModelError(error, 'item');
    throw error;
  }
}

/** The periods KC.STATEMENT spills: 12/25 to 12/35E (the note prints 12/25 to 12/28E; the rest is the long range). */
export const STATEMENT_PERIODS = PERIODS.slice(1);

function statementRows(model: KcModel, def: StatementDef): CellValue[][] {
  const width = STATEMENT_PERIODS.length;
  const header: CellValue[] = [def.title, ...STATEMENT_PERIODS.map((p) => p.heading)];
  const rows = def.rows.map(({ line, label }): CellValue[] => {
    const lineDef = resolveLine(line);
    if (lineDef.scalar) {
      return [label, toCell(model.value(line, 0), 'name', line), ...Array<CellValue>(width - 1).fill('')];
    }
    const byPeriod = new Map(model.series(line).map(({ period, value }) => [period, value]));
    return [
      label,
      ...STATEMENT_PERIODS.map((p) =>
        byPeriod.has(p.id) ? toCell(byPeriod.get(p.id)!, 'name', `${line} in ${p.id}`) : '',
      ),
    ];
  });
  return [header, ...rows];
}

function toExcelError(error: unknown, functionName: string, makeError: ErrorFactory): unknown {
  if (error instanceof FunctionError) return makeError(error.kind, error.message);
  if (error instanceof ModelError)
    return makeError(excelErrorKind(error.code), `${functionName}: ${error.message}`);
  const message = error instanceof Error ? error.message : String(error);
  return makeError('value', `${functionName} failed: ${message}`);
}
