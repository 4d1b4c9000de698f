/**
 * Native charts as DrawingML (ECMA-376 Part 1, §21.2 "DrawingML - Charts" and §20.5 "Spreadsheet Drawing"),
 * written from the plan's chart specs: one chart part per chart, with the series' references to the sheet and
 * their cached values (c:strCache, c:numCache), so that a spreadsheet shows them before any recalculation.
 * Child elements follow the schema's sequences (dml-chart.xsd): Excel rejects a part whose elements are out of
 * order, so test/workbook/drawingml.test.ts checks every part against them.
 */
import type { ChartKind, PlanChart } from './charts';
import { a1 } from './layout';
import type { PlanCell, WorkbookPlan } from './plan';
import { CHART_COLOURS, FONT } from './styles';

export const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;

/** Escapes text for XML content and attribute values. */
export function xmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const val = (tag: string, value: string | number) => `<c:${tag} val="${value}"/>`;

/** A series of a chart: its name, category labels and values as the plan's cells hold them. */
interface Series {
  index: number;
  nameRef: string;
  name: string;
  catRef: string;
  categories: string[];
  valRef: string;
  values: (number | undefined)[];
  format: string;
  hidden: boolean;
}

/** The series of a chart read from its source block on the plan's sheet. */
export function chartSeries(chart: PlanChart, plan: WorkbookPlan): Series[] {
  const sheet = plan.sheets.find((s) => s.name === chart.sheet);
  if (!sheet) throw new Error(`Chart "${chart.title}" is on ${chart.sheet}, which the plan does not have`);
  const at = new Map<string, PlanCell>(sheet.cells.map((c) => [`${c.row},${c.col}`, c]));
  const cell = (row: number, col: number) => at.get(`${row},${col}`);
  const text = (c: PlanCell | undefined) => String(c?.value ?? c?.cached ?? '');
  const { top, left, series, categories } = chart.source;
  const quoted = `'${chart.sheet.replace(/'/g, "''")}'!`;
  const range = (row: number) => `${quoted}${a1(row, left + 1, true)}:${a1(row, left + categories, true)}`;
  const cats = Array.from({ length: categories }, (_, i) => text(cell(top, left + 1 + i)));
  return Array.from({ length: series }, (_, k) => {
    const row = top + 1 + k;
    const cells = Array.from({ length: categories }, (_, i) => cell(row, left + 1 + i));
    return {
      index: k,
      nameRef: `${quoted}${a1(row, left, true)}`,
      name: text(cell(row, left)),
      catRef: range(top),
      categories: cats,
      valRef: range(row),
      // NM (text) is a gap in the chart, as Excel draws a text cell in a numeric series.
      values: cells.map((c) => {
        const v = c?.cached ?? c?.value;
        return v !== undefined && typeof v === 'object' ? v.toNumber() : undefined;
      }),
      format: cells.find((c) => c?.format)?.format ?? 'General',
      hidden: (chart.hiddenSeries ?? []).includes(k),
    };
  });
}

