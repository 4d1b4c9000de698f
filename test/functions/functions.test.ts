/**
 * The KC.* functions called as Excel calls them (through the generated metadata, with a stand-in runtime): figures
 * against the note and against the engine, spills, overrides, and every error path.
 */
import { NM } from '../../src/functions/spill';
import { STATEMENTS, STATEMENT_PERIODS } from '../../src/functions/statements';
import * as model from '../../src/model';
import {
  buildModel,
  LINES,
  NOTE_TABLE_LAYOUTS,
  sensitivityGrid,
  STATEMENTS as MODEL_STATEMENTS,
  type Value,
} from '../../src/model';
import { ErrorCode, excelError, installRuntime, loadFunctions, StandInError, type Invoker } from './runtime';

installRuntime();

let KC: Invoker;

beforeAll(async () => {
  ({ KC } = await loadFunctions());
}, 30_000);

const round1 = (x: unknown) => Math.round((x as number) * 10) / 10;
const num = (value: Value) => (value === null ? NM : value.toNumber() || 0);
/** The single cell of a 1 x 1 result. */
const one = (result: unknown[][]) => {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0];
};
const base = () => buildModel();

describe('the note', () => {
  it('KC.REVENUE(2027) = 15,707.7', () => {
    expect(round1(one(KC('REVENUE', 2027)))).toBe(15707.7);
  });

  it('KC.EBITDA(2028) = 7,477.8 (the headline, adjusted EBITDA)', () => {
    expect(round1(one(KC('EBITDA', 2028)))).toBe(7477.8);
  });

  it('KC.DCF() = 19.5 US$ per ADS', () => {
    expect(round1(one(KC('DCF')))).toBe(19.5);
  });
});

describe('KC.REVENUE', () => {
  it('reads every way of writing a period', () => {
    const expected = num(base().value('revenue', '2026E'));
    for (const period of [2026, '2026', '2026E', 'FY2026', 'FY26', '12/26E', ' fy26 ', '2026e']) {
      expect(one(KC('REVENUE', period))).toBe(expected);
    }
  });

  it('spills a row of periods as a row and a column as a column, blanks staying blank', () => {
    const m = base();
    const values = ['2025A', '2026E', '2027E', '2028E'].map((p) => num(m.value('revenue', p)));
    expect(KC('REVENUE', [[2025, 2026, 2027, 2028]])).toEqual([values]);
    expect(KC('REVENUE', [[2025], [2026], [2027], [2028]])).toEqual(values.map((v) => [v]));
    expect(KC('REVENUE', [[2025, '', null, 2028]])).toEqual([[values[0], '', '', values[3]]]);
    expect(
      KC('REVENUE', [
        [2026, 2027],
        ['FY28', '12/25'],
      ]),
    ).toEqual([
      [values[1], values[2]],
      [values[3], values[0]],
    ]);
  });

  it('gives each segment, by name or alias, and the segments add up', () => {
    const m = base();
    const cases: [string, string][] = [
      ['total', 'revenue'],
      ['Total', 'revenue'],
      ['AI-related', 'aiRevenue'],
      ['ai related', 'aiRevenue'],
      ['AI', 'aiRevenue'],
      ['other than AI', 'nonAiRevenue'],
      ['non-AI', 'nonAiRevenue'],
      ['ecosystem', 'ecosystemRevenue'],
      ['Xiaomi/Kingsoft ecosystem', 'ecosystemRevenue'],
      ['other customers', 'otherCustomersRevenue'],
      ['OTHER CUSTOMERS', 'otherCustomersRevenue'],
    ];
    for (const [segment, line] of cases)
      expect(one(KC('REVENUE', 2027, segment))).toBe(num(m.value(line, 2027)));
    const part = (s: string) => one(KC('REVENUE', 2028, s)) as number;
    expect(part('AI-related') + part('other than AI')).toBeCloseTo(part('total'), 6);
    expect(part('ecosystem') + part('other customers')).toBeCloseTo(part('total'), 6);
  });

  it('follows a scenario and an assumptions range, on top of the scenario', () => {
    const overrides = { 'revenueGrowth.2027E': 0.3, wacc: '9%' };
    const range = [
      ['revenueGrowth.2027E', 0.3],
      ['', ''],
      [null, null],
      ['wacc', '9%'],
    ];
    expect(one(KC('REVENUE', 2027, null, 'bull'))).toBe(
      num(buildModel({ scenario: 'bull' }).value('revenue', 2027)),
    );
    expect(one(KC('REVENUE', 2027, null, 'BEAR'))).toBe(
      num(buildModel({ scenario: 'bear' }).value('revenue', 2027)),
    );
    expect(one(KC('REVENUE', 2027, null, null, range))).toBe(
      num(buildModel({ overrides }).value('revenue', 2027)),
    );
    expect(one(KC('REVENUE', 2027, null, 'bear', range))).toBe(
      num(buildModel({ scenario: 'bear', overrides }).value('revenue', 2027)),
    );
    expect(one(KC('REVENUE', 2027, null, null, range))).not.toBe(one(KC('REVENUE', 2027)));
  });

  it('treats an id with a blank value, and an all-blank range, as no override', () => {
    expect(one(KC('REVENUE', 2027, null, null, [['revenueGrowth.2027E', '']]))).toBe(
      one(KC('REVENUE', 2027)),
    );
    expect(one(KC('REVENUE', 2027, null, null, [['', '']]))).toBe(one(KC('REVENUE', 2027)));
    expect(one(KC('REVENUE', 2027, null, null, ''))).toBe(one(KC('REVENUE', 2027)));
  });
});

