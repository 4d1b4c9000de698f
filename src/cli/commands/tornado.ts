/** `kc-model tornado`: the value per ADS at a downside and an upside shock to each driver group, widest first. */
import { tornado, type TornadoEnd, type TornadoResult } from '../../model';
import type { Command } from '../command';
import { describeOverrides, paragraph, renderTable, TEXT_WIDTH } from '../format';
import { MODEL_OPTIONS } from '../options';
import { formatOf, overridesOf, scenarioOf } from '../values';

/** The tornado as JSON: rows `{ group, low: { overrides, valuePerAdsUsd }, high: { ... } }`, widest range first. */
export function tornadoJson(result: TornadoResult): string {
  const end = (e: TornadoEnd) => ({ overrides: e.overrides, valuePerAdsUsd: e.valuePerAdsUsd.toNumber() });
  return `${JSON.stringify(
    {
      scenario: result.scenario,
      overrides: result.overrides,
      unit: 'usdPerAds',
      valuePerAdsUsd: result.valuePerAdsUsd.toNumber(),
      rows: result.rows.map((row) => ({
        group: row.label,
        id: row.group,
        shock: row.shock,
        low: end(row.low),
        high: end(row.high),
        range: row.range.toNumber(),
      })),
    },
    null,
    2,
  )}\n`;
}

/** The tornado as a text table. */
export function tornadoText(result: TornadoResult): string {
  const lines = [
    ...paragraph(
      `Tornado: value per ADS (US$) with each driver group shocked down (low) and up (high), widest range first; scenario ${result.scenario} (US$${result.valuePerAdsUsd.toFixed(2)} per ADS); overrides: ${describeOverrides(result.overrides)}.`,
    ),
    ...paragraph(
      'The downside shock is shown; the upside moves the same drivers the other way. Ratios and days move by 10% of their value, WACC by 1pp, terminal growth by 0.5pp, the exchange rate by 5%. --json gives the overrides of each end.',
    ),
    '',
    ...renderTable(
      [
        { header: 'Group', align: 'left' },
        { header: 'Low', align: 'right' },
        { header: 'High', align: 'right' },
        { header: 'Range', align: 'right' },
        { header: 'Downside shock', align: 'left', wraps: true },
      ],
      result.rows.map((row) => [
        row.label,
        row.low.valuePerAdsUsd.toFixed(2),
        row.high.valuePerAdsUsd.toFixed(2),
        row.range.toFixed(2),
        row.shock,
      ]),
      TEXT_WIDTH,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** `kc-model tornado [--json]`. */
export const tornadoCommand: Command = {
  name: 'tornado',
  summary: 'Value per ADS at a downside and an upside shock to each driver group',
  usage: '[--json] [--scenario NAME] [--set ID=VALUE ...]',
  description:
    "For each driver group (revenue, margins and costs, capex and D&A, working capital, tax, financing and bridge items, WACC, terminal growth and fade), the value per ADS with the group's drivers shocked together in the direction that lowers the value (low) and the one that raises it (high): ratios and days by 10% of their value, WACC by 1pp, terminal growth by 0.5pp, Rmb per US$ by 5%. Sorted by the range between the two, widest first. JSON rows: { group, low: { overrides, valuePerAdsUsd }, high: { overrides, valuePerAdsUsd } }; each overrides reproduces its value through kc-model statements --set.",
  options: ['json', ...MODEL_OPTIONS],
  examples: ['kc-model tornado', 'kc-model tornado --scenario bear --json'],
  run({ invocation, stdout }) {
    const format = formatOf(invocation);
    const result = tornado({ scenario: scenarioOf(invocation), overrides: overridesOf(invocation) });
    stdout.write(format === 'json' ? tornadoJson(result) : tornadoText(result));
  },
};
