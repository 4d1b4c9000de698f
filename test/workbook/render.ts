/**
 * The workbook as LibreOffice Calc renders it (headless, a private profile that recalculates on load): printed to
 * PDF (pages per sheet, fonts), saved as OpenDocument (the charts LibreOffice imported, with their series and
 * values) and exported as text "as shown" (every cell's displayed text, per sheet). Used by the print tests and
 * by `npm run check:libreoffice`.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import type { WorkbookPlan } from '../../src/workbook/plan';
import { unescapeXml } from '../../src/workbook/ooxml';
import { planToXlsxBuffer } from '../../src/workbook/xlsx';

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A chart as LibreOffice imported it (from the OpenDocument copy). */
export interface RenderedChart {
  title: string;
  /** Series classes in order, e.g. ["chart:bar", "chart:line"]. */
  series: { cls: string; axis: string; values: string; label: string }[];
  stacked: boolean;
  /** Bars drawn horizontally. */
  horizontal: boolean;
  /** The numbers of the chart's own data table, row by row (LibreOffice's copy of the series values). */
  table: number[][];
}

export interface Rendered {
  /** Printed pages in all. */
  pages: number;
  /** Printed pages by sheet, in order. */
  sheetPages: [string, number][];
  /** Font names embedded in the PDF, without subset prefixes. */
  fonts: string[];
  charts: RenderedChart[];
  /** Every cell's displayed text, by sheet name then row then column (0-based). */
  shown: Map<string, string[][]>;
  /** The PDF itself. */
  pdf: Buffer;
}

function run(soffice: string, profile: string, args: string[]): void {
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], {
    stdio: 'pipe',
    timeout: 180_000,
  });
}

/** Writes the plan as .xlsx and renders it with LibreOffice: PDF, OpenDocument and text as shown. */
export async function renderWithLibreOffice(plan: WorkbookPlan, soffice: string): Promise<Rendered> {
  const work = mkdtempSync(path.join(tmpdir(), 'kc-render-'));
  try {
    const profile = path.join(work, 'profile');
    mkdirSync(path.join(profile, 'user'), { recursive: true });
    writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
    const input = path.join(work, 'model.xlsx');
    writeFileSync(input, await planToXlsxBuffer(plan));
    const out = (name: string) => {
      const dir = path.join(work, name);
      mkdirSync(dir);
      return dir;
    };
    const pdfDir = out('pdf');
    run(soffice, profile, ['--convert-to', 'pdf', '--outdir', pdfDir, input]);
    const odsDir = out('ods');
    run(soffice, profile, ['--convert-to', 'ods', '--outdir', odsDir, input]);
    // Text CSV of every sheet (token 12: -1), cell contents as shown (token 9), UTF-8 (76), English (1033).
    const csvDir = out('csv');
    run(soffice, profile, [
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1',
      '--outdir',
      csvDir,
      input,
    ]);
    const pdf = readFileSync(path.join(pdfDir, 'model.pdf'));
    const { pages, sheetPages } = pdfPages(pdf);
    const shown = new Map<string, string[][]>();
    for (const file of readdirSync(csvDir)) {
      const sheet = file.replace(/^model-/, '').replace(/\.csv$/, '');
      shown.set(sheet, parseCsv(readFileSync(path.join(csvDir, file), 'utf8')));
    }
    return {
      pages,
      sheetPages,
      fonts: pdfFonts(pdf),
      charts: await odsCharts(readFileSync(path.join(odsDir, 'model.ods'))),
      shown,
      pdf,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Pages of a PDF (its page tree's kids, in order) and, from its outline (one entry per sheet), pages per sheet. */
export function pdfPages(pdf: Buffer): { pages: number; sheetPages: [string, number][] } {
  const text = pdf.toString('latin1');
  const kids = /\/Type\/Pages[\s\S]*?\/Kids\[([^\]]*)\]/.exec(text) ?? /\/Kids\[([^\]]*)\]/.exec(text);
  if (!kids) throw new Error('The PDF has no page tree');
  const order = [...kids[1].matchAll(/(\d+) 0 R/g)].map((m) => m[1]);
  const starts: [string, number][] = [];
  for (const m of text.matchAll(/\/Title<FEFF([0-9A-F]*)>\s*\/Dest\[(\d+) 0 R/g)) {
    const title = Buffer.from(m[1], 'hex').swap16().toString('utf16le');
    starts.push([title, order.indexOf(m[2])]);
  }
  const sheetPages = starts.map(([title, start], i): [string, number] => [
    title,
    (i + 1 < starts.length ? starts[i + 1][1] : order.length) - start,
  ]);
  return { pages: order.length, sheetPages };
}

function pdfFonts(pdf: Buffer): string[] {
  const names = [...pdf.toString('latin1').matchAll(/\/BaseFont\/(?:[A-Z]{6}\+)?([A-Za-z0-9-]+)/g)].map(
    (m) => m[1],
  );
  return [...new Set(names)].sort();
}

/** The charts of an OpenDocument spreadsheet: each embedded chart object's title, series and data table. */
export async function odsCharts(ods: Buffer): Promise<RenderedChart[]> {
  const zip = await JSZip.loadAsync(ods);
  const manifest = await zip.file('META-INF/manifest.xml')!.async('string');
  const objects = [
    ...manifest.matchAll(
      /manifest:full-path="([^"]+)\/"\s+manifest:media-type="application\/vnd\.oasis\.opendocument\.chart"|manifest:media-type="application\/vnd\.oasis\.opendocument\.chart"[^>]*manifest:full-path="([^"]+)\/"/g,
    ),
  ].map((m) => m[1] ?? m[2]);
  const charts: RenderedChart[] = [];
  for (const object of objects) {
    const xml = await zip.file(`${object}/content.xml`)!.async('string');
    const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
    const title =
      /<chart:title\b[\s\S]*?<text:p>([\s\S]*?)<\/text:p>/.exec(xml)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
    const series = [...xml.matchAll(/<chart:series\b[^>]*>/g)].map((m) => ({
      cls: attr(m[0], 'chart:class'),
      axis: attr(m[0], 'chart:attached-axis'),
      values: attr(m[0], 'chart:values-cell-range-address'),
      label: attr(m[0], 'chart:label-cell-address'),
    }));
    const plotStyle = /<chart:plot-area\b[^>]*chart:style-name="([^"]+)"/.exec(xml)?.[1];
    const style = plotStyle
      ? (new RegExp(`<style:style style:name="${plotStyle}"[\\s\\S]*?</style:style>`).exec(xml)?.[0] ?? '')
      : '';
    const rows = /<table:table-rows>([\s\S]*?)<\/table:table-rows>/.exec(xml)?.[1] ?? '';
    const table = [...rows.matchAll(/<table:table-row>([\s\S]*?)<\/table:table-row>/g)].map((r) =>
      [...r[1].matchAll(/office:value-type="float" office:value="([^"]+)"/g)].map((v) => Number(v[1])),
    );
    charts.push({
      title: unescapeXml(title),
      series,
      stacked: /chart:stacked="true"/.test(style),
      horizontal: /chart:vertical="true"/.test(style),
      table,
    });
  }
  return charts;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field || row.length) endRow();
  return rows;
}
