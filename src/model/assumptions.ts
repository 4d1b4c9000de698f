import type { Decimal } from './decimal';
import { DRIVERS } from './drivers';
import { EXPLICIT_PERIOD_IDS, LONG_RANGE_PERIOD_IDS, type PeriodId } from './periods';

export { DRIVERS } from './drivers';

const ACTUAL_AND_EXPLICIT: readonly PeriodId[] = ['2025A', ...EXPLICIT_PERIOD_IDS];

/** How a driver's value reads: fractions shown as %, days, Rmb mn, multiples, US$, ... */
export type Unit =
  | 'pct'
  | 'days'
  | 'rmbMn'
  | 'rmbPerAds'
  | 'multiple'
  | 'usd'
  | 'rmbPerUsd'
  | 'mnAds'
  | 'flag'
  | 'weight'
  | 'digits';

/** Which columns carry a driver's values: one value, the note's forecast years, or the long-range years. */
export type DriverScope = 'scalar' | 'explicit' | 'actualAndExplicit' | 'longRange';

export type DriverGroup =
  | 'Market and valuation'
  | 'Revenue'
  | 'Costs and margins'
  | 'Fixed assets and D&A'
  | 'Working capital'
  | 'Tax'
  | 'Financing'
  | 'Shares and dividends'
  | 'Long-range fade';

/**
 * The groups of drivers that the target-price bridge and the tornado attribute value to, in the order they list
 * them. Every driver belongs to exactly one (its record's `valueGroup`); a group is about the economics a driver
 * sets, so long-run margins are margins and the terminal capital intensity is capex, while the terminal group holds
 * terminal growth, the fade profile and the terminal-value method.
 */
export const VALUE_GROUPS = [
  { id: 'revenue', label: 'Revenue' },
  { id: 'margins', label: 'Margins and costs' },
  { id: 'capex', label: 'Capex and D&A' },
  { id: 'workingCapital', label: 'Working capital' },
  { id: 'tax', label: 'Tax' },
  { id: 'financing', label: 'Financing and bridge items' },
  { id: 'wacc', label: 'WACC' },
  { id: 'terminal', label: 'Terminal growth and fade' },
] as const;

/** A bridge and tornado group's id. */
export type ValueGroup = (typeof VALUE_GROUPS)[number]['id'];

/** What the base case draws on to back-solve a driver. */
export interface BaseInputs {
  /** A published figure of the note, with its unpublished decimals (baseCase.ts). */
  anchor(id: string, period: PeriodId): Decimal;
  /** The model's own value of a line, from the base case evaluated so far (for drivers that read opening balances). */
  model(id: string, period: PeriodId): Decimal;
  /** Another driver's base value (scalars: no period). */
  driver(id: string, period?: PeriodId): Decimal;
}

/**
 * How a per-year driver carries on after 12/28E: faded in a straight line to a terminal driver by 12/34E
 * (`fade`), held at its 12/28E value (`hold`), or zero (`zero`: a one-off that the long range does not repeat).
 */
export type LongRangeRule = { fade: string } | 'hold' | 'zero';

/** One assumption, in one record: what it is, its unit and allowed range, its source, its base value and its long-range rule. */
export interface DriverDef {
  id: string;
  label: string;
  unit: Unit;
  scope: DriverScope;
  /** Inclusive bounds, in the stored unit (fractions for pct). */
  min: number;
  max: number;
  /** Allowed values only (flags and switches). */
  choices?: readonly number[];
  group: DriverGroup;
  /** The group the target-price bridge and the tornado count it in. */
  valueGroup: ValueGroup;
  /** "note: ..." when back-solved from the note, "ours: ..." when the note leaves it open. */
  source: string;
  /** The base case: a constant for every period, or a rule evaluated per period (scalars: no period). */
  base: string | ((b: BaseInputs, period?: PeriodId) => Decimal);
  /** Per-year drivers: how the value carries on after 12/28E. */
  longRange?: LongRangeRule;
  /**
   * Per-year drivers are read through a line of the same id in the Drivers section (with the long-range rule),
   * unless `line` is false: then the one statement line of that id reads the driver itself (`fromDriver`).
   */
  line?: boolean;
}

const BY_ID = new Map(DRIVERS.map((def) => [def.id, def]));

/** The driver with this id, or undefined (ids are matched exactly; no prototype keys). */
export function findDriver(id: string): DriverDef | undefined {
  return BY_ID.get(id);
}

/** The periods that carry values for a driver (empty for scalars). */
export function driverPeriods(def: DriverDef): readonly PeriodId[] {
  switch (def.scope) {
    case 'explicit':
      return EXPLICIT_PERIOD_IDS;
    case 'actualAndExplicit':
      return ACTUAL_AND_EXPLICIT;
    case 'longRange':
      return LONG_RANGE_PERIOD_IDS;
    case 'scalar':
      return [];
  }
}

/** A complete set of driver values and line inputs (actuals and opening comparatives). */
export interface AssumptionSet {
  /** Scalar drivers by id. */
  scalars: Record<string, Decimal>;
  /** Per-period drivers by id and period. */
  series: Record<string, Partial<Record<PeriodId, Decimal>>>;
  /** Actual (12/25) and opening (12/24) inputs by line id and period. */
  inputs: Record<string, Partial<Record<PeriodId, Decimal>>>;
}

/** record[key] when it is the record's own property: "constructor" or "__proto__" read as absent, not as Object's. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A driver or input value for a key such as "wacc", "revenueGrowth.2027E" or "cash.2025A". */
export function readAssumption(set: AssumptionSet, id: string, period?: PeriodId): Decimal | undefined {
  if (period === undefined) return ownValue(set.scalars, id);
  return ownValue(ownValue(set.series, id) ?? {}, period) ?? ownValue(ownValue(set.inputs, id) ?? {}, period);
}
