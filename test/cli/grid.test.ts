import { buildModel, defaultGridAxes, sensitivityGrid } from '../../src/model';
import { runCli } from './run';

interface GridJson {
  scenario: string;
  overrides: Record<string, string>;
  unit: string;
  waccs: number[];
  terminalGrowths: number[];
  values: (number | null)[][];
}

function gridJson(...args: string[]): GridJson {
  const run = runCli('grid', '--json', ...args);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as GridJson;
}

describe('kc-model grid', () => {
  it('gives 11 x 11 US$ per ADS around the base WACC and growth, the centre being the model', () => {
    const grid = gridJson();
    const axes = defaultGridAxes();
    expect(grid.unit).toBe('usdPerAds');
    expect(grid.waccs).toEqual(axes.waccs.map((w) => w.toNumber()));
    expect(grid.terminalGrowths).toEqual(axes.growths.map((g) => g.toNumber()));
    expect(grid.values).toHaveLength(11);
    for (const row of grid.values) expect(row).toHaveLength(11);
    expect(grid.values[5][5]).toBe(buildModel().dcf().valuePerAdsUsd.toNumber());
    expect(grid.values[5][0]).toBeGreaterThan(grid.values[5][10]!);
  });

  it('has null cells where WACC <= terminal growth, and applies --set', () => {
    const overrides = { wacc: '0.09', terminalGrowth: '0.08' };
    const grid = gridJson('--set', 'wacc=0.09', '--set', 'terminalGrowth=0.08');
    expect(grid.overrides).toEqual(overrides);
    const axes = defaultGridAxes({ overrides });
    const expected = sensitivityGrid({ overrides }, axes.waccs.map(String), axes.growths.map(String));
    expect(grid.values).toEqual(
      expected.map((row) => row.map((cell) => (cell === null ? null : cell.toNumber()))),
    );
    grid.terminalGrowths.forEach((g, i) =>
      grid.waccs.forEach((w, j) => expect(grid.values[i][j] === null).toBe(w <= g)),
    );
  });

  it('prints a text table with percentages on the axes and NM for undefined cells', () => {
    const run = runCli('grid', '--set', 'wacc=0.09', '--set', 'terminalGrowth=0.08');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    const header = lines.findIndex((line) => line.startsWith('Growth \\ WACC'));
    expect(lines[header]).toContain('9.00%');
    expect(lines.slice(header + 1)).toHaveLength(11);
    expect(lines[header + 1]).toMatch(/^6\.75%\s+NM\s/);
  });
});
