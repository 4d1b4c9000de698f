/**
 * The model's public API: reading lines by id or by the note's label for any way of writing a period, series,
 * the memo, how overrides propagate, the WACC x growth grid, mid-year discounting, the exit-multiple terminal
 * value and the segment split. No note figure is hard-coded: expectations compare the model with itself.
 */
import {
  buildModel,
  buildModelUncached,
  cacheStats,
  clearCache,
  Decimal,
  defaultGridAxes,
  FORECAST_PERIOD_IDS,
  LINES,
  NOTE_TABLE_LAYOUTS,
  PERIOD_IDS,
  sensitivityGrid,
  type KcModel,
  type PeriodId,
  type Value,
} from '../../src/model';

const num = (v: Value): Decimal => {
  expect(v).not.toBeNull();
  return v as Decimal;
};
const same = (a: Value, b: Value) =>
  expect(a === null ? null : a.toString()).toBe(b === null ? null : b.toString());

/** Every value of every line, keyed "line@period" ("line@" for single values), as exact text. */
function snapshot(model: KcModel): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const def of LINES) {
    if (def.scalar) out.set(`${def.id}@`, String(model.value(def.id, 2027)));
    else
      for (const { period, value } of model.series(def.id))
        out.set(`${def.id}@${period}`, value === null ? null : value.toString());
  }
  return out;
}

describe("value(): lines by id or by the note's label", () => {
  const model = buildModel();

  it('reads a line by its id and by its label in the note', () => {
    for (const period of ['2025A', '2026E', '2027E', '2028E']) {
      same(model.value('Net inc. (pre-exceptionals)', period), model.value('netIncomePre', period));
      same(model.value('Total revenue', period), model.value('revenue', period));
      same(model.value('Cash & cash equivalents', period), model.value('cash', period));
    }
    expect(model.value('netIncomePre', '2027E')).toBeInstanceOf(Decimal);
  });

  it('ignores case and spacing in labels', () => {
    same(model.value('  net INC.   (pre-exceptionals) ', '2027E'), model.value('netIncomePre', '2027E'));
  });

  it('resolves every label the note gives one line only to that line', () => {
    const lines = new Map<string, Set<string>>();
    for (const table of NOTE_TABLE_LAYOUTS) {
      for (const row of table.rows) lines.set(row.label, (lines.get(row.label) ?? new Set()).add(row.line));
    }
    const unique = [...lines]
      .filter(([, ids]) => ids.size === 1)
      .map(([label, ids]) => [label, [...ids][0]] as const);
    expect(unique.length).toBeGreaterThan(80);
    for (const [label, id] of unique) {
      for (const { period, value } of model.series(id)) same(model.value(label, period), value);
    }
  });

  it('reads single-value lines whatever the period', () => {
    same(model.value('valuePerAdsUsd', 2027), model.dcf().valuePerAdsUsd);
    same(model.value('Value per ADS (US$)', '2030E'), model.dcf().valuePerAdsUsd);
  });
});

describe('value(): periods written every accepted way', () => {
  const model = buildModel();
  it.each([
    ['2027E', [2027, '2027', '2027E', 'FY2027', 'FY27', '12/27E', '12/27', 'fy27', ' 2027e ']],
    ['2025A', [2025, '2025', '2025A', 'FY2025', 'FY25', '12/25', '12/25A']],
    ['2035E', [2035, '2035', '2035E', 'FY2035', 'FY35', '12/35E']],
  ] as const)('%s', (id, forms) => {
    for (const line of ['revenue', 'cash', 'netIncomePre']) {
      for (const form of forms) same(model.value(line, form), model.value(line, id));
    }
  });
});

describe('series()', () => {
  const model = buildModel();

  it('lists a line in period order, the same values as value()', () => {
    for (const def of LINES.filter((d) => !d.scalar)) {
      const series = model.series(def.id);
      const periods = series.map((s) => s.period);
      const start = PERIOD_IDS.indexOf(periods[0]);
      expect(periods).toEqual(PERIOD_IDS.slice(start, start + periods.length));
      for (const { period, value } of series) same(model.value(def.id, period), value);
    }
  });

  it('covers 12/25 to 12/35E for the statements, by id or by label', () => {
    for (const id of ['revenue', 'netIncomePre', 'cash', 'totalAssets', 'totalCashFlow']) {
      expect(model.series(id).map((s) => s.period)).toEqual(
        expect.arrayContaining(['2025A', ...FORECAST_PERIOD_IDS]),
      );
    }
    expect(model.series('Total revenue')).toEqual(model.series('revenue'));
  });
});

