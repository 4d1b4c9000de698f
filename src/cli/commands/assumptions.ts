/** `kc-model assumptions`: every driver and reported input that --set accepts, with values, ranges and sources. */
import {
  buildModel,
  DRIVERS,
  driverPeriods,
  findLine,
  LINES,
  PERIOD_IDS,
  type Decimal,
  type DriverDef,
  type KcModel,
  type PeriodId,
} from '../../model';
import { allowedText } from '../../model/overrides';
import type { Command } from '../command';
import { describeOverrides, formatPercent, paragraph, renderTable, TEXT_WIDTH, type Column } from '../format';
import { MODEL_OPTIONS } from '../options';
import { formatOf, overridesOf, scenarioOf, yearsOf } from '../values';
import { describePeriods, heading } from '../years';

/** One driver with its values in the model's scenario and overrides. */
interface DriverEntry {
  def: DriverDef;
  allowed: string;
  periods: readonly PeriodId[];
  /** The one value of a scalar driver. */
  value?: Decimal;
  /** The per-period values of any other driver. */
  values: Partial<Record<PeriodId, Decimal>>;
}

/** A reported figure that can be overridden as "lineId.period". */
interface InputEntry {
  key: string;
  line: string;
  label: string;
  period: PeriodId;
  value: Decimal;
}

/** Everything `kc-model assumptions` prints. */
export interface AssumptionsReport {
  scenario: string;
  overrides: Readonly<Record<string, string>>;
  drivers: DriverEntry[];
  inputs: InputEntry[];
}

/** Reads every driver and every reported input of a built model. */
export function assumptionsReport(
  model: KcModel,
  overrides: Readonly<Record<string, string>>,
): AssumptionsReport {
  const set = model.assumptions;
  const lineOrder = new Map(LINES.map((def, i) => [def.id, i]));
  const inputs = Object.entries(set.inputs)
    .flatMap(([line, byPeriod]) =>
      (Object.entries(byPeriod) as [PeriodId, Decimal][]).map(([period, value]) => ({
        key: `${line}.${period}`,
        line,
        label: findLine(line)?.label ?? line,
        period,
        value,
      })),
    )
    .sort(
      (a, b) =>
        (lineOrder.get(a.line) ?? 0) - (lineOrder.get(b.line) ?? 0) ||
        PERIOD_IDS.indexOf(a.period) - PERIOD_IDS.indexOf(b.period),
    );
  return {
    scenario: model.scenario,
    overrides,
    drivers: DRIVERS.map((def) => ({
      def,
      allowed: allowedText(def),
      periods: driverPeriods(def),
      ...(def.scope === 'scalar' ? { value: set.scalars[def.id] } : {}),
      values: def.scope === 'scalar' ? {} : { ...set.series[def.id] },
    })),
    inputs,
  };
}

/** The report as JSON: a scalar driver has `value`, any other driver `values` by period; fractions stay fractions. */
export function assumptionsJson(report: AssumptionsReport): string {
  return `${JSON.stringify(
    {
      scenario: report.scenario,
      overrides: report.overrides,
      drivers: report.drivers.map(({ def, allowed, periods, value, values }) => ({
        id: def.id,
        label: def.label,
        group: def.group,
        unit: def.unit,
        min: def.min,
        max: def.max,
        ...(def.choices ? { choices: def.choices } : {}),
        allowed,
        periods,
        ...(value !== undefined ? { value: value.toNumber() } : { values: numbers(periods, values) }),
        source: def.source,
      })),
      inputs: report.inputs.map((input) => ({ ...input, value: input.value.toNumber() })),
    },
    null,
    2,
  )}\n`;
}

/**
 * The report as text, fitting TEXT_WIDTH unless the years were chosen: a table per group of drivers (id,
 * label, value or one column per year shown, allowed range), the sources, then the reported inputs.
 */
