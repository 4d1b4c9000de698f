import { defaultGridAxes, sensitivityGrid, type Decimal, type KcModel } from '../model';
import { describeOverrides, formatPercent, renderTable, toNumber } from './format';

/** Everything `kc-model grid` prints: US$ per ADS by terminal growth (rows) and WACC (columns). */
export interface GridReport {
  scenario: string;
  overrides: Readonly<Record<string, string>>;
  waccs: Decimal[];
  growths: Decimal[];
  /** cells[row][column]; null where WACC <= terminal growth. */
  cells: (Decimal | null)[][];
}

/** The 11 x 11 grid around the model's own WACC and terminal growth. */
export function gridReport(model: KcModel, overrides: Readonly<Record<string, string>>): GridReport {
  const options = { scenario: model.scenario, overrides };
  const { waccs, growths } = defaultGridAxes(options);
  const text = (axis: Decimal[]) => axis.map((x) => x.toString());
  return {
    scenario: model.scenario,
    overrides,
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
      waccs: report.waccs.map((w) => w.toNumber()),
      terminalGrowths: report.growths.map((g) => g.toNumber()),
      values: report.cells.map((row) => row.map(toNumber)),
    },
    null,
    2,
  )}\n`;
}

/** The grid as a text table, US$ per ADS to 2 decimals, NM where WACC <= terminal growth. */
export function gridText(report: GridReport): string {
  const lines = [
    `Value per ADS (US$) by WACC (columns) and terminal growth (rows): scenario ${report.scenario}; overrides: ${describeOverrides(report.overrides)}.`,
    'The centre cell is the WACC and growth of the scenario and overrides; NM = WACC at or below terminal growth.',
    '',
    ...renderTable(
      [
        { header: 'Growth \\ WACC', align: 'left' },
        ...report.waccs.map((w) => ({ header: formatPercent(w, 2), align: 'right' as const })),
      ],
      report.cells.map((row, i) => [
        formatPercent(report.growths[i], 2),
        ...row.map((cell) => (cell === null ? 'NM' : cell.toFixed(2))),
      ]),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
