/**
 * The economics under use: each driver moves the lines an analyst expects, in the right direction, and nothing
 * else; financing never moves unlevered free cash flow; cash never falls below the minimum; the terminal year is
 * a steady state; scenarios order bull > base > bear. Properties run over random assumption sets; the expected
 * values come from accounting identities and hand calculation, never from the model's own output.
 */
import fc from 'fast-check';
import {
  buildModel,
  buildModelUncached,
  Decimal,
  FORECAST_PERIOD_IDS,
  LOSS_CARRY_FORWARD_YEARS,
  PERIOD_IDS,
  type KcModel,
  type Overrides,
  type PeriodId,
} from '../../src/model';

const EXPLICIT: readonly PeriodId[] = ['2026E', '2027E', '2028E'];
const LONG_RANGE = FORECAST_PERIOD_IDS.filter((p) => !EXPLICIT.includes(p));
const LAST = FORECAST_PERIOD_IDS[FORECAST_PERIOD_IDS.length - 1];
const BEFORE_LAST = FORECAST_PERIOD_IDS[FORECAST_PERIOD_IDS.length - 2];

const v = (model: KcModel, id: string, period: PeriodId | number = LAST): Decimal => {
  const value = model.value(id, period);
  if (value === null) throw new Error(`${id} ${period} is NM`);
  return value;
};
const close = (a: Decimal, b: Decimal, tol = '1e-6') => a.minus(b).abs().lessThanOrEqualTo(tol);

/**
 * Random but realistic cases, as overrides on the base case: the drivers an analyst moves most, within ranges
 * where the business stays recognisable (cash costs 40-62% of revenue in the long run, capital intensity
 * 0.55-1.3x). Outside such a margin range value can fall as growth rises (growth that destroys value).
 */