describe('KC.EBITDA', () => {
  it('gives the headline (adjusted) EBITDA by default, the income-statement line, or the headline margin', () => {
    const m = base();
    expect(one(KC('EBITDA', 2028))).toBe(num(m.value('ebitdaAdjusted', 2028)));
    expect(one(KC('EBITDA', 2028, 'adjusted'))).toBe(num(m.value('ebitdaAdjusted', 2028)));
    expect(one(KC('EBITDA', 2028, 'headline'))).toBe(num(m.value('ebitdaAdjusted', 2028)));
    expect(one(KC('EBITDA', 2028, 'reported'))).toBe(num(m.value('ebitda', 2028)));
    expect(one(KC('EBITDA', 2028, 'Income statement'))).toBe(num(m.value('ebitda', 2028)));
    expect(one(KC('EBITDA', 2028, 'margin'))).toBe(num(m.value('ebitdaMargin', 2028)));
    const margin = one(KC('EBITDA', 2028, 'margin')) as number;
    expect(margin).toBeGreaterThan(0);
    expect(margin).toBeLessThan(1); // a fraction, for Excel to format as %
    expect(margin).toBeCloseTo(
      (one(KC('EBITDA', 2028)) as number) / (one(KC('REVENUE', 2028)) as number),
      12,
    );
  });

  it('spills and follows overrides like KC.REVENUE', () => {
    const overrides = { 'cashCogsRatio.2027E': 0.6 };
    const m = buildModel({ overrides });
    expect(KC('EBITDA', [[2026, 2027]], 'reported', null, [['cashCogsRatio.2027E', 0.6]])).toEqual([
      [num(m.value('ebitda', 2026)), num(m.value('ebitda', 2027))],
    ]);
  });
});

