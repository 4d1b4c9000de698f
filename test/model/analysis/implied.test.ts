/**
 * The reverse DCF: every solution reproduces the price through an independent buildModel run with its overrides,
 * brackets a true root (the value per ADS crosses the price within a hair of it), and moves only the solved driver.
 */
import {
  assumptionsFor,
  buildModel,
  Decimal,
  IMPLIED_DRIVERS,
  impliedValue,
  impliedValues,
  ModelError,
  PRICE_TOLERANCE,
  type Overrides,
} from '../../../src/model';

const value = (scenario: string, overrides: Overrides) =>
  buildModel({ scenario, overrides }).dcf().valuePerAdsUsd;

/** Cases where the driver's whole range misses the price, with the range's ends as overrides (checked below). */
const MISSES: Record<string, Overrides[]> = {
  // Bull at US$13.03: even -5% terminal growth leaves US$14.00.
  'bull terminalGrowth': [{ terminalGrowth: '-0.05' }, { terminalGrowth: '0.0979' }],
  // Base at US$25: even no long-run R&D gives only US$24.23.
  'base@25 rndRatioTerminal': [{ rndRatioTerminal: '0' }, { rndRatioTerminal: '2' }],
};

describe.each([
  ['base', {}, undefined],
  ['bull', { 'receivableDays.2027E': 70 }, undefined],
  ['base', {}, '25'],
] as const)('reverse DCF on %s %j at price %s', (scenario, caseOverrides, price) => {
  const target = price === undefined ? assumptionsFor({ scenario }).scalars.price : new Decimal(price);
  const miss = (driver: string) => MISSES[`${scenario}${price ? `@${price}` : ''} ${driver}`];

  it.each(IMPLIED_DRIVERS.map((d) => [d.id]))('%s reproduces the price through buildModel', (driver) => {
    if (miss(driver)) {
      expect(() => impliedValue(driver, { scenario, overrides: caseOverrides, price })).toThrow(
        /^No .* gives US\$\d+\.\d\d per ADS: over that range the value per ADS runs from/,
      );
      // Independently: the range's ends are both on one side of the price.
      const sides = miss(driver).map((o) => value(scenario, { ...caseOverrides, ...o }).greaterThan(target));
      expect(new Set(sides).size).toBe(1);
      return;
    }
    const result = impliedValue(driver, { scenario, overrides: caseOverrides, price });
    expect(result.driver).toBe(driver);
    expect(result.price.equals(target)).toBe(true);
    const independent = value(scenario, result.overrides);
    expect(independent.minus(target).abs().lessThanOrEqualTo(PRICE_TOLERANCE)).toBe(true);
    expect(independent.equals(result.valuePerAdsUsd)).toBe(true);
    // The case's own overrides are kept.
    for (const [key, v] of Object.entries(caseOverrides)) expect(result.overrides[key]).toBe(String(v));
  });
});