const cases: fc.Arbitrary<Overrides> = fc.record(
  {
    wacc: fc.integer({ min: 80, max: 140 }).map((n) => n / 1000),
    terminalGrowth: fc.integer({ min: 0, max: 40 }).map((n) => n / 1000),
    'revenueGrowth.2026E': fc.integer({ min: 0, max: 50 }).map((n) => n / 100),
    'revenueGrowth.2027E': fc.integer({ min: 0, max: 50 }).map((n) => n / 100),
    'revenueGrowth.2028E': fc.integer({ min: 0, max: 50 }).map((n) => n / 100),
    cashCogsRatio: fc.integer({ min: 45, max: 65 }).map((n) => n / 100),
    cashCogsRatioTerminal: fc.integer({ min: 40, max: 55 }).map((n) => n / 100),
    fixedAssetIntensityTerminal: fc.integer({ min: 55, max: 130 }).map((n) => n / 100),
    capexRatio: fc.integer({ min: 20, max: 80 }).map((n) => n / 100),
    depreciationRate: fc.integer({ min: 15, max: 40 }).map((n) => n / 100),
    debtInterestRate: fc.integer({ min: 0, max: 150 }).map((n) => n / 1000),
    cashYield: fc.integer({ min: 0, max: 50 }).map((n) => n / 1000),
    minimumCash: fc.integer({ min: 0, max: 8000 }),
    'longTermDebtIssuance.2027E': fc.integer({ min: -3000, max: 5000 }),
    debtLikeShare: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
    payoutRatio: fc.integer({ min: 0, max: 60 }).map((n) => n / 100),
    taxLossesOpening: fc.integer({ min: 0, max: 6000 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Overrides>;

describe('cash and funding', () => {
  it('cash never falls below the minimum balance: the revolver draws and repays itself', () => {
    fc.assert(
      fc.property(cases, (overrides) => {
        const model = buildModelUncached({ overrides });
        const minimum = model.assumptions.scalars.minimumCash;
        for (const p of FORECAST_PERIOD_IDS) {
          expect(v(model, 'cash', p).greaterThanOrEqualTo(minimum.minus('1e-9'))).toBe(true);
          expect(v(model, 'revolver', p).greaterThanOrEqualTo(0)).toBe(true);
          // The revolver is drawn only to reach the minimum: with any of it outstanding, cash sits at the minimum.
          if (v(model, 'revolver', p).greaterThan('1e-9'))
            expect(close(v(model, 'cash', p), minimum)).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('a minimum above the cash the note forecasts draws the revolver, and interest follows the debt', () => {
    const model = buildModel({ overrides: { minimumCash: 5000 } });
    expect(v(model, 'cash', '2027E').equals(5000)).toBe(true);
    const drawn = v(model, 'revolver', '2027E');
    expect(drawn.greaterThan(0)).toBe(true);
    // 12/28E interest expense is the rate on opening gross debt, the revolver included (hand calculation).
    const rate = model.assumptions.series.debtInterestRate['2028E']!;
    const opening = v(model, 'shortTermDebt', '2027E')
      .plus(v(model, 'longTermDebt', '2027E'))
      .plus(drawn);
    expect(close(v(model, 'interestExpense', '2028E'), rate.times(opening))).toBe(true);
  });

  it('interest income is earned on opening cash: 1,000 more cash at 12/25 adds the cash yield on it to 12/26E', () => {
    const base = buildModel();
    const cash = v(base, 'cash', '2025A');
    const more = buildModel({ overrides: { 'cash.2025A': cash.plus(1000).toString() } });
    const yieldOnCash = base.assumptions.scalars.cashYield;
    expect(
      close(
        v(more, 'interestIncome', '2026E').minus(v(base, 'interestIncome', '2026E')),
        yieldOnCash.times(1000),
      ),
    ).toBe(true);
    expect(
      close(v(more, 'netInterest', '2026E').minus(v(base, 'netInterest', '2026E')), yieldOnCash.times(1000)),
    ).toBe(true);
  });
});

describe('unlevered free cash flow', () => {
  const financing: [string, fc.Arbitrary<number>][] = [
    ['debtInterestRate', fc.integer({ min: 0, max: 300 }).map((n) => n / 1000)],
    ['cashYield', fc.integer({ min: 0, max: 100 }).map((n) => n / 1000)],
    ['minimumCash', fc.integer({ min: 0, max: 20000 })],
    ['shortTermDebtIssuance.2027E', fc.integer({ min: -3000, max: 9000 })],
    ['longTermDebtIssuance.2028E', fc.integer({ min: -5000, max: 9000 })],
    ['otherFinancing.2026E', fc.integer({ min: -2000, max: 2000 })],
    ['payoutRatio', fc.integer({ min: 0, max: 100 }).map((n) => n / 100)],
  ];

  it.each(financing)('does not move with %s, nor does the enterprise value', (key, values) => {
    fc.assert(
      fc.property(cases, values, (overrides, value) => {
        const before = buildModelUncached({ overrides });
        const after = buildModelUncached({ overrides: { ...overrides, [key]: value } });
        for (const p of FORECAST_PERIOD_IDS)
          expect(v(after, 'fcff', p).toString()).toBe(v(before, 'fcff', p).toString());
        expect(after.dcf().enterpriseValue.toString()).toBe(before.dcf().enterpriseValue.toString());
      }),
      { numRuns: 25 },
    );
  });

  it('is NOPAT plus D&A less capex less the investment in operating working capital (hand calculation)', () => {
    const model = buildModel();
    for (const p of FORECAST_PERIOD_IDS) {
      const prior = PERIOD_IDS[PERIOD_IDS.indexOf(p) - 1];
      const expected = v(model, 'nopat', p)
        .plus(v(model, 'cashExceptionals', p))
        .minus(v(model, 'da', p)) // D&A is negative in the income statement
        .plus(v(model, 'capex', p)) // capex is negative in the cash flow
        .minus(v(model, 'operatingWorkingCapital', p).minus(v(model, 'operatingWorkingCapital', prior)));
      expect(close(v(model, 'fcff', p), expected)).toBe(true);
    }
  });

  it('leaves out the growth of debt-like liabilities, which the cash-flow statement counts in working capital', () => {
    const model = buildModel();
    const p = '2027E';
    const debtLikeGrowth = v(model, 'debtLikeLiabilities', p).minus(v(model, 'debtLikeLiabilities', '2026E'));
    const operatingLiabilities = (period: PeriodId) =>
      v(model, 'otherLongTermLiabilities', period).minus(v(model, 'debtLikeLiabilities', period));
    expect(debtLikeGrowth.greaterThan(0)).toBe(true);
    // Cash-flow working capital less the DCF's: exactly the debt-like part's growth.
    const owcChange = v(model, 'operatingWorkingCapital', p).minus(
      v(model, 'operatingWorkingCapital', '2026E'),
    );
    expect(close(v(model, 'workingCapital', p).plus(owcChange), debtLikeGrowth)).toBe(true);
    expect(operatingLiabilities(p).greaterThan(0)).toBe(true);
  });
});

describe('depreciation and the fixed-asset schedule', () => {
  it('a higher depreciation rate lowers EBIT and leaves EBITDA; where capex is set by its driver, pre-tax FCFF and (with no tax to shelter) cash too', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 10 }), (overrides, bump) => {
        const before = buildModelUncached({ overrides });
        const rate = before.assumptions.series.depreciationRate['2027E']!;
        const after = buildModelUncached({
          overrides: { ...overrides, 'depreciationRate.2027E': rate.plus(bump / 100).toString() },
        });
        expect(v(after, 'ebit', '2027E').lessThan(v(before, 'ebit', '2027E'))).toBe(true);
        for (const p of FORECAST_PERIOD_IDS)
          expect(close(v(after, 'ebitdaAdjusted', p), v(before, 'ebitdaAdjusted', p), '1e-20')).toBe(true);
        // In 12/26E-28E capex is capex/revenue, so depreciation is no cash flow. (After 12/28E capex keeps net fixed
        // assets at their intensity of revenue, so faster depreciation calls for more replacement capex.)
        for (const p of EXPLICIT) {
          const preTax = (m: KcModel) => v(m, 'fcff', p).minus(v(m, 'operatingTaxes', p));
          expect(close(preTax(after), preTax(before))).toBe(true);
          // Cash moves only through what depends on profit: tax, and dividends paid out of it.
          const sameSoFar = EXPLICIT.slice(0, EXPLICIT.indexOf(p) + 1).every(
            (q) =>
              v(after, 'tax', q).equals(v(before, 'tax', q)) &&
              v(after, 'dividends', q).equals(v(before, 'dividends', q)),
          );
          if (sameSoFar) expect(close(v(after, 'cash', p), v(before, 'cash', p))).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('after 12/28E faster depreciation means more replacement capex, at the same terminal fixed-asset intensity', () => {
    const before = buildModel();
    const after = buildModel({ overrides: { depreciationRate: 0.35 } });
    for (const p of ['2034E', '2035E'] as PeriodId[])
      expect(close(v(after, 'fixedAssetIntensity', p), v(before, 'fixedAssetIntensity', p))).toBe(true);
    expect(v(after, 'capex', LAST).lessThan(v(before, 'capex', LAST))).toBe(true); // capex is negative
  });

  it('capex raises later D&A: more capex in 12/27E depreciates in 12/27E (half a year) and every year after', () => {
    const base = buildModel();
    const ratio = base.assumptions.series.capexRatio['2027E']!;
    const more = buildModel({ overrides: { 'capexRatio.2027E': ratio.plus('0.05').toString() } });
    expect(v(more, 'da', '2026E').equals(v(base, 'da', '2026E'))).toBe(true);
    for (const p of ['2027E', '2028E'] as PeriodId[])
      expect(v(more, 'depreciation', p).greaterThan(v(base, 'depreciation', p))).toBe(true);
    // Half-year convention: the extra 12/27E depreciation is rate x half the extra capex (hand calculation).
    const extraCapex = v(base, 'capex', '2027E').minus(v(more, 'capex', '2027E'));
    const rate = base.assumptions.series.depreciationRate['2027E']!;
    const extraDepreciation = v(more, 'depreciation', '2027E').minus(v(base, 'depreciation', '2027E'));
    expect(close(extraDepreciation, rate.times(extraCapex).div(2))).toBe(true);
  });

  it('reported COGS is cash COGS plus all of D&A', () => {
    const model = buildModel();
    for (const p of FORECAST_PERIOD_IDS)
      expect(close(v(model, 'cogs', p), v(model, 'cashCogs', p).plus(v(model, 'da', p)))).toBe(true);
  });
});

describe('tax losses', () => {
  it('shelter the first profits: no tax is charged until the losses carried forward are used up', () => {
    // A case that turns profitable in the long range with a large pool of losses.
    const model = buildModel({ overrides: { taxLossesOpening: 3000 } });
    let pool = v(model, 'taxLossesAvailable', '2025A');
    for (const p of FORECAST_PERIOD_IDS) {
      const pretax = v(model, 'pretax', p);
      const used = Decimal.min(Decimal.max(pretax, 0), pool);
      expect(close(v(model, 'taxLossesUsed', p), used)).toBe(true);
      pool = v(model, 'taxLossesAvailable', p);
    }
    const sheltered = buildModel({ overrides: { taxLossesOpening: 3000 } });
    const none = buildModel({ overrides: { taxLossesOpening: 0 } });
    const taxes = (m: KcModel) =>
      FORECAST_PERIOD_IDS.reduce((s, p) => s.plus(v(m, 'tax', p)), new Decimal(0));
    expect(taxes(sheltered).greaterThan(taxes(none))).toBe(true); // taxes are negative: less tax paid
  });

  it(`expire ${LOSS_CARRY_FORWARD_YEARS} years after they arose: the 12/25 pool is gone after 12/30E if unused`, () => {
    // With costs that keep the company loss-making, nothing is used and the 12/25 pool expires at the end of 12/30E.
    const model = buildModel({ overrides: { cashCogsRatioTerminal: 0.9, taxLossesOpening: 1000 } });
    expect(v(model, 'taxLossesUsed', '2030E').isZero()).toBe(true);
    expect(close(v(model, 'taxLossesExpired', '2030E'), new Decimal(1000))).toBe(true);
    expect(v(model, 'taxLossesExpired', '2029E').isZero()).toBe(true);
  });
});

describe('debt-like liabilities', () => {
  it('a higher debt-like share lowers the target price (more debt in the bridge, less operating funding)', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 0, max: 90 }), (overrides, share) => {
        const lower = buildModelUncached({ overrides: { ...overrides, debtLikeShare: share / 100 } });
        const higher = buildModelUncached({ overrides: { ...overrides, debtLikeShare: (share + 10) / 100 } });
        expect(higher.dcf().valuePerAdsUsd.lessThan(lower.dcf().valuePerAdsUsd)).toBe(true);
        expect(higher.dcf().netDebt.greaterThan(lower.dcf().netDebt)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});

/** Whether long-range capex hit its floor of zero: the fixed assets had to fall faster than depreciation allows. */
const capexFloored = (model: KcModel) => LONG_RANGE.some((p) => v(model, 'capex', p).isZero());

describe('the terminal year', () => {
  it('is a steady state: revenue, net fixed assets and operating working capital all grow at the terminal rate', () => {
    fc.assert(
      fc.property(cases, (overrides) => {
        const model = buildModelUncached({ overrides });
        fc.pre(!capexFloored(model));
        const g = model.assumptions.scalars.terminalGrowth;
        for (const id of ['revenue', 'netFixedAssets', 'operatingWorkingCapital']) {
          const growth = v(model, id, LAST)
            .div(v(model, id, BEFORE_LAST))
            .minus(1);
          expect([id, close(growth, g, '1e-9')]).toEqual([id, true]);
        }
        // Reinvestment = growth / RONIC x NOPAT, and RONIC equals the return on existing capital (no growth: no
        // reinvestment, and RONIC is NM).
        const reinvestment = v(model, 'reinvestment', LAST);
        if (g.isZero()) {
          expect(close(reinvestment, new Decimal(0))).toBe(true);
          const ronic = model.value('ronic', LAST);
          expect(ronic === null || ronic.abs().lessThan('1e-20')).toBe(true);
        } else {
          const ronic = v(model, 'ronic', LAST);
          expect(close(reinvestment, g.div(ronic).times(v(model, 'nopat', LAST)), '1e-6')).toBe(true);
          expect(close(ronic, v(model, 'roicTerminal', LAST), '1e-12')).toBe(true);
        }
        expect(model.checks().find((c) => c.id === 'checkSteadyState')!.ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('is not a steady state, and the check fails, when capex cannot go low enough to reach the terminal intensity', () => {
    // Long asset lives (10% depreciation) and a terminal intensity far below 12/28E's: fixed assets cannot shrink
    // fast enough without selling assets, which the model does not do.
    const model = buildModel({ overrides: { depreciationRate: 0.1, fixedAssetIntensityTerminal: 0.4 } });
    expect(capexFloored(model)).toBe(true);
    expect(model.checks().find((c) => c.id === 'checkSteadyState')!.ok).toBe(false);
  });

  it('mid-year discounting moves the whole enterprise value by half a year of discounting', () => {
    const end = buildModel().dcf().enterpriseValue;
    const mid = buildModel({ overrides: { midYear: 1 } }).dcf().enterpriseValue;
    const wacc = buildModel().assumptions.scalars.wacc;
    expect(close(mid.div(end), wacc.plus(1).sqrt(), '1e-12')).toBe(true);
  });
});

/**
 * The margin range within which new revenue creates value, so that more growth means a higher target price: the
 * base case's capital intensity and financing, with growth, WACC, terminal growth and margins moved (cash COGS
 * 45-60% of revenue in 12/26E-28E and 42-52% in the long run; SG&A and R&D as in the base case). Outside such a
 * range (e.g. capex starved in 12/26E-28E and rebuilt after) growth can destroy value, and the property need not
 * hold.
 */
const valueCreating: fc.Arbitrary<Overrides> = fc.record(
  {
    wacc: fc.integer({ min: 80, max: 140 }).map((n) => n / 1000),
    terminalGrowth: fc.integer({ min: 0, max: 40 }).map((n) => n / 1000),
    'revenueGrowth.2026E': fc.integer({ min: 0, max: 50 }).map((n) => n / 100),
    'revenueGrowth.2027E': fc.integer({ min: 0, max: 50 }).map((n) => n / 100),
    'revenueGrowth.2028E': fc.integer({ min: 0, max: 50 }).map((n) => n / 100),
    cashCogsRatio: fc.integer({ min: 45, max: 60 }).map((n) => n / 100),
    cashCogsRatioTerminal: fc.integer({ min: 42, max: 52 }).map((n) => n / 100),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Overrides>;

describe('revenue growth', () => {
  it('higher growth gives higher revenue, EBITDA and target price (within the margin range where growth creates value)', () => {
    fc.assert(
      fc.property(
        valueCreating,
        fc.constantFrom(...EXPLICIT),
        fc.integer({ min: 1, max: 10 }),
        (overrides, year, bump) => {
          const before = buildModelUncached({ overrides });
          const growth = before.assumptions.series.revenueGrowth[year]!;
          const after = buildModelUncached({
            overrides: { ...overrides, [`revenueGrowth.${year}`]: growth.plus(bump / 100).toString() },
          });
          for (const p of FORECAST_PERIOD_IDS.slice(FORECAST_PERIOD_IDS.indexOf(year))) {
            expect(v(after, 'revenue', p).greaterThan(v(before, 'revenue', p))).toBe(true);
            expect(v(after, 'ebitdaAdjusted', p).greaterThan(v(before, 'ebitdaAdjusted', p))).toBe(true);
          }
          expect(after.dcf().valuePerAdsUsd.greaterThan(before.dcf().valuePerAdsUsd)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('of -100% (allowed) builds: revenue is zero and ratios on revenue are NM, not errors', () => {
    const model = buildModel({ overrides: { revenueGrowth: -1 } });
    expect(v(model, 'revenue', '2030E').isZero()).toBe(true);
    expect(model.value('ebitdaMargin', '2027E')).toBeNull();
    expect(model.value('impliedEvSales2026', 2026)).toBeNull();
    // With no revenue the terminal year cannot be a steady state, and the check says so.
    expect(model.checks().find((c) => c.id === 'checkSteadyState')!.ok).toBe(false);
  });
});

describe('long-range rules', () => {
  it('faded ratios land on their terminal values in 12/34E and hold in 12/35E', () => {
    const model = buildModel();
    const terminal = model.assumptions.scalars;
    for (const [line, driver] of [
      ['revenueGrowth', 'terminalGrowth'],
      ['cashCogsRatio', 'cashCogsRatioTerminal'],
      ['sgaRatio', 'sgaRatioTerminal'],
      ['rndRatio', 'rndRatioTerminal'],
      ['fixedAssetIntensity', 'fixedAssetIntensityTerminal'],
    ]) {
      for (const p of ['2034E', '2035E'] as PeriodId[])
        expect(close(v(model, line, p), terminal[driver])).toBe(true);
      expect(close(v(model, line, '2033E'), terminal[driver])).toBe(false);
    }
    for (const p of LONG_RANGE)
      expect(v(model, 'depreciationRate', p).equals(v(model, 'depreciationRate', '2028E'))).toBe(true);
  });
});
