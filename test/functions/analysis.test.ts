/**
 * KC.IMPLIED, KC.BRIDGE and KC.TORNADO called as Excel calls them (through the generated metadata, with the stand-in
 * runtime): answers against the engine and independent builds, spills, and errors as #VALUE! or #N/A with messages.
 */
import {
  buildModel,
  impliedValue,
  PRICE_TOLERANCE,
  priceBridge,
  tornado,
  VALUE_GROUPS,
} from '../../src/model';
import { ErrorCode, excelError, installRuntime, loadFunctions, type Invoker } from './runtime';

installRuntime();

let KC: Invoker;

beforeAll(async () => {
  ({ KC } = await loadFunctions());
}, 30_000);

const one = (result: unknown[][]) => {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0] as number;
};

describe('KC.IMPLIED', () => {
  it('=KC.IMPLIED("wacc") is the WACC that gives US$13.03, which an independent build confirms', () => {
    const wacc = one(KC('IMPLIED', 'wacc'));
    expect(wacc).toBe(impliedValue('wacc').solution.toNumber());
    const value = buildModel({ overrides: { wacc: String(wacc) } }).dcf().valuePerAdsUsd;
    expect(value.minus('13.03').abs().lessThanOrEqualTo(PRICE_TOLERANCE)).toBe(true);
  });

  it('takes the driver by label or alias, the price as a number or text, a scenario and assumptions', () => {
    expect(one(KC('IMPLIED', 'Terminal growth', 15))).toBe(
      impliedValue('terminalGrowth', { price: 15 }).solution.toNumber(),
    );
    expect(one(KC('IMPLIED', 'revenue growth', '20', 'bear', [['wacc', '10%']]))).toBe(
      impliedValue('revenueGrowth', {
        price: '20',
        scenario: 'bear',
        overrides: { wacc: '10%' },
      }).solution.toNumber(),
    );
    expect(one(KC('IMPLIED', 'exit multiple'))).toBeCloseTo(3.87, 2);
  });

  it.each([
    [
      ['wcc'],
      ErrorCode.invalidValue,
      /^driver: "wcc" is not a driver the reverse DCF solves for; use "revenueGrowth", "wacc"/,
    ],
    [[null], ErrorCode.invalidValue, /^driver: a driver the reverse DCF solves for is required/],
    [['wacc', 0], ErrorCode.invalidValue, /^price: 0 is not a price in US\$ per ADS from 0\.01 to 10000/],
    [['wacc', -5], ErrorCode.invalidValue, /^price: -5 is not a price/],
    [['wacc', 'cheap'], ErrorCode.invalidValue, /^price: "cheap" is not a price/],
    [['wacc', [[10, 12]]], ErrorCode.invalidValue, /^price: give one price, not a range of 1 x 2 cells\.$/],
    [
      ['exitMultiple', 5000],
      ErrorCode.notAvailable,
      /^driver, price: No Exit EV\/EBITDA \(exit-multiple method\) within 0\.00x to 100\.00x gives US\$5,000\.00 per ADS: over that range the value per ADS runs from/,
    ],
    [['wacc', null, 'bearr'], ErrorCode.invalidValue, /^scenario: "bearr" is not a scenario/],
    [['wacc', null, null, [['wcc', 1]]], ErrorCode.invalidValue, /^assumptions: Unknown assumption "wcc"\./],
  ])('KC.IMPLIED(%j) is %s with a message', (args, code, message) => {
    const error = excelError(() => KC('IMPLIED', ...(args as unknown[])));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/kc-model|--/);
  });
});

