/**
 * Property-based tests of the model: random but realistic assumption sets, as overrides on the base case,
 * must always build a model that is internally consistent (balance sheet, cash, fixed assets, equity, working
 * capital, segments), finite everywhere, and that responds to a driver only where and when it should.
 *
 * No note figure is hard-coded here: ranges relative to the base case are read from the base case itself.
 */
import fc from 'fast-check';
import {
  buildModel,
  buildModelUncached,
  Decimal,
  driverPeriods,
  DRIVERS,
  FORECAST_PERIOD_IDS,
  LINES,
  PERIOD_IDS,
  type DriverDef,
  type KcModel,
  type OverrideValue,
  type Overrides,
  type PeriodId,
  type Value,
} from '../../src/model';

const TOLERANCE = new Decimal('1e-6');
const BASE = buildModel();
const EXPLICIT: readonly PeriodId[] = ['2026E', '2027E', '2028E'];

/** How a driver is sampled: an absolute range, a range relative to its base value, or its allowed choices. */
type Range = { abs: [number, number]; step?: number } | { rel: [number, number] };

/**
 * Realistic sub-ranges, far inside the validation bounds. WACC (6%-15%) is always above terminal growth (0%-4%).
 * Drivers not listed fall back to +-20% of their base value (or their choices), clamped to the allowed bounds.
 */
const RANGES: Record<string, Range> = {
  // scalars
  price: { abs: [5, 40] },
  fxRate: { abs: [6.5, 7.5] },
  adsOutstanding: { rel: [0.9, 1.1] },
  wacc: { abs: [0.06, 0.15] },
  terminalGrowth: { abs: [0, 0.04] },
  exitMultiple: { abs: [4, 20] },
  daysInYear: { abs: [360, 366], step: 1 },
  cashYield: { abs: [0, 0.05] },
  minimumCash: { abs: [0, 6000], step: 1 },
  taxLossesOpening: { abs: [0, 5000], step: 0.1 },
  fixedAssetIntensityTerminal: { abs: [0.4, 1.6] },
  cashCogsRatioTerminal: { abs: [0.4, 0.65] },
  sgaRatioTerminal: { abs: [0.03, 0.1] },
  rndRatioTerminal: { abs: [0.02, 0.08] },
  // per-year drivers, 12/26E-12/28E
  revenueGrowth: { abs: [-0.2, 0.6] },
  aiShare: { abs: [0.1, 0.9] },
  ecosystemShare: { abs: [0.1, 0.9] },
  revenueOld: { rel: [0.8, 1.2] },
  cashCogsRatio: { rel: [0.8, 1.2] },
  sgaRatio: { rel: [0.8, 1.2] },
  rndRatio: { rel: [0.8, 1.2] },
  ebitAddBack: { abs: [0, 400], step: 0.1 },
  unlabelledItem: { abs: [-50, 50], step: 0.1 },
  depreciationRate: { abs: [0.1, 0.5] },
  debtInterestRate: { abs: [0, 0.15] },
  taxRate: { abs: [0, 0.3] },
  taxAdjustment: { abs: [-50, 50], step: 0.1 },
  minorityInterest: { abs: [-10, 10], step: 0.1 },
  exceptionalsRatio: { abs: [0, 0.05] },
  nonCashExceptionalsShare: { abs: [0, 1] },
  adsGrowth: { abs: [0, 0.15] },
  payoutRatio: { abs: [0, 0.5] },
  epsOld: { abs: [-5, 5], step: 0.01 },
  receivableDays: { abs: [20, 150], step: 0.1 },
  payableDaysOnCashCogs: { abs: [40, 250], step: 0.1 },
  otherCurrentAssetsRatio: { rel: [0.8, 1.2] },
  otherCurrentLiabilitiesRatio: { rel: [0.8, 1.2] },
  otherLongTermLiabilitiesRatio: { rel: [0.8, 1.2] },
  capexRatio: { abs: [0.1, 0.9] },
  intangiblesAmortizationRate: { abs: [0, 0.1] },
  shortTermDebtIssuance: { abs: [-1000, 1000], step: 0.1 },
  longTermDebtIssuance: { abs: [-1000, 2000], step: 0.1 },
  otherFinancing: { abs: [-100, 100], step: 0.1 },
  debtLikeShare: { abs: [0, 1] },
};

