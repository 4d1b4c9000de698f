import { gridAxis } from '../../src/model';
import { buildModel, Decimal, defaultGridAxes, sensitivityGrid } from '../../src/model';
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

  it('prints a text table with percentages on the axes, NM for undefined cells and * on the case', () => {
    const run = runCli('grid', '--set', 'wacc=0.09', '--set', 'terminalGrowth=0.08');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    const header = lines.findIndex((line) => line.startsWith('g \\ WACC'));
    expect(lines[header].trim().split(/\s+/).slice(3)).toEqual([
      '6.50%',
      '7.00%',
      '7.50%',
      '8.00%',
      '8.50%',
      '9.00%',
      '9.50%',
      '10.00%',
      '10.50%',
      '11.00%',
      '11.50%',
    ]);
    expect(lines.slice(header + 1)).toHaveLength(11);
    expect(lines[header + 1]).toMatch(/^6\.75% +NM +\d/);
    const own = buildModel({ overrides: { wacc: '0.09', terminalGrowth: '0.08' } }).dcf().valuePerAdsUsd;
    // Values near WACC = growth run to hundreds, so the table drops to one decimal to fit 100 columns.
    const starred = lines[header + 6].match(/ (\d+\.\d)\*/)!;
    expect(Number(starred[1])).toBe(Number(own.toFixed(1)));
    expect(lines[header + 6].startsWith('8.00% ')).toBe(true);
    expect(run.stdout.match(/\*/g)!.length).toBe(2);
  });

  it('lays the axes 0.5pp and 0.25pp apart, centred on the case where the ranges allow', () => {
    const axis = (centre: string, step: string, id: string) =>
      gridAxis(new Decimal(centre), new Decimal(step), id as 'wacc' | 'terminalGrowth').map((x) =>
        x.toString(),
      );
    expect(axis('0.103', '0.005', 'wacc')).toEqual([
      '0.078',
      '0.083',
      '0.088',
      '0.093',
      '0.098',
      '0.103',
      '0.108',
      '0.113',
      '0.118',
      '0.123',
      '0.128',
    ]);
    // Near a limit the axis shifts by whole steps, so the case's own value stays on it.
    expect(axis('0.0123', '0.005', 'wacc')).toEqual([
      '0.0123',
      '0.0173',
      '0.0223',
      '0.0273',
      '0.0323',
      '0.0373',
      '0.0423',
      '0.0473',
      '0.0523',
      '0.0573',
      '0.0623',
    ]);
    expect(axis('0.03', '0.005', 'wacc').slice(0, 5)).toEqual(['0.01', '0.015', '0.02', '0.025', '0.03']);
    expect(axis('0.49', '0.005', 'wacc').slice(-3)).toEqual(['0.49', '0.495', '0.5']);
    expect(axis('0.2', '0.0025', 'terminalGrowth').at(-1)).toBe('0.2');
    expect(axis('-0.05', '0.0025', 'terminalGrowth')[0]).toBe('-0.05');
  });

  it('keeps blaming the values the user did type', () => {
    const run = runCli('grid', '--set', 'wacc=0.02');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('WACC (2.0%)');
  });
});
