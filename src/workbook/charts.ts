/**
 * The Charts sheet and its native charts, as plan data: one definition that every writer draws (the Office.js
 * writer with `worksheet.charts.add`, the .xlsx writer as DrawingML parts). The sheet holds link formulas to
 * the statement rows; each chart reads a block of that sheet.
 */
import { Decimal, PERIODS, tornado } from '../model';
import { cached, lineDef, PlanContext, SheetBuilder } from './builder';
import { NOTE_PERIODS } from './layout';
import { FORMATS, LINE_FORMAT } from './styles';

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

interface ChartDef {
  title: string;
  kind: ChartKind;
  rows: { label: string; line: string }[];
  secondaryLine?: number;
  hiddenSeries?: number[];
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

/** The row of the tornado's block: below the four charts above it (their frames end on row 35). */
const TORNADO_TOP = 37;

/**
 * The Charts sheet (links to the statement rows the charts plot, over the note's four columns, with the engine's
 * values cached; then the tornado's stamped values) and its charts. Every line must already be placed.
 */
export function chartsSheet(ctx: PlanContext): { sheet: SheetBuilder; charts: PlanChart[] } {
  const s = new SheetBuilder(CHARTS_SHEET, [34, ...Array.from({ length: 8 }, () => 11)], {
    rows: 0,
    cols: 0,
  });
  s.print = { onePage: true };
  s.text(1, 1, 'Kingsoft Cloud: charts (live, from the statements)', 'title');
  s.text(2, 1, 'Green: links to the statement rows that the charts plot.', 'note');
  const charts: PlanChart[] = [];
  let top = 4;
  for (const def of CHARTS) {
    NOTE_PERIODS.forEach((p, i) => s.text(top, 2 + i, PERIODS[p].heading, 'header'));
    def.rows.forEach((r, j) => {
      const row = top + 1 + j;
      const line = lineDef(r.line);
      s.text(row, 1, r.label, 'label');
      NOTE_PERIODS.forEach((p, i) => {
        const home = ctx.lineCell(r.line, p);
        s.put({
          row,
          col: 2 + i,
          formula: ctx.ref(CHARTS_SHEET, home.sheet, home.row, home.col),
          cached: cached(ctx.model.value(r.line, PERIODS[p].id)),
          style: 'link',
          format: LINE_FORMAT[line.unit],
          what: `chart ${r.line}@${PERIODS[p].id}`,
        });
      });
    });
    charts.push({
      title: def.title,
      kind: def.kind,
      sheet: CHARTS_SHEET,
      source: { top, left: 1, series: def.rows.length, categories: NOTE_PERIODS.length },
      ...(def.secondaryLine !== undefined ? { secondaryLine: def.secondaryLine } : {}),
      ...(def.hiddenSeries ? { hiddenSeries: def.hiddenSeries } : {}),
      from: def.from,
      to: def.to,
    });
    top += def.rows.length + 2;
  }
  charts.push(tornadoBlock(ctx, s, TORNADO_TOP));
  return { sheet: s, charts };
}

/**
 * The tornado: each group's value per ADS at its downside and upside shocks, stamped from the engine (the workbook
 * cannot re-run the model sixteen times by formulas), drawn as floating bars around the case's value: a hidden base
 * at the lower end, then the part below the case value and the part above it. Groups run across, widest first.
 */
function tornadoBlock(ctx: PlanContext, s: SheetBuilder, top: number): PlanChart {
  const result = tornado({ scenario: ctx.scenario, overrides: ctx.overrides });
  const header = top + 2;
  const [hiddenRow, belowRow, aboveRow] = [header + 1, header + 2, header + 3];
  const [lowRow, highRow, caseRow] = [header + 5, header + 6, header + 7];
  s.text(
    top,
    1,
    'Tornado: value per ADS (US$) at a downside and an upside shock to each driver group',
    'section',
  );
  s.text(
    top + 1,
    1,
    `Grey italic: engine values stamped when the workbook was written (kc-model tornado, scenario ${ctx.scenario}${Object.keys(ctx.overrides).length ? ' with overrides' : ''}); the workbook does not recompute them.`,
    'note',
  );
  const labels: [number, string][] = [
    [hiddenRow, 'Lower end (hidden base)'],
    [belowRow, 'Below the case value'],
    [aboveRow, 'Above the case value'],
    [lowRow, 'Low: the downside shock'],
    [highRow, 'High: the upside shock'],
    [caseRow, 'The case value'],
  ];
  for (const [row, label] of labels) s.text(row, 1, label, 'label');
  const stamp = (row: number, col: number, value: Decimal, what: string) =>
    s.put({ row, col, value, style: 'note', format: FORMATS.perAds, what: `tornado ${what} (stamped)` });
  stamp(caseRow, 2, result.valuePerAdsUsd, 'case value');
  result.rows.forEach((row, i) => {
    const col = 2 + i;
    const [low, high] = [row.low.valuePerAdsUsd, row.high.valuePerAdsUsd];
    const lo = Decimal.min(low, high);
    const hi = Decimal.max(low, high);
    // The part of the bar below the case value (all of it when both ends are below; none when both are above).
    const below = Decimal.max(0, Decimal.min(result.valuePerAdsUsd, hi).minus(lo));
    s.text(header, col, row.label, 'header');
    stamp(hiddenRow, col, lo, `${row.group} base`);
    stamp(belowRow, col, below, `${row.group} below`);
    stamp(aboveRow, col, hi.minus(lo).minus(below), `${row.group} above`);
    stamp(lowRow, col, low, `${row.group} low`);
    stamp(highRow, col, high, `${row.group} high`);
  });
  return {
    title: 'Tornado: value per ADS (US$), downside and upside shock by driver group',
    kind: 'barStacked',
    sheet: CHARTS_SHEET,
    source: { top: header, left: 1, series: 3, categories: result.rows.length },
    hiddenSeries: [0],
    from: `K${top}`,
    to: `X${top + 19}`,
  };
}
