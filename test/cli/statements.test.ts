import { STATEMENT_PERIODS } from '../../src/cli/years';
import { formatValue } from '../../src/cli/format';
import {
  buildModel,
  findLine,
  NOTE_PERIOD_IDS,
  NOTE_TABLE_LAYOUTS,
  STATEMENTS,
  type PeriodId,
} from '../../src/model';
import { NOTE_ROWS, NOTE_TABLES } from '../fixtures/note';
import { parseCsvRecord, runCli } from './run';

interface JsonRow {
  id: string;
  label: string;
  unit: string;
  values: Record<string, number | null>;
}

interface StatementsJson {
  scenario: string;
  overrides: Record<string, string>;
  periods: string[];
  tables: { name: string; rows: JsonRow[] }[];
  dcf: Record<string, number> & { fcff: Record<string, number> };
  checks: {
    allOk: boolean;
    items: { id: string; label: string; period: string; difference: number; ok: boolean }[];
  };
}

/** A value as it reads back from JSON (-0 becomes 0). */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function statementsJson(...args: string[]): StatementsJson {
  const run = runCli('statements', '--json', ...args);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as StatementsJson;
}

describe("kc-model statements --json: the model's statements", () => {
  const model = buildModel();
  const json = statementsJson();

  it("prints the model's statements and schedules in order, every line of each in the model's order", () => {
    const printed = STATEMENTS.filter((s) => s.name !== 'Drivers' && s.name !== 'Checks');
    expect(json.tables.map((t) => t.name)).toEqual(printed.map((s) => s.name));
    json.tables.forEach((table, t) => {
      const lines = printed[t].lines.filter((def) => !def.scalar);
      expect(table.rows.map((r) => [r.id, r.label, r.unit])).toEqual(
        lines.map((d) => [d.id, d.label, d.unit]),
      );
      for (const row of table.rows) {
        const expected = Object.fromEntries(
          model
            .series(row.id)
            .filter(({ period }) => json.periods.includes(period))
            .map(({ period, value }) => [period, value === null ? null : value.toNumber()]),
        );
        expect(row.values).toEqual(viaJson(expected));
      }
    });
  });
});

describe('kc-model statements --json --note', () => {
  const model = buildModel();
  const json = statementsJson('--note');

  it('puts the note columns first, then the long range', () => {
    expect(json.periods.slice(0, NOTE_PERIOD_IDS.length)).toEqual(NOTE_PERIOD_IDS);
    expect(json.periods).toEqual([...STATEMENT_PERIODS]);
    expect(json.periods[json.periods.length - 1]).toBe('2035E');
  });

  it("prints the note's six tables with the note's labels, in its order", () => {
    expect(json.tables.map((t) => t.name)).toEqual(NOTE_TABLES);
    for (const table of json.tables) {
      const published = NOTE_ROWS.filter((row) => row.table === table.name).map((row) => row.label);
      expect(table.rows.map((row) => row.label)).toEqual(published);
    }
  });

  it("gives each row its stable line id, the model's unit and the model's values (null for NM)", () => {
    json.tables.forEach((table, t) => {
      table.rows.forEach((row, r) => {
        const lineId = NOTE_TABLE_LAYOUTS[t].rows[r].line;
        expect(row.id).toBe(lineId);
        expect(row.unit).toBe(findLine(lineId)!.unit);
        const expected = Object.fromEntries(
          model
            .series(lineId)
            .filter(({ period }) => json.periods.includes(period))
            .map(({ period, value }) => [period, value === null ? null : value.toNumber()]),
        );
        expect(row.values).toEqual(viaJson(expected));
        for (const period of NOTE_PERIOD_IDS) expect(row.values).toHaveProperty([period]);
      });
    });
  });

  it('gives percentage lines as raw fractions', () => {
    const growth = json.tables
      .find((t) => t.name === 'Growth & Margins')!
      .rows.find((r) => r.id === 'ebitdaMargin')!;
    expect(growth.unit).toBe('pct');
    expect(growth.values['2026E']).toBe(model.value('ebitdaMargin', '2026E')!.toNumber());
  });

  it("has the DCF summary from the model's dcf()", () => {
    const dcf = model.dcf();
    expect(json.dcf.targetPriceUsd).toBe(dcf.targetPrice.toNumber());
    expect(json.dcf).toMatchObject({
      valuePerAdsUsd: dcf.valuePerAdsUsd.toNumber(),
      valuePerAdsRmb: dcf.valuePerAdsRmb.toNumber(),
      enterpriseValue: dcf.enterpriseValue.toNumber(),
      equityValue: dcf.equityValue.toNumber(),
      upside: dcf.upside.toNumber(),
      terminalValueShare: dcf.terminalValueShare.toNumber(),
      impliedEvSales2026: dcf.impliedEvSales2026.toNumber(),
      impliedEvSales2027: dcf.impliedEvSales2027.toNumber(),
      wacc: model.assumptions.scalars.wacc.toNumber(),
      terminalGrowth: model.assumptions.scalars.terminalGrowth.toNumber(),
    });
    expect(json.dcf.fcff).toEqual(
      viaJson(Object.fromEntries(dcf.fcff.map(({ period, value }) => [period, value.toNumber()]))),
    );
  });

  it('has every check of the model and whether all pass', () => {
    const checks = model.checks();
    expect(json.checks.items.map((c) => [c.id, c.period, c.ok])).toEqual(
      checks.map((c) => [c.id, c.period, c.ok]),
    );
    expect(json.checks.allOk).toBe(checks.every((c) => c.ok));
  });

  it('echoes the scenario and overrides, and applies them', () => {
    expect(json).toMatchObject({ scenario: 'base', overrides: {} });
    const higherWacc = statementsJson('--note', '--set', 'wacc=0.12');
    expect(higherWacc.overrides).toEqual({ wacc: '0.12' });
    expect(higherWacc.dcf.wacc).toBe(0.12);
    expect(higherWacc.dcf.targetPriceUsd).toBeLessThan(json.dcf.targetPriceUsd);
    expect(statementsJson('--set=wacc=12%').dcf).toEqual(higherWacc.dcf);
    const bull = statementsJson('--note', '--scenario', 'bull');
    expect(bull.scenario).toBe('bull');
    expect(bull.dcf.targetPriceUsd).toBe(buildModel({ scenario: 'bull' }).dcf().targetPrice.toNumber());
  });
});

