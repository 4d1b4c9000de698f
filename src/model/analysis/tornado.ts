/**
 * The tornado: which group of drivers moves the value per ADS most. Each group gets a documented downside and upside
 * shock (TORNADO_SHOCKS): its drivers moved together, each in the direction that lowers the value (the low end) or
 * raises it (the high end), by 10% of its value for ratios and days, 1pp for WACC, 0.5pp for terminal growth, 5% for
 * the exchange rate. Rows are sorted by the range between the two ends, widest first. Each end carries the overrides
 * that reproduce it through buildModel (or `kc-model statements --set`).
 */
import { driverPeriods, findDriver, VALUE_GROUPS, type AssumptionSet, type ValueGroup } from '../assumptions';
import { Decimal } from '../decimal';
import { buildModel, type BuildOptions } from '../index';
import type { Overrides } from '../overrides';
import { probe, probeStart } from './probe';

/** One driver's shock: by a share of its value (`relative`) or by an amount in its unit (`absolute`). */
export interface Shock {
  driver: string;
  kind: 'relative' | 'absolute';
  size: string;
  /** The direction that lowers the value per ADS: 1 when a higher value of the driver lowers it, -1 otherwise. */
  down: 1 | -1;
}

/** A group's shocks, and how the tornado describes them. */
export interface GroupShock {
  group: ValueGroup;
  shocks: readonly Shock[];
  /** The downside shock in words; the upside is its mirror image. */
  text: string;
}

const ratioUp = (...ids: string[]): Shock[] =>
  ids.map((driver) => ({ driver, kind: 'relative', size: '0.1', down: 1 }));
const ratioDown = (...ids: string[]): Shock[] =>
  ids.map((driver) => ({ driver, kind: 'relative', size: '0.1', down: -1 }));

/** The shocks of every value group, in the groups' order. */
export const TORNADO_SHOCKS: readonly GroupShock[] = [
  {
    group: 'revenue',
    shocks: ratioDown('revenueGrowth'),
    text: 'revenue growth 10% lower (relative) in each of 12/26E-12/28E',
  },
  {
    group: 'margins',
    shocks: ratioUp(
      'cashCogsRatio',
      'sgaRatio',
      'rndRatio',
      'exceptionalsRatio',
      'cashCogsRatioTerminal',
      'sgaRatioTerminal',
      'rndRatioTerminal',
    ),
    text: 'cash COGS, SG&A, R&D and exceptionals 10% higher as shares of revenue, 12/26E-28E and from 12/34E',
  },
  {
    group: 'capex',
    shocks: ratioUp(
      'capexRatio',
      'fixedAssetIntensityTerminal',
      'depreciationRate',
      'intangiblesAmortizationRate',
    ),
    text: 'capex / revenue, the terminal fixed-asset intensity and the depreciation and amortization rates 10% higher',
  },
  {
    group: 'workingCapital',
    shocks: [
      ...ratioUp('receivableDays', 'otherCurrentAssetsRatio'),
      ...ratioDown('payableDaysOnCashCogs', 'otherCurrentLiabilitiesRatio', 'otherLongTermLiabilitiesRatio'),
    ],
    text: 'receivable days and other current assets 10% higher; payable days and other liabilities 10% lower',
  },
  {
    group: 'tax',
    shocks: [...ratioUp('taxRate'), ...ratioDown('taxLossesOpening')],
    text: 'tax rate 10% higher (relative); tax losses carried forward at 12/25 10% lower',
  },
  {
    group: 'financing',
    shocks: [{ driver: 'fxRate', kind: 'relative', size: '0.05', down: 1 }, ...ratioUp('debtLikeShare')],
    text: 'Rmb 5% weaker (more Rmb per US$); debt-like share of other long-term liabilities 10% higher',
  },
  {
    group: 'wacc',
    shocks: [{ driver: 'wacc', kind: 'absolute', size: '0.01', down: 1 }],
    text: 'WACC 1pp higher',
  },
  {
    group: 'terminal',
    shocks: [{ driver: 'terminalGrowth', kind: 'absolute', size: '0.005', down: -1 }],
    text: 'terminal growth 0.5pp lower',
  },
];

