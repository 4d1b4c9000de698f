import { assumptionsFor, buildModel, DRIVERS, driverPeriods } from '../../src/model';
import { runCli } from './run';

interface AssumptionsJson {
  scenario: string;
  drivers: {
    id: string;
    label: string;
    unit: string;
    min: number;
    max: number;
    allowed: string;
    periods: string[];
    value?: number;
    values?: Record<string, number>;
    source: string;
  }[];
  inputs: { key: string; line: string; period: string; value: number }[];
}

function assumptionsJson(...args: string[]): AssumptionsJson {
  const run = runCli('assumptions', '--json', ...args);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as AssumptionsJson;
}

describe('kc-model assumptions', () => {
  it('lists every driver with its unit, range, periods, value(s) and source', () => {
    const json = assumptionsJson();
    const set = assumptionsFor();
    expect(json.drivers.map((d) => d.id)).toEqual(DRIVERS.map((d) => d.id));
    json.drivers.forEach((entry, i) => {
      const def = DRIVERS[i];
      expect(entry).toMatchObject({
        label: def.label,
        unit: def.unit,
        min: def.min,
        max: def.max,
        source: def.source,
      });
      expect(entry.periods).toEqual(driverPeriods(def));
      if (def.scope === 'scalar') expect(entry.value).toBe(set.scalars[def.id].toNumber());
      else
        for (const p of driverPeriods(def)) expect(entry.values![p]).toBe(set.series[def.id][p]!.toNumber());
    });
  });

  it('lists reported inputs by keys that --set accepts', () => {
    const { inputs } = assumptionsJson();
    expect(inputs.length).toBeGreaterThan(0);
    const [first] = inputs;
    expect(first.key).toBe(`${first.line}.${first.period}`);
    expect(() => buildModel({ overrides: { [first.key]: first.value } })).not.toThrow();
  });

  it('shows the values of a scenario with overrides', () => {
    const json = assumptionsJson('--scenario', 'bear', '--set', 'revenueGrowth.2027E=15%');
    expect(json.scenario).toBe('bear');
    const growth = json.drivers.find((d) => d.id === 'revenueGrowth')!;
    expect(growth.values!['2027E']).toBe(0.15);
    expect(json.drivers.find((d) => d.id === 'wacc')!.value).toBe(
      assumptionsFor({ scenario: 'bear' }).scalars.wacc.toNumber(),
    );
  });

  it('prints a text table naming every driver id and its allowed range', () => {
    const run = runCli('assumptions');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    for (const def of DRIVERS) expect(lines.some((line) => line.startsWith(`${def.id} `))).toBe(true);
    expect(lines.find((line) => line.startsWith('wacc '))).toMatch(/ 10\.30% +1.0% to 50.0%$/);
    expect(lines.find((line) => line.startsWith('price '))).toMatch(/ 13\.03 +0\.01 to 10000$/);
  });

  it("shows a yearly driver's values in the year columns asked for", () => {
    const set = assumptionsFor();
    const growth = (text: string) => text.split('\n').find((line) => line.startsWith('revenueGrowth '))!;
    const percent = (p: '2026E' | '2027E' | '2028E') =>
      `${set.series.revenueGrowth[p]!.times(100).toFixed(2)}%`;
    expect(growth(runCli('assumptions').stdout)).toContain(
      `${percent('2026E')}   ${percent('2027E')}   ${percent('2028E')}`,
    );
    const one = runCli('assumptions', '--years', '2027');
    expect(growth(one.stdout).trim().split(/\s+/)).toEqual([
      'revenueGrowth',
      'Revenue',
      'growth',
      percent('2027E'),
      '-100.0%',
      'to',
      '100.0%',
    ]);
  });

  it('lists every source and every reported input with its 12/24 and 12/25 values', () => {
    const { stdout } = runCli('assumptions');
    const set = assumptionsFor();
    for (const def of DRIVERS) expect(stdout).toContain(def.source.split(' ').slice(0, 3).join(' '));
    const cash = stdout.split('\n').find((line) => / cash +/.test(line) && line.startsWith('Cash '))!;
    expect(cash.trim().split(/\s+/).at(-1)).toBe(set.inputs.cash['2025A']!.toString());
    const receivable = stdout.split('\n').find((line) => line.startsWith('Accounts receivable '))!;
    expect(receivable.trim().split(/\s+/).slice(-2)).toEqual([
      set.inputs.accountsReceivable['2024A']!.toString(),
      set.inputs.accountsReceivable['2025A']!.toString(),
    ]);
  });
});