const baseValue = (def: DriverDef, period?: PeriodId): Decimal =>
  period === undefined ? BASE.assumptions.scalars[def.id] : BASE.assumptions.series[def.id][period]!;

const clamp = (def: DriverDef, x: Decimal): Decimal => Decimal.min(def.max, Decimal.max(def.min, x));

/** A value for one driver key: numbers and, for percentages, sometimes text such as "12.34%". */
function valueArb(def: DriverDef, period?: PeriodId): fc.Arbitrary<OverrideValue> {
  if (def.choices) return fc.constantFrom(...def.choices);
  const range: Range = RANGES[def.id] ?? { rel: [0.8, 1.2] };
  if ('rel' in range) {
    const base = baseValue(def, period);
    return fc
      .integer({ min: Math.round(range.rel[0] * 1000), max: Math.round(range.rel[1] * 1000) })
      .map((permille) => clamp(def, base.times(permille).div(1000)).toString());
  }
  const step = range.step ?? 0.0001;
  const scale = Math.round(1 / step);
  const [lo, hi] = [Math.max(range.abs[0], def.min), Math.min(range.abs[1], def.max)];
  const units = fc.integer({ min: Math.ceil(lo * scale), max: Math.floor(hi * scale) });
  if (def.unit !== 'pct') return units.map((n) => n / scale);
  return fc.tuple(units, fc.boolean()).map(([n, asText]) => (asText ? `${(n * 100) / scale}%` : n / scale));
}

/** Every key the generator may set: each scalar, and each per-year driver in each of 12/26E-12/28E. */
const SAMPLED: { key: string; def: DriverDef; period?: PeriodId }[] = DRIVERS.flatMap((def) => {
  if (def.scope === 'scalar') return [{ key: def.id, def }];
  if (def.scope === 'longRange') return []; // the long-range fade weights stay at the base case
  return driverPeriods(def)
    .filter((p) => EXPLICIT.includes(p))
    .map((period) => ({ key: `${def.id}.${period}`, def, period }));
});

/** A random assumption set: any subset of the sampled keys, each with a realistic value. */
const assumptionSet: fc.Arbitrary<Overrides> = fc
  .record(Object.fromEntries(SAMPLED.map(({ key, def, period }) => [key, valueArb(def, period)])), {
    requiredKeys: [],
  })
  .map(
    (record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Overrides,
  );

/** Every value of every line, keyed "line@period" (single-value lines "line@"); NM is null. */
function cells(model: KcModel): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const def of LINES) {
    if (def.scalar) out.set(`${def.id}@`, model.value(def.id, FORECAST_PERIOD_IDS[0]));
    else for (const { period, value } of model.series(def.id)) out.set(`${def.id}@${period}`, value);
  }
  return out;
}

/** The cells (among those `include` accepts) whose values differ exactly, as "key: before -> after". */
function differences(
  a: Map<string, Value>,
  b: Map<string, Value>,
  include = (_key: string) => true,
): string[] {
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (!include(key)) continue;
    const [x, y] = [a.get(key), b.get(key)];
    const same = x === null || y === null || x === undefined || y === undefined ? x === y : x.equals(y);
    if (!same) out.push(`${key}: ${String(x)} -> ${String(y)}`);
  }
  return out;
}

const isFiniteDecimal = (v: unknown): boolean => Decimal.isDecimal(v) && (v as Decimal).isFinite();
const close = (a: Decimal, b: Decimal) => a.minus(b).abs().lessThanOrEqualTo(TOLERANCE);
const get = (model: KcModel, id: string, period: PeriodId) => model.value(id, period) as Decimal;