describe('memoization', () => {
  beforeEach(() => clearCache());

  it('returns the same object for the same options', () => {
    const options = { overrides: { wacc: '11%', 'revenueGrowth.2027E': 0.2 } };
    const model = buildModel(options);
    expect(buildModel(options)).toBe(model);
    expect(buildModel({ overrides: { wacc: '11%', 'revenueGrowth.2027E': 0.2 } })).toBe(model);
    expect(buildModel({ scenario: 'base', overrides: { wacc: '11%', 'revenueGrowth.2027E': 0.2 } })).toBe(
      model,
    );
    expect(buildModel()).toBe(buildModel({}));
    expect(buildModel()).toBe(buildModel({ scenario: 'base', overrides: {} }));
    expect(buildModel({ scenario: 'Bull' })).toBe(buildModel({ scenario: ' bull ' }));
  });

  it('ignores the order of the overrides', () => {
    const model = buildModel({
      overrides: { wacc: 0.11, 'cashCogsRatio.2026E': 0.56, terminalGrowth: 0.025 },
    });
    expect(
      buildModel({ overrides: { terminalGrowth: 0.025, wacc: 0.11, 'cashCogsRatio.2026E': 0.56 } }),
    ).toBe(model);
    expect(
      buildModel({ overrides: { 'cashCogsRatio.2026E': 0.56, terminalGrowth: 0.025, wacc: 0.11 } }),
    ).toBe(model);
  });

  it('keeps different options apart, and equal values whatever the memo', () => {
    const a = buildModel({ overrides: { wacc: 0.11 } });
    const b = buildModel({ overrides: { wacc: 0.111 } });
    expect(b).not.toBe(a);
    expect(buildModel({ scenario: 'bull' })).not.toBe(buildModel());
    expect(snapshot(buildModel({ overrides: { wacc: '11%' } }))).toEqual(snapshot(a));
    expect(snapshot(buildModelUncached({ overrides: { wacc: 0.11 } }))).toEqual(snapshot(a));
    expect(buildModelUncached({ overrides: { wacc: 0.11 } })).not.toBe(a);
  });

  it('never holds more than its limit, and drops the least recently used first', () => {
    const { limit } = cacheStats();
    expect(limit).toBeGreaterThan(0);
    const kept = buildModel({ overrides: { wacc: 0.12 } });
    const first = buildModel({ overrides: { 'revenueGrowth.2027E': '0.00000' } });
    for (let i = 1; i < limit + 50; i++) {
      buildModel({ overrides: { 'revenueGrowth.2027E': (i / 100000).toFixed(5) } });
      if (i % 10 === 0) expect(buildModel({ overrides: { wacc: 0.12 } })).toBe(kept); // used recently: kept
      expect(cacheStats().size).toBeLessThanOrEqual(limit);
    }
    expect(cacheStats()).toEqual({ size: limit, limit });
    expect(buildModel({ overrides: { wacc: 0.12 } })).toBe(kept);
    const again = buildModel({ overrides: { 'revenueGrowth.2027E': '0.00000' } });
    expect(again).not.toBe(first); // evicted long ago, rebuilt
    expect(snapshot(again)).toEqual(snapshot(first));
    expect(cacheStats().size).toBe(limit);
  });

  it('clearCache() empties the memo', () => {
    const model = buildModel();
    expect(cacheStats().size).toBeGreaterThan(0);
    clearCache();
    expect(cacheStats().size).toBe(0);
    expect(buildModel()).not.toBe(model);
  });
});

