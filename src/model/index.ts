/**
 * The Kingsoft Cloud model: build it from a scenario plus overrides, then read any line for any period,
 * the DCF, a WACC x terminal-growth grid and the integrity checks.
 *
 * @example
 * const model = buildModel();                               // the base case: the note
 * model.value('revenue', 2027).toFixed(1);                  // "15707.7"
 * model.value('Net inc. (pre-exceptionals)', '2026E');      // by the note's label
 * buildModel({ overrides: { wacc: '11%', 'revenueGrowth.2027E': 0.2 } }).dcf().targetPrice;
 * sensitivityGrid({}, [0.093, 0.103, 0.113], [0.02, 0.03, 0.04]);  // US$ per ADS, rows = growth
 */
import type { AssumptionSet } from './assumptions';
import { Decimal } from './decimal';
import { messages } from './errors';
import { evaluateAll, valueAt, type Evaluated, type Value, type Values } from './evaluate';
import { allowedText, applyOverrides, formatValue, parseValue, type Overrides } from './overrides';
import { findPeriod, parsePeriod, PERIOD_IDS, PERIODS, type PeriodId } from './periods';
import { findDriver } from './assumptions';
import { CHECK_TOLERANCE, type LineDef } from './lines';
import { findLine, LINES } from './registry';
import { scenarioAssumptions } from './scenarios';
import { NOTE_TABLE_LAYOUTS } from './tables';

export { Decimal } from './decimal';
export { ModelError, messages, type ModelErrorCode } from './errors';
export {
  DRIVERS,
  findDriver,
  driverPeriods,
  type DriverDef,
  type AssumptionSet,
  type DriverGroup,
  type LongRangeRule,
  type ValueGroup,
  VALUE_GROUPS,
} from './assumptions';
export {
  PERIODS,
  PERIOD_IDS,
  LAST_PERIOD,
  NOTE_PERIOD_IDS,
  FORECAST_PERIOD_IDS,
  STATEMENT_PERIOD_IDS,
  parsePeriod,
  readPeriodText,
  type PeriodId,
  type PeriodText,
} from './periods';
export { LINES, findLine, lineIndex, definitionFor, cellDependencies, EVALUATION_ORDER } from './registry';
export { STATEMENTS, CHECK_TOLERANCE, LOSS_CARRY_FORWARD_YEARS } from './lines';
export { references, type Expr } from './expr';
export { SCENARIOS, SCENARIO_NAMES } from './scenarios';
export { NOTE_TABLE_LAYOUTS } from './tables';
export { CALIBRATION } from './baseCase';
export type { LineDef, Section, LineUnit, Statement } from './lines';
export type { Overrides, OverrideValue } from './overrides';
export type { Value } from './evaluate';
export * from './analysis';

/** What to build: a scenario name (default "base") and overrides on top of it. */
export interface BuildOptions {
  scenario?: string;
  overrides?: Overrides;
}

/** The DCF's outputs (Rmb mn unless stated). */
export interface DcfResult {
  sumPvFcff: Decimal;
  terminalValue: Decimal;
  pvTerminalValue: Decimal;
  enterpriseValue: Decimal;
  terminalValueShare: Decimal;
  netDebt: Decimal;
  minorities: Decimal;
  equityValue: Decimal;
  valuePerAdsRmb: Decimal;
  valuePerAdsUsd: Decimal;
  /** US$ per ADS rounded as the note publishes it. */
  targetPrice: Decimal;
  upside: Decimal;
  impliedEvSales2026: Decimal;
  impliedEvSales2027: Decimal;
  impliedPs2026: Decimal;
  impliedPs2027: Decimal;
  fcff: { period: PeriodId; value: Decimal }[];
}

/** One integrity check in one period: the difference (null when it cannot be computed: NM) and whether it is within tolerance. */
export interface CheckResult {
  id: string;
  label: string;
  period: PeriodId;
  difference: Decimal | null;
  ok: boolean;
}

const TOLERANCE = new Decimal(CHECK_TOLERANCE);

/** A built model: immutable values for every line and period. */
export class KcModel {
  constructor(
    readonly scenario: string,
    readonly assumptions: AssumptionSet,
    private readonly values: Values,
  ) {}

  /** The assumptions and values, for re-evaluating a variant of this model. */
  evaluated(): Evaluated {
    return { assumptions: this.assumptions, values: this.values };
  }

  /** A line's value in a period; the line by id or by the note's label; null means "NM". */
  value(lineRef: string, period: string | number): Value {
    const def = resolveLine(lineRef);
    // A single-value line (the DCF's totals) has no periods, so the period is not read.
    if (def.scalar) return valueAt(this.values, def.id, -1) ?? null;
    const p = resolvePeriod(period);
    const value = valueAt(this.values, def.id, p.index);
    if (value === undefined) throw messages.notAvailable(def.id, p.id);
    return value;
  }

