/**
 * The football field: ranges of US$ per ADS from the DCF's sensitivity (WACC ±1pp, terminal growth ±0.5pp), the
 * three scenarios, and the note's P/S band on 12-month-forward revenue, beside the current price (the line the
 * reverse DCF solves to) and the target price.
 */
import { Decimal } from '../decimal';
import { buildModel, gridAxis, sensitivityGrid, GRID, type BuildOptions } from '../index';
import { SCENARIO_NAMES } from '../scenarios';

/**
 * The note's P/S band: KC trades at 2.0x 12-month-forward P/S, against 2.2x one standard deviation below its mean
 * since 2025. Forward revenue at the price date (26 May 2026) is the time-weighted blend of 12/26E and 12/27E:
 * 219 of 365 days of 2026 are left after the price date, so 12/26E weighs 219/365 = 0.6. The band's value per ADS
 * is the multiple x forward revenue / ADS outstanding / Rmb per US$ (P/S is on market value: no net debt).
 */
export const PS_BAND = {
  low: '2.0',
  high: '2.2',
  priceDate: '26 May 2026',
  daysLeft: 219,
  daysInYear: 365,
  source: 'note: 2.0x 12-month-forward P/S (the price), -1SD since 2025 at 2.2x',
} as const;

/** One bar of the football field: a range of US$ per ADS (a point for the price and the target price). */
export interface FootballBar {
  id: 'dcf' | 'scenarios' | 'ps' | 'price' | 'target';
  label: string;
  low: Decimal;
  high: Decimal;
  /** How the range is made. */
  basis: string;
}

/** The football field of a case. */
export interface FootballField {
  scenario: string;
  price: Decimal;
  targetPrice: Decimal;
  valuePerAdsUsd: Decimal;
  bars: FootballBar[];
  /** Value per ADS of each scenario, with the case's overrides on top. */
  scenarios: { scenario: string; valuePerAdsUsd: Decimal }[];
  /** The DCF range's axes: WACC and terminal growth, each 5 points around the case's own. */
  grid: { waccs: Decimal[]; growths: Decimal[] };
  /** 12-month-forward revenue (Rmb mn), the weight of 12/26E in it, and the P/S the price implies on it. */
  psBand: { forwardRevenue: Decimal; weight: Decimal; priceMultiple: Decimal };
}

/** Points on each axis of the football field's DCF range: ±2 steps of the grid's (0.5pp WACC, 0.25pp growth). */
const RANGE_POINTS = 5;

/** The football field of a case (default: the base case). */
export function footballField(options: BuildOptions = {}): FootballField {
  const scenario = (options.scenario ?? 'base').trim().toLowerCase();
  const model = buildModel({ scenario, overrides: options.overrides });
  const { scalars } = model.assumptions;
  const waccs = gridAxis(scalars.wacc, new Decimal(GRID.waccStep), 'wacc', RANGE_POINTS);
  const growths = gridAxis(
    scalars.terminalGrowth,
    new Decimal(GRID.growthStep),
    'terminalGrowth',
    RANGE_POINTS,
  );
  const grid = sensitivityGrid(
    { scenario, overrides: options.overrides },
    waccs.map(String),
    growths.map(String),
  )
    .flat()
    .filter((v): v is Decimal => v !== null);
  const scenarios = SCENARIO_NAMES.map((name) => ({
    scenario: name,
    valuePerAdsUsd: buildModel({ scenario: name, overrides: options.overrides }).dcf().valuePerAdsUsd,
  }));
  const values = scenarios.map((s) => s.valuePerAdsUsd);
  const weight = new Decimal(PS_BAND.daysLeft).div(PS_BAND.daysInYear);
  const forwardRevenue = forward(model.value('revenue', '2026E')!, model.value('revenue', '2027E')!, weight);
  const perAds = (m: string) =>
    new Decimal(m).times(forwardRevenue).div(scalars.adsOutstanding).div(scalars.fxRate);
  const dcf = model.dcf();
  const bars: FootballBar[] = [
    {
      id: 'dcf',
      label: 'DCF: WACC ±1pp, terminal growth ±0.5pp',
      low: Decimal.min(...grid),
      high: Decimal.max(...grid),
      basis: `value per ADS over WACC ${pct(waccs[0])}-${pct(waccs[RANGE_POINTS - 1])} and terminal growth ${pct(growths[0])}-${pct(growths[RANGE_POINTS - 1])}`,
    },
    {
      id: 'scenarios',
      label: 'Scenarios: bear to bull',
      low: Decimal.min(...values),
      high: Decimal.max(...values),
      basis: scenarios.map((s) => `${s.scenario} US$${s.valuePerAdsUsd.toFixed(2)}`).join(', '),
    },
    {
      id: 'ps',
      label: `P/S ${PS_BAND.low}x-${PS_BAND.high}x 12m-forward revenue`,
      low: perAds(PS_BAND.low),
      high: perAds(PS_BAND.high),
      basis: `${PS_BAND.source}; 12m-forward revenue ${forwardRevenue.toFixed(1)} Rmb mn`,
    },
    {
      id: 'price',
      label: 'Current price (the reverse DCF solves to it)',
      low: scalars.price,
      high: scalars.price,
      basis: 'the ADS price the reverse DCF solves to',
    },
    {
      id: 'target',
      label: 'Target price (DCF)',
      low: dcf.targetPrice,
      high: dcf.targetPrice,
      basis: 'the DCF value per ADS, rounded as published',
    },
  ];
  return {
    scenario,
    price: scalars.price,
    targetPrice: dcf.targetPrice,
    valuePerAdsUsd: dcf.valuePerAdsUsd,
    bars,
    scenarios,
    grid: { waccs, growths },
    psBand: {
      forwardRevenue,
      weight,
      priceMultiple: scalars.price.times(scalars.adsOutstanding).times(scalars.fxRate).div(forwardRevenue),
    },
  };
}

/** Time-weighted 12-month-forward revenue: `weight` of 12/26E and the rest of 12/27E. */
function forward(first: Decimal, second: Decimal, weight: Decimal): Decimal {
  return first.times(weight).plus(second.times(new Decimal(1).minus(weight)));
}

function pct(value: Decimal): string {
  return `${value.times(100).toFixed(2).replace(/0$/, '')}%`;
}
