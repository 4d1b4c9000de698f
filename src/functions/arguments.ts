/**
 * Argument parsers: each takes what Excel passes for one argument and returns what the body needs, or throws #VALUE!
 * (a FunctionError) naming the argument and what it allows. Range arguments (period, wacc, terminal_growth) are read
 * cell by cell, so a bad cell errs in its own cell of the spill.
 */
import {
  DRIVERS,
  findDriver,
  findLine,
  readPeriodText,
  resolveLine,
  SCENARIO_NAMES,
  type LineDef,
} from '../model';
import { ASSUMPTION_IDS_HINT, badArgument, blamed } from './errors';
import { asMatrix, isBlank, isMatrix, readRange, type Range, type RangeCell } from './spill';

/** Reads one argument. */
export type Parser<T> = (raw: unknown) => T;

/** A value as a message quotes it: text in quotes, TRUE/FALSE as Excel writes them. */
export function show(value: unknown): string {
  return typeof value === 'string'
    ? `"${value}"`
    : typeof value === 'boolean'
      ? String(value).toUpperCase()
      : String(value);
}

const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** Lower case, letters and digits only: "AI-related" and "ai related" read the same. */
function key(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A named option: the name shown in messages, other names it answers to, and what it selects. */
export interface Choice<T> {
  name: string;
  aliases: readonly string[];
  value: T;
}

/**
 * Reads one of `choices` by name or alias (case, spaces and punctuation ignored). Blank gives the first choice, or,
 * when `required`, an error.
 */
export function chooser<T>(
  argument: string,
  noun: string,
  choices: readonly Choice<T>[],
  required = false,
): Parser<T> {
  const byKey = new Map<string, T>();
  for (const c of choices) for (const name of [c.name, ...c.aliases]) byKey.set(key(name), c.value);
  const allowed = list(choices.map((c) => c.name));
  const use = required ? `use ${allowed}` : `use ${allowed} (default "${choices[0].name}")`;
  return (raw) => {
    if (isBlank(raw)) {
      if (required) throw badArgument(argument, `${noun} is required; ${use}.`);
      return choices[0].value;
    }
    const found = typeof raw === 'string' ? byKey.get(key(raw)) : undefined;
    if (found === undefined) throw badArgument(argument, `${show(raw)} is not ${noun}; ${use}.`);
    return found;
  };
}

/** The scenario argument: a scenario name, "base" when blank. */
export const parseScenario: Parser<string> = chooser(
  'scenario',
  'a scenario',
  SCENARIO_NAMES.map((name) => ({ name, aliases: [], value: name })),
);

/** Overrides as the model takes them: assumption id (e.g. "wacc", "revenueGrowth.2027E") to a number or text. */
export type AssumptionOverrides = Record<string, number | string>;

const SHAPE =
  'give a two-column range: assumption ids (e.g. "wacc", "revenueGrowth.2027E") in the first column, values in the second';

/**
 * An assumptions range argument (`argument` names it in messages): two columns, assumption ids in the first and values in the second (numbers, or text
 * such as "10.3%"). Rows blank in both columns are skipped; a row with an id and a blank value sets nothing (the
 * scenario's value stands). A missing argument means no overrides. An id must name a driver or a line of the model
 * (looked up in the model's indexes, so "__proto__" or "constructor" is an unknown assumption like any other);
 * whether the rest of the id (its period) exists is the model's call.
 */
export function assumptionsParser(argument: string): Parser<AssumptionOverrides> {
  return (raw) => readAssumptions(raw, argument);
}

/** The assumptions argument (see assumptionsParser). */
export const parseAssumptions: Parser<AssumptionOverrides> = assumptionsParser('assumptions');

function readAssumptions(raw: unknown, argument: string): AssumptionOverrides {
  // No prototype: every id the range holds is an own key that the model sees and checks.
  const overrides = Object.create(null) as AssumptionOverrides;
  if (raw === null || raw === undefined) return overrides;
  if (!isMatrix(raw)) throw badArgument(argument, `${show(raw)} is not a range; ${SHAPE}.`);
  if (raw.length === 1 && raw[0].length === 1 && isBlank(raw[0][0])) return overrides;
  const width = Math.max(...raw.map((row) => row.length));
  if (raw.some((row) => row.length !== 2))
    throw badArgument(argument, `the range has ${width} column${width === 1 ? '' : 's'}; ${SHAPE}.`);
  const seen = new Map<string, number>();
  raw.forEach(([id, value], index) => {
    const row = index + 1;
    if (isBlank(id) && isBlank(value)) return;
    if (isBlank(id))
      throw badArgument(
        argument,
        `row ${row}: the value ${show(value)} has no assumption id in the first column.`,
      );
    if (typeof id !== 'string')
      throw badArgument(
        argument,
        `row ${row}: ${show(id)} is not an assumption id; ids are text such as "wacc" or "revenueGrowth.2027E".`,
      );
    const name = id.trim();
    const first = seen.get(name);
    if (first !== undefined)
      throw badArgument(argument, `"${name}" is set twice (rows ${first} and ${row}); keep one.`);
    seen.set(name, row);
    const head = name.split('.')[0];
    if (!findDriver(head) && !findLine(head)) throw unknownAssumption(name, argument);
    if (isBlank(value)) return;
    if (typeof value !== 'number' && typeof value !== 'string')
      throw badArgument(
        argument,
        `row ${row} ("${name}"): ${show(value)} is not a value; use a number such as 0.103 or text such as "10.3%".`,
      );
    overrides[name] = value;
  });
  return overrides;
}

function unknownAssumption(id: string, argument: string) {
  const lower = id.toLowerCase();
  const near = DRIVERS.map((d) => d.id)
    .filter((d) => d.toLowerCase().includes(lower) || lower.includes(d.toLowerCase()))
    .slice(0, 3);
  const guess = near.length ? ` Did you mean ${list(near)}?` : '';
  return badArgument(argument, `Unknown assumption "${id}".${guess} ${ASSUMPTION_IDS_HINT}`);
}

/** KC.LINE's item: a line by id or by the note's label. */
export function parseItem(raw: unknown): LineDef {
  if (isBlank(raw) || typeof raw !== 'string')
    throw badArgument(
      'item',
      `${isBlank(raw) ? 'a line' : show(raw)} is required as text: a line id such as "netIncomePre" or the note's label such as "Net inc. (pre-exceptionals)".`,
    );
  return blamed(
    () => resolveLine(raw),
    () => 'item',
  );
}

const PERIOD_FORMS = 'a year such as 2026, "2026", "2026E", "FY2026", "FY26" or "12/26E"';

/**
 * One period cell, as text the model resolves. Whether it is written like a period is the model's period syntax
 * (#VALUE! if not); whether the model has that period is the model's call when it is read (#N/A).
 */
function periodCell(raw: unknown): string {
  if (isBlank(raw)) throw badArgument('period', `a period is required; use ${PERIOD_FORMS}.`);
  const text =
    typeof raw === 'number' && Number.isInteger(raw)
      ? String(raw)
      : typeof raw === 'string'
        ? raw.trim()
        : '';
  if (!readPeriodText(text))
    throw badArgument('period', `${show(raw)} is not a period; use ${PERIOD_FORMS}.`);
  return text;
}

/** The period argument: one period or a range of them. */
export const parsePeriods: Parser<Range<string>> = (raw) => readRange(raw, 'period', periodCell);

/** The most WACCs, and the most terminal growth rates, that KC.DCF takes: a grid of at most 21 x 21. */
export const MAX_GRID_AXIS = 21;

/** A rate as the model reads it: a number, or text such as "10.3%"; undefined for the scenario's own (blank). */
export type Rate = number | string | undefined;

/** One axis of KC.DCF's grid: a single value, a row or a column, each cell a rate (or a blank or an error). */
export interface Axis {
  argument: 'wacc' | 'terminal_growth';
  orientation: 'single' | 'row' | 'column';
  cells: RangeCell<Rate>[];
}

function axisParser(argument: Axis['argument'], plural: string): Parser<Axis> {
  const rate = (raw: unknown): Rate => {
    if (isBlank(raw)) return undefined;
    if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
    if (typeof raw === 'string') return raw.trim();
    throw badArgument(
      argument,
      `${show(raw)} is not a rate; use a number such as 0.103 or text such as "10.3%".`,
    );
  };
  return (raw) => {
    const matrix = asMatrix(raw, argument);
    const [rows, columns] = [matrix.length, matrix[0].length];
    if (rows > 1 && columns > 1)
      throw badArgument(argument, `give one value, a row or a column, not a ${rows} x ${columns} block.`);
    const count = rows * columns;
    if (count > MAX_GRID_AXIS)
      throw badArgument(
        argument,
        `the range has ${count} cells; KC.DCF takes at most ${MAX_GRID_AXIS} ${plural} (a grid of at most ${MAX_GRID_AXIS} x ${MAX_GRID_AXIS}).`,
      );
    const { cells } = readRange(matrix, argument, rate);
    const orientation = count === 1 ? 'single' : rows === 1 ? 'row' : 'column';
    return { argument, orientation, cells: cells.flat() };
  };
}

/** KC.DCF's wacc argument. */
export const parseWaccs = axisParser('wacc', 'WACCs');

/** KC.DCF's terminal_growth argument. */
export const parseGrowths = axisParser('terminal_growth', 'terminal growth rates');
