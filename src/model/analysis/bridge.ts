/**
 * The target-price bridge: how much of the change in value per ADS between two cases each group of drivers
 * explains. The parts are Shapley values over the groups that differ: each group's part is its average marginal
 * effect over every order in which the groups could be switched from the first case's values to the second's, so
 * the parts sum exactly to the total change, do not depend on any order, and swapping the cases negates each one.
 * With k groups differing that takes 2^k valuations; each is evaluated from the valuation with one group fewer (the
 * groups that are cheapest to re-evaluate switch most often), and only the cells the value per ADS reads.
 */
import { DRIVERS, VALUE_GROUPS, type AssumptionSet, type DriverDef, type ValueGroup } from '../assumptions';
import { Decimal } from '../decimal';
import { ModelError } from '../errors';
import { buildModel, type BuildOptions } from '../index';
import { caseText } from './cases';
import { probe, probeStart, type Probed } from './probe';

/** A bridge group: a value group, or the reported 12/25 figures (line inputs) when the cases differ in them. */
export type BridgeGroup = ValueGroup | 'inputs';

/** The label of the reported-figures group. */
export const INPUTS_GROUP_LABEL = 'Reported 12/25 figures';

/** One step of the bridge. */
export interface BridgeItem {
  id: BridgeGroup;
  /** The group's label: "Revenue", "Margins and costs", ... */
  group: string;
  /** The driver ids of the group whose values differ between the cases (line ids for reported figures). */
  drivers: string[];
  /** The group's part of the change in value per ADS, US$. */
  delta: Decimal;
}

/** The bridge between two cases. */
export interface BridgeResult {
  /** The cases as text: "bear", "base wacc=11%". */
  from: string;
  to: string;
  /** US$ per ADS, unrounded, of each case. */
  fromValue: Decimal;
  toValue: Decimal;
  /** Every value group in order (zero where nothing differs), then reported figures if they differ. */
  items: BridgeItem[];
  /** Valuations the Shapley values took: 2 to the number of groups that differ. */
  valuations: number;
}

/** Groups in the order they are cheapest to re-evaluate (bit 0 switches most often). */
const CHEAPEST_FIRST: readonly BridgeGroup[] = [
  'financing',
  'wacc',
  'tax',
  'workingCapital',
  'terminal',
  'capex',
  'margins',
  'revenue',
  'inputs',
];

/** A group as a message names it: its label ("WACC", "Terminal growth and fade"). */
function groupLabel(id: BridgeGroup): string {
  return id === 'inputs' ? INPUTS_GROUP_LABEL : (VALUE_GROUPS.find((g) => g.id === id)?.label ?? id);
}

/** The bridge of value per ADS from one case to another; see the module's comment. */
export function priceBridge(from: BuildOptions, to: BuildOptions): BridgeResult {
  const fromModel = buildModel(from);
  const toModel = buildModel(to);
  const a = fromModel.assumptions;
  const b = toModel.assumptions;
  const differing = differences(a, b);
  const players = CHEAPEST_FIRST.filter((g) => differing.has(g));
  const k = players.length;
  const count = 1 << k;
  const points: Probed[] = new Array<Probed>(count);
  points[0] = probeStart(fromModel);
  for (let mask = 1; mask < count; mask++) {
    const groups = players.filter((_, j) => mask & (1 << j));
    try {
      points[mask] = probe(mix(a, b, groups), points[mask & (mask - 1)]);
    } catch (error) {
      if (error instanceof ModelError && error.code === 'WACC_NOT_ABOVE_GROWTH')
        throw new ModelError(
          error.code,
          error.subject,
          `The bridge values every mix of the two cases' groups, and one mix (${groups.map(groupLabel).join(', ')} from the second case) fails: ${error.message}`,
        );
      throw error;
    }
  }
  const parts = shapley(
    k,
    points.map((p) => p.value),
  );
  const part = (id: BridgeGroup) => {
    const j = players.indexOf(id);
    return j < 0 ? new Decimal(0) : parts[j];
  };
  const items: BridgeItem[] = VALUE_GROUPS.map(({ id, label }) => ({
    id,
    group: label,
    drivers: differing.get(id) ?? [],
    delta: part(id),
  }));
  if (differing.has('inputs'))
    items.push({
      id: 'inputs',
      group: INPUTS_GROUP_LABEL,
      drivers: differing.get('inputs')!,
      delta: part('inputs'),
    });
  return {
    from: caseText(from),
    to: caseText(to),
    fromValue: fromModel.dcf().valuePerAdsUsd,
    toValue: toModel.dcf().valuePerAdsUsd,
    items,
    valuations: count,
  };
}

/** The ids that differ between two sets, by group (drivers by their value group; reported inputs as "inputs"). */
function differences(a: AssumptionSet, b: AssumptionSet): Map<BridgeGroup, string[]> {
  const out = new Map<BridgeGroup, string[]>();
  const add = (group: BridgeGroup, id: string) => out.set(group, [...(out.get(group) ?? []), id]);
  for (const def of DRIVERS) if (!sameDriver(def, a, b)) add(def.valueGroup, def.id);
  const lines = new Set([...Object.keys(a.inputs), ...Object.keys(b.inputs)]);
  for (const id of lines) if (!sameRecord(a.inputs[id], b.inputs[id])) add('inputs', id);
  return out;
}

function sameDriver(def: DriverDef, a: AssumptionSet, b: AssumptionSet): boolean {
  return def.scope === 'scalar'
    ? sameDecimal(a.scalars[def.id], b.scalars[def.id])
    : sameRecord(a.series[def.id], b.series[def.id]);
}

function sameDecimal(x: Decimal | undefined, y: Decimal | undefined): boolean {
  return x === y || (x !== undefined && y !== undefined && x.equals(y));
}

function sameRecord(
  x: Partial<Record<string, Decimal>> | undefined,
  y: Partial<Record<string, Decimal>> | undefined,
): boolean {
  const keys = new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})]);
  return [...keys].every((key) => sameDecimal(x?.[key], y?.[key]));
}

/** The first set with the given groups' drivers (and reported figures, for "inputs") taken from the second. */
function mix(a: AssumptionSet, b: AssumptionSet, groups: readonly BridgeGroup[]): AssumptionSet {
  const scalars = { ...a.scalars };
  const series = { ...a.series };
  for (const def of DRIVERS) {
    if (!groups.includes(def.valueGroup)) continue;
    if (def.scope === 'scalar') scalars[def.id] = b.scalars[def.id];
    else series[def.id] = b.series[def.id];
  }
  return { scalars, series, inputs: groups.includes('inputs') ? b.inputs : a.inputs };
}

/**
 * Shapley values of k players from the value of every coalition (indexed by bit mask): player j's value is the
 * sum over coalitions S without j of |S|! (k - |S| - 1)! / k! x (v(S with j) - v(S)).
 */
export function shapley(k: number, values: readonly Decimal[]): Decimal[] {
  const factorial = [new Decimal(1)];
  for (let i = 1; i <= k; i++) factorial.push(factorial[i - 1].times(i));
  const weight = Array.from({ length: k }, (_, size) =>
    factorial[size].times(factorial[k - size - 1]).div(factorial[k]),
  );
  return Array.from({ length: k }, (_, j) => {
    const bit = 1 << j;
    let total = new Decimal(0);
    for (let mask = 0; mask < values.length; mask++) {
      if (mask & bit) continue;
      total = total.plus(weight[popcount(mask)].times(values[mask | bit].minus(values[mask])));
    }
    return total;
  });
}

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}
