/**
 * KC.DCF's grid (dcf.ts): one call of the engine's sensitivityGrid for the whole grid, on the rows and columns that
 * have a cell to compute; the same figures as one KC.DCF call per cell; and a cell the engine cannot compute errs
 * alone.
 */
import type { ExcelErrorKind } from '../../src/functions/errors';
import { createKcFunctions } from '../../src/functions/kc';
import * as model from '../../src/model';

class Made {
  constructor(
    readonly kind: ExcelErrorKind,
    readonly message: string,
  ) {}
}

const kc = createKcFunctions((kind, message) => new Made(kind, message));
const one = (wacc: unknown, growth: unknown, output: unknown = null) => kc.dcf(wacc, growth, output)[0][0];

afterEach(() => jest.restoreAllMocks());

describe('a grid', () => {
  it('is one call of the engine with the axes whose cells can be computed', () => {
    const spy = jest.spyOn(model, 'sensitivityGrid');
    const grid = kc.dcf([[0.09, 'ten', 0.11, '']], [[0.02], [0.9], [0.03]], 'EV');
    expect(spy).toHaveBeenCalledTimes(1);
    const [options, waccs, growths, output] = spy.mock.calls[0];
    expect(options).toEqual({ scenario: 'base', overrides: {} });
    expect(waccs).toEqual(['0.09', '0.11']);
    expect(growths).toEqual(['0.02', '0.03']);
    expect(output).toBe('enterpriseValue');
    expect(grid[0][0]).toBe(one(0.09, 0.02, 'EV'));
    expect(grid[2][2]).toBe(one(0.11, 0.03, 'EV'));
    expect(grid[0][1]).toEqual(new Made('value', expect.stringMatching(/^wacc: /)));
    expect(grid[1][0]).toEqual(
      new Made('value', expect.stringMatching(/^terminal_growth: .*outside the allowed range/)),
    );
    expect(grid.map((row) => row[3])).toEqual(['', '', '']);
  });

  it('uses the rates of the scenario and the assumptions range where an axis is left blank', () => {
    const range = [
      ['wacc', '9.5%'],
      ['revenueGrowth.2027E', 0.25],
    ];
    const spy = jest.spyOn(model, 'sensitivityGrid');
    const row = kc.dcf(null, [[0.02, 0.03]], null, 'bull', range);
    expect(spy.mock.calls[0].slice(0, 3)).toEqual([
      { scenario: 'bull', overrides: { wacc: '9.5%', 'revenueGrowth.2027E': 0.25 } },
      ['0.095'],
      ['0.02', '0.03'],
    ]);
    expect(row[0][1]).toBe(kc.dcf(null, 0.03, null, 'bull', range)[0][0]);
  });

  it('gives, cell by cell, what KC.DCF gives for that WACC and growth', () => {
    const waccs = [0.07, 0.103, 0.15];
    const growths = [-0.01, 0.03, 0.06];
    for (const output of [null, 'Rmb per ADS', 'equity value', 'terminal-value share of EV']) {
      const grid = kc.dcf(
        [waccs],
        growths.map((g) => [g]),
        output,
      );
      growths.forEach((g, r) => waccs.forEach((w, c) => expect(grid[r][c]).toBe(one(w, g, output))));
    }
  });

  it('goes cell by cell when the engine cannot compute the whole grid, and a failing cell errs alone', () => {
    const real = model.sensitivityGrid;
    jest.spyOn(model, 'sensitivityGrid').mockImplementation((options, waccs, growths, output) => {
      if (waccs.includes('0.12'))
        throw new model.ModelError('NUMERIC', 'x', 'Line "x" divides by zero in 2030E.');
      return real(options, waccs, growths, output);
    });
    const grid = kc.dcf([[0.09, 0.12, 0.1]], [[0.02], [0.03]]);
    jest.restoreAllMocks();
    expect(grid[0][0]).toBe(one(0.09, 0.02));
    expect(grid[1][2]).toBe(one(0.1, 0.03));
    for (const r of [0, 1])
      expect(grid[r][1]).toEqual(
        new Made('num', 'wacc, terminal_growth: Line "x" divides by zero in 2030E.'),
      );
  });

  it('fails as a whole on an error that is not about a rate', () => {
    jest.spyOn(model, 'sensitivityGrid').mockImplementation(() => {
      throw new TypeError('boom');
    });
    let thrown: unknown;
    try {
      kc.dcf([[0.09, 0.1]], 0.03);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toEqual(new Made('value', 'KC.DCF failed: boom'));
  });
});

describe('one WACC and one growth', () => {
  it('reads the memoized model (no grid), shared with the other functions', () => {
    const spy = jest.spyOn(model, 'sensitivityGrid');
    const range = [['revenueGrowth.2027E', 0.2468]];
    const before = model.cacheStats().size;
    kc.revenue(2027, null, null, range);
    expect(kc.dcf(null, null, null, null, range)[0][0]).toBe(
      model
        .buildModel({ overrides: { 'revenueGrowth.2027E': 0.2468 } })
        .dcf()
        .valuePerAdsUsd.toNumber(),
    );
    expect(model.cacheStats().size - before).toBe(1);
    expect(spy).not.toHaveBeenCalled();
  });
});
