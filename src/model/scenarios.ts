import type { AssumptionSet } from './assumptions';
import { baseCase } from './baseCase';
import { messages } from './errors';
import { applyOverrides, type Overrides } from './overrides';

/** A named set of assumptions: the base case (the note) and cases of ours on top of it. */
export interface Scenario {
  name: string;
  description: string;
  /** Overrides applied on top of the base case. */
  overrides: Overrides;
}

/** The scenarios the model offers. Bull and bear move the drivers an analyst argues about most. */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'base',
    description: 'The note: every driver back-solved from the published figures.',
    overrides: {},
  },
  {
    name: 'bull',
    description:
      'Ours: AI demand and pricing run ahead: revenue growth +5pp a year in 12/26E-28E, COGS/revenue -1pp, 12/35E capex/revenue -2pp, WACC 9.8%.',
    overrides: {
      'revenueGrowth.2026E': '35.84%',
      'revenueGrowth.2027E': '30.60%',
      'revenueGrowth.2028E': '26.28%',
      'cogsRatio.2026E': '84.70%',
      'cogsRatio.2027E': '84.52%',
      'cogsRatio.2028E': '84.20%',
      capexRatioTerminal: '26%',
      wacc: '9.8%',
    },
  },
  {
    name: 'bear',
    description:
      'Ours: chip supply and competition bite: revenue growth -8pp a year in 12/26E-28E, COGS/revenue +1.5pp, 12/35E capex/revenue +2pp, WACC 11.3%.',
    overrides: {
      'revenueGrowth.2026E': '22.84%',
      'revenueGrowth.2027E': '17.60%',
      'revenueGrowth.2028E': '13.28%',
      'cogsRatio.2026E': '87.20%',
      'cogsRatio.2027E': '87.02%',
      'cogsRatio.2028E': '86.70%',
      capexRatioTerminal: '30%',
      wacc: '11.3%',
    },
  },
];

/** Scenario names, in order. */
export const SCENARIO_NAMES: readonly string[] = SCENARIOS.map((s) => s.name);

let base: AssumptionSet | undefined;

/** The assumption set of a named scenario (case-insensitive). */
export function scenarioAssumptions(name: string): AssumptionSet {
  const scenario = SCENARIOS.find((s) => s.name === name.trim().toLowerCase());
  if (!scenario) throw messages.unknownScenario(name, SCENARIO_NAMES.join(', '));
  base ??= baseCase();
  return applyOverrides(base, scenario.overrides);
}