  /** A line's value in every period where it has one. */
  series(lineRef: string): { period: PeriodId; value: Value }[] {
    const def = resolveLine(lineRef);
    if (def.scalar) throw messages.notAvailable(def.id, 'any period (it is a single value)');
    return PERIODS.flatMap((p) => {
      const value = valueAt(this.values, def.id, p.index);
      return value === undefined ? [] : [{ period: p.id, value }];
    });
  }

  /** The DCF: EV, equity bridge, value per ADS and the target price. */
  dcf(): DcfResult {
    const s = (id: string) => valueAt(this.values, id, -1) as Decimal;
    return {
      sumPvFcff: s('sumPvFcff'),
      terminalValue: s('terminalValue'),
      pvTerminalValue: s('pvTerminalValue'),
      enterpriseValue: s('dcfEnterpriseValue'),
      terminalValueShare: s('terminalValueShare'),
      netDebt: s('dcfNetDebt'),
      minorities: s('dcfMinorities'),
      equityValue: s('dcfEquityValue'),
      valuePerAdsRmb: s('valuePerAdsRmb'),
      valuePerAdsUsd: s('valuePerAdsUsd'),
      targetPrice: s('targetPrice'),
      upside: s('upside'),
      impliedEvSales2026: s('impliedEvSales2026'),
      impliedEvSales2027: s('impliedEvSales2027'),
      impliedPs2026: s('impliedPs2026'),
      impliedPs2027: s('impliedPs2027'),
      fcff: this.series('fcff').map(({ period, value }) => ({ period, value: value as Decimal })),
    };
  }

  /** Every integrity check in every period where it applies (a single-value check is reported at 12/35E). */
  checks(): CheckResult[] {
    const result = (def: LineDef, period: PeriodId, value: Value): CheckResult => ({
      id: def.id,
      label: def.label,
      period,
      difference: value,
      ok: value !== null && value.abs().lessThanOrEqualTo(TOLERANCE),
    });
    return LINES.filter((def) => def.section === 'Checks').flatMap((def) =>
      def.scalar
        ? [result(def, PERIOD_IDS[PERIOD_IDS.length - 1], valueAt(this.values, def.id, -1) ?? null)]
        : this.series(def.id).map(({ period, value }) => result(def, period, value)),
    );
  }
}

/** Lines by label: the note's labels and the model's own; a label the note uses for two lines maps to both. */
const LABELS = new Map<string, Set<LineDef>>();
const addLabel = (label: string, def: LineDef) => {
  const key = normalise(label);
  LABELS.set(key, (LABELS.get(key) ?? new Set()).add(def));
};
for (const table of NOTE_TABLE_LAYOUTS)
  for (const row of table.rows) addLabel(row.label, findLine(row.line)!);
for (const def of LINES) addLabel(def.label, def);

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A line by id, or by the note's label (case and spacing ignored). */
export function resolveLine(ref: string): LineDef {
  const byId = findLine(ref);
  if (byId) return byId;
  const byLabel = [...(LABELS.get(normalise(ref)) ?? [])];
  if (byLabel.length === 0) throw messages.unknownLine(ref);
  if (byLabel.length > 1)
    throw messages.ambiguousLine(ref, byLabel.map((d) => `${d.id} (${d.section})`).join(', '));
  return byLabel[0];
}

/** A period from 2026, "2026E", "FY26", "12/26E", ... */
export function resolvePeriod(input: string | number): (typeof PERIODS)[number] {
  const period = findPeriod(String(input)) ?? parsePeriod(input);
  if (!period)
    throw messages.unknownPeriod(
      input,
      `${PERIOD_IDS[1]} to ${PERIOD_IDS[PERIOD_IDS.length - 1]} (e.g. 2027, "2027E", "FY27", "12/27E"; 2024A holds opening comparatives only)`,
    );
  return period;
}

/** Builds the model's assumption set for a scenario plus overrides, validated. */
export function assumptionsFor(options: BuildOptions = {}): AssumptionSet {
  return applyOverrides(scenarioAssumptions(options.scenario ?? 'base'), options.overrides ?? {});
}

const CACHE_LIMIT = 256;
const cache = new Map<string, KcModel>();

/** Builds (or returns the memoized) model for a scenario and overrides. Distinct option sets are cached, least recently used first out. */
export function buildModel(options: BuildOptions = {}): KcModel {
  const key = cacheKey(options);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const overridden = Object.keys(options.overrides ?? {}).length > 0;
  const model = overridden
    ? buildFrom(buildModel({ scenario: options.scenario }), options)
    : buildModelUncached(options);
  cache.set(key, model);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return model;
}

