/**
 * The pane's two charts for the case in force (the scenario with the pane's and the sheet's changes, as the summary
 * card shows it), from the engine: the bridge from the base case (`priceBridge`) as a waterfall, and the tornado
 * (`tornado`) as floating bars. Each comes with its accessible table and sentence in the same figures, or with a
 * message instead of a chart (the case is the base case; nothing moves the value; the engine refuses the case).
 * Pure: model in, plain chart data out; no DOM.
 */
import {
  assumptionsFor,
  findDriver,
  ModelError,
  priceBridge,
  TORNADO_SHOCKS,
  tornado,
  type GroupShock,
  type PeriodId,
} from '../../model';
import { readAssumption } from '../../model/assumptions';
import { amount, signed, usd } from './format';
import { waterfallSentence, type WaterfallData } from './waterfall';
import type { TornadoData } from './tornado';

/** The case in force: a scenario and the overrides on it ("wacc" -> "0.11"). */
export interface PaneCase {
  scenario: string;
  overrides: Readonly<Record<string, string>>;
}

/** The same figures as a table, for screen readers. */
export interface ChartTable {
  caption: string;
  head: string[];
  rows: string[][];
}

/** A chart to draw (with its table and a note under it), or a message to show instead. */
export type ChartView<T> =
  { kind: 'chart'; data: T; table: ChartTable; note: string } | { kind: 'message'; text: string };

const START_LABEL = 'Base case';
const END_LABEL = 'This case';

/** A stable key of a case: the same case gives the same key whatever the order of its overrides. */
export function caseKey(c: PaneCase): string {
  const entries = Object.entries(c.overrides).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([c.scenario, entries]);
}

/** The case in words: "the bull scenario", "the base scenario with 2 assumptions changed". */
export function describeCase(c: PaneCase): string {
  const plain = assumptionsFor({ scenario: c.scenario });
  const edited = assumptionsFor({ scenario: c.scenario, overrides: { ...c.overrides } });
  const changed = Object.keys(c.overrides).filter((key) => {
    const [id, period] = key.split('.') as [string, PeriodId | undefined];
    const a = readAssumption(plain, id, period);
    const b = readAssumption(edited, id, period);
    return !(a && b && a.equals(b));
  }).length;
  const scenario = `the ${c.scenario} scenario`;
  if (!changed) return scenario;
  return `${scenario} with ${changed} assumption${changed === 1 ? '' : 's'} changed`;
}

const driverLabel = (id: string) => findDriver(id)?.label ?? id;

/** The bridge's message in the pane's words: the second case of the bridge is the pane's case. */
function inWords(error: ModelError): string {
  return error.message.replace(/ from the second case\)/, ' from this case)');
}

/** The waterfall of the bridge from the base case to the case; see the module's comment. */
export function bridgeView(c: PaneCase): ChartView<WaterfallData> {
  let bridge: ReturnType<typeof priceBridge>;
  try {
    bridge = priceBridge({ scenario: 'base' }, { scenario: c.scenario, overrides: { ...c.overrides } });
  } catch (error) {
    if (error instanceof ModelError)
      return { kind: 'message', text: `No bridge for this case. ${inWords(error)}` };
    throw error;
  }
  const start = bridge.fromValue.toNumber();
  const end = bridge.toValue.toNumber();
  const differing = bridge.items.filter((i) => i.drivers.length > 0);
  if (!differing.length)
    return {
      kind: 'message',
      text: `This case is the base case (${usd(start)} per ADS): there is nothing to bridge. Choose a scenario or change an assumption to see what moves the value.`,
    };
  const moving = differing.filter((i) => !i.delta.isZero());
  const still = differing.filter((i) => i.delta.isZero());
  const stillText = still.length
    ? `${still.map((i) => `${i.group} (${i.drivers.map(driverLabel).join(', ')})`).join('; ')} ${still.length === 1 ? 'differs' : 'differ'} from the base case but ${still.length === 1 ? 'moves' : 'move'} no value.`
    : '';
  if (!moving.length)
    return {
      kind: 'message',
      text: `This case has the base case's value (${usd(start)} per ADS): ${stillText}`,
    };
  const name = describeCase(c);
  const figures = {
    start: { label: START_LABEL, value: start },
    steps: moving.map((i) => ({ id: i.id, label: i.group, delta: i.delta.toNumber() })),
    end: { label: END_LABEL, value: end },
  };
  const data: WaterfallData = {
    ...figures,
    title: `Bridge of value per ADS (US$) from the base case to this case, ${name}`,
    description: `${waterfallSentence(figures)} Change ${signed(end - start)}.`,
  };
  return {
    kind: 'chart',
    data,
    table: {
      caption: `Bridge from the base case to this case, ${name}: US$ per ADS`,
      head: ['Step', 'Drivers that differ', 'US$ per ADS'],
      rows: [
        [START_LABEL, '', amount(start)],
        ...moving.map((i) => [i.group, i.drivers.map(driverLabel).join(', '), signed(i.delta.toNumber())]),
        [END_LABEL, '', amount(end)],
      ],
    },
    note: stillText,
  };
}

