/** `kc-model tornado`: each end's overrides reproduce its value through `kc-model statements --set`. */
import { VALUE_GROUPS } from '../../src/model';
import { runCli, widest } from './run';

interface End {
  overrides: Record<string, string>;
  valuePerAdsUsd: number;
}
interface TornadoJson {
  scenario: string;
  valuePerAdsUsd: number;
  rows: { group: string; low: End; high: End; range: number }[];
}

function statementsValue(scenario: string, overrides: Record<string, string>): number {
  const sets = Object.entries(overrides).flatMap(([id, v]) => ['--set', `${id}=${v}`]);
  const run = runCli('statements', '--json', '--scenario', scenario, ...sets);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return (JSON.parse(run.stdout) as { dcf: { valuePerAdsUsd: number } }).dcf.valuePerAdsUsd;
}

describe('kc-model tornado --json', () => {
  const run = runCli('tornado', '--json', '--scenario', 'bear', '--set', 'wacc=12%');
  const json = JSON.parse(run.stdout) as TornadoJson;

  it('has every group once, widest range first, around the case value', () => {
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(json.rows.map((r) => r.group).sort()).toEqual(VALUE_GROUPS.map((g) => g.label).sort());
    json.rows.forEach((row, i) => {
      if (i > 0) expect(json.rows[i - 1].range).toBeGreaterThanOrEqual(row.range);
      expect(row.low.valuePerAdsUsd).toBeLessThan(json.valuePerAdsUsd);
      expect(row.high.valuePerAdsUsd).toBeGreaterThan(json.valuePerAdsUsd);
    });
  });

  it.each(VALUE_GROUPS.map((g) => [g.label]))(
    '%s: each end reproduces through kc-model statements',
    (group) => {
      const row = json.rows.find((r) => r.group === group)!;
      for (const end of [row.low, row.high]) {
        expect(end.overrides.wacc === undefined || group === 'WACC' || end.overrides.wacc === '12%').toBe(
          true,
        );
        expect(statementsValue('bear', end.overrides)).toBe(end.valuePerAdsUsd);
      }
    },
  );
});

describe('kc-model tornado as text', () => {
  it('fits 100 columns, widest first', () => {
    const run = runCli('tornado');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(widest(run.stdout)).toBeLessThanOrEqual(100);
    expect(run.stdout).toMatch(/^Margins and costs\s+11\.35\s+27\.57\s+16\.23\s+cash COGS/m);
  });

  it('exits 2 with one line on a bad --set', () => {
    const run = runCli('tornado', '--set', 'wacc=abc');
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^kc-model: --set wacc: WACC: "abc" is not a number/);
  });
});