describe('KC.DCF', () => {
  it('gives every output of the engine', () => {
    const d = base().dcf();
    const cases: [unknown, Value][] = [
      [null, d.valuePerAdsUsd],
      ['US$ per ADS', d.valuePerAdsUsd],
      ['usd', d.valuePerAdsUsd],
      ['Rmb per ADS', d.valuePerAdsRmb],
      ['EV', d.enterpriseValue],
      ['enterprise value', d.enterpriseValue],
      ['equity value', d.equityValue],
      ['upside', d.upside],
      ['terminal-value share of EV', d.terminalValueShare],
      ['TV share', d.terminalValueShare],
      ['target price', d.targetPrice],
    ];
    for (const [output, expected] of cases) expect(one(KC('DCF', null, null, output))).toBe(num(expected));
  });

  it('takes WACC and terminal growth as numbers or text, on top of scenario and assumptions', () => {
    const at = (overrides: Record<string, number | string>, scenario = 'base') =>
      num(buildModel({ scenario, overrides }).dcf().valuePerAdsUsd);
    expect(one(KC('DCF', 0.11))).toBe(at({ wacc: 0.11 }));
    expect(one(KC('DCF', '11%', '2.5%'))).toBe(at({ wacc: '11%', terminalGrowth: '2.5%' }));
    expect(one(KC('DCF', null, 0.02))).toBe(at({ terminalGrowth: 0.02 }));
    expect(one(KC('DCF', null, null, null, 'bull'))).toBe(at({}, 'bull'));
    // The wacc argument wins over a wacc in the assumptions range.
    const range = [
      ['wacc', 0.2],
      ['revenueGrowth.2027E', 0.3],
    ];
    expect(one(KC('DCF', 0.12, null, null, 'bear', range))).toBe(
      at({ wacc: 0.12, 'revenueGrowth.2027E': 0.3 }, 'bear'),
    );
    expect(one(KC('DCF', null, null, null, null, range))).toBe(at({ wacc: 0.2, 'revenueGrowth.2027E': 0.3 }));
  });

  it('spills the sensitivity grid for a row of WACCs and a column of growth rates (rows = growth)', () => {
    const waccs = [0.093, 0.103, 0.113];
    const growths = [0.02, 0.03, 0.04];
    const grid = sensitivityGrid({}, waccs, growths).map((row) => row.map((v) => num(v)));
    expect(
      KC(
        'DCF',
        [waccs],
        growths.map((g) => [g]),
      ),
    ).toEqual(grid);
    // A column of WACCs with a row of growth rates gives the transpose.
    expect(
      KC(
        'DCF',
        waccs.map((w) => [w]),
        [growths],
      ),
    ).toEqual(waccs.map((_, i) => growths.map((_, j) => grid[j][i])));
  });

  it('spills a single row or column when the other axis is one value', () => {
    const waccs = [0.093, 0.103, 0.113];
    const row = waccs.map((w) => one(KC('DCF', w, 0.025)));
    expect(KC('DCF', [waccs], 0.025)).toEqual([row]);
    expect(
      KC(
        'DCF',
        waccs.map((w) => [w]),
        0.025,
      ),
    ).toEqual(row.map((v) => [v]));
    const growths = [0.02, 0.03];
    expect(KC('DCF', null, [growths], 'EV')).toEqual([growths.map((g) => one(KC('DCF', null, g, 'EV')))]);
  });

  it('gives other outputs in the grid too, and #NUM! in the cells where WACC <= growth', () => {
    const result = KC('DCF', [[0.03, 0.1]], [[0.02], [0.03]], 'upside');
    expect(result[0][0]).toBe(one(KC('DCF', 0.03, 0.02, 'upside')));
    expect(result[0][1]).toBe(one(KC('DCF', 0.1, 0.02, 'upside')));
    expect(result[1][0]).toEqual(new StandInError(ErrorCode.invalidNumber));
    expect(result[1][1]).toBe(one(KC('DCF', 0.1, 0.03, 'upside')));
  });

  it('puts #VALUE! in a grid cell with a bad rate, and leaves blank axis cells blank', () => {
    const result = KC('DCF', [[0.1, 'ten', '', 0.9]], [[0.03]]);
    expect(result[0][0]).toBe(one(KC('DCF', 0.1, 0.03)));
    expect((result[0][1] as StandInError).code).toBe(ErrorCode.invalidValue);
    expect((result[0][1] as StandInError).message).toMatch(/^wacc: /);
    expect(result[0][2]).toBe('');
    expect((result[0][3] as StandInError).code).toBe(ErrorCode.invalidValue);
    expect((result[0][3] as StandInError).message).toMatch(/^wacc: .*1.0% to 50.0%/);
  });
});