describe('the generator', () => {
  it("samples the note's explicit years and covers every scalar and per-year driver", () => {
    expect(driverPeriods(DRIVERS.find((d) => d.id === 'revenueGrowth')!)).toEqual(EXPLICIT);
    const sampledIds = new Set(SAMPLED.map((s) => s.def.id));
    for (const def of DRIVERS) if (def.scope !== 'longRange') expect(sampledIds).toContain(def.id);
  });
});

describe('every realistic assumption set', () => {
  it('builds a consistent, finite model (balance sheet, cash, checks, DCF)', () => {
    fc.assert(
      fc.property(assumptionSet, (overrides) => {
        const model = buildModelUncached({ overrides });

        // Integrity checks: the balance sheet moves by exactly zero after 12/25; every other check is zero.
        const checks = model.checks();
        const opening = checks.find((c) => c.id === 'checkBalance' && c.period === '2025A');
        expect(opening).toBeDefined();
        const balanceYears = checks
          .filter((c) => c.id === 'checkBalance' && c.period !== '2025A')
          .map((c) => c.period);
        expect(balanceYears).toEqual(FORECAST_PERIOD_IDS);
        // The terminal year is a steady state unless capex hit its floor of zero on the way (the terminal
        // intensity asked for a faster fall in fixed assets than depreciation allows); then the check may say so.
        const capexFloored = model
          .series('capex')
          .some(
            ({ period, value }) =>
              PERIOD_IDS.indexOf(period) > PERIOD_IDS.indexOf('2028E') && value!.isZero(),
          );
        for (const c of checks) {
          if (c.id === 'checkSteadyState' && capexFloored) continue;
          const expected = c.id === 'checkBalance' ? opening!.difference! : new Decimal(0);
          if (c.difference === null || !close(c.difference, expected)) {
            throw new Error(
              `${c.id} ${c.period}: difference ${c.difference} (expected ${expected} within 1e-6)`,
            );
          }
        }
        expect(new Set(checks.map((c) => c.id))).toEqual(
          new Set([
            'checkBalance',
            'checkCash',
            'checkFixedAssets',
            'checkEquity',
            'checkDebt',
            'checkWorkingCapital',
            'checkSegments',
            'checkLiquidity',
            'checkSteadyState',
          ]),
        );

        // Closing cash = opening cash + total cash flow, read from the statements themselves.
        for (const p of FORECAST_PERIOD_IDS) {
          const prior = PERIOD_IDS[PERIOD_IDS.indexOf(p) - 1];
          const expected = get(model, 'cash', prior).plus(get(model, 'totalCashFlow', p));
          if (!close(get(model, 'cash', p), expected))
            throw new Error(`cash ${p}: ${get(model, 'cash', p)} != ${expected}`);
        }

        // Every value of every line is NM (null) or a finite Decimal.
        for (const def of LINES) {
          const values = def.scalar
            ? [{ period: 'scalar', value: model.value(def.id, FORECAST_PERIOD_IDS[0]) }]
            : model.series(def.id);
          expect(values.length).toBeGreaterThan(0);
          for (const { period, value } of values) {
            if (value !== null && !isFiniteDecimal(value))
              throw new Error(`${def.id} ${period}: ${String(value)}`);
          }
        }

        // The DCF's outputs are finite.
        const dcf = model.dcf();
        for (const [key, value] of Object.entries(dcf)) {
          if (key === 'fcff') continue;
          if (!isFiniteDecimal(value)) throw new Error(`dcf().${key} = ${String(value)}`);
        }
        expect(dcf.fcff.map((f) => f.period)).toEqual(FORECAST_PERIOD_IDS);
        for (const f of dcf.fcff)
          if (!isFiniteDecimal(f.value)) throw new Error(`fcff ${f.period} = ${String(f.value)}`);
      }),
      { numRuns: 200 },
    );
  });
});