describe('KC.BRIDGE', () => {
  it('spills the first value, each group’s part and the second value; the parts sum to the change', () => {
    const spill = KC('BRIDGE', 'bear', 'base');
    expect(spill.map((row) => row.length)).toEqual(Array(10).fill(2));
    expect(spill.map((row) => row[0])).toEqual([
      'Value per ADS (US$), from: bear',
      ...VALUE_GROUPS.map((g) => g.label),
      'Value per ADS (US$), to: base',
    ]);
    const values = spill.map((row) => row[1] as number);
    const sum = values.slice(1, -1).reduce((a, b) => a + b, 0);
    expect(Math.abs(values[0] + sum - values[9])).toBeLessThan(1e-9);
    expect(values[9]).toBe(buildModel().dcf().valuePerAdsUsd.toNumber());
    const engine = priceBridge({ scenario: 'bear' }, {});
    expect(values.slice(1, -1)).toEqual(engine.items.map((i) => i.delta.toNumber()));
  });

  it('negates every part when the cases swap, with assumptions on either side', () => {
    const range = [
      ['wacc', 0.11],
      ['receivableDays.2027E', 70],
    ];
    const there = KC('BRIDGE', 'bull', 'base', null, range);
    const back = KC('BRIDGE', 'base', 'bull', range, null);
    expect(there[9][0]).toBe('Value per ADS (US$), to: base with assumptions');
    there
      .slice(1, -1)
      .forEach((row, i) =>
        expect(Math.abs((row[1] as number) + (back[i + 1][1] as number))).toBeLessThan(1e-9),
      );
  });

  it.each([
    [['bear', 'bearr'], ErrorCode.invalidValue, /^to_scenario: "bearr" is not a scenario/],
    [['bearr', 'base'], ErrorCode.invalidValue, /^from_scenario: "bearr" is not a scenario/],
    [
      ['bear', 'base', [['wacc', 2]]],
      ErrorCode.invalidValue,
      /^from_assumptions: WACC: 200\.0% is outside the allowed range/,
    ],
    [
      ['bear', 'base', null, [['wcc', 1]]],
      ErrorCode.invalidValue,
      /^to_assumptions: Unknown assumption "wcc"/,
    ],
    [
      [
        'base',
        'base',
        [
          ['wacc', 0.05],
          ['terminalGrowth', 0.01],
        ],
        [
          ['wacc', 0.12],
          ['terminalGrowth', 0.08],
        ],
      ],
      ErrorCode.notAvailable,
      /^from_assumptions, to_assumptions: The bridge values every mix of the two cases' groups, and one mix .* fails: WACC \(5\.0%\) must be above terminal growth \(8\.0%\)/,
    ],
  ])('KC.BRIDGE(%j) is %s with a message', (args, code, message) => {
    const error = excelError(() => KC('BRIDGE', ...(args as unknown[])));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('KC.TORNADO', () => {
  it('spills a heading row and every group, widest first, as the engine gives them', () => {
    const spill = KC('TORNADO');
    expect(spill[0]).toEqual([
      'Group',
      'Low (US$/ADS)',
      'High (US$/ADS)',
      'Range',
      'Downside shock (the upside is its mirror image)',
    ]);
    const engine = tornado();
    expect(spill.slice(1)).toEqual(
      engine.rows.map((r) => [
        r.label,
        r.low.valuePerAdsUsd.toNumber(),
        r.high.valuePerAdsUsd.toNumber(),
        r.range.toNumber(),
        r.shock,
      ]),
    );
    expect(spill[1][0]).toBe('Margins and costs');
  });

  it('follows the scenario and assumptions, and errs on a bad one', () => {
    const spill = KC('TORNADO', 'bear', [['wacc', '12%']]);
    expect(spill.slice(1).map((r) => r[1])).toEqual(
      tornado({ scenario: 'bear', overrides: { wacc: '12%' } }).rows.map((r) =>
        r.low.valuePerAdsUsd.toNumber(),
      ),
    );
    const error = excelError(() => KC('TORNADO', 'bul'));
    expect([error.code, error.message]).toEqual([
      ErrorCode.invalidValue,
      'scenario: "bul" is not a scenario; use "base", "bull", "bear" (default "base").',
    ]);
  });
});
