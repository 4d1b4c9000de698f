/**
 * The Shapley bridge: parts sum to the total change, swapping the cases negates every part, the parts equal a hand
 * computation from independent buildModel runs, and groups that do not differ get nothing.
 */
import {
  buildModel,
  Decimal,
  ModelError,
  priceBridge,
  shapley,
  VALUE_GROUPS,
  type BuildOptions,
  type Overrides,
} from '../../../src/model';

const value = (options: BuildOptions) => buildModel(options).dcf().valuePerAdsUsd;
const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));

/** Every group moved: a case that differs from the base in all eight. */
const EVERYTHING: Overrides = {
  revenueGrowth: '0.25',
  cashCogsRatio: '0.5',
  capexRatio: '0.6',
  receivableDays: '70',
  taxRate: '0.2',
  fxRate: '7',
  wacc: '0.11',
  terminalGrowth: '0.025',
};

const PAIRS: [string, BuildOptions, BuildOptions][] = [
  ['bear to base', { scenario: 'bear' }, { scenario: 'base' }],
  ['base to bull', { scenario: 'base' }, { scenario: 'bull' }],
  ['base to every group moved', {}, { overrides: EVERYTHING }],
  [
    'bull with overrides to bear with others',
    { scenario: 'bull', overrides: { wacc: '9%' } },
    { scenario: 'bear', overrides: { 'taxRate.2027E': 0.2 } },
  ],
];

describe.each(PAIRS)('bridge %s', (_name, from, to) => {
  const bridge = priceBridge(from, to);
  const back = priceBridge(to, from);

  it('starts and ends at the two cases’ values per ADS', () => {
    expect(bridge.fromValue.equals(value(from))).toBe(true);
    expect(bridge.toValue.equals(value(to))).toBe(true);
  });

  it('has parts that sum to the total change to 1e-9', () => {
    const total = bridge.toValue.minus(bridge.fromValue);
    expect(
      sum(bridge.items.map((i) => i.delta))
        .minus(total)
        .abs()
        .toNumber(),
    ).toBeLessThan(1e-9);
  });

  it('negates every part when the cases swap', () => {
    expect(back.items.map((i) => i.group)).toEqual(bridge.items.map((i) => i.group));
    bridge.items.forEach((item, j) => {
      expect(item.delta.plus(back.items[j].delta).abs().toNumber()).toBeLessThan(1e-9);
      expect(back.items[j].drivers).toEqual(item.drivers);
    });
  });

  it('lists every group in order, with nothing for a group whose drivers are the same', () => {
    expect(bridge.items.slice(0, 8).map((i) => i.group)).toEqual(VALUE_GROUPS.map((g) => g.label));
    for (const item of bridge.items) if (item.drivers.length === 0) expect(item.delta.isZero()).toBe(true);
    expect(bridge.valuations).toBe(2 ** bridge.items.filter((i) => i.drivers.length > 0).length);
  });
});

describe('bridge: what the parts are', () => {
  it('base to bull moves revenue, margins, capex and WACC, as the bull case says', () => {
    const bridge = priceBridge({}, { scenario: 'bull' });
    const moved = bridge.items.filter((i) => i.drivers.length > 0);
    expect(moved.map((i) => [i.group, i.drivers])).toEqual([
      ['Revenue', ['revenueGrowth']],
      ['Margins and costs', ['cashCogsRatio', 'cashCogsRatioTerminal']],
      ['Capex and D&A', ['fixedAssetIntensityTerminal']],
      ['WACC', ['wacc']],
    ]);
    for (const item of moved) expect(item.delta.isPositive()).toBe(true);
  });

  it('equals the Shapley values computed by hand from independent builds (two groups)', () => {
    const both = { wacc: '0.12', terminalGrowth: '0.02' };
    const v = {
      none: value({}),
      wacc: value({ overrides: { wacc: '0.12' } }),
      growth: value({ overrides: { terminalGrowth: '0.02' } }),
      both: value({ overrides: both }),
    };
    const bridge = priceBridge({}, { overrides: both });
    const half = new Decimal('0.5');
    const wacc = v.wacc.minus(v.none).plus(v.both.minus(v.growth)).times(half);
    const growth = v.growth.minus(v.none).plus(v.both.minus(v.wacc)).times(half);
    const part = (label: string) => bridge.items.find((i) => i.group === label)!.delta;
    expect(part('WACC').minus(wacc).abs().toNumber()).toBeLessThan(1e-20);
    expect(part('Terminal growth and fade').minus(growth).abs().toNumber()).toBeLessThan(1e-20);
  });

  it('puts a difference in reported 12/25 figures in a group of its own', () => {
    const bridge = priceBridge({}, { overrides: { 'cash.2025A': 7000, wacc: '0.11' } });
    const inputs = bridge.items[bridge.items.length - 1];
    expect(inputs.group).toBe('Reported 12/25 figures');
    expect(inputs.drivers).toEqual(['cash']);
    // More cash at the valuation date lowers net debt: more value per ADS.
    expect(inputs.delta.isPositive()).toBe(true);
  });

  it('gives an all-zero bridge between equal cases', () => {
    const bridge = priceBridge({ scenario: 'bull' }, { scenario: 'BULL', overrides: { price: 20 } });
    expect(bridge.valuations).toBe(2);
    for (const item of bridge.items) expect(item.delta.isZero()).toBe(true);
  });

  it('weighs players as Shapley does (three players, a known game)', () => {
    // v(S) = (|S|)^2: symmetric players each get v(N)/3 = 3.
    const values = Array.from({ length: 8 }, (_, m) => new Decimal([0, 1, 1, 2, 1, 2, 2, 3][m] ** 2));
    for (const part of shapley(3, values)) expect(part.toNumber()).toBeCloseTo(3, 30);
  });

  it('says which mix fails when one has WACC at or below terminal growth', () => {
    let error: unknown;
    try {
      priceBridge(
        { overrides: { wacc: '0.05', terminalGrowth: '0.01' } },
        { overrides: { wacc: '0.12', terminalGrowth: '0.08' } },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('WACC_NOT_ABOVE_GROWTH');
    expect((error as ModelError).message).toMatch(
      /^The bridge values every mix of the two cases' groups, and one mix \(Terminal growth and fade from the second case\) fails: WACC \(5\.0%\) must be above terminal growth \(8\.0%\)/,
    );
  });

  it('refuses an unknown scenario or assumption as the model does', () => {
    expect(() => priceBridge({ scenario: 'bearr' }, {})).toThrow(/Unknown scenario "bearr"/);
    expect(() => priceBridge({}, { overrides: { wcc: 1 } })).toThrow(/Unknown assumption "wcc"/);
  });
});