describe('overrides move every dependent line', () => {
  const base = buildModel();
  const cogsRatio = base.assumptions.series.cashCogsRatio['2027E']!;
  const higher = buildModel({ overrides: { 'cashCogsRatio.2027E': cogsRatio.plus('0.1').toString() } });
  const at = (model: KcModel, id: string, period: PeriodId | number = '2027E') =>
    num(model.value(id, period));

  it('COGS/revenue 2027E up: costs up, every profit line of 2027E down', () => {
    expect(at(higher, 'cogs').lessThan(at(base, 'cogs'))).toBe(true); // costs are negative
    for (const id of [
      'ebitda',
      'ebitdaAdjusted',
      'ebit',
      'pretax',
      'netIncomePre',
      'netIncomePost',
      'epsBasicPre',
      'cfNetIncome',
      'fcff',
    ]) {
      expect([id, at(higher, id).lessThan(at(base, id))]).toEqual([id, true]);
    }
    same(higher.value('revenue', '2027E'), base.value('revenue', '2027E'));
  });

  it('and the balance sheet, cash flow and later years with them', () => {
    const moved = (id: string, period: PeriodId) => !at(higher, id, period).equals(at(base, id, period));
    for (const id of [
      'accountsPayable',
      'workingCapital',
      'cfo',
      'fcf',
      'totalCashFlow',
      'cash',
      'commonEquity',
      'totalAssets',
      'pvFcff',
    ]) {
      expect([id, moved(id, '2027E')]).toEqual([id, true]);
    }
    for (const period of FORECAST_PERIOD_IDS.slice(2)) {
      for (const id of ['cash', 'commonEquity', 'totalAssets', 'netDebtAdjusted'])
        expect([id, period, moved(id, period)]).toEqual([id, period, true]);
    }
  });

  it('but nothing before 2027E', () => {
    const after = snapshot(higher);
    for (const [key, value] of snapshot(base)) {
      if (key.endsWith('@2024A') || key.endsWith('@2025A') || key.endsWith('@2026E'))
        expect([key, after.get(key)]).toEqual([key, value]);
    }
  });

  it('and the valuation: value per ADS and target price down', () => {
    expect(higher.dcf().enterpriseValue.lessThan(base.dcf().enterpriseValue)).toBe(true);
    expect(higher.dcf().valuePerAdsUsd.lessThan(base.dcf().valuePerAdsUsd)).toBe(true);
    expect(higher.dcf().targetPrice.lessThan(base.dcf().targetPrice)).toBe(true);
    expect(higher.dcf().upside.lessThan(base.dcf().upside)).toBe(true);
  });

  it('a driver without a period sets every year of it', () => {
    const all = buildModel({ overrides: { cashCogsRatio: '60%' } });
    for (const period of ['2026E', '2027E', '2028E'] as const) {
      expect(all.assumptions.series.cashCogsRatio[period]!.toString()).toBe('0.6');
      // Reported COGS is cash COGS plus all of D&A.
      same(all.value('cashCogs', period), num(all.value('revenue', period)).times('-0.6'));
      same(all.value('cogs', period), num(all.value('cashCogs', period)).plus(num(all.value('da', period))));
    }
  });
});

describe('sensitivityGrid()', () => {
  const base = buildModel();
  const axes = defaultGridAxes();
  const text = (xs: Decimal[]) => xs.map((x) => x.toString());
  const grid = sensitivityGrid({}, text(axes.waccs), text(axes.growths));

  it("is 11 x 11 around the options' own WACC and growth, with the model's value at its centre", () => {
    expect(axes.waccs).toHaveLength(11);
    expect(axes.growths).toHaveLength(11);
    expect(axes.waccs[5].equals(base.assumptions.scalars.wacc)).toBe(true);
    expect(axes.growths[5].equals(base.assumptions.scalars.terminalGrowth)).toBe(true);
    expect(grid).toHaveLength(11);
    for (const row of grid) expect(row).toHaveLength(11);
    expect(num(grid[5][5]).equals(base.dcf().valuePerAdsUsd)).toBe(true);
  });

  it('falls as WACC rises and rises with terminal growth', () => {
    for (let g = 0; g < 11; g++) {
      for (let w = 0; w < 11; w++) {
        if (w > 0) expect([g, w, num(grid[g][w]).lessThan(num(grid[g][w - 1]))]).toEqual([g, w, true]);
        if (g > 0) expect([g, w, num(grid[g][w]).greaterThan(num(grid[g - 1][w]))]).toEqual([g, w, true]);
      }
    }
  });

  it('agrees with building each cell', () => {
    const cell = buildModelUncached({
      overrides: { wacc: text(axes.waccs)[2], terminalGrowth: text(axes.growths)[8] },
    });
    same(grid[8][2], cell.dcf().valuePerAdsUsd);
  });

  it('is null where WACC <= terminal growth', () => {
    const pairs = sensitivityGrid({}, [0.03, 0.04, 0.05], ['0.03', '0.04', '0.05']);
    pairs.forEach((row, g) =>
      row.forEach((value, w) => expect([g, w, value === null]).toEqual([g, w, w <= g])),
    );
  });

  it("centres on another scenario's own values", () => {
    const bull = buildModel({ scenario: 'bull' });
    const bullAxes = defaultGridAxes({ scenario: 'bull' }, 5);
    expect(bullAxes.waccs[2].equals(bull.assumptions.scalars.wacc)).toBe(true);
    const bullGrid = sensitivityGrid({ scenario: 'bull' }, text(bullAxes.waccs), text(bullAxes.growths));
    expect(bullGrid).toHaveLength(5);
    same(bullGrid[2][2], bull.dcf().valuePerAdsUsd);
  });

  // Known bug (see the report): the grid accepts text axes, but compares them with `new Decimal(text)`, so "11%"
  // throws a raw DecimalError instead of reading as the overrides do. Remove `.failing` once fixed.
  it('reads percent text on its axes the way overrides do', () => {
    const asText = sensitivityGrid({}, ['10.3%', '11%'], ['3%']);
    const asNumbers = sensitivityGrid({}, [0.103, 0.11], [0.03]);
    expect(asText.map((row) => row.map(String))).toEqual(asNumbers.map((row) => row.map(String)));
  });
});

