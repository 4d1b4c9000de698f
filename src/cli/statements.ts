import {
  Decimal,
  findDriver,
  FORECAST_PERIOD_IDS,
  NOTE_PERIOD_IDS,
  NOTE_TABLE_LAYOUTS,
  resolveLine,
  type CheckResult,
  type DcfResult,
  type KcModel,
  type LineUnit,
  type PeriodId,
  type Value,
} from '../model';
import {
  csvRecord,
  describeOverrides,
  formatValue,
  renderTable,
  toNumber,
  unitLabel,
  type Column,
} from './format';

const ZERO = new Decimal(0);

/** The columns printed: the note's (12/25 to 12/28E) first, then the long range to 12/35E. */
export const STATEMENT_PERIODS: readonly PeriodId[] = [
  ...NOTE_PERIOD_IDS,
  ...FORECAST_PERIOD_IDS.filter((p) => !NOTE_PERIOD_IDS.includes(p)),
];

/** A line across the printed periods; a period where the line has no value is absent, null means NM. */
interface Row {
  id: string;
  label: string;
  unit: LineUnit;
  values: Partial<Record<PeriodId, Value>>;
}

/** One figure of the DCF summary: its JSON key, the model's label and unit, and the value. */
interface DcfItem {
  key: string;
  label: string;
  unit: LineUnit;
  value: Value;
}

/** Everything `kc-model statements` prints, still in Decimals. */
export interface StatementsReport {
  scenario: string;
  overrides: Readonly<Record<string, string>>;
  tables: { name: string; rows: Row[] }[];
  dcf: DcfItem[];
  fcff: Row;
  checks: CheckResult[];
}

/** DCF summary keys, the DcfResult field each reads and the model line that labels it. */
const DCF_FIELDS: readonly [key: string, field: Exclude<keyof DcfResult, 'fcff'>, line: string][] = [
  ['targetPriceUsd', 'targetPrice', 'targetPrice'],
  ['valuePerAdsUsd', 'valuePerAdsUsd', 'valuePerAdsUsd'],
  ['valuePerAdsRmb', 'valuePerAdsRmb', 'valuePerAdsRmb'],
  ['upside', 'upside', 'upside'],
  ['sumPvFcff', 'sumPvFcff', 'sumPvFcff'],
  ['terminalValue', 'terminalValue', 'terminalValue'],
  ['pvTerminalValue', 'pvTerminalValue', 'pvTerminalValue'],
  ['enterpriseValue', 'enterpriseValue', 'dcfEnterpriseValue'],
  ['terminalValueShare', 'terminalValueShare', 'terminalValueShare'],
  ['netDebt', 'netDebt', 'dcfNetDebt'],
  ['minorities', 'minorities', 'dcfMinorities'],
  ['equityValue', 'equityValue', 'dcfEquityValue'],
  ['impliedEvSales2026', 'impliedEvSales2026', 'impliedEvSales2026'],
  ['impliedEvSales2027', 'impliedEvSales2027', 'impliedEvSales2027'],
  ['impliedPs2026', 'impliedPs2026', 'impliedPs2026'],
  ['impliedPs2027', 'impliedPs2027', 'impliedPs2027'],
];

/** DCF summary keys for the drivers it rests on, with the unit each reads in. */
const DCF_DRIVERS: readonly [key: string, driver: string, unit: LineUnit][] = [
  ['wacc', 'wacc', 'pct'],
  ['terminalGrowth', 'terminalGrowth', 'pct'],
  ['priceUsd', 'price', 'usdPerAds'],
];

/** Reads the note's tables, the DCF and the checks from a built model. */
export function statementsReport(
  model: KcModel,
  overrides: Readonly<Record<string, string>>,
): StatementsReport {
  const row = (lineId: string, label?: string): Row => {
    const def = resolveLine(lineId);
    const values: Partial<Record<PeriodId, Value>> = {};
    for (const { period, value } of model.series(def.id))
      if (STATEMENT_PERIODS.includes(period)) values[period] = value;
    return { id: def.id, label: label ?? def.label, unit: def.unit, values };
  };
  const dcf = model.dcf();
  const fields = DCF_FIELDS.map(([key, field, line]): DcfItem => {
    const def = resolveLine(line);
    return { key, label: def.label, unit: def.unit, value: dcf[field] };
  });
  const drivers = DCF_DRIVERS.map(([key, driver, unit]): DcfItem => ({
    key,
    label: findDriver(driver)!.label,
    unit,
    value: model.assumptions.scalars[driver],
  }));
  return {
    scenario: model.scenario,
    overrides,
    tables: NOTE_TABLE_LAYOUTS.map((table) => ({
      name: table.name,
      rows: table.rows.map((r) => row(r.line, r.label)),
    })),
    dcf: [...fields, ...drivers],
    fcff: row('fcff'),
    checks: model.checks(),
  };
}

