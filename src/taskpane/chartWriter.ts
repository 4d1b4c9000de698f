/// <reference types="office-js" />
/**
 * Draws the plan's charts (src/workbook/charts.ts) with worksheet.charts.add, named "KC chart 1", ... so that an
 * update finds them again. An update keeps a chart whose definition is unchanged (its source rows are rewritten in
 * place, so it shows the new figures and keeps the user's formatting), and redraws one whose definition changed.
 * Charts the user drew, on any sheet, are never touched.
 */
import type { ChartKind, PlanChart } from '../workbook/charts';
import { CHART_COLOURS } from '../workbook/styles';
import { a1 } from './addresses';
import { chartName } from './layout';

const CHART_TYPE: Record<ChartKind, `${Excel.ChartType}`> = {
  columnClustered: 'ColumnClustered',
  columnStacked: 'ColumnStacked',
  line: 'Line',
  barClustered: 'BarClustered',
  barStacked: 'BarStacked',
};

/**
 * Queues the charts of one sheet. `existing`: the names of the charts on the sheet now; `recorded`: chart name ->
 * definition hash as last written on this sheet; `wanted`: chart name -> definition hash now; `layoutChanged`: the
 * workbook was written in another layout. A chart of the add-in's name with no record (a record from before charts
 * were kept per sheet) is redrawn when the layout changed, and kept otherwise (the same layout has the same charts).
 * Returns the estimated JSON size.
 */
export function queueCharts(
  ws: Excel.Worksheet,
  charts: readonly PlanChart[],
  existing: readonly string[],
  recorded: ReadonlyMap<string, string>,
  wanted: ReadonlyMap<string, string>,
  layoutChanged: boolean,
): number {
  let bytes = 0;
  const present = new Set(existing);
  const stale = (name: string) => {
    const was = recorded.get(name);
    return was === undefined ? layoutChanged && wanted.has(name) : was !== wanted.get(name);
  };
  // Charts the add-in drew whose definition changed or that a newer layout no longer has.
  for (const name of new Set([...recorded.keys(), ...wanted.keys()]))
    if (present.has(name) && stale(name)) {
      ws.charts.getItem(name).delete();
      present.delete(name);
      bytes += 150;
    }
  charts.forEach((spec, i) => {
    const name = chartName(i);
    if (present.has(name)) return;
    const { top, left, series, categories } = spec.source;
    const source = ws.getRange(`${a1(top, left)}:${a1(top + series, left + categories)}`);
    const chart = ws.charts.add(CHART_TYPE[spec.kind], source, 'Rows');
    chart.name = name;
    chart.title.text = spec.title;
    chart.legend.position = 'Bottom';
    chart.setPosition(spec.from, spec.to);
    if (spec.secondaryLine !== undefined) {
      const line = chart.series.getItemAt(spec.secondaryLine);
      line.chartType = 'Line';
      line.axisGroup = 'Secondary';
    }
    // The series colours every writer uses (src/workbook/styles.ts); lines are coloured as lines.
    for (let i = 0; i < series; i++) {
      const colour = `#${CHART_COLOURS[i % CHART_COLOURS.length]}`;
      const format = chart.series.getItemAt(i).format;
      if (spec.kind === 'line' || i === spec.secondaryLine) format.line.color = colour;
      else if (!(spec.hiddenSeries ?? []).includes(i)) format.fill.setSolidColor(colour);
    }
    for (const hidden of spec.hiddenSeries ?? []) chart.series.getItemAt(hidden).format.fill.clear();
    bytes += 900;
  });
  return bytes;
}