describe('KC.LINE', () => {
  it('reads any line by id or by the note label, for one period or a spill', () => {
    const m = base();
    expect(one(KC('LINE', 'netIncomePre', '2026E'))).toBe(num(m.value('netIncomePre', 2026)));
    expect(one(KC('LINE', 'Net inc. (pre-exceptionals)', 'FY26'))).toBe(num(m.value('netIncomePre', 2026)));
    expect(one(KC('LINE', '  net INC. (pre-exceptionals) ', 2026))).toBe(num(m.value('netIncomePre', 2026)));
    expect(KC('LINE', 'Free cash flow', [[2026, 2027, 2028]])).toEqual([
      [2026, 2027, 2028].map((p) => num(m.value('fcf', p))),
    ]);
  });

  it('reads every line of every section in every period where it has a value', () => {
    const m = base();
    for (const def of LINES.filter((d) => !d.scalar)) {
      for (const { period, value } of m.series(def.id)) {
        expect(one(KC('LINE', def.id, period))).toBe(num(value));
      }
    }
  });

  it('returns single-value DCF lines whatever the period', () => {
    const d = base().dcf();
    expect(one(KC('LINE', 'targetPrice', 2026))).toBe(num(d.targetPrice));
    expect(one(KC('LINE', 'Enterprise value (DCF)', ''))).toBe(num(d.enterpriseValue));
  });

  it('returns "NM" where the model says not meaningful', () => {
    const m = base();
    const period = m.series('pe').find(({ value }) => value === null)?.period;
    expect(period).toBeDefined();
    expect(one(KC('LINE', 'pe', period))).toBe(NM);
  });

  it('follows overrides', () => {
    const m = buildModel({ overrides: { 'taxRate.2027E': 0.25 } });
    expect(one(KC('LINE', 'tax', 2027, null, [['taxRate.2027E', '25%']]))).toBe(num(m.value('tax', 2027)));
  });
});

describe('KC.STATEMENT', () => {
  it("spills each of the model's statements: a heading row, every line in the model's order, the engine values", () => {
    const m = base();
    for (const statement of MODEL_STATEMENTS) {
      const result = KC('STATEMENT', statement.name);
      expect(result[0]).toEqual([statement.name, ...STATEMENT_PERIODS.map((p) => p.heading)]);
      expect(result.slice(1).map((r) => r[0])).toEqual(statement.lines.map((d) => d.label));
      statement.lines.forEach((def, i) => {
        if (def.scalar) return;
        const values = new Map(m.series(def.id).map(({ period, value }) => [period, num(value)]));
        expect(result[i + 1].slice(1)).toEqual(
          STATEMENT_PERIODS.map((p) => (values.has(p.id) ? values.get(p.id) : '')),
        );
      });
    }
  });

  it("spills the note's tables that are no statement of the model with the note's labels and the engine values", () => {
    const m = base();
    for (const table of NOTE_TABLE_LAYOUTS.filter((t) => !MODEL_STATEMENTS.some((s) => s.name === t.name))) {
      const result = KC('STATEMENT', table.name);
      expect(result[0]).toEqual([table.name, ...STATEMENT_PERIODS.map((p) => p.heading)]);
      expect(result[0].slice(1, 5)).toEqual(['12/25', '12/26E', '12/27E', '12/28E']);
      expect(result.slice(1).map((r) => r[0])).toEqual(table.rows.map((r) => r.label));
      table.rows.forEach((row, i) => {
        const values = new Map(m.series(row.line).map(({ period, value }) => [period, num(value)]));
        expect(result[i + 1].slice(1)).toEqual(
          STATEMENT_PERIODS.map((p) => (values.has(p.id) ? values.get(p.id) : '')),
        );
      });
      for (const r of result) expect(r).toHaveLength(STATEMENT_PERIODS.length + 1);
    }
  });

  it('answers to aliases, case-insensitively, and offers the model sections', () => {
    expect(KC('STATEMENT', 'is')).toEqual(KC('STATEMENT', 'Income Statement'));
    expect(KC('STATEMENT', 'BALANCE SHEET')).toEqual(KC('STATEMENT', 'Balance Sheet'));
    expect(KC('STATEMENT', 'cf')).toEqual(KC('STATEMENT', 'Cash Flow'));
    const segments = KC('STATEMENT', 'Segments');
    expect(segments.slice(1).map((r) => r[0])).toEqual(
      LINES.filter((d) => d.section === 'Segments').map((d) => d.label),
    );
    const dcf = KC('STATEMENT', 'DCF');
    const target = dcf.find((r) => r[0] === 'Target price (US$, rounded)');
    expect(target?.[1]).toBe(num(base().dcf().targetPrice));
    expect(target?.slice(2).every((c) => c === '')).toBe(true);
    for (const s of STATEMENTS) expect(KC('STATEMENT', s.name).length).toBeGreaterThan(1);
  });

  it('follows scenario and overrides', () => {
    const m = buildModel({ scenario: 'bull', overrides: { 'revenueGrowth.2026E': 0.4 } });
    const result = KC('STATEMENT', 'Income Statement', 'bull', [['revenueGrowth.2026E', 0.4]]);
    expect(result[1][2]).toBe(num(m.value('revenue', '2026E')));
  });
});

