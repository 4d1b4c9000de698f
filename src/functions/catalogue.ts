/**
 * The KC.* functions as a catalogue: each entry is its name, one parser per argument (in order) and a body that
 * takes the parsed arguments and returns a Spill. Errors and spills are turned into Excel values in one place, by
 * the runner in kc.ts; functions.ts gives each entry its JSDoc for Excel's formula help.
 */
import { buildModel, type KcModel, type LineDef, type ModelError } from '../model';
import { bridge, implied, parseImpliedDriver, parsePrice, scenarioParser, tornadoTable } from './analysis';
import {
  assumptionsParser,
  parseAssumptions,
  parseGrowths,
  parseItem,
  parsePeriods,
  parseScenario,
  parseWaccs,
  type AssumptionOverrides,
  type Parser,
} from './arguments';
import { parseBasis, parseOutput, parseSegment } from './choices';
import { dcfValues } from './dcf';
import { blamed } from './errors';
import { excelNumber, spill, type Range, type Spill } from './spill';
import { parseStatement, scalarValue, statementRows } from './statements';

/** One function: its Excel name, and a run that parses the raw arguments and computes the spill. */
export interface Entry {
  name: string;
  run(args: readonly unknown[]): Spill;
}

/** An entry from its parsers and body: the body gets each argument as its parser returns it. */
function entry<A extends unknown[]>(
  name: string,
  parsers: { [K in keyof A]: Parser<A[K]> },
  body: (...args: A) => Spill,
): Entry {
  const parse = parsers as readonly Parser<unknown>[];
  return { name, run: (args) => body(...(parse.map((p, i) => p(args[i])) as A)) };
}

/** The model the scenario and assumptions arguments ask for (memoized); its errors blamed on those arguments. */
function model(scenario: string, overrides: AssumptionOverrides): KcModel {
  return blamed(
    () => buildModel({ scenario, overrides }),
    (error: ModelError) => (error.code === 'UNKNOWN_SCENARIO' ? 'scenario' : 'assumptions'),
  );
}

/** A line in each period of a period range: the value, "NM", or #N/A where the model has no such period or value. */
function byPeriod(kc: KcModel, line: LineDef, periods: Range<string>): Spill {
  return spill(periods, (period) =>
    excelNumber(
      blamed(
        () => kc.value(line.id, period),
        () => 'period',
      ),
      'period',
      `${line.label} in ${period}`,
    ),
  );
}

/** The KC.* functions, by the name functions.ts calls them. */
export const CATALOGUE = {
  revenue: entry(
    'KC.REVENUE',
    [parsePeriods, parseSegment, parseScenario, parseAssumptions],
    (periods, line, scenario, overrides) => byPeriod(model(scenario, overrides), line, periods),
  ),
  ebitda: entry(
    'KC.EBITDA',
    [parsePeriods, parseBasis, parseScenario, parseAssumptions],
    (periods, line, scenario, overrides) => byPeriod(model(scenario, overrides), line, periods),
  ),
  dcf: entry(
    'KC.DCF',
    [parseWaccs, parseGrowths, parseOutput, parseScenario, parseAssumptions],
    (waccs, growths, output, scenario, overrides) =>
      dcfValues(waccs, growths, { output, scenario, overrides }),
  ),
  line: entry(
    'KC.LINE',
    [parseItem, parsePeriods, parseScenario, parseAssumptions],
    (line, periods, scenario, overrides) => {
      const kc = model(scenario, overrides);
      // A single-value line (the DCF's totals) has no periods: the period argument is not read.
      if (line.scalar) return [[excelNumber(scalarValue(kc, line), 'item', line.label)]];
      return byPeriod(kc, line, periods);
    },
  ),
  statement: entry(
    'KC.STATEMENT',
    [parseStatement, parseScenario, parseAssumptions],
    (statement, scenario, overrides) => statementRows(model(scenario, overrides), statement),
  ),
  implied: entry('KC.IMPLIED', [parseImpliedDriver, parsePrice, parseScenario, parseAssumptions], implied),
  bridge: entry(
    'KC.BRIDGE',
    [
      scenarioParser('from_scenario'),
      scenarioParser('to_scenario'),
      assumptionsParser('from_assumptions'),
      assumptionsParser('to_assumptions'),
    ],
    bridge,
  ),
  tornado: entry('KC.TORNADO', [parseScenario, parseAssumptions], tornadoTable),
} satisfies Record<string, Entry>;
