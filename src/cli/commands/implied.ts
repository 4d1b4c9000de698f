/** `kc-model implied`: the reverse DCF, what the price implies for one driver (or each in turn). */
import {
  buildModel,
  findImpliedDriver,
  impliedValue,
  impliedValues,
  solutionText,
  usd,
  Decimal,
  type ImpliedResult,
  type ModelError,
} from '../../model';
import type { Command } from '../command';
import { describeOverrides, paragraph, renderTable, TEXT_WIDTH } from '../format';
import { MODEL_OPTIONS } from '../options';
import { driverOf, formatOf, overridesOf, priceOf, scenarioOf } from '../values';

/** A result as JSON: `{ driver, price, solution, valuePerAdsUsd, overrides }` and what helps read them. */
function resultJson(result: ImpliedResult) {
  return {
    driver: result.driver,
    label: result.label,
    kind: result.kind,
    scenario: result.scenario,
    price: result.price.toNumber(),
    solution: result.solution.toNumber(),
    current: result.current.toNumber(),
    valuePerAdsUsd: result.valuePerAdsUsd.toNumber(),
    overrides: result.overrides,
  };
}

/** The command that reproduces a result, one --set per line, each continued with a backslash. */
function reproduce(result: ImpliedResult): string[] {
  const sets = Object.entries(result.overrides).map(([id, value]) => `    --set ${id}=${value}`);
  const head = `  kc-model statements --scenario ${result.scenario}`;
  return [head, ...sets].map((line, i, all) => (i < all.length - 1 ? `${line} \\` : line));
}

/** One driver's answer as text. */
export function impliedText(result: ImpliedResult, overrides: Readonly<Record<string, string>>): string {
  const spec = findImpliedDriver(result.driver)!;
  const caseValue = buildModel({ scenario: result.scenario, overrides }).dcf().valuePerAdsUsd;
  const moved =
    result.kind === 'shift'
      ? `${solutionText(spec, result.solution)} in every year`
      : solutionText(spec, result.solution);
  const lines = [
    ...paragraph(
      `Reverse DCF: scenario ${result.scenario}; overrides: ${describeOverrides(overrides)}. Price ${usd(result.price)} per ADS.`,
    ),
    '',
    ...paragraph(
      `${result.label}: ${moved} gives US$${result.valuePerAdsUsd.toFixed(3)} per ADS (the case: ${result.kind === 'shift' ? 'no shift' : solutionText(spec, result.current)}, US$${caseValue.toFixed(3)}).`,
    ),
    ...paragraph(
      "Every other driver stays at the case's value; solved to 0.05 US cent (Brent's method within the driver's allowed range).",
    ),
    '',
    'Reproduce it:',
    ...reproduce(result),
  ];
  return `${lines.join('\n')}\n`;
}

/** Every driver's answer as a table (and the reason for each driver with none). */
export function impliedTable(
  scenario: string,
  overrides: Readonly<Record<string, string>>,
  price: Decimal,
  rows: ReturnType<typeof impliedValues>,
): string {
  const caseValue = buildModel({ scenario, overrides }).dcf().valuePerAdsUsd;
  const failures = rows
    .filter((r) => r.error)
    .map((r) => `${r.driver.label}: ${(r.error as ModelError).message}`);
  const lines = [
    ...paragraph(
      `Reverse DCF: what ${usd(price)} per ADS implies, one driver at a time; scenario ${scenario} (US$${caseValue.toFixed(2)} per ADS at its own values); overrides: ${describeOverrides(overrides)}.`,
    ),
    ...paragraph(
      'Each row moves one driver alone, everything else at the case; --driver ID shows the overrides that reproduce it.',
    ),
    '',
    ...renderTable(
      [
        { header: 'Driver', align: 'left', wraps: true },
        { header: 'Id', align: 'left' },
        { header: 'Case', align: 'right' },
        { header: 'Implied', align: 'right' },
        { header: 'US$/ADS', align: 'right' },
      ],
      rows.map(({ driver, result }) => [
        driver.label,
        driver.id,
        result ? (result.kind === 'shift' ? '0.00pp' : solutionText(driver, result.current)) : '',
        result ? solutionText(driver, result.solution) : 'none',
        result ? result.valuePerAdsUsd.toFixed(3) : '',
      ]),
      TEXT_WIDTH,
    ),
    ...(failures.length ? ['', ...failures.flatMap((f) => paragraph(f))] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** `kc-model implied [--driver ID] [--price P] [--json]`. */
export const impliedCommand: Command = {
  name: 'implied',
  summary: 'Reverse DCF: the driver value that makes the DCF value per ADS equal the price',
  usage: '[--driver ID] [--price US$] [--json] [--scenario NAME] [--set ID=VALUE ...]',
  description:
    "Solves for the value of one driver that makes the DCF value per ADS equal the price (default: the case's own price, US$13.03 in the base case), every other driver held at the case's values: revenueGrowth (one shift in percentage points added to each of 12/26E-12/28E), wacc, terminalGrowth, a terminal cost ratio (cashCogsRatioTerminal, sgaRatioTerminal, rndRatioTerminal), fixedAssetIntensityTerminal, or exitMultiple (with the exit-multiple method). Brent's method within the driver's allowed range, to 0.05 US cent. Without --driver, a table of every driver. JSON: { driver, price, solution, valuePerAdsUsd, overrides, ... }, where overrides reproduce the solution through kc-model statements --set. No solution in the range: exit 2 and one line saying what value the range reaches.",
  options: ['json', 'driver', 'price', ...MODEL_OPTIONS],
  examples: [
    'kc-model implied',
    'kc-model implied --driver wacc',
    'kc-model implied --driver revenueGrowth --price 15 --json',
    'kc-model implied --driver exitMultiple --scenario bear',
  ],
  run({ invocation, stdout }) {
    const format = formatOf(invocation);
    const driver = driverOf(invocation);
    const price = priceOf(invocation);
    const scenario = scenarioOf(invocation);
    const overrides = overridesOf(invocation);
    const options = { scenario, overrides, price };
    if (driver !== undefined) {
      const result = impliedValue(driver, options);
      stdout.write(
        format === 'json'
          ? `${JSON.stringify(resultJson(result), null, 2)}\n`
          : impliedText(result, overrides),
      );
      return;
    }
    const rows = impliedValues(options);
    const target =
      price === undefined
        ? buildModel({ scenario, overrides }).assumptions.scalars.price
        : new Decimal(price);
    if (format === 'json') {
      const drivers = rows.map(({ driver: d, result, error }) =>
        result ? resultJson(result) : { driver: d.id, label: d.label, kind: d.kind, error: error!.message },
      );
      const report = { scenario, overrides, price: target.toNumber(), drivers };
      stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    stdout.write(impliedTable(scenario, overrides, target, rows));
  },
};