export function assumptionsText(
  report: AssumptionsReport,
  periods: readonly PeriodId[],
  chosen: boolean,
): string {
  const width = chosen ? Infinity : TEXT_WIDTH;
  const groups = [...new Set(report.drivers.map((d) => d.def.group))];
  const hidden = [...new Set(report.drivers.flatMap((d) => d.periods))].filter((p) => !periods.includes(p));
  const more = hidden.length
    ? ` (--years all shows ${describePeriods(PERIOD_IDS.filter((p) => hidden.includes(p)))} too)`
    : '';
  const lines = [
    ...paragraph(
      `Assumptions: scenario ${report.scenario}; overrides: ${describeOverrides(report.overrides)}.`,
    ),
    ...paragraph(
      `Set a driver with --set ID=VALUE (every year) or --set ID.YEAR=VALUE (one year, e.g. revenueGrowth.2027E=20%); percentages as 0.2 or 20%. Years: ${describePeriods(periods)}${more}.`,
    ),
    '',
  ];
  for (const group of groups) {
    const drivers = report.drivers.filter((d) => d.def.group === group);
    lines.push(group, ...driverTable(drivers, periods, width), '');
  }
  lines.push(
    'Sources (note: from the research note; ours: where the note is silent)',
    ...renderTable(
      [
        { header: 'Id', align: 'left' },
        { header: 'Source', align: 'left', wraps: true },
      ],
      report.drivers.map(({ def }) => [def.id, def.source]),
      TEXT_WIDTH,
    ),
    '',
    ...paragraph(
      'Reported inputs: set with --set ID.2025A=VALUE (12/25) or --set ID.2024A=VALUE (12/24, opening); between -1e9 and 1e9.',
    ),
    ...inputTable(report.inputs),
  );
  return `${lines.join('\n')}\n`;
}

/** One group's drivers: a Value column for one-value drivers, a column per year shown for the others. */
function driverTable(drivers: readonly DriverEntry[], periods: readonly PeriodId[], width: number): string[] {
  const scalars = drivers.some((d) => d.value !== undefined);
  const years = periods.filter((p) => drivers.some((d) => d.periods.includes(p)));
  const columns: Column[] = [
    { header: 'Id', align: 'left' },
    { header: 'Driver', align: 'left', wraps: true },
    ...(scalars ? [{ header: 'Value', align: 'right' } as const] : []),
    ...years.map((p): Column => ({ header: heading(p), align: 'right' })),
    { header: 'Allowed', align: 'left' },
  ];
  const rows = drivers.map(({ def, value, values }) => [
    def.id,
    def.label,
    ...(scalars ? [value === undefined ? '' : driverValue(def, value)] : []),
    ...years.map((p) => (values[p] ? driverValue(def, values[p]!) : '')),
    allowedText(def),
  ]);
  return renderTable(columns, rows, width);
}

/** The reported inputs: a row per line, with its 12/24 and 12/25 values. */
function inputTable(inputs: readonly InputEntry[]): string[] {
  const periods = PERIOD_IDS.filter((p) => inputs.some((input) => input.period === p));
  const lines = [...new Set(inputs.map((input) => input.line))];
  return renderTable(
    [
      { header: 'Line', align: 'left', wraps: true },
      { header: 'Id', align: 'left' },
      ...periods.map((p): Column => ({ header: heading(p), align: 'right' })),
    ],
    lines.map((line) => {
      const of = inputs.filter((input) => input.line === line);
      return [
        of[0].label,
        line,
        ...periods.map((p) => of.find((input) => input.period === p)?.value.toString() ?? ''),
      ];
    }),
    TEXT_WIDTH,
  );
}

/** A driver value for reading: percentages to 2 decimals, anything else to at most 4. */
function driverValue(def: DriverDef, value: Decimal): string {
  return def.unit === 'pct' || def.unit === 'weight'
    ? formatPercent(value, 2)
    : value.toDecimalPlaces(4).toString();
}

function numbers(
  periods: readonly PeriodId[],
  values: Partial<Record<PeriodId, Decimal>>,
): Record<string, number> {
  return Object.fromEntries(periods.flatMap((p) => (values[p] ? [[p, values[p]!.toNumber()]] : [])));
}

/** `kc-model assumptions [--json] [--years YEARS]`. */
export const assumptionsCommand: Command = {
  name: 'assumptions',
  summary: 'Every driver and reported input that --set accepts',
  usage: '[--json] [--years YEARS] [--scenario NAME] [--set ID=VALUE ...]',
  description:
    'Every driver (id, label, unit, allowed range, years, value after --scenario and --set, source) and every reported 12/24 and 12/25 input that --set accepts. Text shows 12/25-12/28E and fits 100 columns; --years shows other years (the long-range fade runs 12/29E-12/35E). JSON carries every year.',
  options: ['json', 'years', ...MODEL_OPTIONS],
  examples: [
    'kc-model assumptions',
    'kc-model assumptions --years all --scenario bull',
    'kc-model assumptions --json --set wacc=11%',
  ],
  run({ invocation, stdout }) {
    const format = formatOf(invocation);
    const { periods, chosen } = yearsOf(invocation, format);
    const scenario = scenarioOf(invocation);
    const overrides = overridesOf(invocation);
    const report = assumptionsReport(buildModel({ scenario, overrides }), overrides);
    stdout.write(format === 'json' ? assumptionsJson(report) : assumptionsText(report, periods, chosen));
  },
};
