/** `kc-model bridge`: parts sum to the change, swapping negates, cases as text, bad cases exit 2 with one line. */
import { priceBridge } from '../../src/model';
import { runCli, widest } from './run';

interface BridgeJson {
  from: string;
  to: string;
  fromValue: number;
  toValue: number;
  items: { group: string; drivers: string[]; delta: number }[];
}

function bridge(...args: string[]): BridgeJson {
  const run = runCli('bridge', '--json', ...args);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as BridgeJson;
}

describe('kc-model bridge --json', () => {
  it('bridges bear to base in parts that sum to the change, and the other way negated', () => {
    const there = bridge('--from', 'bear', '--to', 'base');
    const back = bridge('--from', 'base', '--to', 'bear');
    expect([there.from, there.to]).toEqual(['bear', 'base']);
    expect(there.fromValue).toBeCloseTo(8.83, 2);
    expect(there.toValue).toBeCloseTo(19.5009, 4);
    const sum = there.items.reduce((s, i) => s + i.delta, 0);
    expect(Math.abs(sum - (there.toValue - there.fromValue))).toBeLessThan(1e-9);
    there.items.forEach((item, i) => {
      expect(back.items[i].group).toBe(item.group);
      expect(Math.abs(back.items[i].delta + item.delta)).toBeLessThan(1e-9);
    });
  });

  it('reads a case with overrides, and --from defaults to base', () => {
    const json = bridge('--to', 'base wacc=11% terminalGrowth=0.025');
    expect([json.from, json.to]).toEqual(['base', 'base wacc=11% terminalGrowth=0.025']);
    const model = priceBridge({}, { overrides: { wacc: '11%', terminalGrowth: '0.025' } });
    expect(json.items.map((i) => i.delta)).toEqual(model.items.map((i) => i.delta.toNumber()));
    expect(json.items.filter((i) => i.drivers.length).map((i) => i.group)).toEqual([
      'WACC',
      'Terminal growth and fade',
    ]);
  });
});

describe('kc-model bridge as text', () => {
  it('fits 100 columns and starts and ends at the two values', () => {
    const run = runCli(
      'bridge',
      '--from',
      'bear',
      '--to',
      'bull wacc=9% receivableDays.2027E=70 taxRate=0.2',
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(widest(run.stdout)).toBeLessThanOrEqual(100);
    expect(run.stdout).toMatch(/^From \(the first case\)\s+8\.83$/m);
    expect(run.stdout).toMatch(/^Working capital\s+receivableDays\s+[+-]\d+\.\d\d$/m);
  });
});

describe('kc-model bridge with every group and a reported figure differing', () => {
  const to =
    'bull cash.2025A=7000 taxRate=0.2 receivableDays=70 fxRate=7 terminalGrowth=0.025 capexRatio=0.5 minimumCash=3000';

  it('fits 100 columns however long the cases, and lists the reported figures as a ninth group', () => {
    const run = runCli('bridge', '--from', 'bear', '--to', to);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(widest(run.stdout)).toBeLessThanOrEqual(100);
    expect(run.stdout).toMatch(/^Reported 12\/25 figures\s+cash\s+\+\d+\.\d\d$/m);
    expect(run.stdout).toMatch(/512 valuations\.$/m);
    const json = bridge('--from', 'bear', '--to', to);
    const sum = json.items.reduce((s, i) => s + i.delta, 0);
    expect(Math.abs(sum - (json.toValue - json.fromValue))).toBeLessThan(1e-9);
  });
});

describe('kc-model bridge: bad cases exit 2 with one line', () => {
  it.each([
    [
      ['--from', 'bearr', '--to', 'base'],
      /^kc-model: --from "bearr": "bearr" is not a scenario; .* Did you mean "bear"\?$/,
    ],
    [
      ['--to', 'base wcc=1'],
      /^kc-model: Unknown assumption "wcc" in --to "base wcc=1"\. Did you mean "wacc"\?/,
    ],
    [
      ['--to', 'base wacc'],
      /^kc-model: --to "base wacc": "wacc" is not an override; after the scenario each word is ID=VALUE/,
    ],
    [
      ['--to', 'base wacc=2'],
      /^kc-model: --to "base wacc=2": WACC: 200\.0% is outside the allowed range 1\.0% to 50\.0%\.$/,
    ],
    [
      ['--to', 'base wacc=2%'],
      /^kc-model: --to "base wacc=2%": WACC \(2\.0%\) must be above terminal growth \(3\.0%\)/,
    ],
    [
      ['--from', 'bear'],
      /^kc-model: Option --to is required: a case, that is a scenario then any ID=VALUE overrides/,
    ],
    [['--to', ''], /^kc-model: --to "": it is empty/],
    [['--to', 'bull', '--set', 'wacc=0.1'], /^kc-model: Option --set does not apply to "bridge"/],
  ])('%j', (args, message) => {
    const run = runCli('bridge', ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });
});
