import { driverPeriods, findDriver, type AssumptionSet } from './assumptions';
import { baseCase } from './baseCase';
import { Decimal } from './decimal';
import { messages } from './errors';
import { allowedText, driverLabel, formatValue, validate } from './overrides';
import type { PeriodId } from './periods';

/** A change to one driver, added to its base-case value (in the driver's own unit: fractions for percentages). */
export interface ScenarioDelta {
  driver: string;
  /** Added to the base value in each of these periods (default: every period the driver has). */
  delta: string;
  periods?: readonly PeriodId[];
}

/** A named case: the base case (the note) or a set of changes to it, with the story behind them. */
export interface Scenario {
  name: string;
  description: string;
  deltas: readonly ScenarioDelta[];
}

/**
 * The scenarios. Bull and bear are written as changes to the base case, never as absolute values, so that
 * re-calibrating the base case carries them along.
 */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'base',
    description: 'The note: every driver back-solved from the published figures.',
    deltas: [],
  },
  {
    name: 'bull',
    description:
      'Ours: AI demand and pricing run ahead. Revenue growth +5pp a year in 12/26E-28E; cash COGS/revenue -1pp in 12/26E-28E and in the long run; net fixed assets -0.05x revenue in the long run; WACC -0.5pp.',
    deltas: [
      { driver: 'revenueGrowth', delta: '0.05' },
      { driver: 'cashCogsRatio', delta: '-0.01' },
      { driver: 'cashCogsRatioTerminal', delta: '-0.01' },
      { driver: 'fixedAssetIntensityTerminal', delta: '-0.05' },
      { driver: 'wacc', delta: '-0.005' },
    ],
  },
  {
    name: 'bear',
    description:
      'Ours: chip supply and competition bite. Revenue growth -8pp a year in 12/26E-28E; cash COGS/revenue +1.5pp in 12/26E-28E and in the long run; net fixed assets +0.05x revenue in the long run; WACC +1pp.',
    deltas: [
      { driver: 'revenueGrowth', delta: '-0.08' },
      { driver: 'cashCogsRatio', delta: '0.015' },
      { driver: 'cashCogsRatioTerminal', delta: '0.015' },
      { driver: 'fixedAssetIntensityTerminal', delta: '0.05' },
      { driver: 'wacc', delta: '0.01' },
    ],
  },
];

/** Scenario names, in order. */
export const SCENARIO_NAMES: readonly string[] = SCENARIOS.map((s) => s.name);

const BY_NAME = new Map(SCENARIOS.map((s) => [s.name, s]));
const built = new Map<string, AssumptionSet>();

/** The scenario with this name (case-insensitive, surrounding spaces ignored), or undefined. */
export function findScenario(name: string): Scenario | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** The assumption set of a named scenario (case-insensitive): the base case plus the scenario's deltas. */
export function scenarioAssumptions(name: string): AssumptionSet {
  const scenario = findScenario(name);
  if (!scenario) throw messages.unknownScenario(name, SCENARIO_NAMES.join(', '));
  let set = built.get(scenario.name);
  if (!set) {
    set = applyDeltas(built.get('base') ?? baseCase(), scenario);
    built.set(scenario.name, set);
  }
  return set;
}

/** The base case with a scenario's deltas added; every value must stay within its driver's allowed range. */
export function applyDeltas(base: AssumptionSet, scenario: Scenario): AssumptionSet {
  const set: AssumptionSet = {
    scalars: { ...base.scalars },
    series: { ...base.series },
    inputs: base.inputs,
  };
  for (const { driver, delta, periods } of scenario.deltas) {
    const def = findDriver(driver);
    if (!def) throw new Error(`Scenario ${scenario.name}: unknown driver ${driver}`);
    const shift = (value: Decimal, period?: PeriodId) => {
      const next = value.plus(delta);
      if (next.lessThan(def.min) || next.greaterThan(def.max)) {
        const label = `${driverLabel(def, period)} (${scenario.name} case)`;
        throw messages.outOfRange(driver, label, formatValue(def, next), allowedText(def));
      }
      return next;
    };
    if (def.scope === 'scalar') {
      set.scalars[driver] = shift(base.scalars[driver]);
      continue;
    }
    const series = { ...base.series[driver] };
    for (const p of periods ?? driverPeriods(def)) series[p] = shift(series[p]!, p);
    set.series[driver] = series;
  }
  validate(set);
  return set;
}