/** A group's shock size in short: "±10%", "±1pp", "±5–10%" (relative shocks in %, absolute ones in points). */
export function shockSize(spec: GroupShock): string {
  const byUnit = new Map<string, number[]>();
  for (const s of spec.shocks) {
    const def = findDriver(s.driver);
    const unit = s.kind === 'relative' ? '%' : def?.unit === 'pct' ? 'pp' : '';
    const size = Number(s.size) * (unit ? 100 : 1);
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), Math.round(size * 1e6) / 1e6]);
  }
  return [...byUnit]
    .map(([unit, sizes]) => {
      const sorted = [...new Set(sizes)].sort((a, b) => a - b);
      const span = sorted.length > 1 ? `${sorted[0]}–${sorted[sorted.length - 1]}` : `${sorted[0]}`;
      return `±${span}${unit}`;
    })
    .join(', ');
}

/** The tornado of the case as floating bars around its value; see the module's comment. */
export function tornadoView(c: PaneCase): ChartView<TornadoData> {
  let result: ReturnType<typeof tornado>;
  try {
    result = tornado({ scenario: c.scenario, overrides: { ...c.overrides } });
  } catch (error) {
    if (error instanceof ModelError)
      return { kind: 'message', text: `No tornado for this case: ${error.message}` };
    throw error;
  }
  const value = result.valuePerAdsUsd.toNumber();
  const rows = result.rows.map((r) => {
    const spec = TORNADO_SHOCKS.find((s) => s.group === r.group);
    return {
      id: r.group,
      label: spec ? `${r.label} (${shockSize(spec)})` : r.label,
      group: r.label,
      shock: r.shock,
      low: r.low.valuePerAdsUsd.toNumber(),
      high: r.high.valuePerAdsUsd.toNumber(),
    };
  });
  const figures = rows.map((r) => `${r.group} ${amount(r.low)} to ${amount(r.high)}`).join('; ');
  const name = describeCase(c);
  return {
    kind: 'chart',
    data: {
      centre: { label: END_LABEL, value },
      rows: rows.map(({ id, label, low, high }) => ({ id, label, low, high })),
      title: `Tornado of value per ADS (US$) for this case, ${name}`,
      description: `Value per ADS with each group of drivers shocked down (low) and up (high), widest range first, around this case's ${usd(value)}: ${figures}.`,
    },
    table: {
      caption: `Tornado for this case, ${name} (${usd(value)} per ADS): US$ per ADS at each end, widest range first`,
      head: ['Group', 'Downside shock (the upside is its mirror image)', 'Low', 'High'],
      rows: rows.map((r) => [r.group, r.shock, amount(r.low), amount(r.high)]),
    },
    note: '',
  };
}