function strRef(ref: string, values: string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${xmlText(ref)}</c:f><c:strCache>${val('ptCount', values.length)}${pts}</c:strCache></c:strRef>`;
}

function numRef(ref: string, values: (number | undefined)[], format: string): string {
  const pts = values
    .map((v, i) => (v === undefined ? '' : `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>`))
    .join('');
  return (
    `<c:numRef><c:f>${xmlText(ref)}</c:f><c:numCache><c:formatCode>${xmlText(format)}</c:formatCode>` +
    `${val('ptCount', values.length)}${pts}</c:numCache></c:numRef>`
  );
}

const solid = (colour: string) => `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;

/** Shape properties of a series: its colour, or nothing at all for a hidden series (a floating bar's base). */
function seriesShape(s: Series, line: boolean): string {
  if (s.hidden) return '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>';
  const colour = CHART_COLOURS[s.index % CHART_COLOURS.length];
  return line
    ? `<c:spPr><a:ln w="28575" cap="rnd">${solid(colour)}<a:round/></a:ln></c:spPr>`
    : `<c:spPr>${solid(colour)}<a:ln><a:noFill/></a:ln></c:spPr>`;
}

function serTx(s: Series): string {
  return `<c:tx>${strRef(s.nameRef, [s.name])}</c:tx>`;
}

/** CT_BarSer: idx, order, tx, spPr, invertIfNegative, ..., cat, val. */
function barSeries(s: Series): string {
  return (
    `<c:ser>${val('idx', s.index)}${val('order', s.index)}${serTx(s)}${seriesShape(s, false)}` +
    `${val('invertIfNegative', 0)}<c:cat>${strRef(s.catRef, s.categories)}</c:cat>` +
    `<c:val>${numRef(s.valRef, s.values, s.format)}</c:val></c:ser>`
  );
}

/** CT_LineSer: idx, order, tx, spPr, marker, ..., cat, val, smooth. */
function lineSeries(s: Series): string {
  const colour = CHART_COLOURS[s.index % CHART_COLOURS.length];
  const marker = s.hidden
    ? `<c:marker>${val('symbol', 'none')}</c:marker>`
    : `<c:marker>${val('symbol', 'circle')}${val('size', 5)}<c:spPr>${solid(colour)}<a:ln>${solid(colour)}</a:ln></c:spPr></c:marker>`;
  return (
    `<c:ser>${val('idx', s.index)}${val('order', s.index)}${serTx(s)}${seriesShape(s, true)}${marker}` +
    `<c:cat>${strRef(s.catRef, s.categories)}</c:cat><c:val>${numRef(s.valRef, s.values, s.format)}</c:val>` +
    `${val('smooth', 0)}</c:ser>`
  );
}

const BAR: Record<Exclude<ChartKind, 'line'>, { dir: 'col' | 'bar'; grouping: 'clustered' | 'stacked' }> = {
  columnClustered: { dir: 'col', grouping: 'clustered' },
  columnStacked: { dir: 'col', grouping: 'stacked' },
  barClustered: { dir: 'bar', grouping: 'clustered' },
  barStacked: { dir: 'bar', grouping: 'stacked' },
};

/** CT_BarChart: barDir, grouping, varyColors, ser*, gapWidth, overlap, axId x2. */
function barChart(kind: Exclude<ChartKind, 'line'>, series: Series[], axes: [number, number]): string {
  const { dir, grouping } = BAR[kind];
  return (
    `<c:barChart>${val('barDir', dir)}${val('grouping', grouping)}${val('varyColors', 0)}` +
    series.map(barSeries).join('') +
    `${val('gapWidth', 80)}${grouping === 'stacked' ? val('overlap', 100) : ''}` +
    `${val('axId', axes[0])}${val('axId', axes[1])}</c:barChart>`
  );
}

/** CT_LineChart: grouping, varyColors, ser*, marker, axId x2. */
function lineChart(series: Series[], axes: [number, number]): string {
  return (
    `<c:lineChart>${val('grouping', 'standard')}${val('varyColors', 0)}${series.map(lineSeries).join('')}` +
    `${val('marker', 1)}${val('axId', axes[0])}${val('axId', axes[1])}</c:lineChart>`
  );
}

const gridLines = `<c:majorGridlines><c:spPr><a:ln w="6350">${solid('D9D9D9')}</a:ln></c:spPr></c:majorGridlines>`;
const axisLine = `<c:spPr><a:ln w="6350">${solid('808080')}</a:ln></c:spPr>`;

/** CT_CatAx: axId, scaling, delete, axPos, numFmt, majorTickMark, minorTickMark, tickLblPos, spPr, crossAx, crosses, auto, lblAlgn, lblOffset, noMultiLvlLbl. */
function catAx(id: number, cross: number, pos: 'b' | 'l', hidden: boolean): string {
  return (
    `<c:catAx>${val('axId', id)}<c:scaling>${val('orientation', pos === 'l' ? 'maxMin' : 'minMax')}</c:scaling>` +
    `${val('delete', hidden ? 1 : 0)}${val('axPos', pos)}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `${val('majorTickMark', 'none')}${val('minorTickMark', 'none')}${val('tickLblPos', 'low')}${axisLine}` +
    `${val('crossAx', cross)}${val('crosses', 'autoZero')}${val('auto', 1)}${val('lblAlgn', 'ctr')}` +
    `${val('lblOffset', 100)}${val('noMultiLvlLbl', 0)}</c:catAx>`
  );
}

/** CT_ValAx: axId, scaling, delete, axPos, majorGridlines, numFmt, majorTickMark, minorTickMark, tickLblPos, spPr, crossAx, crosses, crossBetween. */
function valAx(
  id: number,
  cross: number,
  pos: 'l' | 'r' | 'b' | 't',
  format: string,
  options: { gridlines: boolean; crosses: 'autoZero' | 'max' },
): string {
  return (
    `<c:valAx>${val('axId', id)}<c:scaling>${val('orientation', 'minMax')}</c:scaling>${val('delete', 0)}` +
    `${val('axPos', pos)}${options.gridlines ? gridLines : ''}<c:numFmt formatCode="${xmlText(format)}" sourceLinked="0"/>` +
    `${val('majorTickMark', 'out')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}${axisLine}` +
    `${val('crossAx', cross)}${val('crosses', options.crosses)}${val('crossBetween', 'between')}</c:valAx>`
  );
}

/** An axis's number format from its series' cell format: whole units, or whole percentages. */
function axisFormat(format: string): string {
  return format.includes('%') ? '0%' : '#,##0';
}

function runProps(size: number, bold: boolean, tag: 'defRPr' | 'rPr'): string {
  const font = `<a:latin typeface="${FONT.name}"/><a:cs typeface="${FONT.name}"/>`;
  return `<a:${tag}${tag === 'rPr' ? ' lang="en-US"' : ''} sz="${size * 100}" b="${bold ? 1 : 0}">${solid('000000')}${font}</a:${tag}>`;
}

/** The text properties of a whole chart: the sheets' font, one size down. */
const chartText = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProps(FONT.noteSize, false, 'defRPr')}</a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;

/** The chart part (xl/charts/chartN.xml) of one chart. */
export function chartPart(chart: PlanChart, plan: WorkbookPlan): string {
  const series = chartSeries(chart, plan);
  const secondary = series.filter((s) => s.index === chart.secondaryLine);
  const primary = series.filter((s) => s.index !== chart.secondaryLine);
  if (primary.length === 0) throw new Error(`Chart "${chart.title}" has no series on its primary axis`);
  const horizontal = chart.kind === 'barClustered' || chart.kind === 'barStacked';
  const groups =
    (chart.kind === 'line' ? lineChart(primary, [1, 2]) : barChart(chart.kind, primary, [1, 2])) +
    (secondary.length ? lineChart(secondary, [3, 4]) : '');
  const axes =
    catAx(1, 2, horizontal ? 'l' : 'b', false) +
    // A horizontal chart lists its categories top-down (reversed axis), so its value axis crosses at the bottom.
    valAx(2, 1, horizontal ? 'b' : 'l', axisFormat(primary[0].format), {
      gridlines: true,
      crosses: horizontal ? 'max' : 'autoZero',
    }) +
    (secondary.length
      ? catAx(3, 4, 'b', true) +
        valAx(4, 3, 'r', axisFormat(secondary[0].format), { gridlines: false, crosses: 'max' })
      : '');
  const hiddenEntries = series
    .filter((s) => s.hidden)
    .map((s) => `<c:legendEntry>${val('idx', s.index)}${val('delete', 1)}</c:legendEntry>`)
    .join('');
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProps(FONT.size + 1, true, 'defRPr')}</a:pPr>` +
    `<a:r>${runProps(FONT.size + 1, true, 'rPr')}<a:t>${xmlText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `${val('overlay', 0)}</c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `${val('date1904', 0)}${val('lang', 'en-US')}${val('roundedCorners', 0)}` +
    `<c:chart>${title}${val('autoTitleDeleted', 0)}<c:plotArea><c:layout/>${groups}${axes}</c:plotArea>` +
    `<c:legend>${val('legendPos', 'b')}${hiddenEntries}${val('overlay', 0)}</c:legend>` +
    `${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}</c:chart>` +
    `<c:spPr>${solid('FFFFFF')}<a:ln><a:noFill/></a:ln></c:spPr>${chartText}` +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>` +
    `</c:chartSpace>`
  );
}

/** A cell reference "H3" as zero-based column and row. */
function corner(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`Bad chart corner ${ref}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { col: col - 1, row: Number(m[2]) - 1 };
}

/** The drawing part (xl/drawings/drawingN.xml) of one sheet: a frame per chart, each pointing at rId1, rId2, ... */
export function drawingPart(charts: PlanChart[]): string {
  const anchors = charts.map((chart, i) => {
    const from = corner(chart.from);
    const to = corner(chart.to);
    const cell = (tag: 'from' | 'to', c: { col: number; row: number }) =>
      `<xdr:${tag}><xdr:col>${c.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${cell('from', from)}${cell('to', to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlText(`Chart ${i + 1}`)}" descr="${xmlText(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rId${i + 1}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join('')}</xdr:wsDr>`
  );
}
