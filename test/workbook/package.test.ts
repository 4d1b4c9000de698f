/**
 * The .xlsx package as Excel reads it: native charts (DrawingML) with cached series, the print setup, named fonts,
 * collapsed outlines and the boxed grid base cell, each element in the order ECMA-376 requires. Element order is
 * checked against the schemas' sequences (ECMA-376 Part 1: sml.xsd CT_Worksheet and CT_SheetPr, dml-chart.xsd),
 * since Excel refuses or "repairs" a part whose children are out of order and LibreOffice does not (it forgives).
 */
import JSZip from 'jszip';
import type { ChartKind, PlanChart } from '../../src/workbook/charts';
import { buildPlan, colLetter, type PlanCell, type WorkbookPlan } from '../../src/workbook/plan';
import { planToXlsxBuffer } from '../../src/workbook/xlsx';
import { find, findAll, parseXml, sequenceProblems, type XmlNode } from './xml';

const DATE = '2026-05-28';

/** ECMA-376 Part 1, sml.xsd: CT_Worksheet's and CT_SheetPr's sequences. */
const WORKSHEET = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins',
  'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors',
  'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
]; // prettier-ignore
const SHEET_PR = ['tabColor', 'outlinePr', 'pageSetUpPr'];

/** ECMA-376 Part 1, dml-chart.xsd: the sequences of the chart elements this project writes. */
const CHART_SEQUENCES: Record<string, (string | string[])[]> = {
  'c:chartSpace': ['c:date1904', 'c:lang', 'c:roundedCorners', 'mc:AlternateContent', 'c:style', 'c:clrMapOvr',
    'c:pivotSource', 'c:protection', 'c:chart', 'c:spPr', 'c:txPr', 'c:externalData', 'c:printSettings',
    'c:userShapes', 'c:extLst'],
  'c:chart': ['c:title', 'c:autoTitleDeleted', 'c:pivotFmts', 'c:view3D', 'c:floor', 'c:sideWall', 'c:backWall',
    'c:plotArea', 'c:legend', 'c:plotVisOnly', 'c:dispBlanksAs', 'c:showDLblsOverMax', 'c:extLst'],
  'c:title': ['c:tx', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr', 'c:extLst'],
  // The chart groups are a choice, and so are the axes (any order among them).
  'c:plotArea': ['c:layout', ['c:barChart', 'c:lineChart'], ['c:catAx', 'c:valAx'], 'c:dTable', 'c:spPr', 'c:extLst'],
  'c:barChart': ['c:barDir', 'c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:gapWidth', 'c:overlap',
    'c:serLines', 'c:axId', 'c:extLst'],
  'c:lineChart': ['c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:dropLines', 'c:hiLowLines', 'c:upDownBars',
    'c:marker', 'c:smooth', 'c:axId', 'c:extLst'],
  'c:barChart/c:ser': ['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:invertIfNegative', 'c:pictureOptions', 'c:dPt',
    'c:dLbls', 'c:trendline', 'c:errBars', 'c:cat', 'c:val', 'c:shape', 'c:extLst'],
  'c:lineChart/c:ser': ['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:marker', 'c:dPt', 'c:dLbls', 'c:trendline',
    'c:errBars', 'c:cat', 'c:val', 'c:smooth', 'c:extLst'],
  'c:marker': ['c:symbol', 'c:size', 'c:spPr', 'c:extLst'],
  'c:catAx': ['c:axId', 'c:scaling', 'c:delete', 'c:axPos', 'c:majorGridlines', 'c:minorGridlines', 'c:title',
    'c:numFmt', 'c:majorTickMark', 'c:minorTickMark', 'c:tickLblPos', 'c:spPr', 'c:txPr', 'c:crossAx',
    'c:crosses', 'c:crossesAt', 'c:auto', 'c:lblAlgn', 'c:lblOffset', 'c:tickLblSkip', 'c:tickMarkSkip',
    'c:noMultiLvlLbl', 'c:extLst'],
  'c:valAx': ['c:axId', 'c:scaling', 'c:delete', 'c:axPos', 'c:majorGridlines', 'c:minorGridlines', 'c:title',
    'c:numFmt', 'c:majorTickMark', 'c:minorTickMark', 'c:tickLblPos', 'c:spPr', 'c:txPr', 'c:crossAx',
    'c:crosses', 'c:crossesAt', 'c:crossBetween', 'c:majorUnit', 'c:minorUnit', 'c:dispUnits', 'c:extLst'],
  'c:scaling': ['c:logBase', 'c:orientation', 'c:max', 'c:min', 'c:extLst'],
  'c:legend': ['c:legendPos', 'c:legendEntry', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr', 'c:extLst'],
  'c:legendEntry': ['c:idx', 'c:delete', 'c:txPr', 'c:extLst'],
  'c:numCache': ['c:formatCode', 'c:ptCount', 'c:pt', 'c:extLst'],
  'c:strCache': ['c:ptCount', 'c:pt', 'c:extLst'],
  'c:numRef': ['c:f', 'c:numCache', 'c:extLst'],
  'c:strRef': ['c:f', 'c:strCache', 'c:extLst'],
}; // prettier-ignore

interface Package {
  zip: JSZip;
  xml(name: string): Promise<XmlNode>;
  /** Worksheet part by sheet name. */
  sheet(name: string): Promise<XmlNode>;
}

async function open(plan: WorkbookPlan): Promise<Package> {
  const zip = await JSZip.loadAsync(await planToXlsxBuffer(plan));
  const xml = async (name: string) => parseXml(await zip.file(name)!.async('string'));
  const workbook = await xml('xl/workbook.xml');
  const rels = await xml('xl/_rels/workbook.xml.rels');
  const target = (id: string) => findAll(rels, 'Relationship').find((r) => r.attrs.Id === id)!.attrs.Target;
  return {
    zip,
    xml,
    sheet: (name) => {
      const entry = findAll(workbook, 'sheet').find((s) => s.attrs.name === name)!;
      return xml(`xl/${target(entry.attrs['r:id']).replace(/^\/?(xl\/)?/, '')}`);
    },
  };
}

/** Children-order problems of every element in a chart part that has a known sequence. */
function chartOrderProblems(node: XmlNode, parent = ''): string[] {
  const key = node.name === 'c:ser' ? `${parent}/c:ser` : node.name;
  const own = CHART_SEQUENCES[key] ? sequenceProblems(node, CHART_SEQUENCES[key]) : [];
  return [...own, ...node.children.flatMap((c) => chartOrderProblems(c, node.name))];
}

const cellAt = (plan: WorkbookPlan, sheet: string, row: number, col: number): PlanCell | undefined =>
  plan.sheets.find((s) => s.name === sheet)!.cells.find((c) => c.row === row && c.col === col);

let plan: WorkbookPlan;
let pkg: Package;
beforeAll(async () => {
  plan = buildPlan({ date: DATE, version: 'kc-model test' });
  pkg = await open(plan);
});

/** The plan's charts in the order the package numbers their parts: sheet by sheet, then the plan's order. */
function partOrder(p: WorkbookPlan): PlanChart[] {
  return p.sheets.flatMap((s) => p.charts.filter((c) => c.sheet === s.name));
}

describe('charts in the .xlsx', () => {
  it('has a native chart part for every chart of the plan, drawn on its sheet and declared in the content types', async () => {
    expect(plan.charts.length).toBeGreaterThan(0);
    const charts = Object.keys(pkg.zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(plan.charts.length);
    const types = await pkg.zip.file('[Content_Types].xml')!.async('string');
    for (const part of charts) expect(types).toContain(`PartName="/${part}"`);
    // One drawing per sheet with charts, numbered in the sheets' order.
    const sheetsWithCharts = plan.sheets
      .map((s) => s.name)
      .filter((n) => plan.charts.some((c) => c.sheet === n));
    for (const [i, sheetName] of sheetsWithCharts.entries()) {
      const sheet = await pkg.sheet(sheetName);
      const drawing = find(sheet, 'drawing');
      expect(drawing.attrs['r:id']).toBeDefined();
      const anchors = findAll(await pkg.xml(`xl/drawings/drawing${i + 1}.xml`), 'xdr:twoCellAnchor');
      expect(anchors).toHaveLength(plan.charts.filter((c) => c.sheet === sheetName).length);
    }
  });

  it("writes each series' references with the engine's cached values, names and number formats", async () => {
    for (const [k, chart] of partOrder(plan).entries()) {
      const part = await pkg.xml(`xl/charts/chart${k + 1}.xml`);
      expect(find(part, 'a:t').text).toBe(chart.title);
      const series = findAll(part, 'c:ser');
      expect(series).toHaveLength(chart.source.series);
      series.forEach((ser, j) => {
        const row = chart.source.top + 1 + j;
        const name = cellAt(plan, chart.sheet, row, chart.source.left)!;
        expect(find(find(ser, 'c:tx'), 'c:v').text).toBe(name.value);
        const val = find(ser, 'c:val');
        const last = colLetter(chart.source.left + chart.source.categories);
        expect(find(val, 'c:f').text).toBe(`'${chart.sheet}'!$B$${row}:$${last}$${row}`);
        const cache = find(val, 'c:numCache');
        const points = findAll(cache, 'c:pt').map((p) => [Number(p.attrs.idx), Number(find(p, 'c:v').text)]);
        const cells = Array.from({ length: chart.source.categories }, (_, i) =>
          cellAt(plan, chart.sheet, row, chart.source.left + 1 + i),
        );
        expect(points).toEqual(
          cells.map((c, i) => [i, ((c!.cached ?? c!.value) as { toNumber(): number }).toNumber()]),
        );
        expect(find(cache, 'c:formatCode').text).toBe(cells[0]!.format);
        const categories = findAll(find(ser, 'c:cat'), 'c:v').map((v) => v.text);
        expect(categories).toEqual(
          cells.map((_, i) => cellAt(plan, chart.sheet, chart.source.top, chart.source.left + 1 + i)!.value),
        );
      });
    }
  });

  it('draws every chart kind, hidden series (floating bars) and a secondary-axis line', async () => {
    const base = plan.charts[0];
    const kinds: ChartKind[] = ['columnClustered', 'columnStacked', 'line', 'barClustered', 'barStacked'];
    const specs: PlanChart[] = kinds.map((kind, i) => ({
      ...base,
      kind,
      title: `Kind ${kind}`,
      secondaryLine: kind === 'columnClustered' ? 1 : undefined,
      hiddenSeries: kind === 'barStacked' ? [0] : undefined,
      from: `H${40 + 20 * i}`,
      to: `O${55 + 20 * i}`,
    }));
    const every = await open({ ...plan, charts: specs });
    const parts = await Promise.all(specs.map((_, i) => every.xml(`xl/charts/chart${i + 1}.xml`)));
    const expected: Record<ChartKind, { group: string; dir?: string; grouping: string }> = {
      columnClustered: { group: 'c:barChart', dir: 'col', grouping: 'clustered' },
      columnStacked: { group: 'c:barChart', dir: 'col', grouping: 'stacked' },
      line: { group: 'c:lineChart', grouping: 'standard' },
      barClustered: { group: 'c:barChart', dir: 'bar', grouping: 'clustered' },
      barStacked: { group: 'c:barChart', dir: 'bar', grouping: 'stacked' },
    };
    parts.forEach((part, i) => {
      const want = expected[kinds[i]];
      const group = find(part, 'c:plotArea').children.find((c) => c.name.endsWith('Chart'))!;
      expect(group.name).toBe(want.group);
      expect(find(group, 'c:grouping').attrs.val).toBe(want.grouping);
      if (want.dir) expect(find(group, 'c:barDir').attrs.val).toBe(want.dir);
      if (want.grouping === 'stacked') expect(find(group, 'c:overlap').attrs.val).toBe('100');
      expect(chartOrderProblems(part)).toEqual([]);
    });
    // The combination: the second series is a line on its own axes, the value axis on the right.
    const combo = find(parts[0], 'c:plotArea');
    const line = find(combo, 'c:lineChart');
    expect(findAll(line, 'c:ser').map((s) => find(s, 'c:idx').attrs.val)).toEqual(['1']);
    expect(findAll(line, 'c:axId').map((a) => a.attrs.val)).toEqual(['3', '4']);
    const secondary = findAll(combo, 'c:valAx').find((a) => find(a, 'c:axId').attrs.val === '4')!;
    expect(find(secondary, 'c:axPos').attrs.val).toBe('r');
    expect(find(secondary, 'c:crosses').attrs.val).toBe('max');
    // The floating bar's base: no fill, no line, no legend entry.
    const hidden = findAll(parts[4], 'c:ser')[0];
    expect(find(hidden, 'c:spPr').children.map((c) => c.name)).toEqual(['a:noFill', 'a:ln']);
    expect(find(find(hidden, 'c:spPr'), 'a:ln').children.map((c) => c.name)).toEqual(['a:noFill']);
    const entry = find(find(parts[4], 'c:legend'), 'c:legendEntry');
    expect([find(entry, 'c:idx').attrs.val, find(entry, 'c:delete').attrs.val]).toEqual(['0', '1']);
  });

  it('numbers the chart parts sheet by sheet, in the plan’s order within a sheet', () => {
    expect(partOrder(plan).map((c) => c.sheet)).toEqual([
      'Valuation',
      'Charts',
      'Charts',
      'Charts',
      'Charts',
      'Charts',
    ]);
  });

  it("keeps every chart element in the schema's order", async () => {
    for (let k = 0; k < plan.charts.length; k++)
      expect(chartOrderProblems(await pkg.xml(`xl/charts/chart${k + 1}.xml`))).toEqual([]);
  });
});

describe('the printed workbook', () => {
  it("keeps every worksheet's elements, and <sheetPr>'s, in the schema's order (exceljs #1348)", async () => {
    for (const s of plan.sheets) {
      const sheet = await pkg.sheet(s.name);
      expect(sequenceProblems(sheet, WORKSHEET)).toEqual([]);
      expect(sequenceProblems(find(sheet, 'sheetPr'), SHEET_PR)).toEqual([]);
    }
  });

  it('prints landscape on A4, one page wide (the Summary, DCF, Valuation and Charts on one page), with header and footer', async () => {
    for (const s of plan.sheets) {
      const sheet = await pkg.sheet(s.name);
      expect(find(find(sheet, 'sheetPr'), 'pageSetUpPr').attrs.fitToPage).toBe('1');
      const setup = find(sheet, 'pageSetup').attrs;
      expect(setup).toMatchObject({ orientation: 'landscape', paperSize: '9', fitToWidth: '1' });
      expect(setup.fitToHeight).toBe(['Summary', 'DCF', 'Valuation', 'Charts'].includes(s.name) ? '1' : '0');
      const header = find(find(sheet, 'headerFooter'), 'oddHeader').text;
      const footer = find(find(sheet, 'headerFooter'), 'oddFooter').text;
      expect(header).toContain('Kingsoft Cloud (KC) model');
      expect(header).toContain('Scenario written: Base');
      expect(header).toContain('&A');
      expect(footer).toMatch(/Page &P of &N/);
      expect(header).toContain('&"Arial,Regular"');
    }
  });

  it('repeats the title rows and the label columns of every period sheet on each printed page', async () => {
    const workbook = await pkg.xml('xl/workbook.xml');
    const titles = findAll(workbook, 'definedName').filter((n) => n.attrs.name === '_xlnm.Print_Titles');
    const sheets = plan.sheets.map((s) => s.name);
    const byName = new Map(titles.map((t) => [sheets[Number(t.attrs.localSheetId)], t.text]));
    for (const s of [
      'Assumptions',
      'Income Statement',
      'Balance Sheet',
      'Cash Flow',
      'Schedules',
      'Ratios',
      'DCF',
    ])
      expect(byName.get(s)).toBe(`'${s}'!$A:$B,'${s}'!$1:$3`);
    expect(byName.get('Checks')).toBe(`'Checks'!$A:$B,'Checks'!$1:$2`);
  });

  it('names a font everywhere: the default font (empty cells, the Normal style), every cell, the theme, the charts', async () => {
    const styles = await pkg.xml('xl/styles.xml');
    const fonts = findAll(find(styles, 'fonts'), 'font');
    expect(fonts.map((f) => find(f, 'name').attrs.val)).toEqual(fonts.map(() => 'Arial'));
    expect(find(fonts[0], 'sz').attrs.val).toBe('10');
    expect(findAll(fonts[0], 'scheme')).toEqual([]);
    const theme = await pkg.xml('xl/theme/theme1.xml');
    const faces = findAll(theme, 'a:latin').map((l) => l.attrs.typeface);
    expect(faces.length).toBeGreaterThan(0);
    expect(new Set(faces)).toEqual(new Set(['Arial']));
    const chart = await pkg.xml('xl/charts/chart1.xml');
    expect(new Set(findAll(chart, 'a:latin').map((l) => l.attrs.typeface))).toEqual(new Set(['Arial']));
  });

  it('groups and collapses the id column on every sheet that has one', async () => {
    const withIds = plan.sheets.filter((s) =>
      s.cells.some((c) => c.row === 3 && c.col === 3 && c.value === 'Id'),
    );
    expect(withIds.map((s) => s.name)).toEqual([
      'Assumptions', 'Income Statement', 'Balance Sheet', 'Cash Flow', 'Schedules', 'Ratios', 'DCF', 'Checks',
    ]); // prettier-ignore
    for (const s of withIds) {
      const sheet = await pkg.sheet(s.name);
      const cols = findAll(find(sheet, 'cols'), 'col');
      const at = (n: number) => cols.find((c) => Number(c.attrs.min) <= n && n <= Number(c.attrs.max))!.attrs;
      expect(at(3)).toMatchObject({ hidden: '1', outlineLevel: '1' });
      expect(at(2).collapsed).toBe('1');
      expect(at(4).hidden).toBeUndefined();
      expect(find(sheet, 'outlinePr').attrs).toEqual({ summaryBelow: '0', summaryRight: '0' });
      expect(find(sheet, 'sheetFormatPr').attrs.outlineLevelCol).toBe('1');
    }
  });

  it("groups and collapses the DCF grid's workings: the DCF sheet shows under 80 rows", async () => {
    const dcf = plan.sheets.find((s) => s.name === 'DCF')!;
    const workings = new Set(dcf.cells.filter((c) => c.what?.startsWith('grid workings')).map((c) => c.row));
    expect(workings.size).toBeGreaterThan(100);
    const rows = findAll(await pkg.sheet('DCF'), 'row');
    for (const r of rows.filter((x) => workings.has(Number(x.attrs.r))))
      expect(r.attrs).toMatchObject({ hidden: '1', outlineLevel: '1' });
    const visible = rows.filter((r) => r.attrs.hidden !== '1').map((r) => Number(r.attrs.r));
    expect(Math.max(...visible)).toBeLessThan(80);
    // The collapsed mark is on the group's summary row (the heading above it), not on the hidden rows.
    const collapsed = rows.filter((r) => r.attrs.collapsed === '1');
    expect(collapsed).toHaveLength(1);
    expect(collapsed[0].attrs.hidden).toBeUndefined();
    expect(Number(collapsed[0].attrs.r)).toBe(Math.min(...workings) - 2);
  });

  it("boxes the grid's base cell (the live WACC and terminal growth) and gives it a note", async () => {
    const dcf = plan.sheets.find((s) => s.name === 'DCF')!;
    const base = dcf.cells.filter((c) => c.style === 'base');
    expect(base.map((c) => c.what)).toEqual(['grid g=0.03 wacc=0.103']);
    const value = dcf.cells.find((c) => c.what === 'valuePerAdsUsd')!;
    expect(Number(base[0].cached)).toBeCloseTo(Number(value.cached), 9);
    const ref = `${String.fromCharCode(64 + base[0].col)}${base[0].row}`;
    const cell = findAll(await pkg.sheet('DCF'), 'c').find((c) => c.attrs.r === ref)!;
    const styles = await pkg.xml('xl/styles.xml');
    const xf = findAll(find(styles, 'cellXfs'), 'xf')[Number(cell.attrs.s)];
    const border = findAll(find(styles, 'borders'), 'border')[Number(xf.attrs.borderId)];
    for (const side of ['left', 'right', 'top', 'bottom'])
      expect(find(border, side).attrs.style).toBe('medium');
    const fill = findAll(find(styles, 'fills'), 'fill')[Number(xf.attrs.fillId)];
    expect(find(fill, 'fgColor').attrs.rgb).toBe('FFDDEBF7');
    const comments = Object.keys(pkg.zip.files).find((f) => /^xl\/comments\d*\.xml$/.test(f))!;
    const notes = await pkg.xml(comments);
    const note = findAll(notes, 'comment').find((c) => c.attrs.ref === ref)!;
    expect(
      findAll(note, 't')
        .map((t) => t.text)
        .join(''),
    ).toMatch(/^Base case: WACC 10\.3% and terminal growth 3\.00%/);
  });
});

describe('cached values', () => {
  it('caches the Checks and Summary master checks as FALSE when a check fails (a mistyped 12/25 cash)', async () => {
    const broken = buildPlan({ date: DATE, overrides: { 'cash.2025A': 7000 } });
    const master = cellAt(broken, 'Checks', broken.anchors.masterCheck.row, broken.anchors.masterCheck.col)!;
    expect(master.cached).toBe(false);
    const summary = broken.sheets[0].cells.find((c) => c.formula === 'masterCheck')!;
    expect(summary.cached).toBe(false);
    const result = broken.sheets
      .find((s) => s.name === 'Checks')!
      .cells.find((c) => c.what === 'result checkBalance')!;
    expect(result.cached).toBe('FAIL');
    // In the file: a boolean FALSE result on both cells.
    const file = await open(broken);
    const summaryRef = `D${summary.row}`;
    const cell = findAll(await file.sheet('Summary'), 'c').find((c) => c.attrs.r === summaryRef)!;
    expect(cell.attrs.t).toBe('b');
    expect(find(cell, 'v').text).toBe('0');
  });
});