/** One end of a group's bar: the overrides that give it and the value per ADS there. */
export interface TornadoEnd {
  overrides: Record<string, string>;
  valuePerAdsUsd: Decimal;
}

/** A group's row: the downside (low) and upside (high) ends and the range between them. */
export interface TornadoRow {
  group: ValueGroup;
  label: string;
  /** The downside shock in words (the upside is its mirror image). */
  shock: string;
  low: TornadoEnd;
  high: TornadoEnd;
  /** |high - low|, US$ per ADS. */
  range: Decimal;
}

/** The tornado of a case. */
export interface TornadoResult {
  scenario: string;
  /** The case's own overrides. */
  overrides: Record<string, string>;
  /** The case's value per ADS, US$ (unrounded): the centre of every bar. */
  valuePerAdsUsd: Decimal;
  /** Every group, widest range first. */
  rows: TornadoRow[];
}

/** The tornado of a case (default: the base case); see the module's comment. */
export function tornado(options: BuildOptions = {}): TornadoResult {
  const scenario = (options.scenario ?? 'base').trim().toLowerCase();
  const caseOverrides = Object.fromEntries(
    Object.entries(options.overrides ?? {}).map(([k, v]): [string, string] => [k, String(v)]),
  );
  const model = buildModel({ scenario, overrides: caseOverrides });
  const start = probeStart(model);
  const end = (spec: GroupShock, direction: 1 | -1): TornadoEnd => {
    const { set, overrides } = shocked(model.assumptions, caseOverrides, spec.shocks, direction);
    return { overrides, valuePerAdsUsd: probe(set, start).value };
  };
  const rows = TORNADO_SHOCKS.map((spec): TornadoRow => {
    const low = end(spec, 1);
    const high = end(spec, -1);
    return {
      group: spec.group,
      label: VALUE_GROUPS.find((g) => g.id === spec.group)!.label,
      shock: spec.text,
      low,
      high,
      range: high.valuePerAdsUsd.minus(low.valuePerAdsUsd).abs(),
    };
  });
  return {
    scenario,
    overrides: caseOverrides,
    valuePerAdsUsd: start.value,
    rows: rows.sort((a, b) => b.range.comparedTo(a.range)),
  };
}

/**
 * The case's set with a group's shocks applied, downside (`direction` 1) or upside (-1), each value kept within its
 * driver's range; and the overrides that give it: the case's own, less those on the shocked drivers, then every
 * shocked value (per period for per-year drivers).
 */
function shocked(
  set: AssumptionSet,
  caseOverrides: Overrides,
  shocks: readonly Shock[],
  direction: 1 | -1,
): { set: AssumptionSet; overrides: Record<string, string> } {
  const scalars = { ...set.scalars };
  const series = { ...set.series };
  const moved = new Set(shocks.map((s) => s.driver));
  const overrides: Record<string, string> = {};
  for (const [key, value] of Object.entries(caseOverrides))
    if (!moved.has(key.split('.')[0])) overrides[key] = String(value);
  for (const shock of shocks) {
    const def = findDriver(shock.driver)!;
    const step = new Decimal(shock.size).times(shock.down * direction);
    const move = (value: Decimal) => {
      const next = value.plus(shock.kind === 'relative' ? step.times(value.abs()) : step);
      return Decimal.min(Decimal.max(next, def.min), def.max);
    };
    if (def.scope === 'scalar') {
      scalars[def.id] = move(set.scalars[def.id]);
      overrides[def.id] = scalars[def.id].toFixed();
      continue;
    }
    const values = { ...set.series[def.id] };
    for (const p of driverPeriods(def)) {
      values[p] = move(values[p]!);
      overrides[`${def.id}.${p}`] = values[p]!.toFixed();
    }
    series[def.id] = values;
  }
  return { set: { scalars, series, inputs: set.inputs }, overrides };
}
