/** Every driver belongs to exactly one bridge and tornado group, and every group has drivers that move value. */
import { buildModel, DRIVERS, VALUE_GROUPS, type ValueGroup } from '../../src/model';

const ids = VALUE_GROUPS.map((g) => g.id);

describe('value groups (bridge and tornado)', () => {
  it('are the eight groups of issue 10, in order', () => {
    expect(VALUE_GROUPS.map((g) => g.label)).toEqual([
      'Revenue',
      'Margins and costs',
      'Capex and D&A',
      'Working capital',
      'Tax',
      'Financing and bridge items',
      'WACC',
      'Terminal growth and fade',
    ]);
  });

  it.each(DRIVERS.map((d) => [d.id, d.valueGroup]))(
    'driver %s is in exactly one group (%s)',
    (_id, group) => {
      expect(ids.filter((g) => g === group)).toHaveLength(1);
    },
  );

  it('puts each per-year driver with the terminal value it fades to', () => {
    for (const def of DRIVERS) {
      const rule = def.longRange;
      if (typeof rule !== 'object' || rule.fade === 'terminalGrowth') continue;
      const terminal = DRIVERS.find((d) => d.id === rule.fade)!;
      expect([def.id, terminal.valueGroup]).toEqual([def.id, def.valueGroup]);
    }
  });

  it.each(ids)('group %s has a driver whose change moves the value per ADS', (group: ValueGroup) => {
    const base = buildModel().dcf().valuePerAdsUsd;
    const moved = DRIVERS.filter((d) => d.valueGroup === group).some((def) => {
      const set = buildModel().assumptions;
      const overrides: Record<string, string> = {};
      const bump = (v: { times: (x: string) => { toFixed: () => string } }) => v.times('1.05').toFixed();
      if (def.scope === 'scalar') {
        if (def.choices) return false;
        overrides[def.id] = bump(set.scalars[def.id]);
      } else for (const [p, v] of Object.entries(set.series[def.id])) overrides[`${def.id}.${p}`] = bump(v!);
      try {
        return !buildModel({ overrides }).dcf().valuePerAdsUsd.equals(base);
      } catch {
        return false;
      }
    });
    expect(moved).toBe(true);
  });
});
