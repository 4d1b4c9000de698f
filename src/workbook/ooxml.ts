/**
 * Finishes the package ExcelJS writes (ExcelJS writes cells, styles, names and page setup, but no charts, no
 * outline summaries and no default font): adds the native charts as DrawingML parts, writes each sheet's outline
 * (collapsed groups of workings and ids), names the default font, and keeps every element in the order the schema
 * (ECMA-376 Part 1, §18.3 "Worksheets") requires. ExcelJS 4.4 writes <pageSetUpPr> before <outlinePr> inside
 * <sheetPr>, which Excel reports as a damaged file (exceljs issue #1348), so the outline properties are added here.
 */
import JSZip from 'jszip';
import { chartPart, drawingPart } from './drawingml';
import type { PlanSheet, Span, WorkbookPlan } from './plan';
import { FONT } from './styles';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPES = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;
/** The relationship id of a sheet's drawing, distinct from the ids ExcelJS gives (rId1, rId2, ...). */
const DRAWING_REL_ID = 'rIdKcDrawing';

/** Elements that follow <drawing> in a worksheet (CT_Worksheet's sequence): the drawing goes before the first. */
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

/** Finishes ExcelJS's package for the plan: charts, outlines, default font. Returns the new package bytes. */
export async function finishPackage(data: ArrayBuffer | Buffer, plan: WorkbookPlan): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const parts = await sheetParts(zip);
  let drawings = 0;
  let charts = 0;
  const overrides: string[] = [];
  for (const sheet of plan.sheets) {
    const part = parts.get(sheet.name);
    if (!part) throw new Error(`The package has no part for sheet ${sheet.name}`);
    let xml = await read(zip, part);
    xml = outline(xml, sheet);
    const sheetCharts = plan.charts.filter((c) => c.sheet === sheet.name);
    if (sheetCharts.length) {
      const drawing = `xl/drawings/drawing${++drawings}.xml`;
      if (zip.file(drawing)) throw new Error(`The package already has ${drawing}`);
      const rels: string[] = [];
      for (const chart of sheetCharts) {
        const chartName = `xl/charts/chart${++charts}.xml`;
        zip.file(chartName, chartPart(chart, plan));
        overrides.push(`<Override PartName="/${chartName}" ContentType="${TYPES.chart}"/>`);
        rels.push(
          `<Relationship Id="rId${rels.length + 1}" Type="${REL}/chart" Target="../charts/chart${charts}.xml"/>`,
        );
      }
      zip.file(drawing, drawingPart(sheetCharts));
      zip.file(relsOf(drawing), relationships(rels));
      overrides.push(`<Override PartName="/${drawing}" ContentType="${TYPES.drawing}"/>`);
      await addRelationship(
        zip,
        relsOf(part),
        `<Relationship Id="${DRAWING_REL_ID}" Type="${REL}/drawing" Target="../drawings/drawing${drawings}.xml"/>`,
      );
      xml = insertBefore(xml, AFTER_DRAWING, `<drawing r:id="${DRAWING_REL_ID}"/>`);
    }
    zip.file(part, xml);
  }
  if (overrides.length) {
    const types = await read(zip, '[Content_Types].xml');
    zip.file('[Content_Types].xml', types.replace('</Types>', `${overrides.join('')}</Types>`));
  }
  await defaultFont(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function read(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`The package has no ${name}`);
  return file.async('string');
}

/** Sheet name -> worksheet part, from the workbook and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await read(zip, 'xl/workbook.xml');
  const rels = await read(zip, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && id && targets.has(id)) parts.set(unescapeXml(name), targets.get(id)!);
  }
  return parts;
}

/** XML text with its entities read back: the five named ones and numeric character references. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function relationships(items: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`
  );
}

async function addRelationship(zip: JSZip, name: string, item: string): Promise<void> {
  const existing = zip.file(name) ? await read(zip, name) : relationships([]);
  zip.file(name, existing.replace('</Relationships>', `${item}</Relationships>`));
}

function insertBefore(xml: string, markers: string[], text: string): string {
  const at = Math.min(...markers.map((m) => xml.indexOf(m)).filter((i) => i >= 0));
  return xml.slice(0, at) + text + xml.slice(at);
}

/**
 * The sheet's outline: <outlinePr> (summary row above, summary column left) in <sheetPr>; the columns rewritten
 * with their widths, groups and the collapsed mark on each group's summary column; and on rows the collapsed mark
 * moved from the hidden detail rows (where ExcelJS puts it) to each group's summary row (where ECMA-376 §18.3.1.73
 * puts it: "the rows one level of outlining deeper than the current row are in the collapsed outline state").
 */
