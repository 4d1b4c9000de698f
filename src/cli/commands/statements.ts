/** `kc-model statements`: the note's six tables, the DCF summary and the checks, as text, JSON or CSV. */
import {
  buildModel,
  Decimal,
  findDriver,
  NOTE_TABLE_LAYOUTS,
  resolveLine,
  STATEMENTS,
  type CheckResult,
  type DcfResult,
  type KcModel,
  type LineUnit,
  type PeriodId,
  type Value,
} from '../../model';
import type { Command } from '../command';
import {
  csvRecord,
  describeOverrides,
  formatValue,
  paragraph,
  renderTable,
  TEXT_WIDTH,
  toNumber,
  unitLabel,
  type Column,
} from '../format';
import { MODEL_OPTIONS } from '../options';
import { formatOf, overridesOf, scenarioOf, yearsOf } from '../values';
import { describePeriods, heading, STATEMENT_PERIODS } from '../years';

const ZERO = new Decimal(0);

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

/** The model's statements and schedules that `statements` prints (drivers: `assumptions`; checks: below). */
const PRINTED = STATEMENTS.filter((s) => s.name !== 'Drivers' && s.name !== 'Checks');

/**
 * Reads the model's statements (or, with `note`, the note's six tables with the note's labels), the DCF and the
 * checks from a built model.
 */
export function statementsReport(
  model: KcModel,
  overrides: Readonly<Record<string, string>>,
  note = false,
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
    tables: note
      ? NOTE_TABLE_LAYOUTS.map((table) => ({
          name: table.name,
          rows: table.rows.map((r) => row(r.line, r.label)),
        }))
      : PRINTED.map((statement) => ({
          name: statement.name,
          rows: statement.lines.filter((def) => !def.scalar).map((def) => row(def.id)),
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
        items: report.checks.map((c) => ({
          ...c,
          difference: c.difference === null ? null : c.difference.toNumber(),
        })),
      },
    },
    null,
    2,
  )}\n`;
}

/**
 * The report as CSV, one layout for every record: table,id,label,unit,<one column per period asked for>,value.
 * Statement rows fill the period columns; DCF figures fill "value"; each check fills the periods with
 * its differences (3 significant digits) and "value" with true/false; the last record (Checks, allOk) says whether all pass.
 */
export function statementsCsv(report: StatementsReport, periods: readonly PeriodId[]): string {
  const blanks = periods.map(() => '');
  const series = (table: string, row: Row, cell: (value: Value) => string, value = '') =>
    csvRecord([
      table,
      row.id,
      row.label,
      unitLabel(row.unit),
      ...periods.map((p) => (p in row.values ? cell(row.values[p]!) : '')),
      value,
    ]);
  const figure = (row: Row) => (value: Value) => formatValue(value, row.unit, false);
  const records = [
    csvRecord(['table', 'id', 'label', 'unit', ...periods, 'value']),
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

/**
 * The report as text tables, figures rounded as the note prints them, in the given year columns. Unless the
 * years were chosen, it fits TEXT_WIDTH: a label too long for the room left wraps onto a second line.
 */
export function statementsText(
  report: StatementsReport,
  periods: readonly PeriodId[],
  chosen: boolean,
): string {
  const width = chosen ? Infinity : TEXT_WIDTH;
  const figure = (row: Row, p: PeriodId) =>
    p in row.values ? formatValue(row.values[p]!, row.unit, true) : '';
  // The statement tables share their column widths, so that they line up one under another.
  const statementRows = [...report.tables.flatMap((table) => table.rows), report.fcff];
  const labelWidth = Math.max(...statementRows.map((row) => row.label.length));
  const figureWidth = Math.max(...statementRows.flatMap((row) => periods.map((p) => figure(row, p).length)));
  const periodColumns: Column[] = periods.map((p) => ({
    header: heading(p),
    align: 'right',
    minWidth: figureWidth,
  }));
  const seriesTable = (
    title: string,
    rows: Row[],
    cell: (row: Row, period: PeriodId) => string,
    unit = true,
  ) => [
    title,
    ...renderTable(
      [
        { header: 'Line', align: 'left', wraps: true, minWidth: unit ? labelWidth : 0 },
        ...(unit ? [{ header: 'Unit', align: 'left', minWidth: 7 } as const] : []),
        ...periodColumns,
      ],
      rows.map((row) => [
        row.label,
        ...(unit ? [unitLabel(row.unit)] : []),
        ...periods.map((p) => cell(row, p)),
      ]),
      width,
    ),
    '',
  ];
  const checks = checkRows(report.checks);
  const failing = checks.filter((c) => !c.ok).map((c) => c.row.label);
  const more = chosen ? '' : ' (--years all shows 12/25-12/35E)';
  const lines = [
    ...paragraph(
      `Kingsoft Cloud (KC) model: scenario ${report.scenario}; overrides: ${describeOverrides(report.overrides)}.`,
    ),
    ...paragraph(
      `Rmb mn unless the unit says otherwise; % lines are shown x100; NM = not meaningful. Years: ${describePeriods(periods)}${more}. Line ids: --json or --csv.`,
    ),
    '',
    ...report.tables.flatMap((table) => seriesTable(table.name, table.rows, figure)),
    'DCF',
    ...renderTable(
      [
        { header: 'Item', align: 'left', wraps: true },
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
      width,
    ),
    '',
    ...seriesTable('DCF cash flows', [report.fcff], figure),
    ...seriesTable(
      'Checks (differences, Rmb mn; each must be 0)',
      checks.map((c) => c.row),
      (row, p) => (p in row.values ? differenceText(row.values[p]!) : ''),
      false,
    ),
    ...paragraph(
      failing.length ? `Checks failing (some year): ${failing.join(', ')}.` : 'All checks pass (every year).',
    ),
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

/** `kc-model statements [--json | --csv] [--years YEARS]`. */
export const statementsCommand: Command = {
  name: 'statements',
  summary: "The model's statements and schedules, the DCF summary and the integrity checks",
  usage: '[--json | --csv] [--years YEARS] [--note] [--scenario NAME] [--set ID=VALUE ...]',
  description:
    "The model's statements and schedules (segments, income statement, fixed assets, debt and interest, tax, balance sheet, cash flow, ratios, DCF cash flows), each line in the model's order, then the DCF summary and the integrity checks. --note prints the note's six tables (Headline, Ratios & Valuation, Growth & Margins, Income Statement, Balance Sheet, Cash Flow) with the note's labels instead. Text shows 12/25-12/28E and fits 100 columns; --years shows other years. JSON carries every year, unrounded; CSV every year unless --years says otherwise.",
  options: ['json', 'csv', 'years', 'note', ...MODEL_OPTIONS],
  examples: [
    'kc-model statements',
    'kc-model statements --note',
    'kc-model statements --years all',
    'kc-model statements --years 2026-2030 --scenario bull',
    'kc-model statements --json --set wacc=11% --set revenueGrowth.2027E=20%',
    'kc-model statements --csv --scenario bear > kc-bear.csv',
  ],
  run({ invocation, stdout }) {
    const format = formatOf(invocation);
    const { periods, chosen } = yearsOf(invocation, format);
    const scenario = scenarioOf(invocation);
    const overrides = overridesOf(invocation);
    const note = invocation.values.get('note') === true;
    const report = statementsReport(buildModel({ scenario, overrides }), overrides, note);
    stdout.write(
      format === 'json'
        ? statementsJson(report)
        : format === 'csv'
          ? statementsCsv(report, periods)
          : statementsText(report, periods, chosen),
    );
  },
};
