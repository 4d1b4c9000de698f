/** `kc-model grid`: value per ADS for 11 WACCs x 11 terminal growth rates around the case's own. */
import {
  assumptionsFor,
  defaultGridAxes,
  GRID,
  sensitivityGrid,
  type BuildOptions,
  type Decimal,
} from '../../model';
import type { Command } from '../command';
import { describeOverrides, paragraph, renderTable, TEXT_WIDTH, toNumber } from '../format';
import { MODEL_OPTIONS } from '../options';
import { formatOf, overridesOf, scenarioOf } from '../values';

/** Points on each axis of the grid (the model's default grid). */
export const GRID_SIZE = GRID.size;

/** Everything `kc-model grid` prints: US$ per ADS by terminal growth (rows) and WACC (columns). */
export interface GridReport {
  scenario: string;
  overrides: Readonly<Record<string, string>>;
  /** The case's own WACC and terminal growth: a point of each axis. */
  wacc: Decimal;
  growth: Decimal;
  waccs: Decimal[];
  growths: Decimal[];
  /** cells[row][column]; null where WACC <= terminal growth. */
  cells: (Decimal | null)[][];
}

/** The grid around the case's own WACC and terminal growth, NM (null) where WACC <= growth. */
export function gridReport(options: BuildOptions & { scenario: string }): GridReport {
  const { scalars } = assumptionsFor(options);
  const { waccs, growths } = defaultGridAxes(options);
  const text = (axis: Decimal[]) => axis.map((x) => x.toString());
  return {
    scenario: options.scenario,
    overrides: (options.overrides ?? {}) as Record<string, string>,
    wacc: scalars.wacc,
    growth: scalars.terminalGrowth,
    waccs,
    growths,
    cells: sensitivityGrid(options, text(waccs), text(growths)),
  };
}

/** The grid as JSON: `values[i][j]` is US$ per ADS at `terminalGrowths[i]` and `waccs[j]`, null where undefined. */
export function gridJson(report: GridReport): string {
  return `${JSON.stringify(
    {
      scenario: report.scenario,
      overrides: report.overrides,
      unit: 'usdPerAds',
      wacc: report.wacc.toNumber(),
      terminalGrowth: report.growth.toNumber(),
      waccs: report.waccs.map((w) => w.toNumber()),
      terminalGrowths: report.growths.map((g) => g.toNumber()),
      values: report.cells.map((row) => row.map(toNumber)),
    },
    null,
    2,
  )}\n`;
}

/**
 * The grid as a text table in US$ per ADS, NM where WACC <= terminal growth, the case's own cell marked "*".
 * Values have 2 decimals, or fewer when that is what it takes to fit TEXT_WIDTH (values near WACC = growth
 * run into the thousands).
 */
export function gridText(report: GridReport): string {
  const table = (decimals: number) =>
    renderTable(
      [
        { header: 'g \\ WACC', align: 'left' },
        ...report.waccs.map((w) => ({ header: axisPercent(w), align: 'right' as const })),
      ],
      report.cells.map((row, i) => [
        axisPercent(report.growths[i]),
        ...row.map((cell, j) => {
          const base = report.waccs[j].equals(report.wacc) && report.growths[i].equals(report.growth);
          return `${cell === null ? 'NM' : cell.toFixed(decimals)}${base ? '*' : ' '}`;
        }),
      ]),
    );
  const widest = (lines: string[]) => Math.max(...lines.map((l) => l.length));
  const fitting = [2, 1, 0].map(table).find((lines) => widest(lines) <= TEXT_WIDTH) ?? table(0);
  const lines = [
    ...paragraph(
      `Value per ADS (US$) by WACC (columns) and terminal growth g (rows): scenario ${report.scenario}; overrides: ${describeOverrides(report.overrides)}.`,
    ),
    ...paragraph(
      `* = the case's own WACC (${axisPercent(report.wacc)}) and growth (${axisPercent(report.growth)}); steps of 0.5pp and 0.25pp within the allowed ranges; NM = WACC at or below g.`,
    ),
    '',
    ...fitting,
  ];
  return `${lines.join('\n')}\n`;
}

/** A rate on an axis: 2 decimals as a percentage, more only when the rate has them ("10.30%", "10.125%"). */
function axisPercent(rate: Decimal): string {
  const percent = rate.times(100);
  return `${percent.decimalPlaces() <= 2 ? percent.toFixed(2) : percent.toString()}%`;
}

/** `kc-model grid [--json]`. */
export const gridCommand: Command = {
  name: 'grid',
  summary: 'Value per ADS for 11 WACCs x 11 terminal growth rates',
  usage: '[--json] [--scenario NAME] [--set ID=VALUE ...]',
  description:
    "Value per ADS (US$) for 11 WACCs (0.5pp apart) x 11 terminal growth rates (0.25pp apart) around the case's own, which is marked *. Near the allowed limits (WACC 1%-50%, growth -5%-20%) the axes shift inwards so that every point is allowed; NM (null in JSON) where WACC <= growth.",
  options: ['json', ...MODEL_OPTIONS],
  examples: ['kc-model grid', 'kc-model grid --scenario bull', 'kc-model grid --json --set wacc=9%'],
  run({ invocation, stdout }) {
    const format = formatOf(invocation);
    const report = gridReport({ scenario: scenarioOf(invocation), overrides: overridesOf(invocation) });
    stdout.write(format === 'json' ? gridJson(report) : gridText(report));
  },
};
