/**
 * The reverse DCF: the value of one driver at which the DCF's value per ADS equals a price (by default the case's
 * own, US$13.03 in the note), everything else held at the case's values. The driver is searched within its allowed
 * range: the range is sampled, the sign change nearest the case's own value is bracketed, and Brent's method
 * closes in to 0.05 US cent. The answer comes with the overrides that reproduce it through buildModel (or
 * `kc-model statements --set`), and its value per ADS is read from that model.
 */
import { driverPeriods, findDriver, type AssumptionSet, type DriverDef } from '../assumptions';
import { Decimal } from '../decimal';
import { messages, ModelError } from '../errors';
import { buildModel, type BuildOptions } from '../index';
import { allowedText, formatValue, parseValue, type Overrides } from '../overrides';
import { EXPLICIT_PERIOD_IDS } from '../periods';
import { multiple, percent, points, usd } from './format';
import { probe, probeStart, type Probed } from './probe';
import { brent } from './solver';

/** How the reverse DCF moves a driver: set it to one value (`level`), or add one shift to every explicit year (`shift`). */
export type ImpliedKind = 'level' | 'shift';

/** A driver the reverse DCF solves for. */
export interface ImpliedDriver {
  id: string;
  /** In the user's words, as messages and tables name it. */
  label: string;
  kind: ImpliedKind;
  /** Overrides that go with any solution (the exit multiple needs the exit-multiple method). */
  with?: Readonly<Record<string, string>>;
}

/** The drivers the reverse DCF solves for, in the order tables list them. */
export const IMPLIED_DRIVERS: readonly ImpliedDriver[] = [
  {
    id: 'revenueGrowth',
    label: 'Revenue growth, 12/26E-12/28E (one shift added to every year)',
    kind: 'shift',
  },
  { id: 'wacc', label: 'WACC', kind: 'level' },
  { id: 'terminalGrowth', label: 'Terminal growth', kind: 'level' },
  { id: 'cashCogsRatioTerminal', label: 'Cash COGS / revenue from 12/34E', kind: 'level' },
  { id: 'sgaRatioTerminal', label: 'SG&A / revenue from 12/34E', kind: 'level' },
  { id: 'rndRatioTerminal', label: 'R&D / revenue from 12/34E', kind: 'level' },
  { id: 'fixedAssetIntensityTerminal', label: 'Net fixed assets / revenue from 12/34E', kind: 'level' },
  {
    id: 'exitMultiple',
    label: 'Exit EV/EBITDA (exit-multiple method)',
    kind: 'level',
    with: { terminalMethod: '1' },
  },
];

/** The reverse DCF's answer. */
export interface ImpliedResult {
  driver: string;
  label: string;
  kind: ImpliedKind;
  scenario: string;
  /** US$ per ADS that the solution reproduces. */
  price: Decimal;
  /** The driver's value (level), or the shift added to every explicit year (shift), as a fraction for percentages. */
  solution: Decimal;
  /** The case's own value of the driver (level), or 0 (shift). */
  current: Decimal;
  /** US$ per ADS at the solution, read from the model built with `overrides`: within US$0.0005 of the price. */
  valuePerAdsUsd: Decimal;
  /** Every override that reproduces the solution on the scenario: the case's own, then the solution's. */
  overrides: Record<string, string>;
}

/** How close the value per ADS must come to the price: a twentieth of a US cent (so it reads as the price to 0.1 cent). */
export const PRICE_TOLERANCE = new Decimal('0.0005');
/** Decimal places of every trial value (fractions: 1e-10 is a millionth of a basis point). */
const PLACES = 10;
/** Points sampled across the range before the root is bracketed. */
const SAMPLES = 9;
/** How far inside WACC = terminal growth the search for either stops (0.01pp). */
const GORDON_GAP = new Decimal('0.0001');

const BY_ID = new Map(IMPLIED_DRIVERS.map((d) => [d.id, d]));

/** The reverse DCF's driver with this id, or undefined. */
export function findImpliedDriver(id: string): ImpliedDriver | undefined {
  return BY_ID.get(id);
}

/** What the reverse DCF needs: the case, and the price to reach (default: the case's own price). */
export interface ImpliedOptions extends BuildOptions {
  price?: Decimal | number | string;
}