describe('reverse DCF: what the solution means', () => {
  const base = assumptionsFor({});

  it('solves WACC: a level, set alone, and a true root (the value crosses the price around it)', () => {
    const result = impliedValue('wacc');
    expect(result.overrides).toEqual({ wacc: result.solution.toFixed() });
    expect(result.current.equals(base.scalars.wacc)).toBe(true);
    // The market asks for a higher WACC than the note's 10.3% to justify US$13.03 rather than US$19.5.
    expect(result.solution.toNumber()).toBeGreaterThan(0.103);
    const step = '0.0001';
    expect(value('base', { wacc: result.solution.minus(step).toFixed() }).greaterThan(13.03)).toBe(true);
    expect(value('base', { wacc: result.solution.plus(step).toFixed() }).lessThan(13.03)).toBe(true);
  });

  it('solves revenue growth as one shift added to each of 12/26E-12/28E', () => {
    const result = impliedValue('revenueGrowth');
    expect(result.kind).toBe('shift');
    expect(Object.keys(result.overrides)).toEqual([
      'revenueGrowth.2026E',
      'revenueGrowth.2027E',
      'revenueGrowth.2028E',
    ]);
    for (const p of ['2026E', '2027E', '2028E'] as const)
      expect(
        new Decimal(result.overrides[`revenueGrowth.${p}`])
          .minus(base.series.revenueGrowth[p]!)
          .equals(result.solution),
      ).toBe(true);
    expect(result.solution.isNeg()).toBe(true);
  });

  it('solves the exit multiple with the exit-multiple method switched on', () => {
    const result = impliedValue('exitMultiple');
    expect(result.overrides).toEqual({ terminalMethod: '1', exitMultiple: result.solution.toFixed() });
  });

  it('replaces a case override on the solved driver, whichever order it came in', () => {
    const result = impliedValue('revenueGrowth', {
      overrides: { 'revenueGrowth.2027E': '0.5', revenueGrowth: '0.3', wacc: '0.11' },
    });
    expect(Object.keys(result.overrides)).toEqual([
      'wacc',
      'revenueGrowth.2026E',
      'revenueGrowth.2027E',
      'revenueGrowth.2028E',
    ]);
    expect(new Decimal(result.overrides['revenueGrowth.2027E']).minus(result.solution).toNumber()).toBe(0.3);
  });

  it('moves the solution the right way with the price', () => {
    const low = impliedValue('terminalGrowth', { price: 12 }).solution;
    const high = impliedValue('terminalGrowth', { price: 14 }).solution;
    expect(low.lessThan(high)).toBe(true);
  });

  it('lists every driver at once', () => {
    const all = impliedValues();
    expect(all.map((r) => r.driver.id)).toEqual(IMPLIED_DRIVERS.map((d) => d.id));
    expect(all.every((r) => r.result !== undefined)).toBe(true);
  });
});

describe('reverse DCF: bad input', () => {
  const error = (fn: () => unknown): ModelError => {
    try {
      fn();
    } catch (e) {
      if (e instanceof ModelError) return e;
      throw e;
    }
    throw new Error('no error');
  };

  it('refuses a driver it does not solve for, listing those it does', () => {
    const e = error(() => impliedValue('taxRate'));
    expect(e.code).toBe('UNKNOWN_DRIVER');
    expect(e.message).toBe(
      'The reverse DCF cannot move "taxRate"; it moves revenueGrowth, wacc, terminalGrowth, cashCogsRatioTerminal, sgaRatioTerminal, rndRatioTerminal, fixedAssetIntensityTerminal, exitMultiple.',
    );
    expect(error(() => impliedValue('x'.repeat(200))).message.length).toBeLessThan(300);
  });

  it.each([0, -1, '-2', 'abc', Infinity])('refuses the price %p', (price) => {
    const e = error(() => impliedValue('wacc', { price: price as number }));
    expect(['OUT_OF_RANGE', 'INVALID_VALUE']).toContain(e.code);
    expect(e.message).toMatch(
      /^Price \(US\$ per ADS\): .* (is outside the allowed range 0\.01 to 10000|is not a number)/,
    );
  });

  it('says what the range reaches when no value of the driver gives the price', () => {
    const e = error(() => impliedValue('exitMultiple', { price: 5000 }));
    expect(e.code).toBe('NO_SOLUTION');
    expect(e.message).toMatch(
      /^No Exit EV\/EBITDA \(exit-multiple method\) within 0\.00x to 100\.00x gives US\$5,000\.00 per ADS: over that range the value per ADS runs from -?US\$[\d,.]+ \(at 0\.00x\) to US\$[\d,.]+ \(at 100\.00x\)\.$/,
    );
    const shift = error(() => impliedValue('revenueGrowth', { price: 9000 }));
    expect(shift.message).toMatch(
      /^No shift of revenue growth within -\d+\.\d\dpp to \+\d+\.\d\dpp gives US\$9,000\.00/,
    );
  });

  it('changes nothing on error (the memo holds the same models)', () => {
    const before = buildModel().dcf().valuePerAdsUsd;
    error(() => impliedValue('exitMultiple', { price: 5000 }));
    expect(buildModel().dcf().valuePerAdsUsd.equals(before)).toBe(true);
  });
});
