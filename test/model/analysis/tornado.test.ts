/**
 * The tornado: every end reproduces through an independent buildModel run with its overrides, the downside end is
 * below the case and the upside end above it, the shocks are those documented, and rows are sorted by range.
 */
import {
  assumptionsFor,
  buildModel,
  Decimal,
  DRIVERS,
  findDriver,
  tornado,
  TORNADO_SHOCKS,
  VALUE_GROUPS,
  type BuildOptions,
} from '../../../src/model';

describe.each([
  ['base', {}],
  ['bear with overrides', { scenario: 'bear', overrides: { wacc: '12%', 'receivableDays.2027E': '70' } }],
] as [string, BuildOptions][])('tornado of %s', (_name, options) => {
  const result = tornado(options);
  const caseValue = buildModel(options).dcf().valuePerAdsUsd;

  it('centres on the case value and has a row for every group, widest first', () => {
    expect(result.valuePerAdsUsd.equals(caseValue)).toBe(true);
    expect(new Set(result.rows.map((r) => r.group))).toEqual(new Set(VALUE_GROUPS.map((g) => g.id)));
    for (let i = 1; i < result.rows.length; i++)
      expect(result.rows[i - 1].range.greaterThanOrEqualTo(result.rows[i].range)).toBe(true);
  });

  it.each(VALUE_GROUPS.map((g) => [g.id]))('%s: each end reproduces through buildModel', (group) => {
    const row = result.rows.find((r) => r.group === group)!;
    for (const end of [row.low, row.high]) {
      const independent = buildModel({ scenario: result.scenario, overrides: end.overrides });
      expect(independent.dcf().valuePerAdsUsd.equals(end.valuePerAdsUsd)).toBe(true);
    }
    expect(row.low.valuePerAdsUsd.lessThan(caseValue)).toBe(true);
    expect(row.high.valuePerAdsUsd.greaterThan(caseValue)).toBe(true);
    expect(row.range.equals(row.high.valuePerAdsUsd.minus(row.low.valuePerAdsUsd))).toBe(true);
  });

  it('moves only the group’s own drivers, by the documented shock, on top of the case', () => {
    const set = assumptionsFor(options);
    for (const row of result.rows) {
      const spec = TORNADO_SHOCKS.find((s) => s.group === row.group)!;
      for (const [end, direction] of [
        [row.low, 1],
        [row.high, -1],
      ] as const) {
        const shocked = new Set(spec.shocks.map((s) => s.driver));
        const moved = Object.keys(end.overrides).filter((k) => shocked.has(k.split('.')[0]));
        const kept = Object.keys(end.overrides).filter((k) => !shocked.has(k.split('.')[0]));
        for (const key of kept) expect(end.overrides[key]).toBe(String(options.overrides![key]));
        for (const key of moved) {
          const [id, period] = key.split('.');
          const shock = spec.shocks.find((s) => s.driver === id)!;
          expect(findDriver(id)!.valueGroup).toBe(row.group);
          const before = period ? set.series[id][period as '2026E']! : set.scalars[id];
          const step = new Decimal(shock.size).times(shock.down * direction);
          const want = shock.kind === 'relative' ? before.plus(step.times(before.abs())) : before.plus(step);
          expect(new Decimal(end.overrides[key]).equals(want)).toBe(true);
        }
      }
    }
  });
});

describe('tornado shocks', () => {
  it('shock drivers of their own group, each once', () => {
    for (const spec of TORNADO_SHOCKS) {
      const ids = spec.shocks.map((s) => s.driver);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(DRIVERS.find((d) => d.id === id)?.valueGroup).toBe(spec.group);
    }
  });

  it('use ±1pp for WACC and ±0.5pp for terminal growth', () => {
    const result = tornado();
    const wacc = result.rows.find((r) => r.group === 'wacc')!;
    expect([wacc.low.overrides.wacc, wacc.high.overrides.wacc]).toEqual(['0.113', '0.093']);
    const growth = result.rows.find((r) => r.group === 'terminal')!;
    expect([growth.low.overrides.terminalGrowth, growth.high.overrides.terminalGrowth]).toEqual([
      '0.025',
      '0.035',
    ]);
  });
});