describe('errors', () => {
  const expectError = (fn: () => unknown, code: string, ...patterns: RegExp[]) => {
    const error = excelError(fn);
    expect(error.code).toBe(code);
    for (const pattern of patterns) expect(error.message).toMatch(pattern);
    return error;
  };

  it('#VALUE! for a period that is not a period, naming the argument and the forms allowed', () => {
    for (const bad of ['abc', 'FY2026X', 2026.5, true, 'Q1 26']) {
      expectError(() => KC('REVENUE', bad), ErrorCode.invalidValue, /^period: /, /"FY26"/, /"12\/26E"/);
    }
    expectError(() => KC('REVENUE', null), ErrorCode.invalidValue, /^period: a period is required/);
    expectError(() => KC('REVENUE', ''), ErrorCode.invalidValue, /^period: a period is required/);
  });

  it('#N/A for a period outside the model, or a line with no value in that period', () => {
    for (const outside of [2040, '2023', 'FY23', '12/36E', 2019]) {
      expectError(
        () => KC('REVENUE', outside),
        ErrorCode.notAvailable,
        /^period: /,
        /outside the model/,
        /2025A to 2035E/,
      );
    }
    expectError(
      () => KC('REVENUE', 2024, 'AI-related'),
      ErrorCode.notAvailable,
      /^period: /,
      /no value in 2024A/,
    );
  });

  it('a bad period inside a spill errs in its own cell', () => {
    const [row] = KC('REVENUE', [[2027, 2040, 'abc']]);
    expect(row[0]).toBe(one(KC('REVENUE', 2027)));
    expect((row[1] as StandInError).code).toBe(ErrorCode.notAvailable);
    expect((row[2] as StandInError).code).toBe(ErrorCode.invalidValue);
  });

  it('#VALUE! for a bad segment, basis, output or statement name, listing the allowed values', () => {
    expectError(
      () => KC('REVENUE', 2027, 'cloud'),
      ErrorCode.invalidValue,
      /^segment: "cloud"/,
      /"AI-related"/,
      /"other customers"/,
    );
    expectError(() => KC('REVENUE', 2027, 'other'), ErrorCode.invalidValue, /^segment: /);
    expectError(
      () => KC('EBITDA', 2027, 'ebit'),
      ErrorCode.invalidValue,
      /^basis: "ebit"/,
      /"adjusted", "reported", "margin"/,
    );
    expectError(
      () => KC('DCF', null, null, 'irr'),
      ErrorCode.invalidValue,
      /^output: "irr"/,
      /"US\$ per ADS"/,
      /"terminal-value share of EV"/,
    );
    expectError(
      () => KC('STATEMENT', 'P&L statement'),
      ErrorCode.invalidValue,
      /^name: /,
      /"Income Statement"/,
      /"Cash Flow"/,
    );
    expectError(
      () => KC('STATEMENT', null),
      ErrorCode.invalidValue,
      /^name: a statement name is required; use "Drivers", "Segments", "Income Statement"/,
    );
    expectError(() => KC('REVENUE', 2027, 5), ErrorCode.invalidValue, /^segment: "5"/);
  });

  it('#VALUE! for an unknown scenario, listing the scenarios', () => {
    expectError(
      () => KC('REVENUE', 2027, null, 'bullish'),
      ErrorCode.invalidValue,
      /^scenario: /,
      /use "base", "bull", "bear"/,
    );
    expectError(() => KC('DCF', null, null, null, 'x'), ErrorCode.invalidValue, /^scenario: /);
    expectError(() => KC('DCF', [[0.1, 0.11]], null, null, 'x'), ErrorCode.invalidValue, /^scenario: /);
    expectError(() => KC('STATEMENT', 'IS', 7), ErrorCode.invalidValue, /^scenario: /);
  });

  it('#VALUE! for an unknown line', () => {
    expectError(
      () => KC('LINE', 'ebitdaa', 2027),
      ErrorCode.invalidValue,
      /^item: /,
      /Unknown line "ebitdaa"/,
    );
    expectError(() => KC('LINE', null, 2027), ErrorCode.invalidValue, /^item: /);
    expectError(() => KC('LINE', 'revenue', 'soon'), ErrorCode.invalidValue, /^period: /);
  });

  it('#VALUE! for every kind of bad assumptions range, naming the row or id', () => {
    const call = (range: unknown) => () => KC('REVENUE', 2027, null, null, range);
    expectError(
      call([['wacc', 0.1, 'x']]),
      ErrorCode.invalidValue,
      /^assumptions: the range has 3 columns/,
      /two-column/,
    );
    expectError(call([['wacc'], ['price']]), ErrorCode.invalidValue, /^assumptions: the range has 1 column;/);
    expectError(
      call([[null, 0.1]]),
      ErrorCode.invalidValue,
      /^assumptions: row 1: the value 0.1 has no assumption id/,
    );
    expectError(
      call([
        ['wacc', 0.1],
        [42, 0.1],
      ]),
      ErrorCode.invalidValue,
      /^assumptions: row 2: 42 is not an assumption id/,
    );
    expectError(
      call([
        ['wacc', 0.1],
        ['', ''],
        ['wacc', 0.11],
      ]),
      ErrorCode.invalidValue,
      /"wacc" is set twice \(rows 1 and 3\)/,
    );
    expectError(
      call([['wacc', true]]),
      ErrorCode.invalidValue,
      /^assumptions: row 1 \("wacc"\): TRUE is not a value/,
    );
    expectError(
      call([['waccc', 0.1]]),
      ErrorCode.invalidValue,
      /^assumptions: Unknown assumption "waccc"/,
      /"wacc"/,
    );
    expectError(
      call([['wacc', 'high']]),
      ErrorCode.invalidValue,
      /^assumptions: WACC: "high" is not a number/,
    );
    expectError(
      call([['wacc', 0.9]]),
      ErrorCode.invalidValue,
      /^assumptions: WACC: 90.0% is outside the allowed range 1.0% to 50.0%/,
    );
    expectError(
      call([['revenueGrowth.2040E', 0.1]]),
      ErrorCode.invalidValue,
      /^assumptions: Unknown assumption "revenueGrowth.2040E"/,
    );
  });

  it('#NUM! (which Excel shows without a message) when WACC is not above terminal growth, from the arguments or the assumptions', () => {
    const range = [
      ['wacc', 0.02],
      ['terminalGrowth', 0.03],
    ];
    for (const call of [
      () => KC('DCF', 0.03, 0.03),
      () => KC('DCF', 0.02),
      () => KC('DCF', null, 0.2),
      () => KC('DCF', null, null, null, null, range),
      () => KC('REVENUE', 2027, null, null, range),
    ]) {
      expect(expectError(call, ErrorCode.invalidNumber).message).toBeUndefined();
    }
    // The arguments override the range, so this one is fine.
    expect(typeof one(KC('DCF', 0.1, 0.02, null, null, range))).toBe('number');
  });

  it('#VALUE! for a bad WACC or growth argument, or axes that make no grid', () => {
    expectError(() => KC('DCF', 'ten'), ErrorCode.invalidValue, /^wacc: /);
    expectError(() => KC('DCF', true), ErrorCode.invalidValue, /^wacc: TRUE is not a rate/);
    expectError(() => KC('DCF', 0.7), ErrorCode.invalidValue, /^wacc: .*1.0% to 50.0%/);
    expectError(() => KC('DCF', null, 0.5), ErrorCode.invalidValue, /^terminal_growth: .*-5.0% to 20.0%/);
    expectError(
      () => KC('DCF', [[0.1, 0.11]], [[0.02, 0.03]]),
      ErrorCode.invalidValue,
      /^wacc, terminal_growth: .*WACCs in a row/,
    );
    expectError(() => KC('DCF', [[0.1], [0.11]], [[0.02], [0.03]]), ErrorCode.invalidValue, /WACCs in a row/);
    expectError(
      () =>
        KC('DCF', [
          [0.1, 0.11],
          [0.12, 0.13],
        ]),
      ErrorCode.invalidValue,
      /^wacc: .*not a 2 x 2 block/,
    );
  });

  it('never returns NaN or Infinity, and every error is an Excel error', () => {
    const results = [
      ...NOTE_TABLE_LAYOUTS.map((t) => KC('STATEMENT', t.name, 'bear')),
      KC('STATEMENT', 'DCF', 'bull'),
      KC('STATEMENT', 'Checks'),
      KC('DCF', [[0.01, 0.05, 0.2, 0.5]], [[-0.05], [0], [0.2]]),
      KC('LINE', 'pe', [[2025, 2026, 2027, 2028, 2029, 2035]]),
    ];
    for (const cell of results.flat(2)) {
      if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
      else if (typeof cell !== 'string') expect(cell).toBeInstanceOf(StandInError);
    }
  });
});

