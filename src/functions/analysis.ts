/**
 * The bodies and argument parsers of KC.IMPLIED (the reverse DCF), KC.BRIDGE (the target-price bridge) and
 * KC.TORNADO, over the model's analysis tools. Model errors are blamed on the argument they come from; the catalogue's
 * runner turns them into #VALUE!, #N/A or #NUM!.
 */
import {
  buildModel,
  Decimal,
  findDriver,
  IMPLIED_DRIVERS,
  impliedValue,
  priceBridge,
  SCENARIO_NAMES,
  ModelError,
  tornado,
} from '../model';
import { chooser, show, type AssumptionOverrides, type Parser } from './arguments';
import { badArgument, blamed, FunctionError } from './errors';
import { asMatrix, excelNumber, type Spill } from './spill';

/** Other names of the reverse DCF's drivers, so that a user may write what the sheet labels say. */
const DRIVER_ALIASES: Record<string, readonly string[]> = {
  revenueGrowth: ['revenue growth', 'growth', 'revenue'],
  wacc: ['discount rate'],
  terminalGrowth: ['terminal growth', 'g', 'perpetual growth', 'long-term growth'],
  cashCogsRatioTerminal: ['terminal cash COGS', 'terminal COGS', 'long-run COGS'],
  sgaRatioTerminal: ['terminal SG&A', 'long-run SG&A'],
  rndRatioTerminal: ['terminal R&D', 'long-run R&D'],
  fixedAssetIntensityTerminal: ['terminal capital intensity', 'terminal fixed-asset intensity'],
  exitMultiple: ['exit multiple', 'exit EV/EBITDA', 'EV/EBITDA'],
};

/** KC.IMPLIED's driver: one the reverse DCF solves for, by id, label or alias (required). */
export const parseImpliedDriver: Parser<string> = chooser(
  'driver',
  'a driver the reverse DCF solves for',
  IMPLIED_DRIVERS.map((d) => ({
    name: d.id,
    aliases: [d.label, findDriver(d.id)!.label, ...(DRIVER_ALIASES[d.id] ?? [])],
    value: d.id,
  })),
  true,
);

/** KC.IMPLIED's price: US$ per ADS, a number or text such as "13.03", above zero; blank for the case's own. */
export const parsePrice: Parser<Decimal | undefined> = (argument) => {
  const def = findDriver('price')!;
  const matrix = asMatrix(argument, 'price');
  if (matrix.length > 1 || matrix[0].length > 1)
    throw badArgument(
      'price',
      `give one price, not a range of ${matrix.length} x ${matrix[0].length} cells.`,
    );
  const raw = matrix[0][0];
  const allowed = `a price in US$ per ADS from ${def.min} to ${def.max}, such as 13.03 (blank: the scenario's own)`;
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const number = typeof raw === 'number' ? raw : /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (!(Number.isFinite(number) && number >= def.min && number <= def.max))
    throw badArgument('price', `${show(raw)} is not ${allowed}.`);
  return new Decimal(typeof raw === 'number' ? raw : text);
};

/** A scenario argument under another name (KC.BRIDGE's from_scenario and to_scenario), "base" when blank. */
export function scenarioParser(argument: string): Parser<string> {
  return chooser(
    argument,
    'a scenario',
    SCENARIO_NAMES.map((name) => ({ name, aliases: [], value: name })),
  );
}

/** Which argument a model error of KC.IMPLIED comes from. */
function impliedBlame(error: ModelError): string {
  if (error.code === 'UNKNOWN_SCENARIO') return 'scenario';
  if (error.code === 'NO_SOLUTION') return 'driver, price';
  if (error.code === 'UNKNOWN_DRIVER') return 'driver';
  if (error.subject === 'price' && (error.code === 'OUT_OF_RANGE' || error.code === 'INVALID_VALUE'))
    return 'price';
  return 'assumptions';
}

/** KC.IMPLIED: the driver's value (a fraction for percentages, the shift for revenue growth) that gives the price. */
export function implied(
  driver: string,
  price: Decimal | undefined,
  scenario: string,
  overrides: AssumptionOverrides,
): Spill {
  const result = blamed(() => impliedValue(driver, { scenario, overrides, price }), impliedBlame);
  return [[excelNumber(result.solution, 'driver', 'the implied value')]];
}

/** A case's model, its errors blamed on the case's scenario or assumptions argument. */
function caseModel(scenario: string, overrides: AssumptionOverrides, side: 'from' | 'to') {
  return blamed(
    () => buildModel({ scenario, overrides }),
    (error) => (error.code === 'UNKNOWN_SCENARIO' ? `${side}_scenario` : `${side}_assumptions`),
  );
}

/**
 * KC.BRIDGE: two columns, the first case's value per ADS, each group's part (Shapley values; every group listed),
 * the second case's value: a waterfall's data.
 */
export function bridge(
  fromScenario: string,
  toScenario: string,
  fromOverrides: AssumptionOverrides,
  toOverrides: AssumptionOverrides,
): Spill {
  caseModel(fromScenario, fromOverrides, 'from');
  caseModel(toScenario, toOverrides, 'to');
  const both = 'from_assumptions, to_assumptions';
  let result: ReturnType<typeof priceBridge>;
  try {
    result = priceBridge(
      { scenario: fromScenario, overrides: fromOverrides },
      { scenario: toScenario, overrides: toOverrides },
    );
  } catch (error) {
    // Both cases are valid (built above): WACC at or below growth can only come from a mix of the two, which has no
    // value, so there is no bridge; #N/A says so with the message (#NUM! would carry none).
    if (error instanceof ModelError && error.code === 'WACC_NOT_ABOVE_GROWTH')
      throw new FunctionError('notAvailable', both, `${both}: ${error.message}`);
    return blamed(
      () => {
        throw error;
      },
      () => both,
    );
  }
  const name = (scenario: string, overrides: AssumptionOverrides) =>
    `${scenario}${Object.keys(overrides).length ? ' with assumptions' : ''}`;
  const number = (value: Decimal) => excelNumber(value, 'to_scenario', 'the bridge');
  return [
    [`Value per ADS (US$), from: ${name(fromScenario, fromOverrides)}`, number(result.fromValue)],
    ...result.items.map((item) => [item.group, number(item.delta)]),
    [`Value per ADS (US$), to: ${name(toScenario, toOverrides)}`, number(result.toValue)],
  ];
}

/** KC.TORNADO: a heading row, then each group's low and high value per ADS, range and shock, widest first. */
export function tornadoTable(scenario: string, overrides: AssumptionOverrides): Spill {
  const result = blamed(
    () => tornado({ scenario, overrides }),
    (error) => (error.code === 'UNKNOWN_SCENARIO' ? 'scenario' : 'assumptions'),
  );
  const number = (value: Decimal) => excelNumber(value, 'assumptions', 'the tornado');
  return [
    ['Group', 'Low (US$/ADS)', 'High (US$/ADS)', 'Range', 'Downside shock (the upside is its mirror image)'],
    ...result.rows.map((row) => [
      row.label,
      number(row.low.valuePerAdsUsd),
      number(row.high.valuePerAdsUsd),
      number(row.range),
      row.shock,
    ]),
  ];
}