describe('kc-model statements --csv', () => {
  const model = buildModel();
  const run = runCli('statements', '--csv', '--note');
  const records = run.stdout.trimEnd().split('\n').map(parseCsvRecord);
  const [header, ...rows] = records;
  const find = (table: string, id: string) => rows.find((r) => r[0] === table && r[1] === id)!;

  it('has one header and the same number of cells in every record', () => {
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(header).toEqual(['table', 'id', 'label', 'unit', ...STATEMENT_PERIODS, 'value']);
    for (const record of records) expect(record).toHaveLength(header.length);
  });

  it('has a record for every row of every table, labelled as the note labels it', () => {
    const statementRows = rows.filter((r) => NOTE_TABLES.includes(r[0] as (typeof NOTE_TABLES)[number]));
    expect(statementRows.map((r) => [r[0], r[2]])).toEqual(NOTE_ROWS.map((row) => [row.table, row.label]));
  });

  it('prints percentages x100 with one decimal and NM for null', () => {
    const column = (period: PeriodId) => header.indexOf(period);
    const croci = find('Headline', 'croci');
    expect(croci[3]).toBe('%');
    expect(croci[column('2027E')]).toBe(model.value('croci', '2027E')!.times(100).toFixed(1));
    const pe = find('Headline', 'pe');
    const peValue = model.value('pe', '2026E');
    expect(pe[column('2026E')]).toBe(peValue === null ? 'NM' : peValue.toFixed(1));
  });

  it('ends with the DCF summary and the checks', () => {
    expect(find('DCF', 'targetPriceUsd').at(-1)).toBe(model.dcf().targetPrice.toFixed(2));
    expect(find('DCF', 'wacc').at(-1)).toBe(model.assumptions.scalars.wacc.times(100).toFixed(1));
    expect(rows.at(-1)!.slice(0, 2)).toEqual(['Checks', 'allOk']);
    expect(rows.at(-1)!.at(-1)).toBe(String(model.checks().every((c) => c.ok)));
  });
});

describe('kc-model statements --note (text)', () => {
  const model = buildModel();
  const run = runCli('statements', '--note');

  it("prints every table title and the note's labels, percentages x100", () => {
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    for (const table of NOTE_TABLE_LAYOUTS) {
      expect(lines).toContain(table.name);
      for (const row of table.rows) expect(lines.some((line) => line.startsWith(`${row.label} `))).toBe(true);
    }
    const margin = lines.find((line) => line.startsWith('EBITDA margin '))!;
    expect(margin.split(/\s+/)).toContain(model.value('ebitdaMargin', '2025A')!.times(100).toFixed(1));
    expect(run.stdout).toMatch(/All checks pass \(every year\)\.|Checks failing/);
  });

  /** The rows of a titled table in the text: the lines after its header, up to the blank line. */
  function tableRows(text: string, title: string): string[] {
    const lines = text.split('\n');
    const start = lines.indexOf(title) + 2;
    return lines.slice(start, lines.indexOf('', start));
  }

  it("prints each of the note's tables in its order, every row with the model's 12/25-12/28E figures as the note rounds them", () => {
    for (const table of NOTE_TABLE_LAYOUTS) {
      const rows = tableRows(run.stdout, table.name);
      expect(rows).toHaveLength(table.rows.length);
      table.rows.forEach((layout, i) => {
        const def = findLine(layout.line)!;
        expect(rows[i].startsWith(`${layout.label} `)).toBe(true);
        const expected = NOTE_PERIOD_IDS.map((p) => formatValue(model.value(layout.line, p), def.unit, true));
        expect(rows[i].trim().split(/\s+/).slice(-4)).toEqual(expected);
      });
    }
  });

  it('lines the statement tables up under one another', () => {
    const headers = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('Line ') && line.includes(' Unit '));
    expect(headers.length).toBe(NOTE_TABLE_LAYOUTS.length + 1);
    expect(new Set(headers).size).toBe(1);
  });

  it('shows the years asked for, in text and CSV, and keeps every year in JSON', () => {
    const wide = runCli('statements', '--note', '--years', 'all');
    const rows = tableRows(wide.stdout, 'Income Statement');
    const revenue = rows
      .find((row) => row.startsWith('Total revenue '))!
      .trim()
      .split(/\s+/)
      .slice(-11);
    expect(revenue).toEqual(
      STATEMENT_PERIODS.map((p) => formatValue(model.value('revenue', p), 'rmbMn', true)),
    );
    const csv = runCli('statements', '--csv', '--years', '2026,2030-2031');
    expect(parseCsvRecord(csv.stdout.split('\n')[0])).toEqual([
      'table',
      'id',
      'label',
      'unit',
      '2026E',
      '2030E',
      '2031E',
      'value',
    ]);
    const one = runCli('statements', '--note', '--years', 'FY27');
    expect(tableRows(one.stdout, 'Headline')[0].trim().split(/\s+/).slice(-1)).toEqual([
      formatValue(model.value('revenue', '2027E'), 'rmbMn', true),
    ]);
  });
});
