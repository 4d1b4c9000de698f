/** The football field's ranges, against independent computations: the grid, the scenarios, the P/S band by hand. */
import { buildModel, Decimal, footballField, PS_BAND, sensitivityGrid } from '../../../src/model';

describe('football field (base case)', () => {
  const field = footballField();
  const bar = (id: string) => field.bars.find((b) => b.id === id)!;

  it('has the DCF range over WACC ±1pp and terminal growth ±0.5pp', () => {
    const grid = sensitivityGrid({}, ['0.093', '0.113'], ['0.025', '0.035']);
    // Value falls with WACC and rises with growth: the corners are the range.
    expect(bar('dcf').low.equals(grid[0][1]!)).toBe(true);
    expect(bar('dcf').high.equals(grid[1][0]!)).toBe(true);
    expect(field.grid.waccs.map(String)).toEqual(['0.093', '0.098', '0.103', '0.108', '0.113']);
    expect(field.grid.growths.map(String)).toEqual(['0.025', '0.0275', '0.03', '0.0325', '0.035']);
  });

  it('has the scenarios from bear (US$8.83) to bull (US$31.31)', () => {
    expect(bar('scenarios').low.toFixed(2)).toBe('8.83');
    expect(bar('scenarios').high.toFixed(2)).toBe('31.31');
    expect(field.scenarios.map((s) => s.scenario)).toEqual(['base', 'bull', 'bear']);
  });

  it('has the P/S band on 12-month-forward revenue (0.6 x 12/26E + 0.4 x 12/27E), by hand', () => {
    const model = buildModel();
    const forward = new Decimal('0.6')
      .times(model.value('revenue', 2026)!)
      .plus(new Decimal('0.4').times(model.value('revenue', 2027)!));
    expect(field.psBand.weight.toString()).toBe('0.6');
    expect(field.psBand.forwardRevenue.minus(forward).abs().toNumber()).toBeLessThan(1e-20);
    const perAds = (m: string) => new Decimal(m).times(forward).div('305.97').div('6.7746');
    expect(bar('ps').low.minus(perAds(PS_BAND.low)).abs().toNumber()).toBeLessThan(1e-9);
    expect(bar('ps').high.minus(perAds(PS_BAND.high)).abs().toNumber()).toBeLessThan(1e-9);
    expect(bar('ps').low.toFixed(2)).toBe('13.30');
    expect(bar('ps').high.toFixed(2)).toBe('14.63');
    // The price on this forward revenue is the note's 2.0x (1.96x unrounded).
    expect(field.psBand.priceMultiple.toFixed(1)).toBe('2.0');
  });

  it('marks the price and the target price as points', () => {
    expect([bar('price').low.toString(), bar('price').high.toString()]).toEqual(['13.03', '13.03']);
    expect([bar('target').low.toString(), bar('target').high.toString()]).toEqual(['19.5', '19.5']);
    expect(field.valuePerAdsUsd.toFixed(4)).toBe('19.5009');
  });

  it('follows the case: overrides apply on top of every scenario', () => {
    const other = footballField({ scenario: 'bull', overrides: { wacc: '0.12' } });
    expect(
      other.scenarios
        .find((s) => s.scenario === 'bear')!
        .valuePerAdsUsd.equals(
          buildModel({ scenario: 'bear', overrides: { wacc: '0.12' } }).dcf().valuePerAdsUsd,
        ),
    ).toBe(true);
    expect(other.grid.waccs.map(String)).toEqual(['0.11', '0.115', '0.12', '0.125', '0.13']);
  });
});