/** Solves for the value of `driver` that gives the price; see the module's comment. */
export function impliedValue(driver: string, options: ImpliedOptions = {}): ImpliedResult {
  const spec = findImpliedDriver(driver);
  if (!spec)
    throw messages.unknownDriver(driver, 'The reverse DCF', IMPLIED_DRIVERS.map((d) => d.id).join(', '));
  const scenario = (options.scenario ?? 'base').trim().toLowerCase();
  const caseOverrides = { ...(options.overrides ?? {}) };
  const model = buildModel({ scenario, overrides: caseOverrides });
  const set = model.assumptions;
  const price = options.price === undefined ? set.scalars.price : readPrice(options.price);
  const def = findDriver(spec.id)!;
  const start = probeStart(model);
  const [low, high] = searchRange(spec, def, set);
  const current = spec.kind === 'shift' ? new Decimal(0) : set.scalars[spec.id];
  const gap = (point: Probed) => point.value.minus(price);
  const at = (x: Decimal): Probed => probe(withSolution(spec, set, x), start);

  // Sample the range (and the case's own value), keeping the points the model can value.
  const xs = Array.from({ length: SAMPLES }, (_, i) =>
    low
      .plus(
        high
          .minus(low)
          .times(i)
          .div(SAMPLES - 1),
      )
      .toDecimalPlaces(PLACES),
  );
  if (current.greaterThan(low) && current.lessThan(high)) xs.push(current);
  const samples = [...new Set(xs.map((x) => x.toString()))]
    .map((text) => new Decimal(text))
    .sort((a, b) => a.comparedTo(b))
    .flatMap((x) => {
      try {
        return [{ x, point: at(x) }];
      } catch (error) {
        if (error instanceof ModelError) return [];
        throw error;
      }
    });
  const exact = samples.find((s) => gap(s.point).abs().lessThanOrEqualTo(PRICE_TOLERANCE));
  const brackets = samples
    .slice(1)
    .map((s, i) => [samples[i], s] as const)
    .filter(([a, b]) => gap(a.point).isNeg() !== gap(b.point).isNeg());
  let solution: Decimal;
  if (brackets.length > 0) {
    const distance = ([a, b]: (typeof brackets)[number]) =>
      current.lessThan(a.x)
        ? a.x.minus(current)
        : current.greaterThan(b.x)
          ? current.minus(b.x)
          : new Decimal(0);
    const [a, b] = brackets.reduce((best, next) => (distance(next).lessThan(distance(best)) ? next : best));
    solution = brent(
      (x) => gap(at(x)),
      { a: a.x, fa: gap(a.point), b: b.x, fb: gap(b.point) },
      {
        fTolerance: PRICE_TOLERANCE,
        xTolerance: new Decimal(10).pow(-PLACES),
        places: PLACES,
      },
    ).x;
  } else if (exact) {
    solution = exact.x;
  } else {
    throw noSolution(spec, def, price, [low, high], samples);
  }
  const overrides = solutionOverrides(spec, set, caseOverrides, solution);
  const valuePerAdsUsd = buildModel({ scenario, overrides }).dcf().valuePerAdsUsd;
  if (valuePerAdsUsd.minus(price).abs().greaterThan(PRICE_TOLERANCE))
    throw noSolution(spec, def, price, [low, high], samples);
  return {
    driver: spec.id,
    label: spec.label,
    kind: spec.kind,
    scenario,
    price,
    solution,
    current,
    valuePerAdsUsd,
    overrides,
  };
}

/** Every driver the reverse DCF solves for, at one price: the answer, or the message saying why there is none. */
export function impliedValues(
  options: ImpliedOptions = {},
): { driver: ImpliedDriver; result?: ImpliedResult; error?: ModelError }[] {
  return IMPLIED_DRIVERS.map((driver) => {
    try {
      return { driver, result: impliedValue(driver.id, options) };
    } catch (error) {
      if (error instanceof ModelError && error.code === 'NO_SOLUTION') return { driver, error };
      throw error;
    }
  });
}

/** A price in US$ per ADS, within the price driver's range (so above zero). */
function readPrice(raw: Decimal | number | string): Decimal {
  const def = findDriver('price')!;
  const label = 'Price (US$ per ADS)';
  const value = Decimal.isDecimal(raw) ? (raw as Decimal) : parseValue('price', raw, allowedText(def), label);
  if (!value.isFinite() || value.lessThan(def.min) || value.greaterThan(def.max))
    throw messages.outOfRange('price', label, formatValue(def, value), allowedText(def));
  return value;
}

