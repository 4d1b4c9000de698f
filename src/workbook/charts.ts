/**
 * The Charts sheet and its native charts, as plan data: one definition that every writer draws (the Office.js
 * writer with `worksheet.charts.add`, the .xlsx writer as DrawingML parts). The sheet holds link formulas to
 * the statement rows; each chart reads a block of that sheet.
 */
import { PERIODS, type KcModel } from '../model';
import type { CellAddress, PlanCell, PlanSheet, PlanValue } from './plan';

/** A chart type every writer can draw. */
export type ChartKind = 'columnClustered' | 'columnStacked' | 'line' | 'barClustered' | 'barStacked';

/**
 * A native chart on a plan sheet. Its source is a block: categories across the header row `top` (columns
 * left+1 .. left+categories), one series per row below it, each series named by the cell in column `left`.
 */
export interface PlanChart {
  title: string;
  kind: ChartKind;
  sheet: string;
  source: { top: number; left: number; series: number; categories: number };
  /** A series drawn as a line on the secondary value axis (a combination chart). */
  secondaryLine?: number;
  /** Series drawn with no fill, such as the invisible base of a floating bar. */
  hiddenSeries?: number[];
  /** The chart's frame: the cells under its top-left and bottom-right corners (A1). */
  from: string;
  to: string;
}

export const CHARTS_SHEET = 'Charts';

/** Chart periods: the note's 12/25 to 12/28E (period indexes). */
const CHART_PERIODS = [1, 2, 3, 4];

interface ChartDef {
  title: string;
  kind: ChartKind;
  rows: { label: string; line: string }[];
  secondaryLine?: number;
  from: string;
  to: string;
}

const CHARTS: readonly ChartDef[] = [
  {
    title: 'Revenue (Rmb mn) and growth',
    kind: 'columnClustered',
    rows: [
      { label: 'Total revenue (Rmb mn)', line: 'revenue' },
      { label: 'Revenue growth', line: 'revenueGrowthReported' },
    ],
    secondaryLine: 1,
    from: 'H3',
    to: 'O18',
  },
  {
    title: 'EBITDA margin',
    kind: 'line',
    rows: [{ label: 'EBITDA margin', line: 'ebitdaMargin' }],
    from: 'Q3',
    to: 'X18',
  },
  {
    title: 'AI-related vs other revenue (Rmb mn)',
    kind: 'columnStacked',
    rows: [
      { label: 'AI-related revenue', line: 'aiRevenue' },
      { label: 'Revenue other than AI', line: 'nonAiRevenue' },
    ],
    from: 'H20',
    to: 'O35',
  },
  {
    title: 'Xiaomi/Kingsoft ecosystem vs other customers (Rmb mn)',
    kind: 'columnStacked',
    rows: [
      { label: 'Xiaomi/Kingsoft ecosystem revenue', line: 'ecosystemRevenue' },
      { label: 'Revenue from other customers', line: 'otherCustomersRevenue' },
    ],
    from: 'Q20',
    to: 'X35',
  },
];

/**
 * The Charts sheet (links to the statement rows the charts plot, with the engine's values cached) and its charts.
 * `lineCell` finds a line's cell in a period; `reference` renders a reference to it from the Charts sheet.
 */
export function chartsSheet(
  model: KcModel,
  lineCell: (id: string, period: number) => CellAddress,
  reference: (cell: CellAddress) => string,
  formats: { pct: string; rmbMn: string },
): { sheet: PlanSheet; charts: PlanChart[] } {
  const cells: PlanCell[] = [
    { row: 1, col: 1, value: 'Kingsoft Cloud: charts (live, from the statements)', style: 'title' },
    { row: 2, col: 1, value: 'Green: links to the statement rows that the charts plot.', style: 'note' },
  ];
  const charts: PlanChart[] = [];
  let top = 4;
  for (const def of CHARTS) {
    CHART_PERIODS.forEach((p, i) =>
      cells.push({ row: top, col: 2 + i, value: PERIODS[p].heading, style: 'header' }),
    );
    def.rows.forEach((r, j) => {
      const row = top + 1 + j;
      cells.push({ row, col: 1, value: r.label, style: 'label' });
      CHART_PERIODS.forEach((p, i) => {
        const value = model.value(r.line, PERIODS[p].id);
        const cachedValue: PlanValue = value === null ? 'NM' : value;
        cells.push({
          row,
          col: 2 + i,
          formula: reference(lineCell(r.line, p)),
          cached: cachedValue,
          style: 'link',
          format: /Growth|Margin/i.test(r.line) ? formats.pct : formats.rmbMn,
          what: `chart ${r.line}@${PERIODS[p].id}`,
        });
      });
    });
    charts.push({
      title: def.title,
      kind: def.kind,
      sheet: CHARTS_SHEET,
      source: { top, left: 1, series: def.rows.length, categories: CHART_PERIODS.length },
      ...(def.secondaryLine !== undefined ? { secondaryLine: def.secondaryLine } : {}),
      from: def.from,
      to: def.to,
    });
    top += def.rows.length + 2;
  }
  return {
    sheet: { name: CHARTS_SHEET, cells, widths: [34, 11, 11, 11, 11], freeze: { rows: 0, cols: 0 } },
    charts,
  };
}
