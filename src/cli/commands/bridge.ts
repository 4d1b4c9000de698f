/** `kc-model bridge`: what moved the value per ADS from one case to another, by driver group (Shapley values). */
import { priceBridge, type BridgeResult, type Decimal } from '../../model';
import type { Command } from '../command';
import { paragraph, renderTable, TEXT_WIDTH } from '../format';
import { caseOf, formatOf } from '../values';

/** The bridge as JSON: `{ from, to, fromValue, toValue, items: [{ group, drivers, delta }] }`, US$ per ADS. */
export function bridgeJson(bridge: BridgeResult): string {
  return `${JSON.stringify(
    {
      from: bridge.from,
      to: bridge.to,
      unit: 'usdPerAds',
      fromValue: bridge.fromValue.toNumber(),
      toValue: bridge.toValue.toNumber(),
      items: bridge.items.map((item) => ({
        group: item.group,
        id: item.id,
        drivers: item.drivers,
        delta: item.delta.toNumber(),
      })),
    },
    null,
    2,
  )}\n`;
}

/** A change signed, two decimals: "+4.32", "-0.05", "0.00". */
function signed(value: Decimal): string {
  const text = value.toFixed(2);
  if (/^-?0\.00$/.test(text)) return '0.00';
  return value.isNeg() ? text : `+${text}`;
}

/** The bridge as a text table: the first case's value, each group's part, the second case's value. */
export function bridgeText(bridge: BridgeResult): string {
  const tp = (value: Decimal) => `US$${value.toFixed(1)}`;
  const lines = [
    ...paragraph(
      `Target-price bridge: value per ADS (US$) from "${bridge.from}" to "${bridge.to}", by driver group. Each part is the group's Shapley value: its average effect over every order of switching the groups from the first case to the second, so the parts add up to the change whatever the order.`,
    ),
    '',
    ...renderTable(
      [
        { header: 'Step', align: 'left' },
        { header: 'Drivers that differ', align: 'left', wraps: true },
        { header: 'US$/ADS', align: 'right' },
      ],
      [
        ['From (the first case)', '', bridge.fromValue.toFixed(2)],
        ...bridge.items.map((item) => [
          item.group,
          item.drivers.length ? item.drivers.join(', ') : '-',
          signed(item.delta),
        ]),
        ['To (the second case)', '', bridge.toValue.toFixed(2)],
      ],
      TEXT_WIDTH,
    ),
    '',
    ...paragraph(
      `Change ${signed(bridge.toValue.minus(bridge.fromValue))} (target price ${tp(bridge.fromValue)} to ${tp(bridge.toValue)}); ${bridge.valuations} valuations.`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** `kc-model bridge --from CASE --to CASE [--json]`. */
export const bridgeCommand: Command = {
  name: 'bridge',
  summary: 'What moved the value per ADS between two cases, by driver group',
  usage: '--to CASE [--from CASE] [--json]',
  description:
    'Attributes the change in value per ADS from one case to another to driver groups: revenue, margins and costs, capex and D&A, working capital, tax, financing and bridge items, WACC, terminal growth and fade (and reported 12/25 figures, when the cases differ in them). The parts are Shapley values over the groups that differ, so they sum exactly to the change and do not depend on an order. A CASE is a scenario, then any ID=VALUE overrides separated by spaces, quoted as one argument: bear, "base wacc=11%", "bull revenueGrowth.2027E=25% wacc=0.1"; overrides alone are on the base case ("wacc=11%"). --from defaults to base. The bridge takes its cases from --from and --to, not from --scenario or --set. JSON: { from, to, fromValue, toValue, items: [{ group, drivers, delta }] }, sum(delta) = toValue - fromValue.',
  options: ['json', 'from', 'to'],
  examples: [
    'kc-model bridge --from bear --to base',
    'kc-model bridge --to bull --json',
    'kc-model bridge --from bear --to "base wacc=11%"',
  ],
  run({ invocation, stdout }) {
    const format = formatOf(invocation);
    const from = caseOf(invocation, 'from', 'base');
    const to = caseOf(invocation, 'to');
    const bridge = priceBridge(from, to);
    stdout.write(format === 'json' ? bridgeJson(bridge) : bridgeText(bridge));
  },
};