function outline(xml: string, sheet: PlanSheet): string {
  const { rows, cols } = sheet.groups;
  let out = xml.replace(/<cols>[\s\S]*?<\/cols>/, columns(sheet));
  if (rows.length === 0 && cols.length === 0) return out;
  const outlinePr = '<outlinePr summaryBelow="0" summaryRight="0"/>';
  if (/<sheetPr\/>/.test(out)) out = out.replace('<sheetPr/>', `<sheetPr>${outlinePr}</sheetPr>`);
  else if (/<sheetPr[\s>]/.test(out)) {
    const open = /<sheetPr[^>]*>/.exec(out)!;
    const body = out.indexOf('</sheetPr>', open.index);
    const inner = out.slice(open.index + open[0].length, body);
    const tab = /^<tabColor[^>]*\/>/.exec(inner)?.[0] ?? '';
    out =
      out.slice(0, open.index + open[0].length) + tab + outlinePr + inner.slice(tab.length) + out.slice(body);
  } else out = out.replace(/(<worksheet\b[^>]*>)/, `$1<sheetPr>${outlinePr}</sheetPr>`);
  out = out.replace(/(<row\b[^>]*?) collapsed="1"/g, '$1');
  for (const group of rows) {
    const summary = group.from - 1;
    const tag = new RegExp(`<row r="${summary}"(?=[\\s/>])`);
    if (!tag.test(out))
      throw new Error(`${sheet.name}: row ${summary} (the summary of a group) is not written`);
    out = out.replace(tag, `<row r="${summary}" collapsed="1"`);
  }
  return out;
}

/** The <cols> element of a sheet: widths, grouped columns hidden at outline level 1, summary columns collapsed. */
function columns(sheet: PlanSheet): string {
  const inGroup = (col: number) => sheet.groups.cols.some((g: Span) => col >= g.from && col <= g.to);
  const summary = new Set(sheet.groups.cols.map((g) => g.from - 1));
  const last = Math.max(sheet.widths.length, ...sheet.groups.cols.map((g) => g.to));
  const attrs = Array.from({ length: last }, (_, i) => {
    const col = i + 1;
    const width = sheet.widths[i] ?? 9.140625;
    return (
      `width="${width}" customWidth="1"` +
      (inGroup(col) ? ' hidden="1" outlineLevel="1"' : '') +
      (summary.has(col) ? ' collapsed="1"' : '')
    );
  });
  let xml = '';
  for (let i = 0; i < attrs.length;) {
    let j = i;
    while (j + 1 < attrs.length && attrs[j + 1] === attrs[i]) j++;
    xml += `<col min="${i + 1}" max="${j + 1}" ${attrs[i]}/>`;
    i = j + 1;
  }
  return `<cols>${xml}</cols>`;
}

/**
 * The default font (font 0, which the Normal style, empty cells and column widths use) and the theme's fonts
 * become the sheets' font, so that no cell falls back to Calibri or a serif.
 */
async function defaultFont(zip: JSZip): Promise<void> {
  const styles = await read(zip, 'xl/styles.xml');
  const font = `<font><sz val="${FONT.size}"/><color theme="1"/><name val="${FONT.name}"/><family val="2"/></font>`;
  zip.file('xl/styles.xml', styles.replace(/(<fonts\b[^>]*>)<font>[\s\S]*?<\/font>/, `$1${font}`));
  const theme = zip.file('xl/theme/theme1.xml');
  if (theme) {
    const xml = await theme.async('string');
    zip.file(
      'xl/theme/theme1.xml',
      xml.replace(/<a:latin typeface="[^"]*"/g, `<a:latin typeface="${FONT.name}"`),
    );
  }
}