/** Builds a model afresh, bypassing the memo and evaluating every cell (for benchmarks and tests). */
export function buildModelUncached(options: BuildOptions = {}): KcModel {
  const scenario = (options.scenario ?? 'base').trim().toLowerCase();
  const assumptions = assumptionsFor(options);
  return new KcModel(scenario, assumptions, evaluateAll(assumptions));
}

/** A model with overrides on top of another built model: only the cells the overrides reach are recomputed. */
function buildFrom(base: KcModel, options: BuildOptions): KcModel {
  const assumptions = assumptionsFor(options);
  return new KcModel(base.scenario, assumptions, evaluateAll(assumptions, base.evaluated()));
}

/** How many models the memo holds now, and its bound. */
export function cacheStats(): { size: number; limit: number } {
  return { size: cache.size, limit: CACHE_LIMIT };
}

/** Empties the memo. */
export function clearCache(): void {
  cache.clear();
}

function cacheKey(options: BuildOptions): string {
  const overrides = Object.entries(options.overrides ?? {})
    .map(([k, v]) => [k, String(v)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([(options.scenario ?? 'base').trim().toLowerCase(), overrides]);
}

/** A single-value output of the DCF, for the sensitivity grid. */
export type DcfOutput = Exclude<keyof DcfResult, 'fcff'>;

/**
 * US$ per ADS (unrounded; or another DCF `output`) for each terminal growth (rows) and WACC (columns), on top of
 * the given options. A cell where WACC <= terminal growth is null (NM): that pair has no Gordon-growth value.
 */
export function sensitivityGrid(
  options: BuildOptions,
  waccs: readonly (number | string | Decimal)[],
  growths: readonly (number | string | Decimal)[],
  output: DcfOutput = 'valuePerAdsUsd',
): (Decimal | null)[][] {
  const rates = waccs.map((w, i) => axisValue('wacc', w, `WACC (grid column ${i + 1})`));
  return growths.map((g, row) => {
    const growth = axisValue('terminalGrowth', g, `terminal growth (grid row ${row + 1})`);
    // Terminal growth reaches the long-range revenue path, so each row needs its own statements; WACC only
    // reaches the discounting, so each cell re-evaluates just the DCF from the row's model.
    const usable = rates.find((w) => w.greaterThan(growth));
    if (!usable) return rates.map(() => null);
    const rowModel = buildModel({
      ...options,
      overrides: { ...options.overrides, wacc: usable.toString(), terminalGrowth: growth.toString() },
    });
    return rates.map((w) => {
      if (w.lessThanOrEqualTo(growth)) return null;
      const overrides = { ...options.overrides, wacc: w.toString(), terminalGrowth: growth.toString() };
      return buildFrom(rowModel, { ...options, overrides }).dcf()[output];
    });
  });
}

/** A grid axis value: a number or text, within the driver's allowed range. */
function axisValue(id: 'wacc' | 'terminalGrowth', raw: number | string | Decimal, where: string): Decimal {
  const def = findDriver(id)!;
  const value = Decimal.isDecimal(raw) ? (raw as Decimal) : parseValue(id, raw, allowedText(def), where);
  if (value.lessThan(def.min) || value.greaterThan(def.max))
    throw messages.outOfRange(id, where, formatValue(def, value), allowedText(def));
  return value;
}

/** The grid's shape by default: 11 x 11, WACC in steps of 0.5pp, terminal growth in steps of 0.25pp. */
export const GRID = { size: 11, waccStep: '0.005', growthStep: '0.0025' } as const;

/**
 * `size` points `step` apart that include `centre` and lie within the driver's allowed range: centred on `centre`
 * where the range allows, shifted inwards by whole steps near a limit. So an allowed WACC or growth never makes
 * the grid ask for a value outside the range, and the case's own value stays on the grid.
 */
export function gridAxis(
  centre: Decimal,
  step: Decimal,
  id: 'wacc' | 'terminalGrowth',
  size: number = GRID.size,
): Decimal[] {
  const def = findDriver(id)!;
  const stepsBelow = centre.minus(def.min).div(step).floor().toNumber();
  const stepsAbove = new Decimal(def.max).minus(centre).div(step).floor().toNumber();
  const first = Math.max(-stepsBelow, Math.min(-Math.floor(size / 2), stepsAbove - (size - 1)));
  return Array.from({ length: size }, (_, i) => centre.plus(step.times(first + i)));
}

/** The default grid around the options' own WACC and terminal growth (see gridAxis). */
export function defaultGridAxes(
  options: BuildOptions = {},
  size: number = GRID.size,
): { waccs: Decimal[]; growths: Decimal[] } {
  const { scalars } = assumptionsFor(options);
  return {
    waccs: gridAxis(scalars.wacc, new Decimal(GRID.waccStep), 'wacc', size),
    growths: gridAxis(scalars.terminalGrowth, new Decimal(GRID.growthStep), 'terminalGrowth', size),
  };
}