/** Every driver key there is: scalars, and per-period drivers in every period they carry values for. */
const ALL_KEYS: { key: string; def: DriverDef; period?: PeriodId }[] = DRIVERS.flatMap((def) =>
  def.scope === 'scalar'
    ? [{ key: def.id, def }]
    : driverPeriods(def).map((period) => ({ key: `${def.id}.${period}`, def, period })),
);

const valueIn = (model: KcModel, def: DriverDef, period?: PeriodId): Decimal =>
  period === undefined ? model.assumptions.scalars[def.id] : model.assumptions.series[def.id][period]!;

describe('idempotence: overriding a driver with its own value changes nothing', () => {
  const base = cells(BASE);

  it('(the comparison is not vacuous: a real change shows up)', () => {
    const moved = cells(buildModelUncached({ overrides: { 'cashCogsRatio.2027E': '0.6' } }));
    expect(differences(base, moved)).toContain(
      `cogs@2027E: ${String(base.get('cogs@2027E'))} -> ${String(moved.get('cogs@2027E'))}`,
    );
    expect(differences(base, moved, (key) => key.endsWith('@2026E'))).toEqual([]);
  });

  it.each(ALL_KEYS.map((k) => [k.key, k] as const))('%s on the base case', (_key, { key, def, period }) => {
    const model = buildModelUncached({ overrides: { [key]: valueIn(BASE, def, period).toString() } });
    expect(differences(base, cells(model))).toEqual([]);
  });

  it('any key, on top of a random assumption set', () => {
    fc.assert(
      fc.property(assumptionSet, fc.constantFrom(...ALL_KEYS), (overrides, { key, def, period }) => {
        const model = buildModelUncached({ overrides });
        const again = buildModelUncached({
          overrides: { ...overrides, [key]: valueIn(model, def, period).toString() },
        });
        expect(differences(cells(model), cells(again))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a driver acts only where and when it should', () => {
  const revenue = (model: KcModel) =>
    model.series('revenue').map(({ period, value }) => [period, value as Decimal] as const);

  it('revenueGrowth.2027E moves revenue 2027E-2035E, in its own direction, and not 2025A/2026E', () => {
    fc.assert(
      fc.property(assumptionSet, fc.integer({ min: -2000, max: 6000 }), (overrides, bp) => {
        const model = buildModelUncached({ overrides });
        const growth = new Decimal(bp).div(10000);
        const before = valueIn(
          model,
          DRIVERS.find((d) => d.id === 'revenueGrowth')!,
          '2027E',
        );
        fc.pre(!growth.equals(before));
        const moved = buildModelUncached({
          overrides: { ...overrides, 'revenueGrowth.2027E': growth.toString() },
        });
        const up = growth.greaterThan(before);
        const after = new Map(revenue(moved));
        for (const [period, value] of revenue(model)) {
          const next = after.get(period)!;
          if (PERIOD_IDS.indexOf(period) < PERIOD_IDS.indexOf('2027E'))
            expect(next.toString()).toBe(value.toString());
          else expect(up ? next.greaterThan(value) : next.lessThan(value)).toBe(true);
        }
        expect([...after.keys()]).toEqual(expect.arrayContaining(['2025A', '2026E', ...FORECAST_PERIOD_IDS]));
      }),
      { numRuns: 60 },
    );
  });

  it('a per-year driver changes no line in any earlier period', () => {
    const perYear = SAMPLED.filter((s) => s.period !== undefined);
    const arb = fc.constantFrom(...perYear).chain((s) => fc.tuple(fc.constant(s), valueArb(s.def, s.period)));
    fc.assert(
      fc.property(assumptionSet, arb, (overrides, [{ key, def, period }, value]) => {
        const model = buildModelUncached({ overrides });
        const moved = buildModelUncached({ overrides: { ...overrides, [key]: value } });
        fc.pre(!valueIn(moved, def, period).equals(valueIn(model, def, period)));
        const earlier = (k: string) => {
          const at = k.split('@')[1];
          return at !== '' && PERIOD_IDS.indexOf(at as PeriodId) < PERIOD_IDS.indexOf(period!);
        };
        expect(differences(cells(model), cells(moved), earlier)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
