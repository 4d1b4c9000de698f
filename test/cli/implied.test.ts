/**
 * `kc-model implied`: the JSON's overrides reproduce the price through `kc-model statements --set`, the text fits
 * 100 columns, bad input exits 2 with one line.
 */
import { IMPLIED_DRIVERS } from '../../src/model';
import { runCli, widest } from './run';

interface ImpliedJson {
  driver: string;
  price: number;
  solution: number;
  valuePerAdsUsd: number;
  overrides: Record<string, string>;
  scenario: string;
}

function implied(...args: string[]): ImpliedJson {
  const run = runCli('implied', '--json', ...args);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as ImpliedJson;
}

/** Value per ADS from `kc-model statements --json` with the overrides as --set. */
function statementsValue(scenario: string, overrides: Record<string, string>): number {
  const sets = Object.entries(overrides).flatMap(([id, v]) => ['--set', `${id}=${v}`]);
  const run = runCli('statements', '--json', '--scenario', scenario, ...sets);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return (JSON.parse(run.stdout) as { dcf: { valuePerAdsUsd: number } }).dcf.valuePerAdsUsd;
}

describe('kc-model implied --driver ID --json', () => {
  it.each(IMPLIED_DRIVERS.map((d) => [d.id]))(
    '%s: the overrides give the price through kc-model statements --set',
    (driver) => {
      const result = implied('--driver', driver);
      expect(Object.keys(result).slice(0, 2)).toEqual(['driver', 'label']);
      expect(result.driver).toBe(driver);
      expect(result.price).toBe(13.03);
      const value = statementsValue('base', result.overrides);
      expect(Math.abs(value - 13.03)).toBeLessThanOrEqual(0.0005);
      expect(value).toBe(result.valuePerAdsUsd);
    },
  );

  it('takes --price, --scenario and --set, and keeps the --set in the overrides', () => {
    const result = implied('--driver', 'wacc', '--price', '20', '--scenario', 'bull', '--set', 'taxRate=0.2');
    expect(result.scenario).toBe('bull');
    expect(result.overrides).toEqual({ taxRate: '0.2', wacc: String(result.overrides.wacc) });
    expect(Math.abs(statementsValue('bull', result.overrides) - 20)).toBeLessThanOrEqual(0.0005);
  });
});

describe('kc-model implied (every driver)', () => {
  it('prints a table of every driver within 100 columns', () => {
    const run = runCli('implied');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(widest(run.stdout)).toBeLessThanOrEqual(100);
    for (const d of IMPLIED_DRIVERS) expect(run.stdout).toContain(d.id);
    expect(run.stdout).toMatch(/^WACC\s+wacc\s+10\.30%\s+12\.\d\d%\s+13\.030$/m);
  });

  it('reports a driver with no solution in the table and in JSON, without failing', () => {
    const run = runCli('implied', '--price', '24.5', '--scenario', 'base');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /R&D \/ revenue from 12\/34E: No R&D \/ revenue from 12\/34E within 0\.00% to 200\.00% gives US\$24\.50/,
    );
    const json = JSON.parse(runCli('implied', '--json', '--price', '24.5').stdout) as {
      price: number;
      drivers: { driver: string; error?: string; solution?: number }[];
    };
    expect(json.price).toBe(24.5);
    expect(json.drivers.find((d) => d.driver === 'rndRatioTerminal')!.error).toMatch(/^No R&D/);
    expect(json.drivers.find((d) => d.driver === 'wacc')!.solution).toBeLessThan(0.103);
  });

  it('prints one driver as text with the command that reproduces it', () => {
    const run = runCli('implied', '--driver', 'revenueGrowth');
    expect(run.code).toBe(0);
    expect(widest(run.stdout)).toBeLessThanOrEqual(100);
    expect(run.stdout.replace(/\s+/g, ' ')).toMatch(/-10\.\d\dpp in every year gives US\$13\.030 per ADS/);
    expect(run.stdout).toContain('kc-model statements --scenario base \\\n    --set revenueGrowth.2026E=');
  });
});

describe('kc-model implied: bad input exits 2 with one line', () => {
  it.each([
    [['--driver', 'wcc'], /^kc-model: Unknown driver "wcc" for --driver\. Did you mean "wacc"\?/],
    [['--driver', 'taxRate'], /"taxRate" is a driver, but not one the reverse DCF solves for/],
    [
      ['--price', '0'],
      /^kc-model: Option --price needs a price in US\$ per ADS from 0\.01 to 10000, e\.g\. --price 13\.03; got "0"\.$/,
    ],
    [['--price=-13'], /got "-13"\.$/],
    [['--price', 'abc'], /got "abc"\.$/],
    [
      ['--driver', 'rndRatioTerminal', '--price', '30'],
      /^kc-model: No R&D \/ revenue from 12\/34E within 0\.00% to 200\.00% gives US\$30\.00 per ADS: over that range the value per ADS runs from -US\$[\d.,]+ \(at 200\.00%\) to US\$24\.23 \(at 0\.00%\)\.$/,
    ],
    [['--scenario', 'bul'], /Did you mean "bull"\?/],
    [['--from', 'bear'], /Option --from does not apply to "implied"/],
  ])('%j', (args, message) => {
    const run = runCli('implied', ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });
});