/** The solution's range: the driver's allowed range (for a shift: what keeps every year within it), inside WACC > g. */
function searchRange(spec: ImpliedDriver, def: DriverDef, set: AssumptionSet): [Decimal, Decimal] {
  let low = new Decimal(def.min);
  let high = new Decimal(def.max);
  if (spec.kind === 'shift') {
    const values = EXPLICIT_PERIOD_IDS.map((p) => set.series[spec.id][p]!);
    low = Decimal.max(...values.map((v) => low.minus(v)));
    high = Decimal.min(...values.map((v) => high.minus(v)));
  }
  if (spec.id === 'wacc') low = Decimal.max(low, set.scalars.terminalGrowth.plus(GORDON_GAP));
  if (spec.id === 'terminalGrowth') high = Decimal.min(high, set.scalars.wacc.minus(GORDON_GAP));
  return [low, high];
}

/** The case's assumption set with the driver at `x` (level) or shifted by `x` in every explicit year. */
function withSolution(spec: ImpliedDriver, set: AssumptionSet, x: Decimal): AssumptionSet {
  const scalars = { ...set.scalars };
  const series = { ...set.series };
  for (const [id, value] of Object.entries(spec.with ?? {})) scalars[id] = new Decimal(value);
  if (spec.kind === 'shift') {
    const shifted = { ...set.series[spec.id] };
    for (const p of EXPLICIT_PERIOD_IDS) shifted[p] = shifted[p]!.plus(x);
    series[spec.id] = shifted;
  } else {
    scalars[spec.id] = x;
  }
  return { scalars, series, inputs: set.inputs };
}

/**
 * The case's overrides without any on the solved driver (or on what goes with it), then the solution's: for a shift
 * every explicit year's new value, for a level the value. Applied in order, they give exactly the solved set.
 */
function solutionOverrides(
  spec: ImpliedDriver,
  set: AssumptionSet,
  caseOverrides: Overrides,
  x: Decimal,
): Record<string, string> {
  const moved = new Set([spec.id, ...Object.keys(spec.with ?? {})]);
  const kept = Object.entries(caseOverrides).filter(([key]) => !moved.has(key.split('.')[0]));
  const solved: [string, string][] = Object.entries(spec.with ?? {});
  if (spec.kind === 'shift') {
    const def = findDriver(spec.id)!;
    for (const p of driverPeriods(def))
      solved.push([`${spec.id}.${p}`, set.series[spec.id][p]!.plus(x).toFixed()]);
  } else {
    solved.push([spec.id, x.toFixed()]);
  }
  return Object.fromEntries([...kept.map(([k, v]): [string, string] => [k, String(v)]), ...solved]);
}

/** A solution as the user reads it: "12.47%", "-5.23pp", "8.51x". */
export function solutionText(driver: ImpliedDriver, x: Decimal): string {
  if (driver.kind === 'shift') return points(x);
  const def = findDriver(driver.id)!;
  return def.unit === 'pct' ? percent(x) : multiple(x);
}

function noSolution(
  spec: ImpliedDriver,
  def: DriverDef,
  price: Decimal,
  [low, high]: [Decimal, Decimal],
  samples: { x: Decimal; point: Probed }[],
): ModelError {
  const name = spec.kind === 'shift' ? `shift of ${def.label.toLowerCase()}` : spec.label;
  const range = `${solutionText(spec, low)} to ${solutionText(spec, high)}`;
  if (samples.length === 0)
    return messages.noSolution(
      spec.id,
      `No ${name} within ${range} can be valued; the model fails across the range.`,
    );
  const sorted = [...samples].sort((a, b) => a.point.value.comparedTo(b.point.value));
  const [min, max] = [sorted[0], sorted[sorted.length - 1]];
  return messages.noSolution(
    spec.id,
    `No ${name} within ${range} gives ${usd(price)} per ADS: over that range the value per ADS runs from ` +
      `${usd(min.point.value)} (at ${solutionText(spec, min.x)}) to ${usd(max.point.value)} (at ${solutionText(spec, max.x)}).`,
  );
}