describe('discounting and the terminal value', () => {
  const endOfYear = buildModel({ overrides: { midYear: 0 } });
  const midYear = buildModel({ overrides: { midYear: 1 } });

  it('mid-year discounting brings each cash flow half a year closer and raises the value', () => {
    const wacc = endOfYear.assumptions.scalars.wacc;
    const halfYear = wacc.plus(1).sqrt();
    for (const period of FORECAST_PERIOD_IDS) {
      const expected = num(endOfYear.value('pvFcff', period)).times(halfYear);
      expect(num(midYear.value('pvFcff', period)).minus(expected).abs().lessThan('1e-9')).toBe(true);
    }
    expect(endOfYear.dcf().sumPvFcff.greaterThan(0)).toBe(true); // so half a year less discounting adds value
    expect(midYear.dcf().valuePerAdsUsd.greaterThan(endOfYear.dcf().valuePerAdsUsd)).toBe(true);
  });

  it('the exit-multiple method values the terminal year on EBITDA and changes the value', () => {
    const gordon = buildModel({ overrides: { terminalMethod: 0 } });
    const exit = buildModel({ overrides: { terminalMethod: 1 } });
    const multiple = exit.assumptions.scalars.exitMultiple;
    same(exit.dcf().terminalValue, num(exit.value('ebitdaAdjusted', '2035E')).times(multiple));
    expect(exit.dcf().valuePerAdsUsd.equals(gordon.dcf().valuePerAdsUsd)).toBe(false);
    same(exit.dcf().sumPvFcff, gordon.dcf().sumPvFcff);

    const higher = multiple.plus(2).toString();
    const exitHigher = buildModel({ overrides: { terminalMethod: 1, exitMultiple: higher } });
    expect(num(exit.value('ebitdaAdjusted', '2035E')).greaterThan(0)).toBe(true);
    expect(exitHigher.dcf().valuePerAdsUsd.greaterThan(exit.dcf().valuePerAdsUsd)).toBe(true);
    // The multiple is unused under Gordon growth.
    same(
      buildModel({ overrides: { terminalMethod: 0, exitMultiple: higher } }).dcf().valuePerAdsUsd,
      gordon.dcf().valuePerAdsUsd,
    );
  });
});

describe('segments', () => {
  it.each([
    ['base', {}],
    ['bull', { scenario: 'bull' }],
    ['bear', { scenario: 'bear' }],
    [
      'shares moved',
      { overrides: { 'aiShare.2027E': '70%', 'ecosystemShare.2026E': 0.2, 'aiShare.2025A': 0.3 } },
    ],
  ] as const)('sum to revenue in every period: %s', (_name, options) => {
    const model = buildModel(options);
    for (const { period, value } of model.series('revenue')) {
      if (period === '2024A') continue;
      const revenue = num(value);
      expect(
        num(model.value('aiRevenue', period))
          .plus(num(model.value('nonAiRevenue', period)))
          .equals(revenue),
      ).toBe(true);
      expect(
        num(model.value('ecosystemRevenue', period))
          .plus(num(model.value('otherCustomersRevenue', period)))
          .equals(revenue),
      ).toBe(true);
      same(model.value('aiRevenue', period), revenue.times(num(model.value('aiShare', period))));
    }
  });
});
