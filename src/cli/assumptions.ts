import {
  DRIVERS,
  driverPeriods,
  findLine,
  LINES,
  PERIOD_IDS,
  type Decimal,
  type DriverDef,
  type KcModel,
  type PeriodId,
} from '../model';
import { allowedText } from '../model/overrides';
import { describeOverrides, formatPercent, renderTable } from './format';

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

/** The report as text: drivers under their groups, then the reported inputs. */
export function assumptionsText(report: AssumptionsReport): string {
  const groups = [...new Set(report.drivers.map((d) => d.def.group))];
  const rows: (string[] | string)[] = [];
  for (const group of groups) {
    rows.push(`-- ${group}`);
    rows.push(...report.drivers.filter((d) => d.def.group === group).map(driverRow));
  }
  const lines = [
    `Assumptions: scenario ${report.scenario}; overrides: ${describeOverrides(report.overrides)}.`,
    'Set a driver with --set ID=VALUE (every period) or --set ID.PERIOD=VALUE; pct values as 0.11 or 11%.',
    '',
    ...renderTable(
      ['Id', 'Label', 'Unit', 'Allowed', 'Periods', 'Value', 'Source'].map((header) => ({
        header,
        align: 'left',
      })),
      rows,
    ),
    '',
    'Reported inputs (set with --set LINE.PERIOD=VALUE; between -1e9 and 1e9)',
    ...renderTable(
      [
        { header: 'Key', align: 'left' },
        { header: 'Line', align: 'left' },
        { header: 'Value', align: 'right' },
      ],
      report.inputs.map((input) => [input.key, input.label, input.value.toString()]),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** A driver's cells in the text table. */
function driverRow({ def, allowed, periods, value, values }: DriverEntry): string[] {
  const shown =
    value !== undefined
      ? driverValue(def, value)
      : periods.map((p) => (values[p] ? `${p} ${driverValue(def, values[p]!)}` : `${p} -`)).join(', ');
  const span = periods.length ? `${periods[0]}-${periods[periods.length - 1]}` : 'one value';
  return [def.id, def.label, def.unit, allowed, span, shown, def.source];
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