describe('issue 11: audited defects', () => {
  const rowOf = (n: number, from = 0.08) => [
    Array.from({ length: n }, (_, i) => +(from + i * 0.002).toFixed(4)),
  ];
  const columnOf = (n: number, from = 0.01) =>
    Array.from({ length: n }, (_, i) => [+(from + i * 0.001).toFixed(4)]);

  it('KC.DCF takes at most 21 WACCs and 21 growth rates; past that, #VALUE! saying so, before any work', () => {
    for (const [wacc, growth, argument] of [
      [rowOf(22), 0.03, 'wacc'],
      [rowOf(3), columnOf(22), 'terminal_growth'],
      [rowOf(100), columnOf(100), 'wacc'],
      [rowOf(22).map((r) => r.map(() => '')), 0.03, 'wacc'],
    ] as const) {
      const spy = jest.spyOn(model, 'buildModel');
      try {
        const error = excelError(() => KC('DCF', wacc, growth));
        expect(error.code).toBe(ErrorCode.invalidValue);
        expect(error.message).toMatch(new RegExp(`^${argument}: `));
        expect(error.message).toMatch(/at most 21/);
        expect(spy).not.toHaveBeenCalled();
      } finally {
        spy.mockRestore();
      }
    }
    // 21 is allowed, on either axis.
    expect(KC('DCF', rowOf(21), 0.03)[0]).toHaveLength(21);
    expect(KC('DCF', 0.1, columnOf(21))).toHaveLength(21);
  });

  it('KC.DCF shares the work of a grid: one model per growth row, not one per cell (the memo is not flushed)', () => {
    model.clearCache();
    const kept = model.buildModel({ overrides: { 'cashCogsRatio.2027E': 0.661 } });
    const before = model.cacheStats().size;
    const grid = KC('DCF', rowOf(11), columnOf(11), null, null, [['revenueGrowth.2027E', 0.2345]]);
    expect(grid).toHaveLength(11);
    // 11 growth rows (+1 for the range's own model at most), where one model per cell would add 121.
    expect(model.cacheStats().size - before).toBeLessThanOrEqual(12);
    // A 21 x 21 grid (441 cells) leaves a model built before it in the memo (limit 256), where one per cell evicts it.
    KC('DCF', rowOf(21), columnOf(21, 0.005), null, null, [['revenueGrowth.2027E', 0.2346]]);
    expect(model.buildModel({ overrides: { 'cashCogsRatio.2027E': 0.661 } })).toBe(kept);
  });

  it('KC.DCF grids give every output the engine gives for each pair, not only US$ per ADS', () => {
    const waccs = [0.095, 0.11];
    const growths = [0.02, 0.035];
    for (const [output, field] of [
      ['EV', 'enterpriseValue'],
      ['upside', 'upside'],
      ['target price', 'targetPrice'],
    ] as const) {
      const grid = KC(
        'DCF',
        [waccs],
        growths.map((g) => [g]),
        output,
      );
      growths.forEach((g, r) =>
        waccs.forEach((w, c) =>
          expect(grid[r][c]).toBe(
            num(buildModel({ overrides: { wacc: w, terminalGrowth: g } }).dcf()[field]),
          ),
        ),
      );
    }
  });

  it('messages use Excel words: the Assumptions sheet for ids, KC.STATEMENT for labels, never the command line', () => {
    const messages = [
      excelError(() => KC('REVENUE', 2027, null, null, [['waccc', 0.1]])).message,
      excelError(() => KC('REVENUE', 2027, null, null, [['revenueGrowth.2040E', 0.1]])).message,
      excelError(() => KC('REVENUE', 2027, null, null, [['revenue', 0.1]])).message,
      excelError(() => KC('DCF', null, null, null, null, [['nope', 1]])).message,
      excelError(() => KC('LINE', 'ebitdaa', 2027)).message,
      excelError(() => KC('LINE', 'Minority interest', 2027)).message,
      excelError(() => KC('REVENUE', 2040)).message,
      excelError(() => KC('REVENUE', 'abc')).message,
      excelError(() => KC('STATEMENT', 'P&L statement')).message,
      excelError(() => KC('REVENUE', 2027, null, 'bullish')).message,
    ];
    for (const message of messages) {
      expect(message).toBeDefined();
      expect(message).not.toMatch(/kc-model|--set|command line|\bCLI\b/i);
    }
    expect(messages[0]).toMatch(/Unknown assumption "waccc"/);
    expect(messages[0]).toMatch(/Did you mean "wacc"/);
    expect(messages[0]).toMatch(/Assumptions sheet/);
    expect(messages[3]).toMatch(/Assumptions sheet/);
    expect(messages[4]).toMatch(/KC\.STATEMENT/);
  });

  it('a prototype key in the assumptions range is an unknown assumption (#VALUE!), never silently ignored', () => {
    for (const id of [
      '__proto__',
      'constructor',
      'toString',
      'constructor.name',
      'hasOwnProperty.length',
      '__proto__.2025A',
    ]) {
      const error = excelError(() => KC('REVENUE', 2027, null, null, [[id, 0.1]]));
      expect(error.code).toBe(ErrorCode.invalidValue);
      expect(error.message).toMatch(
        new RegExp(`^assumptions: Unknown assumption "${id.replace(/[.]/g, '\\.')}"`),
      );
      expect(error.message).toMatch(/Assumptions sheet/);
    }
    // Among real overrides, too: the call fails rather than returning a figure without the row.
    expect(
      excelError(() =>
        KC('DCF', null, null, null, null, [
          ['wacc', 0.11],
          ['__proto__', 0.5],
        ]),
      ).code,
    ).toBe(ErrorCode.invalidValue);
  });
});

describe('the stand-in runtime', () => {
  it('refuses a custom message with an error code that takes none, as Microsoft documents for #NUM!', () => {
    expect(() => new StandInError(ErrorCode.invalidNumber, 'x')).toThrow(/takes no custom message/);
    expect(() => new StandInError(ErrorCode.divisionByZero, 'x')).toThrow(/takes no custom message/);
    expect(new StandInError(ErrorCode.invalidNumber).message).toBeUndefined();
    expect(new StandInError(ErrorCode.notAvailable, 'x').message).toBe('x');
  });
});