/** The report as JSON: raw numbers (fractions for % lines, null for NM), Rmb mn unless a key or unit says otherwise. */
export function statementsJson(report: StatementsReport): string {
  const values = (row: Row) =>
    Object.fromEntries(
      STATEMENT_PERIODS.flatMap((p) => (p in row.values ? [[p, toNumber(row.values[p]!)]] : [])),
    );
  return `${JSON.stringify(
    {
      scenario: report.scenario,
      overrides: report.overrides,
      periods: STATEMENT_PERIODS,
      tables: report.tables.map((table) => ({
        name: table.name,
        rows: table.rows.map((row) => ({
          id: row.id,
          label: row.label,
          unit: row.unit,
          values: values(row),
        })),
      })),
      dcf: {
        ...Object.fromEntries(report.dcf.map((item) => [item.key, toNumber(item.value)])),
        fcff: values(report.fcff),
      },
      checks: {
        allOk: allOk(report.checks),
        items: report.checks.map((c) => ({ ...c, difference: c.difference.toNumber() })),
      },
    },
    null,
    2,
  )}\n`;
}

/**
 * The report as CSV, one layout for every record: table,id,label,unit,<one column per period>,value.
 * Statement rows fill the period columns; DCF figures fill "value"; each check fills the periods with
 * its differences (3 significant digits) and "value" with true/false; the last record (Checks, allOk) says whether all pass.
 */
export function statementsCsv(report: StatementsReport): string {
  const blanks = STATEMENT_PERIODS.map(() => '');
  const series = (table: string, row: Row, cell: (value: Value) => string, value = '') =>
    csvRecord([
      table,
      row.id,
      row.label,
      unitLabel(row.unit),
      ...STATEMENT_PERIODS.map((p) => (p in row.values ? cell(row.values[p]!) : '')),
      value,
    ]);
  const figure = (row: Row) => (value: Value) => formatValue(value, row.unit, false);
  const records = [
    csvRecord(['table', 'id', 'label', 'unit', ...STATEMENT_PERIODS, 'value']),
    ...report.tables.flatMap((table) => table.rows.map((row) => series(table.name, row, figure(row)))),
    ...report.dcf.map((item) =>
      csvRecord([
        'DCF',
        item.key,
        item.label,
        unitLabel(item.unit),
        ...blanks,
        formatValue(item.value, item.unit, false),
      ]),
    ),
    series('DCF', report.fcff, figure(report.fcff)),
    ...checkRows(report.checks).map(({ row, ok }) => series('Checks', row, differenceText, String(ok))),
    csvRecord(['Checks', 'allOk', 'All checks pass', '', ...blanks, String(allOk(report.checks))]),
  ];
  return `${records.join('\n')}\n`;
}

/** The report as text tables, figures rounded as the note prints them. */
export function statementsText(report: StatementsReport): string {
  const periodColumns: Column[] = STATEMENT_PERIODS.map((p) => ({ header: p, align: 'right' }));
  const seriesTable = (title: string, rows: Row[], cell: (row: Row, period: PeriodId) => string) => [
    title,
    ...renderTable(
      [
        { header: 'Line', align: 'left' },
        { header: 'Id', align: 'left' },
        { header: 'Unit', align: 'left' },
        ...periodColumns,
      ],
      rows.map((row) => [
        row.label,
        row.id,
        unitLabel(row.unit),
        ...STATEMENT_PERIODS.map((p) => cell(row, p)),
      ]),
    ),
    '',
  ];
  const figure = (row: Row, p: PeriodId) =>
    p in row.values ? formatValue(row.values[p]!, row.unit, true) : '';
  const checks = checkRows(report.checks);
  const failing = checks.filter((c) => !c.ok).map((c) => c.row.id);
  const lines = [
    `Kingsoft Cloud (KC) model: scenario ${report.scenario}; overrides: ${describeOverrides(report.overrides)}.`,
    'Rmb mn unless the unit says otherwise; % lines are shown x100; NM = not meaningful.',
    '',
    ...report.tables.flatMap((table) => seriesTable(table.name, table.rows, figure)),
    'DCF',
    ...renderTable(
      [
        { header: 'Item', align: 'left' },
        { header: 'Key', align: 'left' },
        { header: 'Unit', align: 'left' },
        { header: 'Value', align: 'right' },
      ],
      report.dcf.map((item) => [
        item.label,
        item.key,
        unitLabel(item.unit),
        formatValue(item.value, item.unit, true),
      ]),
    ),
    '',
    ...seriesTable('DCF cash flows', [report.fcff], figure),
    ...seriesTable(
      'Checks (differences, Rmb mn; each must be 0)',
      checks.map((c) => c.row),
      (row, p) => (p in row.values ? differenceText(row.values[p]!) : ''),
    ),
    failing.length ? `Checks failing: ${failing.join(', ')}.` : 'All checks pass.',
  ];
  return `${lines.join('\n')}\n`;
}

/** The checks as rows, one per check id (a difference within the model's tolerance reads 0), with whether every period passes. */
function checkRows(checks: readonly CheckResult[]): { row: Row; ok: boolean }[] {
  const byId = new Map<string, { row: Row; ok: boolean }>();
  for (const check of checks) {
    const entry = byId.get(check.id) ?? {
      row: { id: check.id, label: check.label, unit: 'rmbMn', values: {} },
      ok: true,
    };
    entry.row.values[check.period] = check.ok ? ZERO : check.difference;
    entry.ok &&= check.ok;
    byId.set(check.id, entry);
  }
  return [...byId.values()];
}

function allOk(checks: readonly CheckResult[]): boolean {
  return checks.every((c) => c.ok);
}

/** A check's difference to three significant digits: small failures stay visible where rounding would show 0.0. */
function differenceText(value: Value): string {
  return value === null || value.isZero() ? '0' : value.toSignificantDigits(3).toString();
}
